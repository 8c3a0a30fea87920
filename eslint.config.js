import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/.next/**', '.clockin/**', 'apps/web/next-env.d.ts', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Routes call services; only services and scripts reach the database layer.
    files: ['apps/api/src/routes/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@clockin/db', '@clockin/db/*'],
              message: 'Routes call services; services use the database layer.',
            },
            { group: ['kysely', 'kysely/*', 'pg', 'pg/*'], message: 'No SQL in route handlers.' },
          ],
        },
      ],
    },
  },
);
