// The building blocks: the reference matrix kernels, activations with their derivatives, and losses
// with their gradients — each checked against a naive or finite-difference oracle.
import { describe, expect, it } from 'vitest'
import { columnSums, matmulAccumulate, matmulTransA, matmulTransB } from '../../src/engine/math/matmul'
import {
  activateForward,
  sigmoid,
  softmaxBackward,
  softmaxRows,
  softplus,
  tanh
} from '../../src/engine/math/activations'
import {
  fusedDelta,
  fusedLossSum,
  lossGradient,
  lossSum,
  softmaxBceDelta,
  softmaxBceLossSum
} from '../../src/engine/math/losses'
import type { GraphSpec } from '../../src/engine/graph/types'
import { validateGraph } from '../../src/engine/graph/validate'
import { createNetwork } from '../../src/engine/nn/network'
import { ACTIVATIONS, LOSSES } from '../../src/engine/graph/types'
import { createRng } from '../../src/engine/random'

const rng = createRng(42)
const rand = (n: number): Float64Array => Float64Array.from({ length: n }, () => rng.normal())
const at = (M: Float64Array, off: number, cols: number, i: number, j: number): number => M[off + i * cols + j]

describe('matmul kernels', () => {
  // Odd sizes exercise the 4-wide unrolled path and its remainder; offsets exercise slices.
  for (const [m, k, n] of [
    [1, 1, 1],
    [3, 5, 7],
    [6, 4, 9],
    [2, 13, 4]
  ]) {
    it(`match the textbook triple loop for m=${m}, k=${k}, n=${n}`, () => {
      const aOff = 3
      const bOff = 5
      const A = rand(aOff + m * k)
      const W = rand(bOff + n * k)
      // Y = A·Wᵀ, written and accumulated
      const Y = rand(2 + m * n)
      const Y0 = Float64Array.from(Y)
      matmulTransB(A, aOff, W, bOff, Y, 2, m, k, n, true)
      for (let r = 0; r < m; r++)
        for (let i = 0; i < n; i++) {
          let s = 0
          for (let j = 0; j < k; j++) s += at(A, aOff, k, r, j) * at(W, bOff, k, i, j)
          expect(Y[2 + r * n + i]).toBeCloseTo(Y0[2 + r * n + i] + s, 12)
        }
      expect(Y[0]).toBe(Y0[0]) // nothing outside the slice is touched
      matmulTransB(A, aOff, W, bOff, Y, 2, m, k, n, false)
      let s00 = 0
      for (let j = 0; j < k; j++) s00 += A[aOff + j] * W[bOff + j]
      expect(Y[2]).toBeCloseTo(s00, 12)

      // dA += δ·W with δ [m × n], W [n × k]
      const D = rand(m * n)
      const dA = rand(1 + m * k)
      const dA0 = Float64Array.from(dA)
      matmulAccumulate(D, 0, W, bOff, dA, 1, m, n, k)
      for (let r = 0; r < m; r++)
        for (let j = 0; j < k; j++) {
          let s = 0
          for (let i = 0; i < n; i++) s += D[r * n + i] * at(W, bOff, k, i, j)
          expect(dA[1 + r * k + j]).toBeCloseTo(dA0[1 + r * k + j] + s, 12)
        }

      // dW = (1/m) δᵀ·A, overwriting
      const dW = rand(4 + n * k)
      matmulTransA(D, 0, A, aOff, dW, 4, m, n, k, 1 / m)
      for (let i = 0; i < n; i++)
        for (let j = 0; j < k; j++) {
          let s = 0
          for (let r = 0; r < m; r++) s += D[r * n + i] * at(A, aOff, k, r, j)
          expect(dW[4 + i * k + j]).toBeCloseTo(s / m, 12)
        }

      // db = batch mean of δ
      const db = rand(n)
      columnSums(D, 0, db, 0, m, n, 1 / m)
      for (let i = 0; i < n; i++) {
        let s = 0
        for (let r = 0; r < m; r++) s += D[r * n + i]
        expect(db[i]).toBeCloseTo(s / m, 12)
      }
    })
  }
})

