/**
 * Issue 10, items 2 and 3 and "runs never destroy a model": a run that fails (non-finite, diverged, an
 * exception) leaves the model at its last good weights — never an untouched zero buffer — and the
 * weights it started from can be put back (train.restore).
 */
import { describe, expect, it } from 'vitest'
import { EngineRequestError } from '../../src/engine/protocol'
import { type TrainEventData } from '../../src/engine/protocol/handlers/train'
import { createNetwork } from '../../src/engine/nn/network'
import { resolveTrainSettings } from '../../src/engine/train/settings'
import { createSession } from '../../src/engine/train/session'
import { createTrainer, DIVERGENCE_FACTOR, trainToEnd } from '../../src/engine/train/trainer'
import type { DoneEvent, SessionEvent, TrainData } from '../../src/engine/train/types'
import { connectTrainEngine, type TrainEngine } from './trainHarness'
import { blobs, dataset, mlpGraph, xor, xorNetwork } from './trainFixtures'

/** A trained XOR network (100 % accurate) and its weights. */
function trainedXor() {
  const net = xorNetwork(3)
  const trainer = createTrainer(
    net,
    { train: xor, task: 'binary' },
    resolveTrainSettings({
      optimizer: 'adam',
      learningRate: 0.05,
      batchSize: 0,
      epochs: 3000,
      lossTarget: 0.01
    })
  )
  const done = trainToEnd(trainer)
  expect(done.reason).toBe('target')
  expect(done.final!.train.accuracy).toBe(1)
  return { net, weights: Float64Array.from(net.params) }
}

describe('a failed first step keeps the model (item 2)', () => {
  it('continuing a 100 %-accurate model on data with one 1e308 cell restores its weights, not zeros', () => {
    const { net, weights } = trainedXor()
    // One huge cell: the first pass overflows (z = w·1e308 → ±∞), so the very first step is non-finite.
    const bad = dataset(
      [
        [0, 0],
        [1e308, -1e308],
        [1, 0],
        [1, 1]
      ],
      [[0], [1], [1], [0]]
    )
    const trainer = createTrainer(net, { train: bad, task: 'binary' }, resolveTrainSettings({ batchSize: 0 }))
    const r = trainer.step()
    expect(r.done?.reason).toBe('non-finite')
    expect(r.done?.nonFinite?.step).toBe(1)
    expect(Array.from(net.params)).toEqual(Array.from(weights))
    expect(net.params.some((v) => v !== 0)).toBe(true)
  })
})

describe('divergence (item 3)', () => {
  // A linear regression at learning rate 1e300: weights jump to ~1e300, the loss to ~1e600 → ∞ or, with
  // smaller rates, to huge finite values; either way the run must not end "finished".
  const line = dataset(
    Array.from({ length: 16 }, (_, i) => [i / 8 - 1]),
    Array.from({ length: 16 }, (_, i) => [2 * (i / 8 - 1) + 0.5])
  )
  const lineNet = () => createNetwork(mlpGraph(1, [], [1, 'linear'], 'squared-error'), { seed: 2 })

  it('a run whose loss explodes without a NaN ends "diverged" at the weights before the blow-up', () => {
    const net = lineNet()
    const start = Float64Array.from(net.params)
    // 1e150: one update makes w ≈ 1e150, the next loss ≈ 1e300 — finite, but 1e300 × the first.
    const trainer = createTrainer(
      net,
      { train: line, task: 'regression' },
      resolveTrainSettings({ optimizer: 'gd', learningRate: 1e150, epochs: 50 })
    )
    const done = trainToEnd(trainer)
    expect(done.reason).toBe('diverged')
    expect(done.diverged!.step).toBe(2)
    expect(done.diverged!.loss).toBeGreaterThan(DIVERGENCE_FACTOR * done.diverged!.lowestLoss)
    expect(Number.isFinite(done.diverged!.loss)).toBe(true)
    // Last good = the weights whose pass was the last finite, non-diverged one: the run's start here.
    expect(Array.from(net.params)).toEqual(Array.from(start))
    expect(done.final!.train.loss).toBeLessThan(10)
    const meanAbs = net.params.reduce((s, v) => s + Math.abs(v), 0) / net.params.length
    expect(meanAbs).toBeLessThan(10)
  })

  it('an ordinary run is not called diverged, and a near-perfect fit tolerates batch noise', () => {
    const data: TrainData = { train: blobs(40, 7), validation: blobs(20, 99), task: 'multiclass' }
    const net = createNetwork(mlpGraph(2, [[8, 'tanh']], [3, 'softmax'], 'cross-entropy'), { seed: 1 })
    const done = trainToEnd(
      createTrainer(
        net,
        data,
        resolveTrainSettings({ optimizer: 'adam', learningRate: 0.05, batchSize: 4, epochs: 60 })
      )
    )
    expect(done.reason).toBe('epochs')
  })

  it('restore puts back the run-start or the last good weights', () => {
    const net = lineNet()
    const start = Float64Array.from(net.params)
    const trainer = createTrainer(
      net,
      { train: line, task: 'regression' },
      resolveTrainSettings({ optimizer: 'gd', learningRate: 0.1, epochs: 5 })
    )
    trainer.step()
    const afterOne = Float64Array.from(net.params)
    trainer.step() // lastGood = afterOne (the weights whose pass step 2 made), params moved on
    expect(Array.from(net.params)).not.toEqual(Array.from(afterOne))
    trainer.restore('last-good')
    expect(Array.from(net.params)).toEqual(Array.from(afterOne))
    trainer.restore('run-start')
    expect(Array.from(net.params)).toEqual(Array.from(start))
  })
})

