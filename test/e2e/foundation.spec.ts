/**
 * The foundation, in the browser preview: the shell's layout, the engine answering through its Web
 * Worker, a malformed message getting an error reply while the engine keeps serving, and the demo event
 * stream with cancellation. The protocol checks run in the page against a second Worker started from the
 * very script the app loaded, so they exercise the shipped engine without any test hook in the app. The
 * demo commands are served only when that script is started with `?debug` (src/engine/hosts/worker.ts);
 * the app never does, which the last test checks.
 */
import { expect, test, type Page } from '@playwright/test'

test.beforeEach(async ({ page }) => {
  await page.goto('/')
})

/**
 * The engine worker's script URL, as the app loaded it (from the page's resource timing), with the
 * `?debug` flag that makes the Worker serve the demo commands too.
 */
async function debugWorkerUrl(page: Page): Promise<string> {
  return `${await engineWorkerUrl(page)}?debug`
}

/** The engine worker's script URL, as the app loaded it (from the page's resource timing). */
async function engineWorkerUrl(page: Page): Promise<string> {
  await expect(page.getByTestId('engine-status')).toContainText('ready')
  const url = await page.evaluate(
    () =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .find((name) => /\/assets\/worker[^/]*\.js$/.test(name)) ?? null
  )
  expect(url, 'the app loaded an engine worker script').not.toBeNull()
  return url!
}