describe('activations', () => {
  const z = Float64Array.from([-30, -5, -1.3, -0.2, 0.01, 0.7, 2, 6, 35])
  for (const act of ACTIVATIONS.filter((a) => a !== 'softmax')) {
    it(`${act}: f′ matches a central difference of f`, () => {
      const a = new Float64Array(z.length)
      const fp = new Float64Array(z.length)
      activateForward(act, 0.1, z, a, fp, 1, z.length)
      const h = 1e-6
      const up = new Float64Array(z.length)
      const down = new Float64Array(z.length)
      activateForward(
        act,
        0.1,
        z.map((v) => v + h),
        up,
        null,
        1,
        z.length
      )
      activateForward(
        act,
        0.1,
        z.map((v) => v - h),
        down,
        null,
        1,
        z.length
      )
      z.forEach((_, i) => expect(fp[i]).toBeCloseTo((up[i] - down[i]) / (2 * h), 7))
      expect(a.every(Number.isFinite)).toBe(true)
    })
  }

  it('sigmoid and softplus stay finite and accurate at extreme z', () => {
    expect(sigmoid(-800)).toBe(0)
    expect(sigmoid(800)).toBe(1)
    expect(sigmoid(-40)).toBeGreaterThan(0) // e^−40 ≈ 4e−18 is kept, not flushed to 0
    expect(softplus(800)).toBe(800)
    expect(softplus(-800)).toBe(0)
    expect(softplus(-40)).toBeCloseTo(Math.exp(-40), 30)
  })

  it('softmax rows sum to 1 even for huge logits, and its Jacobian matches finite differences', () => {
    const zs = Float64Array.from([1000, 999, -1000, 0.5, -0.25, 2])
    const a = new Float64Array(6)
    softmaxRows(zs, a, 2, 3)
    expect(a[0] + a[1] + a[2]).toBeCloseTo(1, 15)
    expect(a[3] + a[4] + a[5]).toBeCloseTo(1, 15)
    expect(a.every(Number.isFinite)).toBe(true)
    // δ = Jᵀ g for C = g·a with a fixed g: the finite difference of C w.r.t. z_j.
    const g = Float64Array.from([0.3, -1.2, 0.8])
    const z1 = Float64Array.from([0.5, -0.25, 2])
    const a1 = new Float64Array(3)
    softmaxRows(z1, a1, 1, 3)
    const delta = new Float64Array(3)
    softmaxBackward(a1, g, delta, 1, 3)
    const C = (zz: Float64Array): number => {
      const p = new Float64Array(3)
      softmaxRows(zz, p, 1, 3)
      return p.reduce((s, v, i) => s + v * g[i], 0)
    }
    for (let j = 0; j < 3; j++) {
      const up = Float64Array.from(z1)
      const down = Float64Array.from(z1)
      up[j] += 1e-6
      down[j] -= 1e-6
      expect(delta[j]).toBeCloseTo((C(up) - C(down)) / 2e-6, 8)
    }
  })
})

describe('losses', () => {
  const a = Float64Array.from([0.2, 0.7, 0.1, 0.9, 0.05, 0.05])
  const y = Float64Array.from([0, 1, 0, 0.3, 0.2, 0.5])
  for (const kind of LOSSES) {
    it(`${kind}: ∂C/∂a matches a central difference of C`, () => {
      const g = new Float64Array(6)
      lossGradient(kind, a, y, g, 2, 3, 0.5)
      for (let i = 0; i < 6; i++) {
        const up = Float64Array.from(a)
        const down = Float64Array.from(a)
        up[i] += 1e-7
        down[i] -= 1e-7
        const fd = (lossSum(kind, up, y, 2, 3, 0.5) - lossSum(kind, down, y, 2, 3, 0.5)) / 2e-7
        expect(g[i]).toBeCloseTo(fd, 5)
      }
    })
  }

  it('squared error is ½‖y − a‖² per sample (the seeds’ E)', () => {
    expect(
      lossSum('squared-error', Float64Array.from([0.69]), Float64Array.from([0.5]), 1, 1, 1)
    ).toBeCloseTo(0.5 * 0.19 ** 2, 15)
  })

  it('huber is quadratic within δ and linear beyond it', () => {
    const y0 = new Float64Array([0])
    expect(lossSum('huber', Float64Array.from([0.4]), y0, 1, 1, 0.5)).toBeCloseTo(0.08, 15)
    expect(lossSum('huber', Float64Array.from([3]), y0, 1, 1, 0.5)).toBeCloseTo(0.5 * (3 - 0.25), 15)
  })

  it('the fused pairs compute the same loss from logits and give δ = a − y', () => {
    const z = Float64Array.from([0.3, -2, 1.5, 4, 0, -1])
    // sigmoid + BCE
    const s = z.map(sigmoid)
    expect(fusedLossSum('binary-cross-entropy', z, y, 2, 3)).toBeCloseTo(
      lossSum('binary-cross-entropy', s, y, 2, 3, 1),
      12
    )
    const d = new Float64Array(6)
    fusedDelta('binary-cross-entropy', s, y, d, 2, 3)
    const g = new Float64Array(6)
    lossGradient('binary-cross-entropy', s, y, g, 2, 3, 1)
    // the long way: ∂C/∂a ⊙ σ′(z) = ∂C/∂a ⊙ a(1 − a)
    for (let i = 0; i < 6; i++) {
      expect(d[i]).toBeCloseTo(s[i] - y[i], 15)
      expect(d[i]).toBeCloseTo(g[i] * s[i] * (1 - s[i]), 12)
    }
    // softmax + CE with one-hot rows
    const onehot = Float64Array.from([0, 0, 1, 1, 0, 0])
    const p = new Float64Array(6)
    softmaxRows(z, p, 2, 3)
    expect(fusedLossSum('cross-entropy', z, onehot, 2, 3)).toBeCloseTo(
      lossSum('cross-entropy', p, onehot, 2, 3, 1),
      12
    )
    fusedDelta('cross-entropy', p, onehot, d, 2, 3)
    lossGradient('cross-entropy', p, onehot, g, 2, 3, 1)
    const viaJacobian = new Float64Array(6)
    softmaxBackward(p, g, viaJacobian, 2, 3)
    for (let i = 0; i < 6; i++) {
      expect(d[i]).toBeCloseTo(p[i] - onehot[i], 15)
      expect(d[i]).toBeCloseTo(viaJacobian[i], 12)
    }
  })

  it('cross-entropy from logits stays finite where the probabilities underflow', () => {
    const z = Float64Array.from([-1000, 1000])
    const loss = fusedLossSum('cross-entropy', z, Float64Array.from([1, 0]), 1, 2)
    expect(loss).toBeCloseTo(2000, 10)
    const clipped = lossSum('cross-entropy', Float64Array.from([0, 1]), Float64Array.from([1, 0]), 1, 2, 1)
    expect(clipped).toBeCloseTo(-Math.log(1e-15), 10) // the clipped log, not Infinity
  })
})

