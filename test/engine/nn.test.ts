// The network: parameters in and out, initialisers, batching, inspection against the batched pass,
// statistics, non-finite detection, and the vanishing-gradient behaviour the live charts show.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createNetwork } from '../../src/engine/nn/network'
import { inspect } from '../../src/engine/nn/inspect'
import { ParameterError } from '../../src/engine/nn/parameters'
import { parseGraph } from '../../src/engine/graph/parse'
import { GraphError } from '../../src/engine/graph/errors'
import { INITIALIZERS, type Activation, type GraphSpec } from '../../src/engine/graph/types'
import { createRng } from '../../src/engine/random'
import { randomBatch, randomGraph } from './fixtures/graphs/random'

const example = (inputUnits = 4): GraphSpec => {
  const g = parseGraph(
    JSON.parse(readFileSync(path.resolve(__dirname, 'fixtures/graphs/design-example.json'), 'utf8'))
  )
  Object.assign(g.nodes[0], { units: inputUnits })
  return g
}

/** x → L dense layers of `units` → linear output → squared error, optionally with skip edges around each layer. */
function chain(depth: number, units: number, activation: Activation, skips: boolean): GraphSpec {
  const g: GraphSpec = {
    format: 'backprop-studio/graph',
    version: 1,
    nodes: [
      { id: 'x', kind: 'input', units },
      { id: 'one', kind: 'bias' }
    ],
    edges: []
  }
  let prev = 'x'
  for (let l = 0; l < depth; l++) {
    const id = `h${l}`
    g.nodes.push({ id, kind: 'dense', units, activation })
    g.edges.push({ id: `w${l}`, from: prev, to: id }, { id: `b${l}`, from: 'one', to: id })
    if (skips && l > 0) g.edges.push({ id: `r${l}`, from: prev, to: id, kind: 'skip' })
    prev = id
  }
  g.nodes.push({ id: 'out', kind: 'dense', units: 1, activation: 'linear' })
  g.nodes.push({ id: 'cost', kind: 'loss', loss: 'squared-error' })
  g.edges.push({ id: 'wo', from: prev, to: 'out' }, { id: 'c', from: 'out', to: 'cost' })
  return g
}

describe('createNetwork', () => {
  it('describes the compiled network', () => {
    const net = createNetwork(example(), { inputWidth: 5 })
    expect(net.inputWidth).toBe(5)
    expect(net.outputWidth).toBe(3)
    expect(net.lossKind).toBe('cross-entropy')
    expect(net.layers.map((l) => [l.id, l.units, l.activation])).toEqual([
      ['h1', 8, 'tanh'],
      ['h2', 8, 'tanh'],
      ['out', 3, 'softmax']
    ])
    expect(net.params.length).toBe(8 * 5 + 8 + 64 + 24 + 3)
    expect(net.grads.length).toBe(net.params.length)
  })

  it('refuses an invalid graph with a GraphError naming the node', () => {
    const g = example()
    Object.assign(g.nodes[2], { units: -1 })
    expect(() => createNetwork(g)).toThrow(GraphError)
    expect(() => createNetwork(g)).toThrow(/h1/)
  })

  it('checks batch arguments', () => {
    const net = createNetwork(example())
    expect(() => net.forward(new Float64Array(7), 2)).toThrow(/2 rows × 4 columns need 8/)
    expect(() => net.forward(new Float64Array(8), 0)).toThrow(/batch size/)
    expect(() => net.loss(new Float64Array(8), new Float64Array(5), 2)).toThrow(/y holds 5/)
  })

  it('keeps its own copy of the graph', () => {
    const g = example()
    const net = createNetwork(g)
    Object.assign(g.nodes[2], { units: 2 })
    expect(net.spec.nodes[2]).toMatchObject({ units: 8 })
    expect(() => inspect(net, new Float64Array(4), Float64Array.from([1, 0, 0]))).not.toThrow()
  })

  it('gives softmax outputs that sum to 1 per row', () => {
    const net = createNetwork(example())
    const out = net.forward(
      Float64Array.from({ length: 20 }, (_, i) => Math.sin(i)),
      5
    )
    for (let r = 0; r < 5; r++) expect(out[r * 3] + out[r * 3 + 1] + out[r * 3 + 2]).toBeCloseTo(1, 15)
  })
})

