// The seeds' worked examples as fixtures: each test spells out the seed's own formula next to the
// engine's number, so a reader can compare them line by line.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseGraph } from '../../src/engine/graph/parse'
import { createNetwork } from '../../src/engine/nn/network'
import { inspect } from '../../src/engine/nn/inspect'
import type { GraphSpec } from '../../src/engine/graph/types'
import { SEED000_GRAPH, seed000Parameters } from './seed000-fixtures'

const fixture = (name: string): GraphSpec =>
  parseGraph(JSON.parse(readFileSync(path.resolve(__dirname, 'fixtures/graphs', name), 'utf8')))
const σ = (v: number): number => 1 / (1 + Math.exp(-v))

describe('seed 001: the hand calculation (手推)', () => {
  // Inputs, weights and target exactly as printed in the seed.
  const x1 = 0.35
  const x2 = 0.9
  const t5 = 0.5
  const [w13, w14, w23, w24, w35, w45] = [0.1, 0.4, 0.8, 0.6, 0.3, 0.9]

  // The seed's forward pass: [x3; x4] = [w13 w23; w14 w24]·[x1; x2], O = σ(x), x5 = w35·O3 + w45·O4
  const O3 = σ(w13 * x1 + w23 * x2)
  const O4 = σ(w14 * x1 + w24 * x2)
  const O5 = σ(w35 * O3 + w45 * O4)
  const E = 0.5 * (O5 - t5) ** 2
  // ∂E/∂x5 = (O5 − t5)·σ′(x5) = (O5 − t5)·O5·(1 − O5)
  const δ5 = (O5 - t5) * O5 * (1 - O5)

  const build = () => {
    const net = createNetwork(fixture('seed001-hand.json'))
    // W is [out][in]: row j holds the weights into unit j (x3 row: w13, w23; x4 row: w14, w24).
    net.setParameters({
      w1: [
        [w13, w23],
        [w14, w24]
      ],
      w2: [[w35, w45]]
    })
    return net
  }
  const x = new Float64Array([x1, x2])
  const y = new Float64Array([t5])

  it('reproduces the forward pass: O5 ≈ 0.6903, E ≈ 0.01810', () => {
    const net = build()
    const out = net.forward(x, 1)
    expect(out[0]).toBeCloseTo(O5, 14)
    expect(out[0]).toBeCloseTo(0.6903, 4)
    const loss = net.loss(x, y, 1)
    expect(loss).toBeCloseTo(E, 15)
    expect(loss).toBeCloseTo(0.0181, 4)
  })

  it('gives δ5 = ∂E/∂x5 ≈ 0.04068 (the seed prints 0.027, an arithmetic slip: that is ∂E/∂w45)', () => {
    const net = build()
    const report = inspect(net, x, y)
    const out = report.layers.find((l) => l.id === 'o')!
    expect(out.delta[0]).toBeCloseTo(δ5, 15)
    expect(out.delta[0]).toBeCloseTo(0.04068, 5)
    expect(out.delta[0]).not.toBeCloseTo(0.027, 3)
  })

  it('gives every hand-derived weight gradient', () => {
    const net = build()
    net.lossAndGradients(x, y, 1)
    const g = gradsByEdge(net)
    // Output layer (手推 3): ∂E/∂w_j5 = δ5 · O_j
    expect(g.w2[0][0]).toBeCloseTo(δ5 * O3, 15) // ∂E/∂w35
    expect(g.w2[0][0]).toBeCloseTo(0.02767, 5)
    expect(g.w2[0][1]).toBeCloseTo(δ5 * O4, 15) // ∂E/∂w45
    expect(g.w2[0][1]).toBeCloseTo(0.027, 5)
    // Hidden layer (手推 2/3): ∂E/∂w_i3 = δ5 · w35 · O3(1 − O3) · x_i, ∂E/∂w_i4 = δ5 · w45 · O4(1 − O4) · x_i
    expect(g.w1[0][0]).toBeCloseTo(δ5 * w35 * O3 * (1 - O3) * x1, 15) // ∂E/∂w13
    expect(g.w1[0][0]).toBeCloseTo(0.000929, 6)
    expect(g.w1[0][1]).toBeCloseTo(δ5 * w35 * O3 * (1 - O3) * x2, 15) // ∂E/∂w23
    expect(g.w1[0][1]).toBeCloseTo(0.002389, 6)
    expect(g.w1[1][0]).toBeCloseTo(δ5 * w45 * O4 * (1 - O4) * x1, 15) // ∂E/∂w14
    expect(g.w1[1][0]).toBeCloseTo(0.00286, 5)
    expect(g.w1[1][1]).toBeCloseTo(δ5 * w45 * O4 * (1 - O4) * x2, 15) // ∂E/∂w24 (the seed's "w44" is a slip)
    expect(g.w1[1][1]).toBeCloseTo(0.007354, 6)
  })

  it('descends: one step w := w − α ∂E/∂w lowers E', () => {
    const net = build()
    const before = net.lossAndGradients(x, y, 1)
    for (let i = 0; i < net.params.length; i++) net.params[i] -= 0.5 * net.grads[i]
    expect(net.loss(x, y, 1)).toBeLessThan(before)
  })
})

