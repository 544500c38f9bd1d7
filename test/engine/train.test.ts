import { describe, expect, it } from 'vitest'
import { createNetwork } from '../../src/engine/nn/network'
import { evaluateSet, countCorrect, setEvaluation, strideSample } from '../../src/engine/train/metrics'
import { resolveTrainSettings, type TrainSettingsInput } from '../../src/engine/train/settings'
import { createTrainer, trainToEnd, allFinite } from '../../src/engine/train/trainer'
import { OPTIMIZERS, type TrainData } from '../../src/engine/train/types'
import { blobs, dataset, mlpGraph, xor, xorNetwork } from './trainFixtures'

const blobData = (): TrainData => ({ train: blobs(40, 7), validation: blobs(20, 99), task: 'multiclass' })
const blobNetwork = (seed = 1) =>
  createNetwork(mlpGraph(2, [[8, 'tanh']], [3, 'softmax'], 'cross-entropy'), { seed })

function train(
  net = xorNetwork(),
  data: TrainData = { train: xor, task: 'binary' },
  s: TrainSettingsInput = {}
) {
  const trainer = createTrainer(net, data, resolveTrainSettings(s))
  const epochs: number[] = []
  const done = trainToEnd(trainer, (m) => epochs.push(m.train.loss))
  return { trainer, done, epochs, net }
}

