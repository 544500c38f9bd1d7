// Backpropagation against central finite differences on seeded random graphs: every activation and
// loss, several widths and depths, multiple weighted in-edges, shared bias units and skip-edge chains.
import { describe, expect, it } from 'vitest'
import { ACTIVATIONS, type Activation, type LossKind } from '../../src/engine/graph/types'
import { createNetwork } from '../../src/engine/nn/network'
import { gradientCheck } from '../../src/engine/nn/gradcheck'
import { createRng } from '../../src/engine/random'
import { randomBatch, randomGraph, type RandomGraphOptions } from './fixtures/graphs/random'
import { resolveTrainSettings } from '../../src/engine/train/settings'
import { createTrainer, trainToEnd } from '../../src/engine/train/trainer'
import { mlpGraph } from './trainFixtures'

const HIDDEN = ACTIVATIONS.filter((a) => a !== 'softmax') as Activation[]

interface Case {
  name: string
  output: Activation
  loss: LossKind
  outputUnits: number
  skipIntoOutput?: boolean
}

const CASES: Case[] = [
  { name: 'linear + squared error', output: 'linear', loss: 'squared-error', outputUnits: 2 },
  { name: 'sigmoid + squared error (the seeds)', output: 'sigmoid', loss: 'squared-error', outputUnits: 3 },
  {
    name: 'tanh + squared error, skip into the output',
    output: 'tanh',
    loss: 'squared-error',
    outputUnits: 3,
    skipIntoOutput: true
  },
  {
    name: 'softmax + squared error (full Jacobian)',
    output: 'softmax',
    loss: 'squared-error',
    outputUnits: 3
  },
  { name: 'softmax + cross-entropy (δ = a − y)', output: 'softmax', loss: 'cross-entropy', outputUnits: 4 },
  {
    name: 'sigmoid + binary cross-entropy (δ = a − y)',
    output: 'sigmoid',
    loss: 'binary-cross-entropy',
    outputUnits: 2
  },
  // (sigmoid + BCE with a skip into the output is left out: its outputs leave (0, 1), the clipped logs
  // make the loss flat and ≈ 35 per clipped unit, and finite differences drown in that rounding.)
  {
    name: 'sigmoid + huber, skip into the output',
    output: 'sigmoid',
    loss: 'huber',
    outputUnits: 3,
    skipIntoOutput: true
  },
  { name: 'softmax + binary cross-entropy', output: 'softmax', loss: 'binary-cross-entropy', outputUnits: 3 },
  { name: 'linear + mean absolute error', output: 'linear', loss: 'mean-absolute-error', outputUnits: 2 },
  { name: 'softplus + huber', output: 'softplus', loss: 'huber', outputUnits: 3, skipIntoOutput: true },
  { name: 'leaky-relu + huber', output: 'leaky-relu', loss: 'huber', outputUnits: 1 },
  { name: 'relu + squared error', output: 'relu', loss: 'squared-error', outputUnits: 3 }
]

describe('gradientCheck on random graphs', () => {
  CASES.forEach((c, ci) => {
    for (const depth of [1, 3, 5]) {
      it(`${c.name}, depth ${depth}`, () => {
        const seed = 100 * ci + depth
        // Rotate the hidden activations so every one appears at every position across the cases.
        const hidden = HIDDEN.map((_, i) => HIDDEN[(i + ci + depth) % HIDDEN.length])
        const opts: RandomGraphOptions = { seed, depth, hidden, ...c }
        const spec = randomGraph(opts)
        const net = createNetwork(spec, { init: 'glorot-normal', seed })
        const batch = randomBatch(spec, c.loss, 7, createRng(seed + 1))
        const result = gradientCheck(net, batch.x, batch.y, batch.m, { maxPerEdge: 1000 })
        expect(result.edges).toHaveLength(net.slices.length)
        expect(result.edges.every((e) => e.checked > 0)).toBe(true)
        expect(result.maxRelError).toBeLessThan(1e-6)
        expect(result.passed).toBe(true)
      })
    }
  })

  it('the random graphs really contain skip chains, shared bias units and multiple weighted in-edges', () => {
    let skipChains = 0
    let sharedBias = 0
    let multiIn = 0
    CASES.forEach((c, ci) => {
      for (const depth of [3, 5]) {
        const spec = randomGraph({ seed: 100 * ci + depth, depth, hidden: HIDDEN, ...c })
        const skips = spec.edges.filter((e) => e.kind === 'skip')
        if (skips.some((s) => skips.some((t) => t.from === s.to))) skipChains++
        for (const b of ['one', 'one2']) if (spec.edges.filter((e) => e.from === b).length > 1) sharedBias++
        const weightedIn = (id: string) =>
          spec.edges.filter((e) => e.to === id && !e.kind && !e.from.startsWith('one')).length
        if (spec.nodes.some((n) => weightedIn(n.id) > 1)) multiIn++
      }
    })
    expect(skipChains).toBeGreaterThan(3)
    expect(sharedBias).toBeGreaterThan(10)
    expect(multiIn).toBeGreaterThan(10)
  })

  it('samples parameters on big edges and still restores every parameter exactly', () => {
    const spec = randomGraph({
      seed: 5,
      depth: 2,
      hidden: ['tanh'],
      output: 'linear',
      loss: 'squared-error',
      outputUnits: 40
    })
    const net = createNetwork(spec, { seed: 5 })
    const before = Float64Array.from(net.params)
    const batch = randomBatch(spec, 'squared-error', 3, createRng(9))
    const result = gradientCheck(net, batch.x, batch.y, batch.m, { maxPerEdge: 10, seed: 3 })
    expect(Math.max(...result.edges.map((e) => e.checked))).toBe(10)
    expect(result.passed).toBe(true)
    expect(net.params).toEqual(before)
  })

  it('fails when backpropagation is wrong', () => {
    const spec = randomGraph({
      seed: 11,
      depth: 2,
      hidden: ['sigmoid'],
      output: 'linear',
      loss: 'squared-error',
      outputUnits: 2
    })
    const net = createNetwork(spec, { seed: 11 })
    const batch = randomBatch(spec, 'squared-error', 4, createRng(12))
    // A network whose gradients are off by 1% on one edge must not pass.
    const broken = new Proxy(net, {
      get(target, prop, receiver) {
        if (prop === 'lossAndGradients') {
          return (x: Float64Array, y: Float64Array, m: number) => {
            const c = target.lossAndGradients(x, y, m)
            const s = target.slices[0]
            for (let i = s.offset; i < s.offset + s.rows * s.cols; i++) target.grads[i] *= 1.01
            return c
          }
        }
        const v = Reflect.get(target, prop, receiver)
        return typeof v === 'function' ? v.bind(target) : v
      }
    })
    const result = gradientCheck(broken, batch.x, batch.y, batch.m)
    expect(result.passed).toBe(false)
    expect(result.edges[0].maxRelError).toBeGreaterThan(1e-3)
    expect(result.edges.slice(1).every((e) => e.maxRelError < 1e-6)).toBe(true)
  })
})

