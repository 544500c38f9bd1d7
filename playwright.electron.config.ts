import { defineConfig } from '@playwright/test'

/** Opt-in desktop e2e (ELECTRON_E2E=1): needs the Electron binary, which this CI cannot download. */
export default defineConfig({
  testDir: 'test/electron',
  testMatch: '**/*.e2e.ts',
  timeout: 90_000,
  workers: 1
})
