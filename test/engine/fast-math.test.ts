/**
 * Speed without changing the numbers. The engine's own tanh and σ (math/activations.ts) replace Math.tanh / Math.exp for speed; they must
 * stay within a few ulps of them everywhere, keep the edge cases, and activateForward's f′ must be the
 * derivative of the value it returns. The fused kernels of small layers must give exactly the numbers of
 * the passes they replace.
 */
import { describe, expect, it } from 'vitest'
import { activateForward, sigmoid, tanh } from '../../src/engine/math/activations'
import { matmulAccumulate, matmulDelta, matmulTransB, matmulTransBBias } from '../../src/engine/math/matmul'
import { createRng } from '../../src/engine/random'

const MAX_ULPS = 4

/** Distance of two doubles in units in the last place of the reference. */
function ulps(got: number, want: number): number {
  if (got === want) return 0
  const a = Math.abs(want)
  const bits = new Float64Array([a])
  const asInt = new BigInt64Array(bits.buffer)
  asInt[0] += 1n
  const ulp = a === 0 ? Number.MIN_VALUE : bits[0] - a
  return Math.abs(got - want) / ulp
}

/** σ from Math.exp, the form the engine used before (stable on both sides). */
function sigmoidRef(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z))
  const e = Math.exp(z)
  return e / (1 + e)
}

/** A dense grid over [−range, range] (slightly irregular, so it hits every table cell at many offsets), then magnitudes 1e−300 … 1e3. */
function* points(range: number, count: number): Generator<number> {
  for (let i = -count; i <= count; i++) yield (i / count) * range * (1 + 1e-7 * Math.sin(i))
  for (let e = -300; e <= 3; e += 0.01) {
    yield 10 ** e
    yield -(10 ** e)
  }
}

describe('fast tanh and sigmoid', () => {
  it(`tanh is within ${MAX_ULPS} ulps of Math.tanh over a dense range`, () => {
    let worst = 0
    for (const x of points(25, 400_000)) worst = Math.max(worst, ulps(tanh(x), Math.tanh(x)))
    expect(worst).toBeLessThanOrEqual(MAX_ULPS)
  })

  it(`sigmoid is within ${MAX_ULPS} ulps of the Math.exp form over a dense range`, () => {
    let worst = 0
    for (const z of points(60, 400_000)) worst = Math.max(worst, ulps(sigmoid(z), sigmoidRef(z)))
    expect(worst).toBeLessThanOrEqual(MAX_ULPS)
  })

  it('keep the edge cases: signed zero, saturation, infinities, NaN, tails', () => {
    expect(Object.is(tanh(0), 0)).toBe(true)
    expect(Object.is(tanh(-0), -0)).toBe(true)
    expect(tanh(5e-324)).toBe(5e-324)
    expect(tanh(1e-200)).toBe(1e-200)
    for (const x of [19.1, 20, 21, 1e6, 1e308, Infinity]) {
      expect(tanh(x)).toBe(1)
      expect(tanh(-x)).toBe(-1)
    }
    expect(tanh(NaN)).toBeNaN()
    expect(sigmoid(0)).toBe(0.5)
    expect(sigmoid(NaN)).toBeNaN()
    expect(sigmoid(Infinity)).toBe(1)
    expect(sigmoid(-Infinity)).toBe(0)
    expect(sigmoid(-800)).toBe(0)
    expect(sigmoid(800)).toBe(1)
    // relative precision is kept in the small tail (no 1 − … cancellation)
    for (const z of [-10, -30, -39.9, -40, -40.1, -100, -700])
      expect(ulps(sigmoid(z), sigmoidRef(z))).toBeLessThanOrEqual(MAX_ULPS)
  })

  // f′ is 1 − a² (tanh) and a(1 − a) (sigmoid) in exact arithmetic; it is computed so that it keeps
  // its relative precision where the rounded a is ±1 or 1 (issue 10; see nn-math's "f′ in the tails").
  it('activateForward gives f′ = 1/cosh²(z) (tanh) and σ(z)σ(−z) (sigmoid) to 1e-13, beside the same a', () => {
    const n = 2001
    const z = Float64Array.from({ length: n }, (_, i) => (i - 1000) / 50)
    const a = new Float64Array(n)
    const fp = new Float64Array(n)
    activateForward('tanh', 0, z, a, fp, 1, n)
    for (let i = 0; i < n; i++) {
      expect(a[i]).toBe(tanh(z[i]))
      const q = Math.exp(-2 * Math.abs(z[i]))
      const exact = (4 * q) / ((1 + q) * (1 + q))
      expect(Math.abs(fp[i] - exact) / exact).toBeLessThan(1e-13)
    }
    activateForward('sigmoid', 0, z, a, fp, 1, n)
    for (let i = 0; i < n; i++) {
      expect(a[i]).toBe(sigmoid(z[i]))
      const q = Math.exp(-Math.abs(z[i]))
      const exact = q / ((1 + q) * (1 + q))
      expect(Math.abs(fp[i] - exact) / exact).toBeLessThan(1e-13)
    }
    // the forward-only path gives the same values
    const a2 = new Float64Array(n)
    activateForward('tanh', 0, z, a2, null, 1, n)
    activateForward('sigmoid', 0, z, a, null, 1, n)
    for (let i = 0; i < n; i++) {
      expect(a2[i]).toBe(tanh(z[i]))
      expect(a[i]).toBe(sigmoid(z[i]))
    }
  })
})

describe('fused small-layer kernels', () => {
  const rng = createRng(11)
  const rand = (n: number): Float64Array => Float64Array.from({ length: n }, () => rng.normal())
  for (const [m, k, n] of [
    [1, 1, 1],
    [10, 2, 8],
    [10, 8, 8],
    [10, 8, 1],
    [7, 5, 9],
    [32, 13, 3]
  ]) {
    it(`give the same numbers as the unfused passes for m=${m}, k=${k}, n=${n}`, () => {
      // forward: Z = A·Wᵀ + b  vs  Z = b, Z += A·Wᵀ
      const A = rand(3 + m * k)
      const W = rand(5 + n * k)
      const b = rand(2 + n)
      const fused = new Float64Array(m * n)
      matmulTransBBias(A, 3, W, 5, b, 2, fused, 0, m, k, n)
      const plain = new Float64Array(m * n)
      for (let r = 0; r < m; r++) for (let i = 0; i < n; i++) plain[r * n + i] = b[2 + i]
      matmulTransB(A, 3, W, 5, plain, 0, m, k, n, true)
      expect(fused).toEqual(plain)
      // backward: δ_src = (δ·W) ⊙ f′  vs  dA = 0, dA += δ·W, δ_src = dA ⊙ f′   (δ [m × n], W [n × k])
      const D = rand(1 + m * n)
      const F = rand(m * k)
      const out = new Float64Array(m * k)
      matmulDelta(D, 1, W, 5, F, out, m, n, k)
      const dA = new Float64Array(m * k)
      matmulAccumulate(D, 1, W, 5, dA, 0, m, n, k)
      for (let i = 0; i < m * k; i++) dA[i] *= F[i]
      expect(out).toEqual(dA)
    })
  }
})
