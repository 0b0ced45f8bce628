import { ESLint } from 'eslint';
import { createProjectGraphAsync } from 'nx/src/devkit-exports';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The import boundaries are lint errors; this lints one import at a time, as if written in the named file (the
 * file need not exist), and checks which rule, if any, refuses it.
 */
describe('module boundaries (eslint.config.mjs)', { timeout: 30_000 }, () => {
  let eslint: ESLint;

  beforeAll(async () => {
    // The Nx rule reads the project graph that `npm run lint` builds first; without one it silently passes.
    process.env.NX_DAEMON = 'false';
    await createProjectGraphAsync({ exitOnError: false });
    eslint = new ESLint({ cwd: process.cwd() });
    // The first lint loads the config and its plugins, which takes seconds on a busy machine.
    await eslint.lintText('', { filePath: 'apps/worker/src/probe.ts' });
  }, 120_000);

  const lint = async (filePath: string, from: string): Promise<string[]> => {
    const [result] = await eslint.lintText(`import * as imported from '${from}';\nexport { imported };\n`, {
      filePath,
    });
    return result.messages.map((m) => m.ruleId ?? m.message);
  };

  const BOUNDARIES = '@nx/enforce-module-boundaries';
  const FEATURES = 'web-features/no-cross-feature-imports';

  it.each([
    [
      'production code of an app using the test helpers',
      'apps/worker/src/probe.ts',
      '@parley/testing',
      BOUNDARIES,
    ],
    ['a library using the test helpers', 'libs/db/src/probe.ts', '@parley/testing', BOUNDARIES],
    ['a feature library using storage', 'libs/tagging/src/probe.ts', '@parley/db', BOUNDARIES],
    ['a feature library using queues', 'libs/ingest/src/probe.ts', '@parley/jobs', BOUNDARIES],
    ['one feature library using another', 'libs/tagging/src/probe.ts', '@parley/ingest', BOUNDARIES],
    ['an infrastructure library using a feature', 'libs/db/src/probe.ts', '@parley/tagging', BOUNDARIES],
    ['an infrastructure library using contracts', 'libs/jobs/src/probe.ts', '@parley/contracts', BOUNDARIES],
    ['domain using anything else', 'libs/domain/src/probe.ts', '@parley/contracts', BOUNDARIES],
    ['the api using the worker', 'apps/api/src/probe.ts', '../../worker/src/worker.module', BOUNDARIES],
    ['the web using a server library', 'apps/web/src/probe.ts', '@parley/db', BOUNDARIES],
    [
      'one web feature using another',
      'apps/web/src/features/rules/components/probe.tsx',
      '../../sources/api/get-sources',
      FEATURES,
    ],
  ])('refuses %s', async (_, file, from, rule) => expect(await lint(file, from)).toEqual([rule]));

  it.each([
    [
      'a medium test of an app using the test helpers',
      'apps/worker/src/probe.medium-spec.ts',
      '@parley/testing',
    ],
    ['an infrastructure library using another', 'libs/jobs/src/probe.ts', '@parley/config'],
    ['a feature library using domain', 'libs/tagging/src/probe.ts', '@parley/domain'],
    ['an app composing a feature and storage', 'apps/worker/src/probe.ts', '@parley/tagging'],
    [
      'a web feature using its own files',
      'apps/web/src/features/rules/components/probe.tsx',
      '../utils/rule-key',
    ],
    [
      'a web feature using shared components',
      'apps/web/src/features/rules/components/probe.tsx',
      '../../../lib/format',
    ],
    [
      'a route composing features',
      'apps/web/src/app/routes/probe.tsx',
      '../../features/sources/api/get-sources',
    ],
  ])('allows %s', async (_, file, from) => expect(await lint(file, from)).toEqual([]));
});
