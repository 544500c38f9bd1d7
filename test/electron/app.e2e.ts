/**
 * Desktop e2e: the built app (out/, `npx electron-vite build`) in a real Electron, driven by Playwright.
 * Opt-in with ELECTRON_E2E=1 on a machine that has the Electron binary (Linux CI: under xvfb-run);
 * see README "Desktop end-to-end tests". It never imports 'electron': Playwright finds the binary
 * through the project's node_modules.
 *
 * The journey: start → the engine connects → train on iris → the engine process is killed → it is
 * restarted and the page reconnects once → train again → export the weights through the native dialog.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
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
test.describe.configure({ mode: 'serial' })

const scratch = enabled ? mkdtempSync(join(tmpdir(), 'bps-electron-e2e-')) : ''

let app: ElectronApplication
let page: Page

test.beforeAll(async () => {
  app = await electron.launch({
    args: [root],
    cwd: root,
    env: { ...process.env, BPS_ENGINE_DEBUG: '1' }
  })
  page = await app.firstWindow()
  await page.waitForFunction(() => window.desktop !== undefined)
})

test.afterAll(async () => {
  await app?.close()
})

const engineStatus = () => page.getByTestId('engine-status')

/** In the page: asks main for an engine port and sends one request over it (ids are the test's own). */
async function engineRequest(type: string, fields: Record<string, unknown> = {}): Promise<unknown> {
  return page.evaluate(
    ([type, fields]) =>
      new Promise((resolvePort, reject) => {
        const requestId = `e2e-${Math.random().toString(36).slice(2)}`
        const onPort = (e: MessageEvent) => {
          if (e.source !== window || e.data?.type !== 'engine:port' || e.data.requestId !== requestId) return
          window.removeEventListener('message', onPort)
          const port = e.ports[0]
          const id = `e2e-${Math.random()}`
          port.onmessage = (m) => {
            if (m.data?.id === id) {
              resolvePort(m.data)
              port.close()
            }
          }
          port.postMessage({ ...fields, id, type })
        }
        window.addEventListener('message', onPort)
        window.desktop!.connectEngine(requestId)
        setTimeout(() => reject(new Error(`no reply to ${type}`)), 10_000)
      }),
    [type, fields] as const
  )
}

/** The engine utility process's pid, from Electron's own process list. */
async function enginePid(): Promise<number | undefined> {
  return app.evaluate(
    ({ app }) =>
      app.getAppMetrics().find((m) => m.type === 'Utility' && /engine/i.test(m.name ?? m.serviceName ?? ''))
        ?.pid
  )
}

/** Stubs Electron's save dialog in the main process so that it answers `path` (a real dialog would block). */
async function answerSaveDialogWith(path: string): Promise<void> {
  await app.evaluate(({ dialog }, path) => {
    dialog.showSaveDialog = (async () => ({
      canceled: false,
      filePath: path
    })) as typeof dialog.showSaveDialog
  }, path)
}

async function train(epochs: number): Promise<void> {
  await page.getByRole('tab', { name: 'Training', exact: true }).click()
  await page.getByLabel('Epochs', { exact: true }).fill(String(epochs))
  await page.getByLabel('Epochs', { exact: true }).press('Tab')
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled()
  await page.getByRole('button', { name: 'Train', exact: true }).click()
  await expect(page.locator('.training-panel [role="status"]')).toContainText(`all ${epochs} epochs done`, {
    timeout: 60_000
  })
}

test('the page comes from app://bundle with a CSP header, has no Node and sees only the named bridge', async () => {
  expect(page.url()).toBe('app://bundle/index.html')
  const seen = await page.evaluate(async () => {
    const own = await fetch('app://bundle/index.html')
    const escape = await fetch('app://bundle/%2e%2e/%2e%2e/package.json').then((r) => r.status)
    const file = await fetch('file:///etc/hostname').then(
      () => 'read',
      () => 'refused'
    )
    return {
      csp: own.headers.get('content-security-policy'),
      escape,
      file,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      ipcRenderer: 'ipcRenderer' in window,
      bridge: Object.keys(window.desktop!).sort()
    }
  })
  expect(seen.csp).toContain("default-src 'self'")
  expect(seen.escape).toBeGreaterThanOrEqual(400)
  expect(seen.file).toBe('refused')
  expect(seen.require).toBe('undefined')
  expect(seen.process).toBe('undefined')
  expect(seen.ipcRenderer).toBe(false)
  expect(seen.bridge).toEqual(
    [
      'connectEngine',
      'engineStatus',
      'importWeights',
      'newProject',
      'onEngineStatus',
      'onMenu',
      'onOpenRecent',
      'onOpenWeights',
      'openCsv',
      'openProject',
      'openRecent',
      'platform',
      'recentProjects',
      'restartEngine',
      'saveProject',
      'saveWeights',
      'setLocale'
    ].sort()
  )
})

