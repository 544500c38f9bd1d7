import { describe, expect, it } from 'vitest'
import { redrawScheduler, type RedrawClock } from '@renderer/charts/redrawScheduler'

/** A clock the test moves by hand: frames and timers run only when the test says so. */
function manualClock() {
  let t = 0
  let frames: (() => void)[] = []
  let timers: { at: number; cb: () => void }[] = []
  const clock: RedrawClock = {
    now: () => t,
    frame: (cb) => void frames.push(cb),
    later: (cb, ms) => void timers.push({ at: t + ms, cb })
  }
  return {
    clock,
    /** Moves time to `to`, firing due timers, then runs one animation frame. */
    advance(to: number) {
      t = to
      const due = timers.filter((x) => x.at <= t)
      timers = timers.filter((x) => x.at > t)
      for (const x of due) x.cb()
      const run = frames
      frames = []
      for (const cb of run) cb()
    }
  }
}

describe('redrawScheduler', () => {
  it('redraws once per frame however often it is asked, when no interval applies', () => {
    const c = manualClock()
    let draws = 0
    const ask = redrawScheduler(
      () => draws++,
      () => 0,
      c.clock
    )
    ask()
    ask()
    ask()
    expect(draws).toBe(0) // never synchronously
    c.advance(16)
    expect(draws).toBe(1)
    ask()
    c.advance(17)
    expect(draws).toBe(2)
  })

  it('while an interval applies, coalesces requests inside it into one redraw at its end', () => {
    const c = manualClock()
    let draws = 0
    const ask = redrawScheduler(
      () => draws++,
      () => 100,
      c.clock
    )
    ask()
    c.advance(10) // the first redraw is not held back
    expect(draws).toBe(1)
    for (const t of [20, 40, 60, 80]) {
      ask()
      c.advance(t)
    }
    expect(draws).toBe(1) // four requests, all inside the 100 ms after the last redraw
    c.advance(110)
    expect(draws).toBe(2) // exactly one for all of them
    c.advance(300)
    expect(draws).toBe(2) // and nothing without a request
  })

  it('draws in the next frame once the interval drops (the run ended) while a redraw waits', () => {
    const c = manualClock()
    let interval = 100
    let draws = 0
    const ask = redrawScheduler(
      () => draws++,
      () => interval,
      c.clock
    )
    ask()
    c.advance(10)
    ask() // waits for t = 110
    c.advance(30)
    expect(draws).toBe(1)
    interval = 0
    ask()
    c.advance(40)
    expect(draws).toBe(2)
    c.advance(200) // the superseded timer does not draw again
    expect(draws).toBe(2)
  })
})