describe('seed 001: logic gates from logistic units (bias weight first)', () => {
  const rows = new Float64Array([0, 0, 0, 1, 1, 0, 1, 1])
  const gate = (θ0: number, θ1: number, θ2: number): number[] => {
    const net = createNetwork(singleUnit())
    net.setParameters({ w: [[θ1, θ2]], b: [[θ0]] })
    return Array.from(net.forward(rows, 4), Math.round)
  }

  it('AND g(−30 + 20x1 + 20x2), NOR g(10 − 20x1 − 20x2), OR g(−10 + 20x1 + 20x2) realise their tables', () => {
    expect(gate(-30, 20, 20)).toEqual([0, 0, 0, 1])
    expect(gate(10, -20, -20)).toEqual([1, 0, 0, 0])
    expect(gate(-10, 20, 20)).toEqual([0, 1, 1, 1])
  })

  it('composes AND and NOR with OR into the final table 1, 0, 0, 1 (XNOR; the seed calls it XOR)', () => {
    const net = createNetwork(fixture('seed001-gates.json'))
    net.setParameters({
      w1: [
        [20, 20],
        [-20, -20]
      ],
      b1: [[-30], [10]],
      w2: [[20, 20]],
      b2: [[-10]]
    })
    expect(Array.from(net.forward(rows, 4), Math.round)).toEqual([1, 0, 0, 1])
    // The hidden columns a1⁽²⁾ (AND) and a2⁽²⁾ (NOR) of the seed's last table, row by row.
    const hidden = [0, 1, 2, 3].map((r) => {
      const h = inspect(net, rows.subarray(2 * r, 2 * r + 2), new Float64Array([0])).layers[0]
      return h.a.map(Math.round)
    })
    expect(hidden).toEqual([
      [0, 1],
      [0, 0],
      [0, 0],
      [1, 0]
    ])
  })
})

describe('seed 000: the batch recipe (m = 100, a 2-2-3 network)', () => {
  it('gives dW equal to the mean over samples of δ·aᵀ, computed the seed’s way one sample at a time', () => {
    // 100 real samples: iris sepal length and width → species one-hot (every third row left out).
    const lines = readFileSync(path.resolve(__dirname, '../fixtures/datasets/iris.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .filter((_, i) => i % 3 !== 2)
    expect(lines).toHaveLength(100)
    const species = ['setosa', 'versicolor', 'virginica']
    const m = lines.length
    const X = new Float64Array(m * 2)
    const Y = new Float64Array(m * 3)
    lines.forEach((line, r) => {
      const cells = line.split(',')
      X[r * 2] = Number(cells[0])
      X[r * 2 + 1] = Number(cells[1])
      Y[r * 3 + species.indexOf(cells[4])] = 1
    })

    const net = createNetwork(SEED000_GRAPH, { init: 'small-uniform', seed: 7 })
    net.setParameters(seed000Parameters())
    const { theta1: θ1, theta2: θ2 } = net.getParameters()
    const cost = net.lossAndGradients(X, Y, m)
    const g = gradsByEdge(net)

    // The seed's MATLAB loop, literally (its `Delta3 = (theta2')^T * delta3` uses the gradient by a
    // slip; the error is carried back through the weights θ2 themselves).
    const g1 = [
      [0, 0],
      [0, 0]
    ]
    const g2 = [
      [0, 0],
      [0, 0],
      [0, 0]
    ]
    let C = 0
    for (let r = 0; r < m; r++) {
      const a1 = [X[r * 2], X[r * 2 + 1]]
      const z2 = θ1.map((row) => row[0] * a1[0] + row[1] * a1[1])
      const a2 = z2.map(σ)
      const z3 = θ2.map((row) => row[0] * a2[0] + row[1] * a2[1])
      const a3 = z3.map(σ)
      const y = [Y[r * 3], Y[r * 3 + 1], Y[r * 3 + 2]]
      C += 0.5 * a3.reduce((s, a, k) => s + (y[k] - a) ** 2, 0)
      const delta4 = a3.map((a, k) => a - y[k]) // ∂Cost/∂a3 for ½‖y − a‖²
      const delta3 = delta4.map((d, k) => d * a3[k] * (1 - a3[k])) // Delta4 .* σ′(z3)
      for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) g2[i][j] += delta3[i] * a2[j] // += delta3 · a2ᵀ
      const Delta3 = [0, 1].map((j) => θ2.reduce((s, row, i) => s + row[j] * delta3[i], 0)) // θ2ᵀ · delta3
      const delta2 = Delta3.map((d, j) => d * a2[j] * (1 - a2[j])) // Delta3 .* σ′(z2)
      for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) g1[i][j] += delta2[i] * a1[j] // += delta2 · a1ᵀ
    }
    expect(cost).toBeCloseTo(C / m, 13)
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 2; j++) expect(g.theta2[i][j]).toBeCloseTo(g2[i][j] / m, 14)
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 2; j++) expect(g.theta1[i][j]).toBeCloseTo(g1[i][j] / m, 14)
    expect(Math.abs(g.theta1[0][0])).toBeGreaterThan(1e-6) // the check is not vacuous
  })
})