/** The application menu's top-level labels, read in main (the app menu role on macOS has none). */
const menuLabels = () =>
  app.evaluate(({ Menu }) =>
    (Menu.getApplicationMenu()?.items ?? [])
      .filter((i) => String(i.role).toLowerCase() !== 'appmenu')
      .map((i) => i.label)
  )

test('switching to 简体中文 rewords the application menu; an unknown locale is ignored; back to English', async () => {
  const language = page.getByRole('combobox', { name: /^(Language|语言)$/ })
  await language.selectOption('zh-CN')
  await expect.poll(menuLabels).toEqual(['文件', '编辑', '视图', '帮助'])
  const fileMenu = await app.evaluate(({ Menu }) =>
    Menu.getApplicationMenu()!
      .items.find((i) => i.label === '文件')!
      .submenu!.items.filter((i) => i.type !== 'separator')
      .map((i) => i.label)
  )
  expect(fileMenu).toContain('打开最近的项目')
  expect(fileMenu).toContain('保存项目')
  // Main checks the payload itself: a value the page should never send changes nothing.
  await page.evaluate(() => window.desktop!.setLocale('fr' as 'en'))
  await expect.poll(menuLabels).toEqual(['文件', '编辑', '视图', '帮助'])
  await language.selectOption('en')
  await expect.poll(menuLabels).toEqual(['File', 'Edit', 'View', 'Help'])
})

test('the engine connects through main, and answers a request and a malformed one', async () => {
  await expect(engineStatus()).toContainText('Engine: ready')
  await expect(engineStatus()).toHaveAttribute('title', /ready \(engine process\)/)
  const reply = (await engineRequest('hello')) as { ok: boolean; result: { capabilities: string[] } }
  expect(reply.ok).toBe(true)
  expect(reply.result.capabilities).toContain('train.start')
  const bad = (await engineRequest('demo.start', { count: -1, intervalMs: 1 })) as {
    ok: boolean
    error: { code: string }
  }
  expect(bad).toMatchObject({ ok: false, error: { code: 'bad-payload' } })
})

test('train → the engine is killed → it restarts, the page reconnects once → train again → export', async () => {
  await page.getByRole('button', { name: 'New from template' }).click()
  await page.getByRole('menuitem', { name: /Iris/ }).click()
  await page.getByRole('tab', { name: 'Data', exact: true }).click()
  await page.getByLabel('CSV file').setInputFiles(iris)
  await expect(page.getByLabel('Prepared data')).toContainText('training')
  await train(20)

  // Watch the status main sends while the engine process is killed from outside.
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
  const pid = await enginePid()
  expect(pid, 'the engine utility process').toBeDefined()
  process.kill(pid!, 'SIGKILL')
  expect(await states).toEqual(['restarting', 'starting', 'ready'])
  await expect(engineStatus()).toContainText('Engine: ready')
  expect(await enginePid()).not.toBe(pid)
  await expect(page.getByText('The engine restarted. Your graph and data are unchanged.')).toBeVisible()

  // The data came back into the new engine by itself; training works there.
  await expect(page.getByLabel('Prepared data')).toContainText('training')
  await train(10)

  const target = join(scratch, 'iris.weights.json')
  await answerSaveDialogWith(target)
  await page.getByRole('tab', { name: 'Data', exact: true }).click()
  await page.getByRole('button', { name: 'Export weights' }).click()
  await expect.poll(() => readFileSync(target, 'utf8').length, { timeout: 10_000 }).toBeGreaterThan(100)
  const weights = JSON.parse(readFileSync(target, 'utf8')) as {
    format: string
    training: { epochsRun: number }
  }
  expect(weights.format).toBe('backprop-studio/weights')
  expect(weights.training.epochsRun).toBe(10)
})

test('a second launch with a project file hands it to this window and quits', async () => {
  const project = join(scratch, 'handed-over.bps.json')
  // A project the app itself wrote: save the current one through the (stubbed) save dialog.
  await answerSaveDialogWith(project)
  await page.evaluate(() => window.desktop!.saveProject('handed-over', '{}', true))
  expect(readFileSync(project, 'utf8')).toBe('{}')
  await page.evaluate(() => window.desktop!.newProject())

  const executable = await app.evaluate(() => process.execPath)
  // The same app, so the same userData and the same single-instance lock.
  const second = spawn(executable, [root, project], {
    cwd: root,
    stdio: 'ignore'
  })
  const code = await new Promise<number | null>((r) => second.on('exit', r))
  expect(code).toBe(0)
  // The first instance got it as a recent project and asked the page to open it.
  await expect
    .poll(async () => (await page.evaluate(() => window.desktop!.recentProjects())).map((r) => r.name))
    .toContain('handed-over.bps.json')
})
