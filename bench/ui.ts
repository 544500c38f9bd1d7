/**
 * `npm run bench:ui [-- --minutes N --prior-runs K --port P --no-build --out-dir DIR --profile S --allocations S --idle --trace]`:
 * how the Charts keep up with a long run, in a real browser. Builds and serves the browser preview, opens it in Chromium
 * (playwright-core, /usr/bin/chromium or CHROMIUM_PATH), starts from the iris template with
 * resources/samples/iris.csv, first trains K short runs (the issue's "long run that followed earlier
 * runs": their points must be gone, not piled up), then one run of a million epochs at full speed for
 * N minutes with the live charts on screen. In the page, a requestAnimationFrame loop counts frames and
 * a PerformanceObserver collects long tasks (> 50 ms by definition); every 5 s window is reported.
 * --profile, --allocations and --trace say what the UI thread's time and garbage went to (bench/README.md).
 *
 * A benchmark, not a test: the numbers depend on the machine and its load (write them down with the
 * machine, in bench/README.md). Defaults: 2 minutes, 2 prior runs.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { summariseProfile, type CpuProfile } from './uiProfile'
import { longTracedTasks, type TraceEvent } from './uiTrace'

interface UiBenchOptions {
  minutes: number
  priorRuns: number
  port: number
  build: boolean
  /** A preview build to serve instead of building one (e.g. a copy of another commit's, side by side). */
  outDir?: string
  /** Seconds of CPU profile (CDP Profiler) to take 10 s into the run, before the measured windows; 0: none. */
  profile: number
  /** Seconds of allocation sampling (CDP HeapProfiler) 10 s into the run; 0: none. */
  allocations: number
  /** Measure the same screen without starting the long run (a control). */
  idle: boolean
  /** Keep a Chromium trace in a ring buffer and, after the first long task, save it and say what that task was. */
  trace: boolean
}

function parseArgs(argv: string[]): UiBenchOptions {
  const o: UiBenchOptions = {
    minutes: 2,
    priorRuns: 2,
    port: 4190,
    build: true,
    profile: 0,
    allocations: 0,
    idle: false,
    trace: false
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = (): number => {
      const v = Number(argv[++i])
      if (!Number.isFinite(v) || v < 0) throw new Error(`${a} needs a number ≥ 0, got ${argv[i]}`)
      return v
    }
    if (a === '--minutes') o.minutes = value()
    else if (a === '--prior-runs') o.priorRuns = Math.floor(value())
    else if (a === '--port') o.port = Math.floor(value())
    else if (a === '--profile') o.profile = value()
    else if (a === '--allocations') o.allocations = value()
    else if (a === '--no-build') o.build = false
    else if (a === '--idle') o.idle = true
    else if (a === '--trace') o.trace = true
    else if (a === '--out-dir') {
      o.outDir = resolve(argv[++i] ?? '')
      o.build = false
    } else
      throw new Error(
        `unknown option ${a} (known: --minutes, --prior-runs, --port, --no-build, --out-dir, --profile, --allocations, --idle, --trace)`
      )
  }
  return o
}

/** One 5 s window as the page measured it. */
interface Window5s {
  fps: number
  longTasks: number
  longTaskMs: number
  maxLongTaskMs: number
  step: number
  /** The page's JS heap in use at the window's end (Chromium's performance.memory), MB. */
  heapMb: number
}

/**
 * The long run's epochs: enough to outlast any measurement (iris trains 4 steps an epoch; a million
 * epochs, 4,000,000 steps, ended after about 65 s at full speed on a quiet machine).
 */
const RUN_EPOCHS = 1_000_000_000

