// One lint configuration for the whole tree: TypeScript everywhere, Vue in the renderer,
// Prettier owns formatting (eslint-config-prettier turns the stylistic rules off).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      '**/out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.tmp/**',
      'bench/wasm/build/**',
      '**/*.d.ts.map'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } }
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'vue/multi-word-component-names': 'off'
    }
  },
  {
    // Command-line entry points and scripts talk to a terminal.
    files: [
      'src/engine/cli/**',
      'src/engine/wasm/build.mjs',
      'scripts/**',
      'bench/**',
      'docs/**/*.mjs',
      '.ci/**'
    ],
    rules: { 'no-console': 'off' }
  },
  prettier
)
