// @ts-check
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'demo/generated/',
      'test/.tmp/',
      'test/bench/.cache/',
      'custom-elements.json',
    ],
  },
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
);
