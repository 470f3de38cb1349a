import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
  { ignores: ['.output/**', '.output-test/**', '.output-bench/**', '.wxt/**', 'node_modules/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] } },
  {
    // No import cycles, between files or folders (type-only imports count too): each folder of lib/ has
    // one direction (ARCHITECTURE.md "What runs where"; README "Layout").
    files: ['lib/**', 'components/**', 'entrypoints/**', 'bench/**', 'scripts/**'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
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
    files: ['scripts/**', 'test/**', 'bench/**', '*.config.*'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setTimeout: 'readonly', document: 'readonly' },
    },
  },
);