describe('parameters', () => {
  it('round-trip exactly through getParameters / setParameters and JSON', () => {
    const net = createNetwork(example(), { seed: 3 })
    const tricky = [0.1 + 0.2, 1e-300, -0, 5e-324, Math.PI, -1 / 3]
    tricky.forEach((v, i) => (net.params[i] = v))
    const json = JSON.stringify(net.getParameters())
    const other = createNetwork(example(), { seed: 99 })
    expect(other.params).not.toEqual(net.params)
    other.setParameters(JSON.parse(json))
    const expected = Array.from(net.params)
    expected[2] = 0
    expect(Array.from(other.params)).toEqual(expected)
    expect(Object.is(other.params[2], 0)).toBe(true) // JSON turns −0 into 0; every other double is exact
    const direct = createNetwork(example(), { seed: 99 })
    direct.setParameters(net.getParameters())
    expect(Object.is(direct.params[2], -0)).toBe(true)
    expect(direct.params).toEqual(net.params)
  })

  it('lays W out as [out][in]: rows are target units', () => {
    const net = createNetwork(example())
    const p = net.getParameters()
    expect([p.w1.length, p.w1[0].length]).toEqual([8, 4])
    expect([p.b1.length, p.b1[0].length]).toEqual([8, 1])
    expect(p.w3[2][5]).toBe(net.params[net.slices.find((s) => s.edgeId === 'w3')!.offset + 2 * 8 + 5])
  })

  it.each([
    ['a missing edge', (p: Record<string, number[][]>) => delete p.w2, 'w2', /missing; expected 8×8/],
    ['too few rows', (p: Record<string, number[][]>) => p.w1.pop(), 'w1', /have 7 rows; expected 8×4/],
    [
      'a short row',
      (p: Record<string, number[][]>) => p.b3[1].push(0),
      'b3',
      /row 1, have 2 columns; expected 3×1/
    ],
    ['a non-number', (p: Record<string, number[][]>) => (p.w3[0][2] = NaN), 'w3', /row 0, column 2, is NaN/],
    [
      'an unknown edge',
      (p: Record<string, number[][]>) => (p.zz = [[1]]),
      'zz',
      /"zz", which has no weights/
    ],
    ['a skip edge given weights', (p: Record<string, number[][]>) => (p.r2 = [[1]]), 'r2', /"r2"/]
  ])('reject %s, naming the edge, and change nothing', (_, mutate, edgeId, message) => {
    const net = createNetwork(example())
    const before = Float64Array.from(net.params)
    const p = net.getParameters()
    for (const rows of Object.values(p)) rows.forEach((row) => row.fill(7))
    mutate(p)
    let error: unknown
    try {
      net.setParameters(p)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ParameterError)
    expect((error as ParameterError).edgeId).toBe(edgeId)
    expect((error as Error).message).toMatch(message)
    expect(net.params).toEqual(before)
  })
})

describe('initialisers', () => {
  it('are reproducible bit for bit from the seed, and differ across seeds', () => {
    for (const init of INITIALIZERS) {
      const a = createNetwork(example(), { init, seed: 12 })
      const b = createNetwork(example(), { init, seed: 12 })
      expect(Array.from(a.params)).toEqual(Array.from(b.params))
      b.initialize(init, 13)
      if (init !== 'zeros') expect(b.params).not.toEqual(a.params)
      b.initialize(init, 12)
      expect(b.params).toEqual(a.params)
    }
  })

  it('draw within their documented ranges; biases start at 0 except with small-uniform', () => {
    const net = createNetwork(example(8), { init: 'glorot-uniform' })
    const slice = (id: string) => {
      const s = net.slices.find((x) => x.edgeId === id)!
      return Array.from(net.params.subarray(s.offset, s.offset + s.rows * s.cols))
    }
    const limit = Math.sqrt(6 / (8 + 8)) // w2: fan-in 8, fan-out 8
    expect(Math.max(...slice('w2').map(Math.abs))).toBeLessThanOrEqual(limit)
    expect(Math.max(...slice('w2').map(Math.abs))).toBeGreaterThan(limit * 0.8)
    expect(slice('b1').every((v) => v === 0)).toBe(true)

    net.initialize('small-uniform', 4)
    expect(Array.from(net.params).every((v) => Math.abs(v) <= 0.05)).toBe(true)
    expect(slice('b1').some((v) => v !== 0)).toBe(true)

    net.initialize('zeros', 4)
    expect(net.params.every((v) => v === 0)).toBe(true)

    // He-normal: sample std ≈ √(2/fan_in) over a wide layer
    const wideSpec = chain(1, 200, 'relu', false)
    const wide = createNetwork(wideSpec, { init: 'he-normal', seed: 8 })
    const w = wide.slices.find((s) => s.edgeId === 'w0')!
    const vals = Array.from(wide.params.subarray(w.offset, w.offset + w.rows * w.cols))
    const sd = Math.sqrt(vals.reduce((s, v) => s + v * v, 0) / vals.length)
    expect(sd).toBeCloseTo(Math.sqrt(2 / 200), 3)
  })

  it('lets a dense node’s own init override the network’s', () => {
    const g = example()
    Object.assign(g.nodes[3], { init: 'zeros' }) // h2
    const net = createNetwork(g, { init: 'he-uniform', seed: 2 })
    const p = net.getParameters()
    expect(p.w2.flat().every((v) => v === 0)).toBe(true)
    expect(p.w1.flat().some((v) => v !== 0)).toBe(true)
  })
})

