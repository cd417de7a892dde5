import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['build/', 'app/generated/', '.react-router/', 'data/', 'test-results/', 'playwright-report/', 'node_modules/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through getEnv() (app/lib/env.server.ts); set it with setEnv().' },
      ],
    },
  },
  {
    // The only places that may touch process.env besides the env schema, each for a reason:
    files: [
      'app/lib/env.server.ts', // the schema: the one reader (and writer) in the app and its server
      'scripts/prisma-generate.mjs', // runs on install, before any app module can load
      'scripts/bench/**', // BENCH_* knobs and the environment of the servers a benchmark starts
      'tests/**', // tests set up databases, secrets and servers per file
      '*.config.ts', // build and test tools: BUILD_DIR, VITEST, the e2e server's port
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['tests/e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
)