describe('an exception in the training loop is a failed run, not a dead engine', () => {
  it('the session ends with reason "error", the message, and the last good weights', async () => {
    const net = xorNetwork(3)
    const start = Float64Array.from(net.params)
    const events: SessionEvent[] = []
    const session = createSession({
      net,
      data: { train: xor, task: 'binary' },
      settings: { optimizer: 'adam', batchSize: 0, epochs: 100 },
      emit: (e) => events.push(e),
      yieldControl: () => new Promise((r) => setImmediate(r))
    })
    const real = net.lossAndGradients.bind(net)
    let calls = 0
    net.lossAndGradients = (x, y, m) => {
      if (++calls === 3) {
        // As if an update had been half applied before the throw.
        net.params.fill(123)
        throw new Error('planted failure')
      }
      return real(x, y, m)
    }
    session.start()
    await session.whenSettled()
    const done = events.find((e): e is DoneEvent => e.type === 'done')!
    expect(done.reason).toBe('error')
    expect(done.error).toBe('planted failure')
    expect(done.message).toContain('planted failure')
    expect(session.state).toBe('done')
    // The last good weights: those step 2's pass ran on (neither the planted 123s nor zeros).
    expect(net.params.every((v) => v !== 123 && Number.isFinite(v))).toBe(true)
    expect(Array.from(net.params)).not.toEqual(Array.from(start))
  })
})

// ---- over the protocol ----

type Opened = TrainEngine
const connect = (): TrainEngine => connectTrainEngine()

function doneOf(o: Opened, session: number): Promise<TrainEventData & DoneEvent> {
  const test = (e: TrainEventData): e is TrainEventData & DoneEvent =>
    e.type === 'done' && e.session === session
  const seen = o.events.find(test)
  if (seen) return Promise.resolve(seen)
  return new Promise((resolve) => {
    const off = o.client.on('train.event', (e) => {
      if (test(e)) {
        off()
        resolve(e)
      }
    })
  })
}

const irisGraph = () =>
  mlpGraph(4, [[8, 'tanh']], [3, 'softmax'], 'cross-entropy') as unknown as Record<string, unknown>