test('shows the layout: toolbar, palette, canvas, inspector, bottom panels and status bar', async ({
  page
}) => {
  await expect(page).toHaveTitle(/Backprop Studio/)
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toBeVisible()
  const palette = page.getByRole('complementary', { name: 'Palette' })
  await expect(palette).toBeVisible()
  for (const name of ['Input', 'Dense layer', 'Bias unit', 'Loss'])
    await expect(palette.getByRole('button', { name, exact: true })).toBeVisible()
  await expect(page.getByLabel('Network canvas')).toBeVisible()
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible()
  const tabs = page.getByRole('tablist', { name: 'Bottom panels' })
  for (const name of ['Problems', 'Data', 'Training'])
    await expect(tabs.getByRole('tab', { name })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Live charts' })).toBeVisible()
  await expect(page.getByRole('contentinfo')).toBeVisible()

  // the three columns sit side by side and the bottom panel below them
  const [p, c, i, b] = await Promise.all(
    [
      palette,
      page.getByLabel('Network canvas'),
      page.getByRole('complementary', { name: 'Inspector' }),
      tabs
    ].map((l) => l.boundingBox())
  )
  expect(p!.x + p!.width).toBeLessThanOrEqual(c!.x + 1)
  expect(c!.x + c!.width).toBeLessThanOrEqual(i!.x + 1)
  expect(b!.y).toBeGreaterThanOrEqual(c!.y + c!.height - 1)

  // the tabs switch with the mouse and with the arrow keys
  await tabs.getByRole('tab', { name: 'Data' }).click()
  await expect(tabs.getByRole('tab', { name: 'Data' })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowRight')
  await expect(tabs.getByRole('tab', { name: 'Training' })).toBeFocused()
  await expect(tabs.getByRole('tab', { name: 'Training' })).toHaveAttribute('aria-selected', 'true')
})

test('the engine becomes ready through the Web Worker', async ({ page }) => {
  const status = page.getByTestId('engine-status')
  await expect(status).toContainText('Engine: ready')
  await expect(status).toHaveAttribute('title', /Engine \d+\.\d+\.\d+ ready \(Web Worker\)/)
})

test('a malformed message gets an error reply and the engine keeps serving', async ({ page }) => {
  const url = await debugWorkerUrl(page)
  const replies = await page.evaluate(async (workerUrl) => {
    const worker = new Worker(workerUrl, { type: 'module' })
    const seen: unknown[] = []
    const next = () =>
      new Promise<unknown>((resolve) =>
        worker.addEventListener('message', (e) => resolve(e.data), { once: true })
      )
    const send = async (message: unknown) => {
      const reply = next()
      worker.postMessage(message)
      seen.push(await reply)
    }
    await send('not an object at all')
    await send({ id: 1, type: 'no.such.command' })
    await send({ id: 2, type: 'demo.start', count: 'many', intervalMs: 5 })
    await send({ id: 3, type: 'hello', protocolVersion: 1, client: 'e2e' })
    worker.terminate()
    return seen
  }, url)
  const [garbage, unknown, badPayload, hello] = replies as Record<string, unknown>[]
  expect(garbage).toMatchObject({ id: null, ok: false, error: { code: expect.any(String) } })
  expect(unknown).toMatchObject({ id: 1, ok: false })
  expect(JSON.stringify(unknown)).toContain('no.such.command')
  expect(badPayload).toMatchObject({ id: 2, ok: false })
  expect(JSON.stringify(badPayload)).toContain('count')
  expect(hello).toMatchObject({ id: 3, ok: true, result: { protocolVersion: 1 } })
  expect((hello.result as { capabilities: string[] }).capabilities).toContain('demo.start')
})

test('the demo stream emits progress and is cancelled', async ({ page }) => {
  const url = await debugWorkerUrl(page)
  const run = await page.evaluate(async (workerUrl) => {
    const worker = new Worker(workerUrl, { type: 'module' })
    const events: { event: string; done: number; cancelled?: boolean }[] = []
    const replies = new Map<number, (r: Record<string, unknown>) => void>()
    let finished: (() => void) | undefined
    const doneEvent = new Promise<void>((resolve) => (finished = resolve))
    let taskId = 0
    // The engine may emit demo.done before the cancel's reply, so the test waits for both.
    let cancelReply: Promise<Record<string, unknown>> | undefined
    const cancel = () => (cancelReply ??= request(2, { type: 'demo.cancel', taskId }))
    worker.addEventListener('message', (e) => {
      const m = e.data as Record<string, unknown>
      if (typeof m.event === 'string') {
        events.push(m as (typeof events)[number])
        if (m.event === 'demo.progress' && m.done === 3) void cancel()
        if (m.event === 'demo.done') finished!()
      } else replies.get(m.id as number)?.(m)
    })
    function request(id: number, body: Record<string, unknown>): Promise<Record<string, unknown>> {
      return new Promise<Record<string, unknown>>((resolve) => {
        replies.set(id, resolve)
        worker.postMessage({ id, ...body })
      })
    }
    const started = await request(1, { type: 'demo.start', count: 1000, intervalMs: 10 })
    taskId = (started.result as { taskId: number }).taskId
    await doneEvent
    const cancelled = await cancelReply
    worker.terminate()
    return { started, cancelled, events }
  }, url)
  expect(run.started).toMatchObject({ ok: true, result: { taskId: expect.any(Number) } })
  const progress = run.events.filter((e) => e.event === 'demo.progress')
  expect(progress.length).toBeGreaterThanOrEqual(3)
  expect(progress.map((e) => e.done).slice(0, 3)).toEqual([1, 2, 3])
  const done = run.events.at(-1)!
  expect(done).toMatchObject({ event: 'demo.done', cancelled: true })
  expect(done.done).toBeLessThan(1000)
  expect(run.cancelled).toMatchObject({ ok: true, result: { cancelled: true } })
})

test('the shipped worker, started as the app starts it, serves no demo commands', async ({ page }) => {
  const url = await engineWorkerUrl(page)
  const [hello, demo] = (await page.evaluate(async (workerUrl) => {
    const worker = new Worker(workerUrl, { type: 'module' })
    const send = (message: unknown) =>
      new Promise<unknown>((resolve) => {
        worker.addEventListener('message', (e) => resolve(e.data), { once: true })
        worker.postMessage(message)
      })
    const replies = [
      await send({ id: 1, type: 'hello', protocolVersion: 1, client: 'e2e' }),
      await send({ id: 2, type: 'demo.start', count: 3, intervalMs: 5 })
    ]
    worker.terminate()
    return replies
  }, url)) as Record<string, unknown>[]
  expect(hello).toMatchObject({ id: 1, ok: true })
  expect((hello.result as { capabilities: string[] }).capabilities).not.toContain('demo.start')
  expect(demo).toMatchObject({ id: 2, ok: false })
  expect(JSON.stringify(demo)).toContain('demo.start')
})
