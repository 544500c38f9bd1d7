import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

/** `npm run dev`'s renderer server (the browser preview `npm run web` uses 5173, or the next free one). */
export const DESKTOP_DEV_PORT = 5183

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
    resolve: { alias: { '@engine': resolve(__dirname, 'src/engine') } },
    // The engine host's one run-time library (the schema library) is bundled: nothing is packed.
    build: { externalizeDeps: { exclude: ['zod'] } }
  },
  preload: {
    // One self-contained CommonJS file: a sandboxed preload can require only electron and a few builtins.
    build: { externalizeDeps: false, rolldownOptions: { output: { format: 'cjs' } } }
  },
  renderer: {
    ...rendererConfig,
    // Not the browser preview's 5173: electron-vite hands Electron the *configured* port as
    // ELECTRON_RENDERER_URL, not the one Vite ends up on, so if this port were taken Electron would
    // load whatever answers there. strictPort makes that an error instead.
    server: { host: '127.0.0.1', port: DESKTOP_DEV_PORT, strictPort: true }
  }
})
