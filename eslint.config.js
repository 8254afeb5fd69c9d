import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders and what they may not import: a file's folder tells what it may import. */
const electronOnlyIn = ['src-main/app/**', 'src-main/vault/safe-storage-vault.ts'];
const noElectron = { name: 'electron', message: 'Only src-main/app and the safeStorage vault may import electron.' };
const noMain = { group: ['**/src-main/**', '**/src-main'], message: 'src-renderer and src-shared must not import src-main.' };
const noRenderer = { group: ['**/src-renderer/**', '**/src-renderer'], message: 'Only src-renderer may import src-renderer.' };

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', '.electron-native/**', 'resources/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    files: ['src-shared/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noMain, noRenderer] }] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noMain] }] },
  },
  {
    files: ['src-main/**/*.{ts,tsx}'],
    ignores: electronOnlyIn,
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noRenderer] }] },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
