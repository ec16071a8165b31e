import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'client/dist/',
      'extension/.output/',
      'extension/.wxt/',
      '**/gql/',
      'server/generated/',
      'node_modules/',
      'data/',
      'test-results/',
      '**/*.js',
      'bench/*.tmp.ts',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    plugins: { 'import-x': importX },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['tsconfig.json', 'client/tsconfig.json', 'extension/tsconfig.json'], noWarnOnMultipleProjects: true }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Solid's event handlers may be async: nothing awaits their result.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Pothos and the WebExtension types declare global namespaces.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
      // Stored JSON values are narrowed by their field's type, which TypeScript does not see.
      '@typescript-eslint/no-base-to-string': 'off',
      // Pothos's nestedSelection is typed as the query but is a promise when a selection beneath it is async
      // (AsyncSelections): it must be awaited, which this rule cannot know.
      '@typescript-eslint/await-thenable': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // wonka's subscribe hands out `unsubscribe` as a closure, which this rule takes for a method.
    files: ['client/**', 'extension/**'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Tests read GraphQL answers as untyped JSON on purpose: the assertion is the type check.
    files: ['**/*.test.ts', '**/*.test.tsx', '**/e2e/**', 'server/test/**', '**/*.test-helpers.ts', '**/*.matrix.ts', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Fakes of async interfaces (storage, jobs, streams) need no await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
);
