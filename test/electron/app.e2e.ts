/**
 * Desktop e2e: the built app (out/, `npx electron-vite build`) in a real Electron, driven by Playwright.
 * Opt-in with ELECTRON_E2E=1 on a machine that has the Electron binary (Linux CI: under xvfb-run).
 * It never imports 'electron': Playwright finds the binary through the project's node_modules.
 */
import { resolve } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import type { DesktopApi } from '../../src/preload/desktop-api'

// The same augmentation the renderer gets from src/preload/index.d.ts.
declare global {
  interface Window {
    desktop?: DesktopApi
  }
}

const root = resolve(__dirname, '../..')
const iris = resolve(root, 'test/fixtures/datasets/iris.csv')
const enabled = process.env.ELECTRON_E2E === '1'
const skipReason = 'Electron e2e is opt-in: set ELECTRON_E2E=1 on a machine with the Electron binary'
if (!enabled) console.warn(`-- ${skipReason}`)
test.skip(!enabled, skipReason)

let app: ElectronApplication
let page: Page

test.beforeAll(async () => {
  // BPS_ENGINE_DEBUG=1 lets the engine serve `debug.crash`, so supervision can be exercised.
  app = await electron.launch({ args: [root], cwd: root, env: { ...process.env, BPS_ENGINE_DEBUG: '1' } })
  page = await app.firstWindow()
  await page.waitForFunction(() => window.desktop !== undefined)
})

test.afterAll(async () => {
  await app?.close()
})

/** In the page: asks main for an engine port and sends one request over it (ids are the test's own). */
async function engineRequest(type: string, fields: Record<string, unknown> = {}): Promise<unknown> {
  return page.evaluate(
    ([type, fields]) =>
      new Promise((resolvePort, reject) => {
        const onPort = (e: MessageEvent) => {
          if (e.source !== window || e.data !== 'engine:port') return
          window.removeEventListener('message', onPort)
          const port = e.ports[0]
          const id = `e2e-${Math.random()}`
          port.onmessage = (m) => {
            if (m.data?.id === id) resolvePort(m.data)
          }
          port.postMessage({ ...fields, id, type })
        }
        window.addEventListener('message', onPort)
        window.desktop!.connectEngine()
        setTimeout(() => reject(new Error(`no reply to ${type}`)), 10_000)
      }),
    [type, fields] as const
  )
}

test('the page has no Node and sees only the named bridge', async () => {
  const seen = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    ipcRenderer: 'ipcRenderer' in window,
    bridge: Object.keys(window.desktop!).sort()
  }))
  expect(seen.require).toBe('undefined')
  expect(seen.process).toBe('undefined')
  expect(seen.ipcRenderer).toBe(false)
  expect(seen.bridge).toEqual(
    [
      'connectEngine',
      'importWeights',
      'newProject',
      'onEngineStatus',
      'onMenu',
      'onOpenRecent',
      'openCsv',
      'openProject',
      'openRecent',
      'platform',
      'recentProjects',
      'saveProject',
      'saveWeights'
    ].sort()
  )
})

test('the renderer reaches the utility-process engine over a MessagePort', async () => {
  const reply = (await engineRequest('hello')) as { ok: boolean; result: { capabilities: string[] } }
  expect(reply.ok).toBe(true)
  expect(reply.result.capabilities).toContain('demo.start')
  const bad = (await engineRequest('demo.start', { count: -1, intervalMs: 1 })) as {
    ok: boolean
    error: { code: string }
  }
  expect(bad).toMatchObject({ ok: false, error: { code: 'bad-payload' } })
})

test('a crashed engine is restarted, the renderer is told, and a new connection works', async () => {
  const states = page.evaluate(
    () =>
      new Promise<string[]>((resolveStates) => {
        const seen: string[] = []
        const off = window.desktop!.onEngineStatus((s) => {
          seen.push(s.state)
          if (s.state === 'ready') {
            off()
            resolveStates(seen)
          }
        })
      })
  )
  await page.evaluate(() => {
    window.addEventListener('message', function once(e) {
      if (e.source !== window || e.data !== 'engine:port') return
      window.removeEventListener('message', once)
      e.ports[0].start()
      e.ports[0].postMessage({ id: 'crash', type: 'debug.crash' })
    })
    window.desktop!.connectEngine()
  })
  expect(await states).toEqual(expect.arrayContaining(['restarting', 'starting', 'ready']))
  const reply = (await engineRequest('hello')) as { ok: boolean }
  expect(reply.ok).toBe(true)
})

test('Open CSV goes through the native dialog and returns the file’s name and text', async () => {
  await app.evaluate(({ dialog }, path) => {
    dialog.showOpenDialog = (async () => ({
      canceled: false,
      filePaths: [path]
    })) as typeof dialog.showOpenDialog
  }, iris)
  const file = await page.evaluate(() => window.desktop!.openCsv())
  expect(file?.name).toBe('iris.csv')
  expect(file?.text.split('\n').length).toBeGreaterThan(100)
})
