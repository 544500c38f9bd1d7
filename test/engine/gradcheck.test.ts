// Backpropagation against central finite differences on seeded random graphs: every activation and
// loss, several widths and depths, multiple weighted in-edges, shared bias units and skip-edge chains.
import { describe, expect, it } from 'vitest'
import { ACTIVATIONS, type Activation, type LossKind } from '../../src/engine/graph/types'
import { createNetwork } from '../../src/engine/nn/network'
import { gradientCheck } from '../../src/engine/nn/gradcheck'
import { createRng } from '../../src/engine/random'
import { randomBatch, randomGraph, type RandomGraphOptions } from './fixtures/graphs/random'

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
