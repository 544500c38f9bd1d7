/**
 * When the live charts redraw: once in the next animation frame however often they are asked to, and
 * — while `minIntervalMs()` is above zero (a run is going) — no sooner than that after the previous
 * redraw. Progress events arrive every ~75 ms and each redraw is a full ECharts setOption per chart;
 * on a loaded 2-core machine that kept the UI thread busy enough to drop the frame rate to 11–33 fps.
 * A request inside the interval is not lost: it runs (once) when the interval is over, or in the next
 * frame when the interval has dropped meanwhile (the run ended: its last points show at once).
 */
export interface RedrawClock {
  now(): number
  /** Runs cb in the next animation frame. */
  frame(cb: () => void): void
  /** Runs cb after ms milliseconds. */
  later(cb: () => void, ms: number): void
}

const browserClock: RedrawClock = {
  now: () => performance.now(),
  frame: (cb) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => cb())
    else setTimeout(cb, 16)
  },
  later: (cb, ms) => void setTimeout(cb, ms)
}

/** Returns the function that asks for a redraw; `redraw` runs at most once per frame and interval. */
export function redrawScheduler(
  redraw: () => void,
  minIntervalMs: () => number,
  clock: RedrawClock = browserClock
): () => void {
  /** A redraw is asked for: waiting for its frame (or for the interval first, `waiting`). */
  let pending = false
  let waiting = false
  /** Bumped when a waiting redraw is moved to the next frame, so its timer then does nothing. */
  let timer = 0
  let lastAt = -Infinity
  const inFrame = (): void => {
    waiting = false
    clock.frame(() => {
      pending = false
      lastAt = clock.now()
      redraw()
    })
  }
  return () => {
    const wait = lastAt + minIntervalMs() - clock.now()
    if (pending && !(waiting && wait <= 0)) return
    pending = true
    const id = ++timer
    if (wait > 0) {
      waiting = true
      clock.later(() => {
        if (id === timer) inFrame()
      }, wait)
    } else inFrame()
  }
}
