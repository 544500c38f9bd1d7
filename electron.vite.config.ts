import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

/** Shared by the Electron renderer, the browser preview (vite.web.config.ts) and vitest. */
export const rendererConfig = {
  root: resolve(__dirname, 'src/renderer'),
  resolve: {
    alias: {
      '@renderer': resolve(__dirname, 'src/renderer/src'),
      '@engine': resolve(__dirname, 'src/engine')
    }
  },
  plugins: [vue()],
  // vue-i18n's feature flags (its esm-bundler build asks for them): Composition API only, no devtools.
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false
  },
  worker: { format: 'es' as const }
}

export default defineConfig({
  main: {
    resolve: { alias: { '@engine': resolve(__dirname, 'src/engine') } }
  },
  preload: {
    // One self-contained CommonJS file: a sandboxed preload can require only electron and a few builtins.
    build: { externalizeDeps: false, rolldownOptions: { output: { format: 'cjs' } } }
  },
  renderer: rendererConfig
})
