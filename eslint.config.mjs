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
  {
    // The renderer sees the engine only through its public entry, src/engine/index.ts
    // (docs/ARCHITECTURE.md). The one other door is the worker host, a process entry that Vite bundles
    // as a separate worker, not an API.
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@engine/(?!index$|hosts/worker\\.ts\\?worker$)',
              message: 'Import the engine through its public entry, @engine/index (docs/ARCHITECTURE.md).'
            },
            {
              regex: '^(\\.\\./){2,}engine(/|$)',
              message: 'Import the engine through its public entry, @engine/index (docs/ARCHITECTURE.md).'
            }
          ]
        }
      ]
    }
  },
  prettier
)
