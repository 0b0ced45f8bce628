import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const { compilerOptions } = JSON.parse(readFileSync(resolve(__dirname, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const alias = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([name, [target]]) => [name, resolve(__dirname, target)]),
);

// SWC keeps decorator metadata, which NestJS dependency injection needs and esbuild drops.
const server = { plugins: [swc.vite({ module: { type: 'es6' } })], resolve: { alias } };

export default defineConfig({
  test: {
    projects: [
      {
        ...server,
        test: {
          name: 'unit',
          include: ['{apps,libs}/**/*.spec.{ts,tsx}', 'test/lint/*.spec.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        ...server,
        test: {
          name: 'medium',
          sequence: { groupOrder: 1 },
          include: ['{apps,libs,test}/**/*.medium-spec.ts'],
          globalSetup: ['libs/testing/src/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        ...server,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['test/e2e/**/*.e2e-spec.ts'],
          globalSetup: ['libs/testing/src/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