describe('train.start continues, train.restore puts weights back', () => {
  it('a blown-up second run keeps the first run’s model, and run-start / last-good restore it', async () => {
    const o = connect()
    const first = await o.client.request('train.start', {
      graph: irisGraph(),
      settings: { optimizer: 'adam', learningRate: 0.02, batchSize: 16, epochs: 30, seed: 5 }
    })
    expect((await doneOf(o, first.session)).reason).toBe('epochs')
    const trained = (await o.client.request('train.parameters', {})).parameters

    // Continue at an absurd rate: the run must end non-finite or diverged, not "finished".
    const second = await o.client.request('train.start', {
      graph: irisGraph(),
      settings: { optimizer: 'sgd', learningRate: 1e300, batchSize: 16, epochs: 30, seed: 5 }
    })
    expect(second.weights).toBe('continued')
    const done = await doneOf(o, second.session)
    expect(['non-finite', 'diverged']).toContain(done.reason)
    // Last good here = the run's start: its first step already blew up the update.
    const afterFail = (await o.client.request('train.parameters', {})).parameters
    expect(afterFail).toEqual(trained)

    const status = await o.client.request('train.restore', { which: 'run-start' })
    expect(status).toMatchObject({ session: second.session, state: 'done' })
    expect((await o.client.request('train.parameters', {})).parameters).toEqual(trained)

    // A third run from those weights, then restore its start mid-run.
    const third = await o.client.request('train.start', {
      graph: irisGraph(),
      settings: { optimizer: 'adam', learningRate: 0.02, batchSize: 16, epochs: 100000, seed: 5 }
    })
    expect(third.weights).toBe('continued')
    await new Promise((r) => setTimeout(r, 30))
    const restored = await o.client.request('train.restore', { which: 'run-start' })
    expect(restored.state).toBe('done')
    const stopped = await doneOf(o, third.session)
    expect(stopped.reason).toBe('stopped')
    expect(stopped.final).toBeNull()
    expect((await o.client.request('train.parameters', {})).parameters).toEqual(trained)
  })

  it('train.start with parameters trains from exactly those weights', async () => {
    const o = connect()
    const net = createNetwork(mlpGraph(4, [[8, 'tanh']], [3, 'softmax'], 'cross-entropy'), { seed: 77 })
    const given = net.getParameters()
    const r = await o.client.request('train.start', {
      graph: irisGraph(),
      parameters: given as unknown as Record<string, unknown>,
      settings: { optimizer: 'sgd', learningRate: 0.01, batchSize: 16, epochs: 1 }
    })
    expect(r.weights).toBe('given')
    await doneOf(o, r.session)
    expect((await o.client.request('train.restore', { which: 'run-start' })).state).toBe('done')
    expect((await o.client.request('train.parameters', {})).parameters).toEqual(given)
  })

  it('restore without a session, or with an unknown point, is a clear error reply', async () => {
    const o = connect()
    const err = await o.client.request('train.restore', { which: 'run-start' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(EngineRequestError)
    expect((err as EngineRequestError).message).toMatch(/no training session/)
    const bad = await o.client
      .request('train.restore', { which: 'best' as 'run-start' })
      .catch((e: unknown) => e)
    expect((bad as EngineRequestError).code).toBe('bad-payload')
  })
})

describe('activation memory', () => {
  it('a full batch too big for memory is refused up front, naming the batch size that fits', () => {
    // 784-256-256-10 in one batch of 30 000 rows: 30 000 × 522 units × 5 buffers × 8 bytes = 0.63 GB
    // (54 000 rows, the set, would be 1.13 GB).
    const net = createNetwork(
      mlpGraph(
        784,
        [
          [256, 'relu'],
          [256, 'relu']
        ],
        [10, 'softmax'],
        'cross-entropy'
      )
    )
    const r = 30_000
    const data = {
      train: { x: new Float64Array(r * 784), y: new Float64Array(r * 10), rows: r },
      task: 'multiclass' as const
    }
    expect(() => createTrainer(net, data, resolveTrainSettings({ optimizer: 'gd' }))).toThrow(
      /training setting "batchSize": a full batch of 30000 rows through 522 units needs 0\.626 GB of activations; at most 512 MiB are allowed — use mini-batches of at most 25712 rows/
    )
    // Mini-batches of 32 are fine.
    expect(() =>
      createTrainer(net, data, resolveTrainSettings({ optimizer: 'sgd', batchSize: 32 }))
    ).not.toThrow()
  })
})

describe('train.step with parameters', () => {
  it('opens a session from the given weights (a project after an engine restart)', async () => {
    const o = connect()
    const net = createNetwork(mlpGraph(4, [[8, 'tanh']], [3, 'softmax'], 'cross-entropy'), { seed: 31 })
    const given = net.getParameters()
    const status = await o.client.request('train.step', {
      unit: 'batch',
      graph: irisGraph(),
      settings: { optimizer: 'sgd', learningRate: 0.01, batchSize: 16, epochs: 5 },
      parameters: given as unknown as Record<string, unknown>
    })
    expect(status).toMatchObject({ state: 'paused', step: 1 })
    await o.client.request('train.restore', { which: 'run-start' })
    expect((await o.client.request('train.parameters', {})).parameters).toEqual(given)
  })
})
