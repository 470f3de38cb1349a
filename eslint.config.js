import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.output-test/**', '.wxt/**', 'node_modules/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] } },
  {
    // Untrusted text (titles, flairs, comments, model output) is never rendered as HTML by the product.
    files: ['lib/**', 'components/**', 'entrypoints/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Untrusted text stays text.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Untrusted text stays text.' },
      ],
    },
  },
  {
    files: ['scripts/**', 'test/**', '*.config.*'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setTimeout: 'readonly', document: 'readonly' },
    },
  },
);