describe('random', () => {
  it('is reproducible per seed and has the documented distributions', () => {
    const a = createRng(2024)
    const b = createRng(2024)
    const seqA = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA)
    expect(Array.from({ length: 5 }, () => createRng(2025).next())).not.toEqual(seqA)

    const r = createRng(1)
    const N = 20000
    const u = Array.from({ length: N }, () => r.uniform(-1, 3))
    expect(Math.min(...u)).toBeGreaterThanOrEqual(-1)
    expect(Math.max(...u)).toBeLessThan(3)
    expect(u.reduce((s, v) => s + v, 0) / N).toBeCloseTo(1, 1)
    const g = Array.from({ length: N }, () => r.normal(2, 3))
    const mean = g.reduce((s, v) => s + v, 0) / N
    const sd = Math.sqrt(g.reduce((s, v) => s + (v - mean) ** 2, 0) / N)
    expect(mean).toBeCloseTo(2, 1)
    expect(sd).toBeCloseTo(3, 1)
    const ints = new Set(Array.from({ length: 1000 }, () => r.int(7)))
    expect([...ints].sort()).toEqual([0, 1, 2, 3, 4, 5, 6])
    const perm = r.shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect([...perm].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(perm).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(() => createRng(NaN)).toThrow(/finite/)
  })
})

/**
 * Issue 10, item 12: f′ in the tails. From the rounded outputs, σ′ = σ(1 − σ) is 0 past z ≈ 37 and
 * tanh′ = 1 − t² is 0 past |z| ≈ 19, while the true values are e^(−z)-small but representable.
 */
describe('f′ in the tails', () => {
  const fpOf = (act: 'sigmoid' | 'tanh', zs: number[]) => {
    const z = Float64Array.from(zs)
    const a = new Float64Array(zs.length)
    const fp = new Float64Array(zs.length)
    activateForward(act, 0, z, a, fp, 1, zs.length)
    return { a, fp }
  }
  const zs = [
    -700, -300, -45, -40, -38, -25, -19.5, -10, -1, -1e-9, 0, 1e-9, 0.5, 3, 10, 19.5, 25, 38, 40, 45, 300, 700
  ]

  it('σ′(z) = e^(−|z|) / (1 + e^(−|z|))² to 1e-14 relative, and σ unchanged', () => {
    const { a, fp } = fpOf('sigmoid', zs)
    zs.forEach((v, i) => {
      const q = Math.exp(-Math.abs(v))
      const exact = q / ((1 + q) * (1 + q))
      if (exact === 0) expect(fp[i]).toBe(0)
      else expect(Math.abs(fp[i] - exact) / exact).toBeLessThan(1e-14)
      expect(a[i]).toBe(sigmoid(v))
    })
    // The cases: positive z past 38 used to give exactly 0.
    expect(fpOf('sigmoid', [38]).fp[0]).toBeGreaterThan(3e-17)
    expect(fpOf('sigmoid', [40]).fp[0]).toBeCloseTo(Math.exp(-40), 30)
  })

  it('tanh′(z) = 1/cosh²(z) to 1e-13 relative, and tanh unchanged', () => {
    const { a, fp } = fpOf('tanh', zs)
    zs.forEach((v, i) => {
      // 1/cosh² = 4q/(1 + q)² with q = e^(−2|z|), exact in the tails
      const q = Math.exp(-2 * Math.abs(v))
      const exact = (4 * q) / ((1 + q) * (1 + q))
      if (exact === 0) expect(fp[i]).toBe(0)
      else expect(Math.abs(fp[i] - exact) / exact).toBeLessThan(1e-13)
      expect(a[i]).toBe(tanh(v))
    })
    expect(fpOf('tanh', [19.5]).fp[0]).toBeGreaterThan(1e-17)
  })
})