describe('batches', () => {
  const spec = randomGraph({
    seed: 21,
    depth: 3,
    hidden: ['tanh', 'relu', 'softplus'],
    output: 'softmax',
    loss: 'cross-entropy',
    outputUnits: 3
  })

  it('the batch gradient is the mean of the per-sample gradients (the seeds’ 1/m averaging)', () => {
    const net = createNetwork(spec, { seed: 21 })
    const m = 6
    const { x, y } = randomBatch(spec, 'cross-entropy', m, createRng(22))
    const w = net.inputWidth
    const n = net.outputWidth
    const mean = new Float64Array(net.grads.length)
    let meanLoss = 0
    for (let r = 0; r < m; r++) {
      meanLoss += net.lossAndGradients(x.subarray(r * w, (r + 1) * w), y.subarray(r * n, (r + 1) * n), 1) / m
      net.grads.forEach((g, i) => (mean[i] += g / m))
    }
    expect(net.lossAndGradients(x, y, m)).toBeCloseTo(meanLoss, 14)
    net.grads.forEach((g, i) => expect(g).toBeCloseTo(mean[i], 14))
  })

  it('gives the same numbers after the buffers grow and shrink back', () => {
    const { x, y } = randomBatch(spec, 'cross-entropy', 9, createRng(23))
    const fresh = createNetwork(spec, { seed: 21 })
    const small = fresh.lossAndGradients(x, y, 3)
    const smallGrads = Float64Array.from(fresh.grads)
    const reused = createNetwork(spec, { seed: 21 })
    reused.lossAndGradients(x, y, 9) // grow
    expect(reused.lossAndGradients(x, y, 3)).toBe(small)
    expect(reused.grads).toEqual(smallGrads)
  })

  it('reuses its output buffer at a fixed batch size', () => {
    const net = createNetwork(spec, { seed: 21 })
    const { x } = randomBatch(spec, 'cross-entropy', 4, createRng(24))
    const first = net.forward(x, 4)
    expect(net.forward(x, 4)).toBe(first)
    expect(net.forward(x, 2)).toHaveLength(2 * 3)
  })
})

