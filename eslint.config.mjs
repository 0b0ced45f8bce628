import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import tseslint from 'typescript-eslint';

// test-support/ folders hold helpers only tests import (local servers replaying fixtures).
const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.medium-spec.ts',
  '**/*.e2e-spec.ts',
  'test/**/*.ts',
  '**/test-support/**/*.ts',
];

/**
 * Which project may import which, by the Nx tags in each package.json. Feature libraries (ingest, tagging) are
 * logic over domain types only, and infrastructure libraries (config, db, jobs) know nothing of features, so an
 * app is where the two meet. Only tests may use @parley/testing.
 */
const boundaries = ({ tests }) => {
  const testing = tests ? ['type:testing'] : [];
  return {
    allow: [],
    banTransitiveDependencies: false,
    depConstraints: [
      { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
      { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:domain', ...testing] },
      {
        sourceTag: 'type:infrastructure',
        onlyDependOnLibsWithTags: ['type:infrastructure', 'type:domain', ...testing],
      },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:infrastructure', 'type:domain'] },
      { sourceTag: 'type:app', notDependOnLibsWithTags: ['type:app', ...(tests ? [] : ['type:testing'])] },
    ],
  };
};

const FEATURES = resolve(import.meta.dirname, 'apps/web/src/features');
const featureOf = (file) => {
  const path = relative(FEATURES, file);
  return path.startsWith('..') || isAbsolute(path) ? null : path.split(sep)[0];
};

/** Web features never import each other (the web app is one Nx project, so its folders need their own rule). */
const webFeatures = {
  rules: {
    'no-cross-feature-imports': {
      meta: {
        type: 'problem',
        messages: {
          cross:
            'features/{{from}} imports features/{{to}}: features never import each other. Compose them in a ' +
            'route (app/routes), or move what both need to components/ or lib/.',
        },
      },
      create(context) {
        const from = featureOf(context.filename);
        if (!from) return {};
        const check = (node) => {
          const target = node.source?.value;
          if (typeof target !== 'string' || !target.startsWith('.')) return;
          const to = featureOf(resolve(dirname(context.filename), target));
          if (to && to !== from)
            context.report({ node: node.source, messageId: 'cross', data: { from, to } });
        };
        return {
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.nx/**', 'coverage/**', 'test-results/**', '.parley/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-console': 'error',
      '@nx/enforce-module-boundaries': ['error', boundaries({ tests: false })],
    },
  },
  {
    files: TEST_FILES,
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries({ tests: true })] },
  },
  {
    files: ['apps/web/src/features/**/*.{ts,tsx}'],
    plugins: { 'web-features': webFeatures },
    rules: { 'web-features/no-cross-feature-imports': 'error' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.{mjs,js}'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
  {
    // Screenshot scripts run in Node and hand functions to the browser.
    files: ['apps/web/scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Tests and the CLI talk to a person through the terminal.
    files: [...TEST_FILES, 'apps/api/src/cli.ts', 'apps/api/src/cli/**/*.ts', 'scripts/bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
