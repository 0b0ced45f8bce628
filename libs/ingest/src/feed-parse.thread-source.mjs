// The thread entry when the worker runs from its TypeScript sources (under vitest): worker threads do not share
// the test runner's transform, so this compiles each .ts file with SWC as it is required and resolves the
// @parley/* paths of tsconfig.base.json. The built worker loads the compiled feed-parse.thread.js instead.
import { transformSync } from '@swc/core';
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const { paths } = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = paths[request]?.[0];
  return resolveFilename.call(this, alias ? resolve(root, alias) : request, ...rest);
};

Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    swcrc: false,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
  });
  module._compile(code, filename);
};

createRequire(import.meta.url)('./feed-parse.thread.ts');
