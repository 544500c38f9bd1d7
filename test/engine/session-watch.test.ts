/**
 * Training a person can follow (issue 12): δ samples even when a run ends within one progress
 * interval, and a speed limit in steps per second that a paused or stopped run still obeys at once.
 */
import { describe, expect, it } from 'vitest'
import { createNetwork } from '../../src/engine/nn/network'
import { createSession, type SessionOptions } from '../../src/engine/train/session'
import type { ProgressEvent, SessionEvent } from '../../src/engine/train/types'
import { blobs, mlpGraph } from './trainFixtures'

/** A session on a fake clock; `sleep` moves that clock, so a throttled run takes no real time. */
function harness(extra: Partial<SessionOptions> = {}, epochs = 50) {
  let now = 0
  const events: SessionEvent[] = []
  const slept: number[] = []
  const net = createNetwork(mlpGraph(2, [[8, 'tanh']], [3, 'softmax'], 'cross-entropy'), { seed: 1 })
  const session = createSession({
    net,
    data: { train: blobs(40, 7), validation: blobs(10, 3), task: 'multiclass' },
    settings: { optimizer: 'adam', batchSize: 10, epochs },
    emit: (e) => events.push(e),
    clock: () => now,
    yieldControl: () => new Promise<void>((resolve) => setImmediate(resolve)),
    sleep: async (ms) => {
      slept.push(ms)
      now += ms
      await new Promise<void>((resolve) => setImmediate(resolve))
    },
    ...extra
  })
  const progress = () => events.filter((e): e is ProgressEvent => e.type === 'progress')
  return { session, events, progress, slept, advance: (ms: number) => (now += ms), time: () => now }
}

async function until(cond: () => boolean, limit = 100_000): Promise<void> {
  for (let i = 0; !cond(); i++) {
    if (i > limit) throw new Error('condition not reached')
    await new Promise((r) => setImmediate(r))
  }
}

describe('δ samples', () => {
  it('a run that ends before its first progress interval still sends a δ sample per step and histograms', async () => {
    // The clock never moves: no progress event is ever due until the end (the README's 0.26 s iris run).
    const h = harness({}, 20)
    h.session.start()
    await h.session.whenSettled()
    expect(h.session.state).toBe('done')
    const samples = h.progress().flatMap((e) => e.samples ?? [])
    // 12 steps per epoch × 20 epochs, each one sampled (the first 256 steps always are).
    expect(samples.length).toBe(240)
    const steps = samples.map((s) => s.step)
    expect(steps).toEqual([...steps].sort((a, b) => a - b))
    expect(new Set(steps).size).toBe(steps.length)
    expect(samples.every((s) => s.layers.map((l) => l.id).join() === 'h1,out')).toBe(true)
    // Histograms ride on every 8th sample: the weights-over-time chart gets a column each time.
    expect(samples.filter((s) => s.histograms).length).toBe(30)
  })

  it('past the dense start, samples come at most every sampleMs of training time', async () => {
    let t = 0
    const h = harness({ clock: () => (t += 1), denseSampleSteps: 0, sampleMs: 50 })
    h.session.start()
    await h.session.whenSettled()
    const samples = h.progress().flatMap((e) => e.samples ?? [])
    expect(samples.length).toBeGreaterThan(5)
    // Far fewer than one per step (600 steps of a few 1 ms clock reads each: one sample per ≥ 50 ms).
    expect(samples.length).toBeLessThan(600 / 5)
    for (let i = 1; i < samples.length; i++) expect(samples[i].step).toBeGreaterThan(samples[i - 1].step)
  })
})

describe('speed', () => {
  it('a throttled run takes about stepsPerSecond steps per second of the clock, and each reaches an event', async () => {
    const h = harness({ stepsPerSecond: 10 })
    h.session.start()
    await until(() => h.time() >= 2000)
    h.session.pause()
    const steps = h.session.trainer.stepCount
    // 10 steps/s for 2 s, counted from step 0 at t = 0 (the first step is due at once).
    expect(steps).toBeGreaterThanOrEqual(20)
    expect(steps).toBeLessThanOrEqual(22)
    // No step waits for the next progress interval: each one has gone out by the time the run pauses.
    const sent = h.progress().flatMap((e) => e.steps)
    expect(sent).toEqual(Array.from({ length: steps }, (_, i) => i + 1))
    expect(h.progress().flatMap((e) => e.samples ?? []).length).toBe(steps)
    // It slept in short naps, so a pause lands within one of them.
    expect(Math.max(...h.slept)).toBeLessThanOrEqual(50)
  })

  it('setSpeed takes effect at once and undefined goes back to full speed', async () => {
    const h = harness({ stepsPerSecond: 2 })
    h.session.start()
    await until(() => h.time() >= 1000)
    expect(h.session.trainer.stepCount).toBeLessThanOrEqual(4)
    h.session.setSpeed(undefined)
    expect(h.session.stepsPerSecond).toBeUndefined()
    await h.session.whenSettled()
    // All 600 steps (12 per epoch × 50) ran with the clock standing still once the limit was lifted.
    expect(h.session.state).toBe('done')
    expect(h.session.trainer.stepCount).toBe(600)
    expect(h.time()).toBeLessThan(1100)
  })

  it('stop ends a throttled run at once, with its final metrics', async () => {
    const h = harness({ stepsPerSecond: 1 })
    h.session.start()
    await until(() => h.time() >= 3000)
    h.session.stop()
    await h.session.whenSettled()
    const done = h.events.find((e) => e.type === 'done')
    expect(done && done.type === 'done' && done.reason).toBe('stopped')
    expect(done && done.type === 'done' && done.final?.train.loss).toBeGreaterThan(0)
  })

  it('refuses a speed that is not a positive number', () => {
    const h = harness()
    expect(() => h.session.setSpeed(0)).toThrow(/stepsPerSecond must be a positive number, got 0/)
    expect(() => h.session.setSpeed(Number.NaN)).toThrow(/positive number/)
  })
})
