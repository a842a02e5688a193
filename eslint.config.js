// ESLint (typescript-eslint's recommended rules) over the TypeScript and the browser scripts (console, public pages).
// The architecture's boundaries are dependency-cruiser's job (.dependency-cruiser.cjs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'src/generated/', 'test/artifacts/', 'data/', 'src/http/console/assets/*.min.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tests and a few adapters handle JSON whose shape is checked elsewhere (zod at the edges).
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['src/http/console/assets/**/*.js', 'src/http/assets/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
);