/**
 * Issue 10, item 12: binary cross-entropy off the sigmoid path clipped its logs and returned a zero
 * gradient. 1 → 2 softmax + BCE, W = [[20], [−20]], x = 1, y = [0, 1]: z = [20, −20], so
 * ln(1 − a₀) = ln a₁ = −40 and C = 80 (clipped: 69.08); ∂C/∂W = [2, −2] (clipped: 0).
 */
describe('cross-entropy from logits', () => {
  const graph = (act: 'softmax' | 'sigmoid', units: number, skip = false): GraphSpec => ({
    format: 'backprop-studio/graph',
    version: 1,
    nodes: [
      { id: 'x', kind: 'input', units },
      { id: 'out', kind: 'dense', units, activation: act },
      { id: 'cost', kind: 'loss', loss: 'binary-cross-entropy' }
    ],
    edges: [
      { id: 'W', from: 'x', to: 'out' },
      ...(skip ? [{ id: 's', from: 'x', to: 'out', kind: 'skip' as const }] : []),
      { id: 'c', from: 'out', to: 'cost' }
    ]
  })

  it('1→2 softmax + BCE: C = 80 and ∂C/∂W = [2, −2], matching finite differences', () => {
    const spec: GraphSpec = { ...graph('softmax', 2) }
    spec.nodes[0] = { id: 'x', kind: 'input', units: 1 }
    const net = createNetwork(spec)
    net.setParameters({ W: [[20], [-20]] })
    const x = Float64Array.from([1])
    const y = Float64Array.from([0, 1])
    const loss = net.lossAndGradients(x, y, 1)
    expect(loss).toBeCloseTo(80, 12)
    expect(Array.from(net.grads)[0]).toBeCloseTo(2, 12)
    expect(Array.from(net.grads)[1]).toBeCloseTo(-2, 12)
    // Finite differences of the loss agree (the loss is exact, so they can).
    const h = 1e-6
    for (const [k, expected] of [
      [0, 2],
      [1, -2]
    ]) {
      const p = net.params[k]
      net.params[k] = p + h
      const up = net.loss(x, y, 1)
      net.params[k] = p - h
      const down = net.loss(x, y, 1)
      net.params[k] = p
      expect((up - down) / (2 * h)).toBeCloseTo(expected, 5)
    }
  })

  it('softmax + BCE from logits equals the plain formula where nothing saturates', () => {
    const rng = createRng(9)
    const m = 5
    const n = 4
    const z = Float64Array.from({ length: m * n }, () => rng.normal(0, 2))
    const y = Float64Array.from({ length: m * n }, () => (rng.next() < 0.4 ? 1 : rng.next()))
    const a = new Float64Array(m * n)
    softmaxRows(z, a, m, n)
    expect(softmaxBceLossSum(z, y, m, n)).toBeCloseTo(lossSum('binary-cross-entropy', a, y, m, n, 1), 11)
    // δ = Jᵀ ∂ℓ/∂a through the full softmax Jacobian
    const g = new Float64Array(m * n)
    lossGradient('binary-cross-entropy', a, y, g, m, n, 1)
    const viaJacobian = new Float64Array(m * n)
    softmaxBackward(a, g, viaJacobian, m, n)
    const d = new Float64Array(m * n)
    softmaxBceDelta(z, a, y, d, m, n)
    for (let i = 0; i < m * n; i++) expect(d[i]).toBeCloseTo(viaJacobian[i], 12)
  })

  it('BCE on an output that is not a probability (a skip into the sigmoid, a tanh output) is refused', () => {
    const skip = validateGraph(graph('sigmoid', 2, true)).find((i) => i.code === 'loss-activation-mismatch')
    expect(skip?.severity).toBe('error')
    expect(skip?.message).toContain('a skip edge adds to it')
    const t = graph('sigmoid', 2)
    ;(t.nodes[1] as { activation: string }).activation = 'tanh'
    const tanhOut = validateGraph(t).find((i) => i.code === 'loss-activation-mismatch')
    expect(tanhOut?.message).toContain('needs a sigmoid or softmax output layer, but Layer "out" uses tanh')
  })
})
