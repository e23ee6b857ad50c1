import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const infrastructure = [
  '@nestjs/*',
  'kysely',
  'kysely/*',
  'pg',
  '@electric-sql/*',
  '@eventstore/*',
  '@ticketing/event-store',
  '@ticketing/read-store',
];

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', URL: 'readonly' } },
  },
  {
    // Tests read GraphQL answers as untyped JSON.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Deciders stay pure: business rules are tested as tables with no framework or I/O.
    files: ['libs/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@ticketing/platform', message: 'domain/ is pure: import @ticketing/platform/domain.' },
          ],
          patterns: [
            { group: infrastructure, message: 'domain/ is pure: no Nest, Kysely, pg or event store.' },
          ],
        },
      ],
    },
  },
);