const root = resolve(import.meta.dirname, '..')
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2))
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`)
  if (o.build) {
    const b = spawnSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit'
    })
    if (b.status !== 0) throw new Error('the preview build failed')
  }
  const url = `http://127.0.0.1:${o.port}/`
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--config',
      'vite.web.config.ts',
      '--port',
      String(o.port),
      '--strictPort',
      ...(o.outDir ? ['--outDir', o.outDir] : [])
    ],
    { cwd: root, stdio: 'ignore', detached: true }
  )
  const stop = (): void => {
    try {
      process.kill(-server.pid!, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  process.on('exit', stop)
  for (let t = 0; ; t++) {
    if (t > 150) throw new Error(`the preview server did not answer on ${url}`)
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false
      )
    )
      break
    await new Promise((r) => setTimeout(r, 200))
  }

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    page.setDefaultTimeout(30_000)
    // Before the app loads: ChartFrame reads the hook when a chart mounts (each chart's setOption
    // time, by title, so a long task can be pinned on a chart).
    await page.addInitScript(`(() => {
      window.__chartDraws = {}
      window.__chartDrawTimer = (title, ms) => {
        const d = (window.__chartDraws[title] ??= { n: 0, total: 0, max: 0, over50: 0 })
        d.n++; d.total += ms; d.max = Math.max(d.max, ms); if (ms > 50) d.over50++
      }
    })()`)
    await page.goto(url)
    await page.getByTestId('engine-status').filter({ hasText: 'ready' }).waitFor()
    await page.getByRole('button', { name: 'New from template' }).click()
    await page.getByRole('menuitem', { name: /Iris/ }).click()
    await page.getByRole('tab', { name: 'Data' }).click()
    await page.getByLabel('CSV file').setInputFiles(resolve(root, 'resources/samples/iris.csv'))
    await page.getByLabel('Prepared data').filter({ hasText: 'training' }).waitFor()
    await page.getByRole('tab', { name: 'Training' }).click()
    const train = page.getByRole('button', { name: 'Train', exact: true })
    for (let k = 0; k < o.priorRuns; k++) {
      await train.click()
      await page.getByText(/^Finished/).waitFor({ timeout: 120_000 })
    }
    // --idle: the same screen with no run going, as a control (what the browser does on its own).
    if (!o.idle) {
      await page.getByRole('spinbutton', { name: 'Epochs', exact: true }).fill(String(RUN_EPOCHS))
      await page.getByRole('spinbutton', { name: 'Epochs', exact: true }).press('Tab')
      await train.click()
    }
    await page.getByRole('region', { name: 'Live charts' }).scrollIntoViewIfNeeded()

    // As source text: tsx's helpers (__name) do not exist in the page.
    await page.evaluate(`(() => {
      const b = (window.__bench = { frames: 0, long: [], longAt: [], frames50: [] })
      const tick = () => { b.frames++; requestAnimationFrame(tick) }
      requestAnimationFrame(tick)
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          b.long.push(e.duration)
          if (b.longAt.length < 1000) b.longAt.push({ at: e.startTime, ms: e.duration })
        }
      }).observe({ type: 'longtask', buffered: false })
      // Long animation frames: what ran in them (scripts by invoker, style/layout, render), to say
      // what each long task was without a profiler stretching it.
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.duration <= 50 || b.frames50.length >= 1000) continue
          const end = e.startTime + e.duration
          b.frames50.push({
            at: e.startTime, ms: e.duration,
            renderMs: e.renderStart ? end - e.renderStart : 0,
            layoutMs: e.styleAndLayoutStart ? end - e.styleAndLayoutStart : 0,
            scripts: e.scripts.map((x) => ({
              what: x.invoker, fn: x.sourceFunctionName, ms: x.duration,
              forcedLayoutMs: x.forcedStyleAndLayoutDuration
            }))
          })
        }
      }).observe({ type: 'long-animation-frame', buffered: false })
    })()`)

    if (o.profile > 0) await profileRun(page, o.profile)
    if (o.allocations > 0) await allocationRun(page, o.allocations)

    await page.evaluate(
      'window.__bench.frames = 0; window.__bench.long = []; window.__bench.longAt = []; window.__bench.frames50 = []; window.__chartDraws = {}'
    )
    const windows: Window5s[] = []
    const tracer = o.trace ? await startTrace(browser) : null
    const until = Date.now() + o.minutes * 60_000
    console.log(`Charts during a ${o.minutes}-minute iris run after ${o.priorRuns} earlier runs:`)
    while (Date.now() < until) {
      const t0 = Date.now()
      await page.waitForTimeout(5000)
      const seconds = (Date.now() - t0) / 1000
      const { frames, long, heap } = (await page.evaluate(`(() => {
        const b = window.__bench, out = { frames: b.frames, long: b.long, heap: performance.memory?.usedJSHeapSize ?? NaN }
        b.frames = 0; b.long = []
        return out
      })()`)) as { frames: number; long: number[]; heap: number }
      const step = Number(
        /step ([\d,]+)/.exec(await page.locator('.training-panel').innerText())?.[1].replace(/,/g, '') ?? NaN
      )
      const win: Window5s = {
        fps: frames / seconds,
        longTasks: long.length,
        longTaskMs: long.reduce((a, b) => a + b, 0),
        maxLongTaskMs: long.length ? Math.max(...long) : 0,
        step,
        heapMb: heap / 2 ** 20
      }
      windows.push(win)
      // The trace is cut at the end of the window the first long task fell in (the buffer holds the
      // minute or two before it).
      if (tracer?.running && win.longTasks > 0) await tracer.stopAndSay()
      console.log(
        `  ${String(windows.length * 5).padStart(4)} s  ${win.fps.toFixed(1).padStart(5)} fps  ` +
          `long tasks ${win.longTasks} (${win.longTaskMs.toFixed(0)} ms, max ${win.maxLongTaskMs.toFixed(0)} ms)  step ${step}  heap ${win.heapMb.toFixed(0)} MB`
      )
    }
    const fps = windows.map((w) => w.fps)
    const summary = {
      minutes: o.minutes,
      priorRuns: o.priorRuns,
      windows: windows.length,
      meanFps: fps.reduce((a, b) => a + b, 0) / fps.length,
      minFps: Math.min(...fps),
      longTasks: windows.reduce((a, w) => a + w.longTasks, 0),
      maxLongTaskMs: Math.max(0, ...windows.map((w) => w.maxLongTaskMs)),
      finalStep: windows[windows.length - 1]?.step
    }
    console.log(
      `mean ${summary.meanFps.toFixed(1)} fps, lowest 5 s window ${summary.minFps.toFixed(1)} fps, ` +
        `${summary.longTasks} long tasks (longest ${summary.maxLongTaskMs.toFixed(0)} ms), step ${summary.finalStep}`
    )
    const draws = (await page.evaluate('window.__chartDraws')) as Record<
      string,
      { n: number; total: number; max: number; over50: number }
    >
    console.log('draws per chart (setOption): count, mean, longest, over 50 ms')
    for (const [title, d] of Object.entries(draws).sort((a, b) => b[1].total - a[1].total))
      console.log(
        `  ${title.padEnd(32)} ${String(d.n).padStart(6)}  ${(d.total / d.n).toFixed(1).padStart(6)} ms  ` +
          `${d.max.toFixed(0).padStart(5)} ms  ${d.over50}`
      )
    printLongTaskFrames((await page.evaluate('window.__bench')) as LongTaskRecords)
    if (tracer?.running) await tracer.stopAndSay()
    console.log(JSON.stringify({ bench: 'ui-charts', ...summary, draws }))
  } finally {
    await browser.close()
    stop()
  }
}