describe('inspect', () => {
  const specs: [string, GraphSpec][] = [
    ['DESIGN example (softmax + CE, skip)', example()],
    [
      'random graph with skips and two bias units',
      randomGraph({
        seed: 31,
        depth: 4,
        hidden: ['sigmoid', 'leaky-relu', 'tanh'],
        output: 'softmax',
        loss: 'squared-error',
        outputUnits: 3
      })
    ],
    [
      'random regression graph with a skip into the output',
      randomGraph({
        seed: 32,
        depth: 3,
        hidden: ['relu', 'softplus'],
        output: 'linear',
        loss: 'huber',
        outputUnits: 3,
        skipIntoOutput: true
      })
    ],
    [
      'sigmoid + BCE',
      randomGraph({
        seed: 33,
        depth: 2,
        hidden: ['tanh'],
        output: 'sigmoid',
        loss: 'binary-cross-entropy',
        outputUnits: 2
      })
    ]
  ]

  it.each(specs)('agrees with forward and lossAndGradients on a one-row batch: %s', (_, spec) => {
    const net = createNetwork(spec, { seed: 5, init: 'glorot-normal' })
    const lossKind = net.lossKind
    const { x, y } = randomBatch(spec, lossKind, 1, createRng(6))
    const report = inspect(net, x, y)
    const loss = net.lossAndGradients(x, y, 1)
    expect(report.loss).toBeCloseTo(loss, 13)
    // the output activations
    const outLayer = report.layers[report.layers.length - 1]
    const out = Float64Array.from(net.forward(x, 1))
    outLayer.a.forEach((v, i) => expect(v).toBeCloseTo(out[i], 14))
    // every ∂C/∂W and ∂C/∂b
    for (const layer of report.layers)
      for (const g of layer.gradients) {
        const s = net.slices.find((sl) => sl.edgeId === g.edgeId)!
        g.values.forEach((row, i) =>
          row.forEach((v, j) => expect(v).toBeCloseTo(net.grads[s.offset + i * s.cols + j], 13))
        )
      }
    const covered = report.layers.flatMap((l) => l.gradients.map((g) => g.edgeId)).sort()
    expect(covered).toEqual(net.slices.map((s) => s.edgeId).sort())
    // δ statistics of the batched pass equal the inspected δ
    const stats = net.layerStats()
    report.layers.forEach((l, i) => {
      const meanAbs = l.delta.reduce((s, d) => s + Math.abs(d), 0) / l.units
      expect(stats[i].meanAbsDelta).toBeCloseTo(meanAbs, 14)
    })
  })

  it.each(specs)('explains ∂C/∂a as the sum of its out-edge terms, and δ by its rule: %s', (_, spec) => {
    const net = createNetwork(spec, { seed: 7 })
    const { x, y } = randomBatch(spec, net.lossKind, 1, createRng(8))
    const report = inspect(net, x, y)
    const byId = new Map(report.layers.map((l) => [l.id, l]))
    for (const layer of report.layers) {
      const sum = new Array(layer.units).fill(0)
      for (const c of layer.contributions) c.values.forEach((v, j) => (sum[j] += v))
      sum.forEach((v, j) => expect(layer.dCda[j]).toBeCloseTo(v, 15))
      for (const c of layer.contributions) {
        // the skip term is the target's own ∂C/∂a, passed straight through
        if (c.kind === 'skip') expect(c.values).toEqual(byId.get(c.from)!.dCda)
        if (c.kind === 'weights') {
          const tgt = byId.get(c.from)!
          const W = net.getParameters()[c.edgeId]
          c.values.forEach((v, j) =>
            expect(v).toBeCloseTo(
              tgt.delta.reduce((s, d, i) => s + d * W[i][j], 0),
              15
            )
          )
        }
      }
      if (layer.activation === 'softmax') expect(layer.fPrime).toBeNull()
      if (layer.deltaRule === 'chain')
        layer.delta.forEach((d, j) => expect(d).toBeCloseTo(layer.dCda[j] * layer.fPrime![j], 15))
      if (layer.deltaRule.endsWith('cross-entropy'))
        layer.delta.forEach((d, j) => expect(d).toBeCloseTo(layer.a[j] - y[j], 15))
      expect(layer.deltaNote.length).toBeGreaterThan(10)
    }
    // one loss term, on the output layer
    expect(report.layers.flatMap((l) => l.contributions).filter((c) => c.kind === 'loss')).toHaveLength(1)
    expect(JSON.parse(JSON.stringify(report))).toEqual(report) // plain data, crosses a MessagePort
  })

  it('does not disturb the network’s gradients or statistics', () => {
    const [, spec] = specs[1]
    const net = createNetwork(spec, { seed: 5 })
    const { x, y } = randomBatch(spec, net.lossKind, 4, createRng(9))
    net.lossAndGradients(x, y, 4)
    const grads = Float64Array.from(net.grads)
    const stats = net.layerStats()
    inspect(net, x.subarray(0, net.inputWidth), y.subarray(0, net.outputWidth))
    expect(net.grads).toEqual(grads)
    expect(net.layerStats()).toEqual(stats)
  })
})

