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

  it('runs several cheap draws in one frame, within the budget', () => {
    const c = manualClock()
    const q = createDrawQueue(c.clock, 8)
    const drawn: number[] = []
    for (let i = 0; i < 5; i++) q.request({}, () => (drawn.push(i), c.spend(3)))
    c.frame()
    // 3 + 3 = 6 < 8 goes on, 9 ≥ 8 stops
    expect(drawn).toEqual([0, 1, 2])
    c.frame()
    expect(drawn).toEqual([0, 1, 2, 3, 4])
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