interface LongTaskRecords {
  longAt: { at: number; ms: number }[]
  frames50: {
    at: number
    ms: number
    renderMs: number
    layoutMs: number
    scripts: { what: string; fn: string; ms: number; forcedLayoutMs: number }[]
  }[]
}

const frameOf = (
  t: { at: number },
  frames50: LongTaskRecords['frames50']
): LongTaskRecords['frames50'][number] | undefined =>
  frames50.find((x) => x.at <= t.at + 1 && t.at < x.at + x.ms)

/** Each long task with the long animation frame it fell in: its scripts, style/layout and render time. */
function printLongTaskFrames({ longAt, frames50 }: LongTaskRecords): void {
  if (longAt.length === 0) return
  console.log(
    'long tasks and their animation frames (scripts by invoker; the rest is style, layout, paint, GC):'
  )
  for (const t of longAt.slice(0, 40)) {
    const f = frameOf(t, frames50)
    const head = `  at ${(t.at / 1000).toFixed(1)} s, ${t.ms.toFixed(0)} ms`
    if (!f) {
      console.log(
        `${head}: no long animation frame (outside rendering, or after a frame's render: --trace names it)`
      )
      continue
    }
    const scripts = f.scripts
      .filter((x) => x.ms >= 1)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 4)
      .map(
        (x) =>
          `${x.what}${x.fn ? ` (${x.fn})` : ''} ${x.ms.toFixed(0)} ms${x.forcedLayoutMs >= 1 ? `, forced layout ${x.forcedLayoutMs.toFixed(0)}` : ''}`
      )
    console.log(
      `${head}: frame ${f.ms.toFixed(0)} ms, render ${f.renderMs.toFixed(0)} (style+layout ${f.layoutMs.toFixed(0)}); ${scripts.join('; ') || 'no script ≥ 1 ms'}`
    )
  }
}

/**
 * A Chromium trace in a ring buffer (the last ~400 MB of events: a minute or two of this page), so a
 * 10-minute run can be traced and the trace cut right after the first long task. Categories: tasks
 * with where they were posted from, the timeline (frames, scripts, paint) and V8's collector phases.
 */
