import { describe, expect, it } from 'vitest'
import { createDrawQueue, type DrawClock } from '@renderer/charts/drawQueue'

/** Frames run only when the test says so; each draw "costs" the time the test gives it. */
function manualClock() {
  let t = 0
  let frames: (() => void)[] = []
  const clock: DrawClock = { now: () => t, frame: (cb) => void frames.push(cb) }
  return {
    clock,
    spend: (ms: number) => void (t += ms),
    pending: () => frames.length,
    frame() {
      const run = frames
      frames = []
      for (const cb of run) cb()
    }
  }
}

describe('createDrawQueue', () => {
  it('spreads expensive draws over frames: one per frame when each uses up the budget', () => {
    const c = manualClock()
    const q = createDrawQueue(c.clock, 8)
    const drawn: string[] = []
    const keys = ['loss', 'delta', 'histogram'].map((name) => ({ name }))
    for (const k of keys) q.request(k, () => (drawn.push(k.name), c.spend(10)))
    expect(drawn).toEqual([])
    c.frame()
    expect(drawn).toEqual(['loss'])
    c.frame()
    expect(drawn).toEqual(['loss', 'delta'])
    c.frame()
    expect(drawn).toEqual(['loss', 'delta', 'histogram'])
    expect(c.pending()).toBe(0)
  })

  it('runs several cheap draws in one frame, within the budget, once their cost is known', () => {
    const c = manualClock()
    const q = createDrawQueue(c.clock, 8)
    const drawn: number[] = []
    const keys = [0, 1, 2, 3, 4].map((i) => ({ i }))
    const ask = () => keys.forEach((k) => q.request(k, () => (drawn.push(k.i), c.spend(2))))
    // A chart's first draw gets a frame to itself: its cost is not known yet.
    ask()
    for (let f = 0; f < 5; f++) c.frame()
    expect(drawn).toEqual([0, 1, 2, 3, 4])
    drawn.length = 0
    ask()
    c.frame()
    // 2 + 2 + 2 = 6, and 6 + 2 = 8 still fits; a fifth would not
    expect(drawn).toEqual([0, 1, 2, 3])
    c.frame()
    expect(drawn).toEqual([0, 1, 2, 3, 4])
  })

  it('does not put an expensive draw after another in one frame: it waits its turn and leads the next', () => {
    const c = manualClock()
    const q = createDrawQueue(c.clock, 8)
    const line = { name: 'line' }
    const heatmap = { name: 'heatmap' }
    const bar = { name: 'bar' }
    const costs = new Map([
      [line, 7],
      [heatmap, 36],
      [bar, 1]
    ])
    const drawn: string[][] = []
    const ask = () => {
      for (const [k, ms] of costs) q.request(k, () => (drawn.at(-1)!.push(k.name), c.spend(ms)))
    }
    const frame = (): number => {
      drawn.push([])
      const t0 = c.clock.now()
      c.frame()
      return c.clock.now() - t0
    }
    ask()
    while (c.pending() > 0) frame()
    drawn.length = 0
    ask()
    const frames: number[] = []
    while (c.pending() > 0) frames.push(frame())
    // The line chart (7 ms) leads; the heatmap (36 ms) would make 43 and waits; the bar (1 ms) fits.
    expect(drawn).toEqual([['line', 'bar'], ['heatmap']])
    expect(Math.max(...frames)).toBe(36)
    // Before, the frame ran draws until 8 ms were spent: line + heatmap = 43 ms in one task.
  })

  it('keeps a re-asking chart in its place with only its newest draw (no starving the others)', () => {
    const c = manualClock()
    const q = createDrawQueue(c.clock, 0)
    const a = {}
    const b = {}
    const drawn: string[] = []
    q.request(a, () => drawn.push('a1'))
    q.request(b, () => drawn.push('b1'))
    q.request(a, () => drawn.push('a2'))
    expect(q.size).toBe(2)
    c.frame()
    c.frame()
    expect(drawn).toEqual(['a2', 'b1'])
  })

  it('idle() resolves when the last asked-for draw ran, or at once; cancel drops a draw', async () => {
    const c = manualClock()
    const q = createDrawQueue(c.clock, 0)
    let done = false
    await q.idle()
    const gone = {}
    q.request({}, () => c.spend(1))
    q.request(gone, () => {
      throw new Error('a cancelled draw ran')
    })
    void q.idle().then(() => (done = true))
    q.cancel(gone)
    c.frame()
    await Promise.resolve()
    expect(done).toBe(true)
    expect(q.size).toBe(0)
  })

  it('a draw that throws does not stop the others', () => {
    const c = manualClock()
    const q = createDrawQueue(c.clock, 100)
    const drawn: string[] = []
    const log = console.error
    console.error = () => undefined
    try {
      q.request({}, () => {
        throw new Error('bad option')
      })
      q.request({}, () => drawn.push('next'))
      c.frame()
    } finally {
      console.error = log
    }
    expect(drawn).toEqual(['next'])
  })
})