describe('trainer', () => {
  it('learns XOR from scratch', () => {
    const { done, net } = train(xorNetwork(), undefined, {
      optimizer: 'adam',
      learningRate: 0.05,
      batchSize: 0,
      epochs: 2000,
      lossTarget: 0.02
    })
    expect(done.reason).toBe('target')
    expect(done.final!.train.accuracy).toBe(1)
    const out = net.forward(xor.x, 4)
    expect(Array.from(out).map((a) => (a >= 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0])
  })

  const rates = { gd: 0.5, sgd: 0.2, momentum: 0.05, nesterov: 0.05, adam: 0.02, rmsprop: 0.005, rprop: 0.01 }
  for (const optimizer of OPTIMIZERS) {
    it(`${optimizer} lowers the loss of a small classifier and reaches ≥ 90% accuracy`, () => {
      const { done, epochs } = train(blobNetwork(), blobData(), {
        optimizer,
        learningRate: rates[optimizer],
        batchSize: optimizer === 'rprop' ? 0 : 16,
        epochs: optimizer === 'gd' || optimizer === 'rprop' ? 150 : 40
      })
      expect(done.reason).toBe('epochs')
      expect(epochs[epochs.length - 1]).toBeLessThan(epochs[0] * 0.5)
      expect(done.final!.validation!.accuracy).toBeGreaterThanOrEqual(0.9)
    })
  }

  it('gd takes one step per epoch over the whole set (the seeds’ batch update)', () => {
    const trainer = createTrainer(
      blobNetwork(),
      blobData(),
      resolveTrainSettings({ optimizer: 'gd', batchSize: 16 })
    )
    expect(trainer.batchRows).toBe(120)
    expect(trainer.stepsPerEpoch).toBe(1)
    const r = trainer.step()
    expect(r.epoch?.epoch).toBe(1)
  })

  it('covers every row exactly once per epoch, the last batch shorter', () => {
    const data = blobData()
    const trainer = createTrainer(
      blobNetwork(),
      data,
      resolveTrainSettings({ optimizer: 'sgd', batchSize: 50 })
    )
    expect(trainer.stepsPerEpoch).toBe(3)
    const rows = [trainer.step().rows, trainer.step().rows]
    const last = trainer.step()
    expect([...rows, last.rows]).toEqual([50, 50, 20])
    expect(last.epoch?.epoch).toBe(1)
    // The epoch loss is the row-weighted mean of the batch losses.
    expect(Number.isFinite(last.epoch!.train.loss)).toBe(true)
  })

  it('is reproducible: the same seed gives bit-identical weights, another seed does not', () => {
    const s = { optimizer: 'adam' as const, batchSize: 8, epochs: 5, seed: 42 }
    const a = train(blobNetwork(), blobData(), s).net.params
    const b = train(blobNetwork(), blobData(), s).net.params
    const c = train(blobNetwork(), blobData(), { ...s, seed: 43 }).net.params
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true)
    expect(Buffer.from(a.buffer).equals(Buffer.from(c.buffer))).toBe(false)
  })

  describe('stop rules', () => {
    it('stops after the maximum number of epochs', () => {
      const { done } = train(blobNetwork(), blobData(), { epochs: 3 })
      expect(done).toMatchObject({ reason: 'epochs', epoch: 3 })
      expect(done.final!.epoch).toBe(3)
    })

    it('stops when the loss target is reached', () => {
      const { done, epochs } = train(blobNetwork(), blobData(), { lossTarget: 0.3, epochs: 500 })
      expect(done.reason).toBe('target')
      expect(epochs[epochs.length - 1]).toBeLessThanOrEqual(0.3)
      expect(epochs.slice(0, -1).every((l) => l > 0.3)).toBe(true)
    })

    it('stops when the loss changes by less than ε between epochs (the seeds’ rule)', () => {
      const { done, epochs } = train(blobNetwork(), blobData(), {
        optimizer: 'sgd',
        learningRate: 0.05,
        minLossChange: 1e-3,
        epochs: 1000
      })
      expect(done.reason).toBe('converged')
      const n = epochs.length
      expect(n).toBeLessThan(1000)
      expect(Math.abs(epochs[n - 1] - epochs[n - 2])).toBeLessThan(1e-3)
      for (let i = 1; i < n - 1; i++) expect(Math.abs(epochs[i] - epochs[i - 1])).toBeGreaterThanOrEqual(1e-3)
    })

    it('stops early when the validation loss stops improving and restores the best weights', () => {
      // The validation set has the XOR labels flipped, so fitting the training set makes it worse.
      const flipped = dataset(
        [
          [0, 0],
          [0, 1],
          [1, 0],
          [1, 1]
        ],
        [[1], [0], [0], [1]]
      )
      const net = xorNetwork()
      const trainer = createTrainer(
        net,
        { train: xor, validation: flipped, task: 'binary' },
        resolveTrainSettings({
          optimizer: 'adam',
          learningRate: 0.05,
          batchSize: 0,
          epochs: 500,
          patience: 5
        })
      )
      const snapshots: Float64Array[] = []
      const valLoss: number[] = []
      let done
      for (;;) {
        const r = trainer.step()
        if (r.epoch && !r.done) {
          snapshots.push(Float64Array.from(net.params))
          valLoss.push(r.epoch.validation!.loss)
        }
        if (r.done) {
          done = r.done
          break
        }
      }
      expect(done.reason).toBe('early-stop')
      const best = done.bestEpoch!
      expect(valLoss[best - 1]).toBe(Math.min(...valLoss))
      expect(done.epoch).toBe(valLoss.length + 1)
      expect(done.epoch - best).toBe(5)
      expect(Array.from(net.params)).toEqual(Array.from(snapshots[best - 1]))
      expect(done.final!.validation!.loss).toBeCloseTo(valLoss[best - 1], 12)
    })

    it('stops on a non-finite loss with the layer and step, and restores the last good weights', () => {
      // ReLU regression with one row that overflows (±1e308 against weights of either sign → ∞ − ∞):
      // the third batch's pass is not finite. (An absurd learning rate now ends 'diverged' first.)
      const net = createNetwork(mlpGraph(2, [[6, 'relu']], [1, 'linear'], 'squared-error'), { seed: 2 })
      const data = dataset(
        Array.from({ length: 20 }, (_, i) => (i === 12 ? [1e308, -1e308] : [i / 10, 1 - i / 20])),
        Array.from({ length: 20 }, (_, i) => [3 * i])
      )
      const trainer = createTrainer(
        net,
        { train: data, task: 'regression' },
        resolveTrainSettings({
          optimizer: 'sgd',
          learningRate: 0.01,
          batchSize: 5,
          epochs: 100,
          shuffle: false
        })
      )
      const before: Float64Array[] = []
      let r
      do {
        before.push(Float64Array.from(net.params))
        r = trainer.step()
      } while (!r.done)
      const done = r.done
      expect(done.reason).toBe('non-finite')
      expect(before.length).toBeGreaterThan(1)
      expect(done.nonFinite!.step).toBe(before.length)
      expect(['h1', 'out', 'cost']).toContain(done.nonFinite!.layer)
      expect(['z', 'a', 'loss', 'delta', 'grad']).toContain(done.nonFinite!.quantity)
      expect(done.message).toContain(`layer ${done.nonFinite!.layer} in step ${done.nonFinite!.step}`)
      // The failing step ran on the weights the previous update produced; the last good weights are the
      // ones that previous step started from.
      expect(Array.from(net.params)).toEqual(Array.from(before[before.length - 2]))
      expect(allFinite(net.params)).toBe(true)
      expect(() => trainer.step()).toThrow(/ended/)
    })

    it('stops on request with reason "stopped" and metrics of the current weights', () => {
      const trainer = createTrainer(blobNetwork(), blobData(), resolveTrainSettings({ batchSize: 10 }))
      trainer.step()
      trainer.step()
      const done = trainer.stop()
      expect(done).toMatchObject({ reason: 'stopped', epoch: 0, step: 2 })
      expect(done.final!.validation!.accuracy).toBeGreaterThanOrEqual(0)
    })
  })

  it('follows the schedule per epoch and keeps it going after a mid-run change of rate', () => {
    const trainer = createTrainer(
      blobNetwork(),
      blobData(),
      resolveTrainSettings({
        optimizer: 'sgd',
        learningRate: 0.1,
        batchSize: 0,
        epochs: 10,
        schedule: { kind: 'exponential', gamma: 0.5 }
      })
    )
    const rates: number[] = []
    for (let e = 0; e < 3; e++) rates.push(trainer.step().epoch!.learningRate)
    expect(rates).toEqual([0.1, 0.05, 0.025])
    trainer.learningRate = 1 // during epoch 4 (factor 0.125)
    expect(trainer.step().epoch!.learningRate).toBe(1)
    expect(trainer.step().epoch!.learningRate).toBeCloseTo(0.5, 14)
  })

  it('captures per-layer δ statistics from a training step when asked', () => {
    const trainer = createTrainer(blobNetwork(), blobData(), resolveTrainSettings({ batchSize: 0 }))
    trainer.step()
    expect(trainer.layerStats).toEqual([])
    trainer.requestLayerStats()
    trainer.step() // also ends an epoch, whose evaluation must not erase the statistics
    expect(trainer.layerStats.map((s) => s.id)).toEqual(['h1', 'out'])
    expect(trainer.layerStats[0].meanAbsDelta).toBeGreaterThan(0)
    expect(trainer.layerStats[1].gradNorm).toBeGreaterThan(0)
  })

  it('computes epoch training metrics on a strided sample of at most trainMetricRows rows, or not at all', () => {
    const data = blobData()
    const sampled = createTrainer(blobNetwork(), data, resolveTrainSettings({ batchSize: 0 }), {
      trainMetricRows: 40
    })
    const m = sampled.step().epoch!
    // 120 rows, every 3rd row: the accuracy is a multiple of 1/40 and agrees with evaluating that sample.
    const sample = strideSample(data.train, 40, 2, 3)
    expect(sample.rows).toBe(40)
    expect(Array.from(sample.x.subarray(2, 4))).toEqual(Array.from(data.train.x.subarray(6, 8)))
    expect(m.train.accuracy).toBe(evaluateSet(sampled.net, sample, 'multiclass').accuracy)
    const off = createTrainer(blobNetwork(), data, resolveTrainSettings({ batchSize: 0 }), {
      trainMetricRows: 0
    })
    const m0 = off.step().epoch!
    expect(m0.train.accuracy).toBeUndefined()
    expect(m0.train.loss).toBe(m.train.loss)
    expect(m0.validation!.accuracy).toBeGreaterThan(0)
  })

  it('resetWeights re-initialises from the seed and restarts the counters', () => {
    const net = blobNetwork(5)
    const initial = Float64Array.from(net.params)
    const trainer = createTrainer(
      net,
      blobData(),
      resolveTrainSettings({ seed: 5, init: 'glorot-uniform', epochs: 2 })
    )
    trainToEnd(trainer)
    expect(Array.from(net.params)).not.toEqual(Array.from(initial))
    trainer.resetWeights()
    expect(Array.from(net.params)).toEqual(Array.from(initial))
    expect(trainer.epoch).toBe(0)
    expect(trainer.done).toBeNull()
  })

  it('rejects data whose widths do not match the network, naming the set', () => {
    const bad = { train: xor, validation: blobs(2, 1), task: 'binary' as const }
    expect(() => createTrainer(xorNetwork(), bad, resolveTrainSettings())).toThrow(
      /validation data: y has 18/
    )
  })
})