describe('seed 000: the residual unit Y = X + σ(X)', () => {
  const residual = (): GraphSpec => ({
    format: 'backprop-studio/graph',
    version: 1,
    nodes: [
      { id: 'X', kind: 'input', units: 3 },
      { id: 'Y', kind: 'dense', units: 3, activation: 'sigmoid' },
      { id: 'cost', kind: 'loss', loss: 'squared-error' }
    ],
    edges: [
      { id: 'W', from: 'X', to: 'Y' },
      { id: 'r', from: 'X', to: 'Y', kind: 'skip' },
      { id: 'c', from: 'Y', to: 'cost' }
    ]
  })
  const identity = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1]
  ]

  it('computes Y = X + σ(X) with W = I and a skip edge', () => {
    const net = createNetwork(residual())
    net.setParameters({ W: identity })
    const X = new Float64Array([-2, 0, 3.5, 0.25, -0.75, 1])
    const out = net.forward(X, 2)
    X.forEach((v, i) => expect(out[i]).toBeCloseTo(v + σ(v), 15))
  })

  it('backpropagates through "a new σ": δ = (Y − t) ⊙ σ′(X), and the skip passes ∂C/∂Y straight back', () => {
    const X = [0.5, -1, 2]
    const t = [1, 0, 2]
    const net = createNetwork(residual())
    net.setParameters({ W: identity })
    const layer = inspect(net, new Float64Array(X), new Float64Array(t)).layers[0]
    X.forEach((v, i) => {
      const Y = v + σ(v)
      expect(layer.dCda[i]).toBeCloseTo(Y - t[i], 15)
      expect(layer.delta[i]).toBeCloseTo((Y - t[i]) * σ(v) * (1 - σ(v)), 15)
    })
  })
})

/** A 2-1 logistic unit with a bias: the seed's h_θ(x) = g(θ0 + θ1 x1 + θ2 x2). */
function singleUnit(): GraphSpec {
  return {
    format: 'backprop-studio/graph',
    version: 1,
    nodes: [
      { id: 'x', kind: 'input', units: 2 },
      { id: 'one', kind: 'bias' },
      { id: 'h', kind: 'dense', units: 1, activation: 'sigmoid' },
      { id: 'cost', kind: 'loss', loss: 'binary-cross-entropy' }
    ],
    edges: [
      { id: 'w', from: 'x', to: 'h' },
      { id: 'b', from: 'one', to: 'h' },
      { id: 'c', from: 'h', to: 'cost' }
    ]
  }
}

function gradsByEdge(net: ReturnType<typeof createNetwork>): Record<string, number[][]> {
  const out: Record<string, number[][]> = {}
  for (const s of net.slices) {
    out[s.edgeId] = Array.from({ length: s.rows }, (_, i) =>
      Array.from(net.grads.subarray(s.offset + i * s.cols, s.offset + (i + 1) * s.cols))
    )
  }
  return out
}
