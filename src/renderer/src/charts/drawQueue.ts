/**
 * The live charts' draw queue: each chart asks for its next draw here instead of calling ECharts at
 * once, and the queue runs the draws spread over animation frames — one chart's draw, then more only
 * while the frame's budget lasts. A CPU profile of a long run (bench:ui --profile) showed why: the
 * redraw scheduler moves every chart's data in the same frame, so all seven charts' setOption, layout
 * and paint landed in one task of 60–200 ms (ECharts ≈ 40 % of the long-task time, Vue's flush of the
 * charts' watchers ≈ 13 %). Spread out, a task holds one chart's draw (a few ms to ~20 ms).
 *
 * A chart asking again while queued keeps its place and only swaps in its newer draw (round-robin:
 * a chart that redraws often cannot starve the others). `idle()` resolves when every asked-for draw
 * is done, so tests wait for the drawn picture instead of counting frames.
 *
 * After a frame's first draw, a draw runs only if what the chart's draws cost lately still fits in the
 * budget; else it waits, keeping its place, and is the first draw of the next frame. Stopping only once
 * the budget was spent let a 7 ms line chart and a 36 ms heatmap share a frame: the 10-minute
 * bench:ui run's one long task (51 ms) with no single draw over 50 ms.
 */
export interface DrawClock {
  now(): number
  /** Runs cb in the next animation frame. */
  frame(cb: () => void): void
}

const browserClock: DrawClock = {
  now: () => performance.now(),
  frame: (cb) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => cb())
    else setTimeout(cb, 16)
  }
}

export interface DrawQueue {
  /** Asks for `draw` to run in a coming frame; replaces a draw `key` already has queued. */
  request(key: object, draw: () => void): void
  /** Drops `key`'s queued draw (the chart went away). */
  cancel(key: object): void
  /** Draws waiting. */
  readonly size: number
  /** Resolves once nothing is queued (at once when nothing is). */
  idle(): Promise<void>
}

/** A frame runs draws until `budgetMs` have passed in it (always at least one). */
export function createDrawQueue(clock: DrawClock = browserClock, budgetMs = 8): DrawQueue {
  const queued = new Map<object, () => void>()
  // What a chart's draw costs: its last draw, or more while an expensive one is recent (a heatmap's
  // cost jumps when a column is added; one cheap draw should not make the next look cheap).
  const cost = new WeakMap<object, number>()
  let scheduled = false
  let waiters: (() => void)[] = []
  const settle = (): void => {
    if (queued.size > 0) return
    const w = waiters
    waiters = []
    for (const resolve of w) resolve()
  }
  const pump = (): void => {
    scheduled = false
    const start = clock.now()
    let first = true
    for (const [key, draw] of queued) {
      if (!first) {
        const spent = clock.now() - start
        if (spent >= budgetMs) break
        // A chart not drawn before costs a whole budget: its first draw (ECharts' init) is its dearest.
        if (spent + (cost.get(key) ?? budgetMs) > budgetMs) continue
      }
      first = false
      queued.delete(key)
      const began = clock.now()
      try {
        draw()
      } catch (err) {
        // One chart's bad option must not stop the others from drawing.
        console.error(err)
      }
      const took = clock.now() - began
      cost.set(key, Math.max(took, 0.75 * (cost.get(key) ?? 0)))
    }
    if (queued.size > 0) schedule()
    else settle()
  }
  const schedule = (): void => {
    if (scheduled) return
    scheduled = true
    clock.frame(pump)
  }
  return {
    request(key, draw) {
      queued.set(key, draw)
      schedule()
    },
    cancel(key) {
      queued.delete(key)
      settle()
    },
    get size() {
      return queued.size
    },
    idle() {
      return queued.size === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))
    }
  }
}

/** The app's one queue: every ChartFrame draws through it. */
export const chartDraws = createDrawQueue()
