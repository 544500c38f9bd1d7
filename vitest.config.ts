import { defineConfig } from 'vitest/config'
import { playwright } from '@vitest/browser-playwright'
import { rendererConfig } from './electron.vite.config'
import { chromiumArgs, chromiumPath } from './test/chromium'

export default defineConfig({
  resolve: rendererConfig.resolve,
  plugins: rendererConfig.plugins,
  test: {
    root: __dirname,
    projects: [
      {
        extends: true,
        test: {
          name: 'engine',
          environment: 'node',
          include: ['test/engine/**/*.test.ts', 'test/main/**/*.test.ts'],
          testTimeout: 60_000
        }
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.ts']
        }
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            instances: [{ browser: 'chromium' }],
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } })
          }
        }
      }
    ]
  }
})
