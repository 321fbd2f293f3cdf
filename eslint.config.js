// Lint rules: typescript-eslint's recommended set, type-aware, plus the import-direction rule of DESIGN.md.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The registry depends on nothing of ours; the law only on the registry (DESIGN.md, "Folders").
    files: ['src/registry/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../law/*', '../cli/*', '../law', '../cli'] }] },
  },
  {
    files: ['src/law/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../cli/*', '../cli'] }] },
  },
);