describe('metrics', () => {
  it('counts argmax matches, and ≥ 0.5 matches for a single unit', () => {
    const out = Float64Array.from([0.1, 0.7, 0.2, 0.5, 0.3, 0.2])
    const y = Float64Array.from([0, 1, 0, 0, 0, 1])
    expect(countCorrect(out, y, 2, 3)).toBe(1)
    expect(countCorrect(Float64Array.from([0.5, 0.49, 0.9]), Float64Array.from([1, 1, 0]), 3, 1)).toBe(1)
  })

  it('gives R² = 1 and RMSE = 0 for a perfect fit, and the known values for a constant one', () => {
    // A linear layer with w = 2, b = 1 fits y = 2x + 1 exactly.
    const net = createNetwork(mlpGraph(1, [], [1, 'linear'], 'squared-error'))
    net.setParameters({ w_out: [[2]], b_out: [[1]] })
    const set = dataset([[0], [1], [2], [3]], [[1], [3], [5], [7]])
    const perfect = evaluateSet(net, set, 'regression', 3)
    expect(perfect.r2).toBe(1)
    expect(perfect.rmseStandardized).toBe(0)
    expect(perfect.loss).toBe(0)
    // Predicting the mean (4) everywhere: R² = 0, RMSE = √((9+1+1+9)/4) = √5, loss = ½·5.
    net.setParameters({ w_out: [[0]], b_out: [[4]] })
    const mean = evaluateSet(net, set, 'regression', 3)
    expect(mean.r2).toBeCloseTo(0, 15)
    expect(mean.rmseStandardized).toBeCloseTo(Math.sqrt(5), 14)
    expect(mean.loss).toBeCloseTo(2.5, 14)
  })
})

describe('a restarted set evaluation', () => {
  it('gives what a new one gives on the weights of now, chunk by chunk, for the trainer to keep one per set', () => {
    const net = createNetwork(mlpGraph(2, [[8, 'tanh']], [3, 'softmax'], 'cross-entropy'), { seed: 2 })
    const set = blobs(100, 4) // 300 rows: two chunks of 256 and 44
    const e = setEvaluation(net, set, 'multiclass', true, 256)
    e.advance(256)
    expect(e.done).toBe(false)
    e.advance()
    const first = e.result()
    expect(first).toEqual(evaluateSet(net, set, 'multiclass', 256))
    // Other weights, then the same evaluation started over.
    for (let i = 0; i < net.params.length; i++) net.params[i] += 0.1 * Math.sin(i)
    e.restart()
    expect(e.done).toBe(false)
    e.advance()
    expect(e.result()).toEqual(evaluateSet(net, set, 'multiclass', 256))
    expect(e.result()).not.toEqual(first)
  })
})