describe('layerStats and findNonFinite', () => {
  it('report dead ReLU units and saturated sigmoid units', () => {
    const spec = chain(2, 4, 'relu', false)
    const net = createNetwork(spec, { seed: 1 })
    const p = net.getParameters()
    p.b0 = [[-100], [-100], [0.5], [0.5]] // two units of h0 never fire
    net.setParameters(p)
    const { x, y } = randomBatch(spec, 'squared-error', 8, createRng(2))
    net.lossAndGradients(x, y, 8)
    const [h0] = net.layerStats()
    expect(h0.deadFraction).toBe(0.5)
    expect(h0.gradNorm).toBeGreaterThan(0)

    const sig = createNetwork(chain(1, 4, 'sigmoid', false), { seed: 1 })
    const q = sig.getParameters()
    q.w0 = q.w0.map((row, i) => row.map((v) => (i < 3 ? 500 * Math.sign(v || 1) : v)))
    sig.setParameters(q)
    sig.lossAndGradients(x, y, 8)
    expect(sig.layerStats()[0].saturatedFraction).toBe(0.75)
  })

  it('flags saturation in hidden layers only: a saturated output unit is not reported', () => {
    // Issue 12: saturation is what stalls hidden units (their δ is multiplied by f′ ≈ 0); the output
    // layer's δ comes from the loss, so a "saturated" output there was noise in the δ chart's table.
    const spec = chain(1, 4, 'sigmoid', false)
    spec.nodes = spec.nodes.map((n) => (n.id === 'out' ? { ...n, activation: 'sigmoid' as const } : n))
    const net = createNetwork(spec, { seed: 1 })
    const p = net.getParameters()
    p.w0 = p.w0.map((row) => row.map((v) => 500 * Math.sign(v || 1)))
    p.wo = p.wo.map((row) => row.map(() => 500))
    net.setParameters(p)
    const { x, y } = randomBatch(spec, 'squared-error', 8, createRng(2))
    net.lossAndGradients(x, y, 8)
    const [hidden, out] = net.layerStats()
    expect(hidden.saturatedFraction).toBe(1)
    expect(out.id).toBe('out')
    expect(out.saturatedFraction).toBe(0)
  })

  it('finds where a non-finite number first appeared', () => {
    const spec = chain(3, 3, 'tanh', true)
    const net = createNetwork(spec, { seed: 1 })
    const { x, y } = randomBatch(spec, 'squared-error', 2, createRng(3))
    net.lossAndGradients(x, y, 2)
    expect(net.findNonFinite()).toBeNull()

    const w1 = net.slices.find((s) => s.edgeId === 'w1')!
    net.params[w1.offset] = NaN
    net.lossAndGradients(x, y, 2)
    expect(net.findNonFinite()).toEqual({ layer: 'h1', quantity: 'z' })

    net.initialize('glorot-uniform', 1)
    const wo = net.slices.find((s) => s.edgeId === 'wo')!
    net.params.fill(1e200, wo.offset, wo.offset + 3)
    net.lossAndGradients(x, y, 2)
    expect(net.findNonFinite()).toEqual({ layer: 'cost', quantity: 'loss' })
  })
})

describe('vanishing gradients', () => {
  // mean |δ| per layer, input side first, averaged over a batch of real-valued inputs
  const profile = (activation: Activation, skips: boolean): number[] => {
    const spec = chain(12, 8, activation, skips)
    const net = createNetwork(spec, { seed: 4, init: 'glorot-uniform' })
    const { x, y } = randomBatch(spec, 'squared-error', 32, createRng(5))
    net.lossAndGradients(x, y, 32)
    return net
      .layerStats()
      .slice(0, -1)
      .map((s) => s.meanAbsDelta)
  }

  it('a deep sigmoid chain: mean |δ| shrinks by orders of magnitude toward the input', () => {
    const d = profile('sigmoid', false)
    expect(d[0] / d[d.length - 1]).toBeLessThan(1e-3)
    for (let l = 1; l < d.length; l++) expect(d[l - 1]).toBeLessThan(d[l]) // monotone decay
  })

  it('the same chain with ReLU and skip edges keeps mean |δ| from vanishing', () => {
    const d = profile('relu', true)
    expect(d[0] / d[d.length - 1]).toBeGreaterThan(0.3)
    expect(Math.min(...d)).toBeGreaterThan(0)
  })
})

describe('learning', () => {
  it('learns XOR from scratch with plain full-batch gradient descent', () => {
    const spec: GraphSpec = {
      format: 'backprop-studio/graph',
      version: 1,
      nodes: [
        { id: 'x', kind: 'input', units: 2 },
        { id: 'one', kind: 'bias' },
        { id: 'h', kind: 'dense', units: 4, activation: 'tanh' },
        { id: 'o', kind: 'dense', units: 1, activation: 'sigmoid' },
        { id: 'cost', kind: 'loss', loss: 'binary-cross-entropy' }
      ],
      edges: [
        { id: 'w1', from: 'x', to: 'h' },
        { id: 'b1', from: 'one', to: 'h' },
        { id: 'w2', from: 'h', to: 'o' },
        { id: 'b2', from: 'one', to: 'o' },
        { id: 'c', from: 'o', to: 'cost' }
      ]
    }
    const net = createNetwork(spec, { seed: 3 })
    const x = Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1])
    const y = Float64Array.from([0, 1, 1, 0])
    const start = net.loss(x, y, 4)
    for (let step = 0; step < 2000; step++) {
      net.lossAndGradients(x, y, 4)
      for (let i = 0; i < net.params.length; i++) net.params[i] -= 0.5 * net.grads[i]
    }
    expect(net.loss(x, y, 4)).toBeLessThan(0.05 * start)
    expect(Array.from(net.forward(x, 4), Math.round)).toEqual([0, 1, 1, 0])
  })
})
