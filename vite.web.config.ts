import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import { rendererConfig } from './electron.vite.config'

/** The browser preview: the same renderer, with the engine in a Web Worker. */
export default defineConfig({
  ...rendererConfig,
  base: './',
  build: { outDir: resolve(__dirname, 'out/web'), emptyOutDir: true },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true }
})