/**
 * Issue 10, item 12: the check's tolerance scales with the loss. A correct 10→64 tanh→40 linear
 * network after one epoch on targets of scale 100 (C ≈ 2·10⁵) used to fail ("differ by 1.8e-4") although
 * backprop matches an exact, independent reference; a planted wrong gradient must still fail.
 */
describe('gradient check on a large loss', () => {
  const rows = 200
  const m = 16
  function trained() {
    const rng = createRng(5)
    const x = new Float64Array(rows * 10).map(() => rng.normal(0, 1))
    const y = new Float64Array(rows * 40).map(() => rng.normal(0, 1) * 100)
    const net = createNetwork(mlpGraph(10, [[64, 'tanh']], [40, 'linear'], 'squared-error'), { seed: 1 })
    trainToEnd(
      createTrainer(
        net,
        { train: { x, y, rows }, task: 'regression' },
        resolveTrainSettings({ optimizer: 'sgd', learningRate: 1e-4, batchSize: 20, epochs: 1 })
      )
    )
    return { net, x: x.slice(0, m * 10), y: y.slice(0, m * 40) }
  }

  /** ∂C/∂θ of C = (1/m) Σ ½‖W₂ tanh(W₁x + b₁) + b₂ − y‖², by hand, in the network's parameter order. */
  function reference(net: ReturnType<typeof trained>['net'], x: Float64Array, y: Float64Array): Float64Array {
    const [w1, b1, w2, b2] = net.slices
    const p = net.params
    const g = new Float64Array(p.length)
    for (let r = 0; r < m; r++) {
      const h = new Float64Array(64)
      for (let i = 0; i < 64; i++) {
        let z = p[b1.offset + i]
        for (let j = 0; j < 10; j++) z += p[w1.offset + i * 10 + j] * x[r * 10 + j]
        h[i] = Math.tanh(z)
      }
      const back = new Float64Array(64)
      for (let o = 0; o < 40; o++) {
        let a = p[b2.offset + o]
        for (let i = 0; i < 64; i++) a += p[w2.offset + o * 64 + i] * h[i]
        const d = (a - y[r * 40 + o]) / m
        g[b2.offset + o] += d
        for (let i = 0; i < 64; i++) {
          g[w2.offset + o * 64 + i] += d * h[i]
          back[i] += d * p[w2.offset + o * 64 + i]
        }
      }
      for (let i = 0; i < 64; i++) {
        const d = back[i] * (1 - h[i] * h[i])
        g[b1.offset + i] += d
        for (let j = 0; j < 10; j++) g[w1.offset + i * 10 + j] += d * x[r * 10 + j]
      }
    }
    return g
  }

  it('backprop equals the exact reference, and the check passes although C is about 2·10⁵', () => {
    const { net, x, y } = trained()
    expect(net.loss(x, y, m)).toBeGreaterThan(1e5)
    net.lossAndGradients(x, y, m)
    const ref = reference(net, x, y)
    let worst = 0
    for (let k = 0; k < ref.length; k++)
      worst = Math.max(worst, Math.abs(net.grads[k] - ref[k]) / Math.max(Math.abs(ref[k]), 1e-3))
    expect(worst).toBeLessThan(1e-9)
    const result = gradientCheck(net, x, y, m)
    expect(result.passed).toBe(true)
    expect(result.maxRelError).toBeLessThan(1e-6)
  })

  it('a planted 1 % error in one gradient still fails on the same large loss', () => {
    const { net, x, y } = trained()
    const real = net.lossAndGradients.bind(net)
    net.lossAndGradients(x, y, m)
    // The largest gradient of the output weights, 1 % off.
    const w2 = net.slices[2]
    let k = w2.offset
    for (let i = w2.offset; i < w2.offset + w2.rows * w2.cols; i++)
      if (Math.abs(net.grads[i]) > Math.abs(net.grads[k])) k = i
    net.lossAndGradients = (xx, yy, mm) => {
      const loss = real(xx, yy, mm)
      net.grads[k] *= 1.01
      return loss
    }
    const result = gradientCheck(net, x, y, m, { maxPerEdge: 100_000 })
    expect(result.passed).toBe(false)
    const edge = result.edges.find((e) => e.edgeId === w2.edgeId)!
    expect(edge.maxRelError).toBeGreaterThan(1e-3)
    expect(result.edges.filter((e) => e.edgeId !== w2.edgeId).every((e) => e.maxRelError < 1e-6)).toBe(true)
  })
})