async function startTrace(browser: Browser): Promise<{ running: boolean; stopAndSay(): Promise<void> }> {
  const cdp = await browser.newBrowserCDPSession()
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      recordMode: 'recordContinuously',
      traceBufferSizeInKb: 400_000,
      includedCategories: ['toplevel', 'devtools.timeline', 'v8', 'disabled-by-default-v8.gc', 'blink']
    }
  })
  const state = {
    running: true,
    async stopAndSay(): Promise<void> {
      state.running = false
      const done = new Promise<string>((ok) =>
        cdp.once('Tracing.tracingComplete', (e) => ok((e as { stream: string }).stream))
      )
      await cdp.send('Tracing.end')
      const handle = await done
      let text = ''
      for (;;) {
        const r = (await cdp.send('IO.read', { handle, size: 1 << 24 })) as {
          data: string
          eof: boolean
          base64Encoded?: boolean
        }
        text += r.base64Encoded ? Buffer.from(r.data, 'base64').toString('utf8') : r.data
        if (r.eof) break
      }
      await cdp.send('IO.close', { handle })
      await cdp.detach()
      const file = resolve(root, 'out', 'bench-ui-trace.json')
      mkdirSync(resolve(root, 'out'), { recursive: true })
      writeFileSync(file, text)
      const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] }
      const events = Array.isArray(parsed) ? parsed : parsed.traceEvents
      const tasks = longTracedTasks(events)
      console.log(
        `  trace (${file}, ${events.length} events): ${tasks.length} main-thread task(s) over 50 ms`
      )
      for (const t of tasks) {
        console.log(
          `    ${t.ms.toFixed(1)} ms ${t.name}${t.postedFrom ? ` posted from ${t.postedFrom}` : ''}`
        )
        for (const [name, ms] of t.inside) console.log(`      ${ms.toFixed(1).padStart(7)} ms  ${name}`)
      }
    }
  }
  return state
}

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number }
  selfSize: number
  children: SamplingNode[]
}

/**
 * Which functions allocate on the UI thread during the run (sampled, CDP HeapProfiler): garbage is
 * what the collector's pauses are made of. Prints the top allocators by bytes per second.
 */
async function allocationRun(page: Page, seconds: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await page.waitForTimeout(10_000)
  await cdp.send('HeapProfiler.enable')
  // Keep samples of collected objects too: the garbage is what matters here.
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 16_384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true
  })
  await page.waitForTimeout(seconds * 1000)
  const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as {
    profile: { head: SamplingNode }
  }
  await cdp.detach()
  const bytes = new Map<string, number>()
  let total = 0
  const walk = (n: SamplingNode): void => {
    const f = n.callFrame
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`
    bytes.set(name, (bytes.get(name) ?? 0) + n.selfSize)
    total += n.selfSize
    n.children.forEach(walk)
  }
  walk(profile.head)
  const mbs = (b: number): string => `${(b / 2 ** 20 / seconds).toFixed(2)} MB/s`
  console.log(`allocations, ${seconds} s: ${mbs(total)} in all; by function (self):`)
  for (const [name, b] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${mbs(b).padStart(11)}  ${name}`)
}

/**
 * A CPU profile of the UI thread during the run, saved (open it in Chrome's DevTools) and summarised:
 * which functions the long tasks spent their time in. Build with `--minify false` for readable names.
 */
async function profileRun(page: Page, seconds: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await page.waitForTimeout(10_000)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 })
  await cdp.send('Profiler.start')
  await page.waitForTimeout(seconds * 1000)
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
  await cdp.detach()
  const dir = resolve(root, 'out')
  mkdirSync(dir, { recursive: true })
  const file = resolve(dir, 'bench-ui.cpuprofile')
  writeFileSync(file, JSON.stringify(profile))
  const s = summariseProfile(profile)
  const ms = (v: number): string => `${v.toFixed(0)} ms`
  console.log(
    `CPU profile, ${seconds} s (${file}): ${s.tasks} tasks, ${ms(s.busyMs)} busy of ${ms(s.spanMs)}, ` +
      `${s.longTasks.length} over 50 ms (${s.longTasks.map((t) => t.durationMs.toFixed(0)).join(', ')} ms)`
  )
  console.log('  inclusive time in long tasks, by function:')
  for (const [name, v] of s.inLongTasks) console.log(`    ${ms(v).padStart(8)}  ${name}`)
  for (const t of s.longTasks.slice(0, 6)) {
    console.log(`  task at ${ms(t.startMs)}, ${ms(t.durationMs)}:`)
    for (const [name, v] of t.top) console.log(`    ${ms(v).padStart(8)}  ${name}`)
  }
}

main().catch((err: unknown) => {
  console.error(`bench:ui: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
