import { defineConfig } from '@playwright/test'
import { chromiumArgs, chromiumPath } from './test/chromium'

// E2E_PORT lets two checkouts run their e2e side by side on one machine.
const port = Number(process.env.E2E_PORT ?? 4173)

/** E2E against the built browser preview (npm run build:web) served on 127.0.0.1. */
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: '.tmp/e2e.json' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    acceptDownloads: true
  },
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI
  }
})
