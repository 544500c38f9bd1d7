/**
 * Activation functions f and their derivatives f′, computed together in one pass (the derivative is
 * what backpropagation needs, BP-1/BP-2: δ = ∂C/∂a ⊙ f′(z)). Every form is numerically stable.
 *
 * Buffers are row-major [m × n] (rows = samples). Softmax works per row; its derivative is a Jacobian,
 * so it has no f′ buffer and is applied by `softmaxBackward` instead.
 */
import type { Activation } from '../graph/types'

/** Default slope of leaky-relu for z < 0. */
export const DEFAULT_LEAK = 0.01

/*
 * Fast, accurate tanh and σ. Math.tanh and Math.exp are calls into C (about 15–30 ns each in V8);
 * these are inlined arithmetic: e^u − 1 for 0 ≤ u ≤ EXP_MAX from two tables on a grid of 1/64
 * (e^(n/64) and e^(n/64) − 1) and a degree-7 Taylor polynomial of the remainder 0 ≤ r < 1/64:
 *   e^u − 1 = (e^(n/64) − 1) + e^(n/64)·(e^r − 1),
 * a sum of two non-negative terms, so nothing cancels. Then
 *   tanh|x| = (e^(2|x|) − 1) / (e^(2|x|) + 1),    σ(−|z|) = 1 / (e^|z| + 1),
 * which keeps full relative precision near 0 (no 1 − … cancellation). Within 4 ulps of Math.tanh
 * and of the e^x forms (test/engine/nn-math.test.ts checks a dense range).
 */
const EXP_GRID = 64
const EXP_MAX = 40
const EXP_TABLE = new Float64Array(EXP_MAX * EXP_GRID + 2)
const EXPM1_TABLE = new Float64Array(EXP_MAX * EXP_GRID + 2)
for (let n = 0; n < EXP_TABLE.length; n++) {
  EXP_TABLE[n] = Math.exp(n / EXP_GRID)
  EXPM1_TABLE[n] = Math.expm1(n / EXP_GRID)
}
/** tanh(x) is ±1 in float64 for |x| > 19.06; clamping there keeps 2|x| inside the tables. */
const TANH_CLAMP = 20
const C3 = 1 / 6
const C4 = 1 / 24
const C5 = 1 / 120
const C6 = 1 / 720
const C7 = 1 / 5040

/** e^u − 1 for 0 ≤ u ≤ EXP_MAX (NaN for NaN). */
function expm1Table(u: number): number {
  const n = (u * EXP_GRID) | 0
  const r = u - n / EXP_GRID // exact: n/64 and u share the grid of u's last bit
  const r2 = r * r
  const pm1 = r * (1 + r * 0.5 + r2 * (C3 + r * C4 + r2 * (C5 + r * C6 + r2 * C7)))
  return EXPM1_TABLE[n] + EXP_TABLE[n] * pm1
}

/** tanh(x), within a few ulps of Math.tanh; odd, ±1 beyond ±19.06, NaN for NaN, −0 for −0. */
export function tanh(x: number): number {
  const e = expm1Table(2 * Math.min(Math.abs(x), TANH_CLAMP))
  // e · 1/(e + 2) rather than e / (e + 2): the same arithmetic as tanhWithDerivative, which needs r.
  const t = e * (1 / (e + 2))
  return x < 0 ? -t : x > 0 ? t : x
}

/** σ(z) = 1 / (1 + e^(−z)), range (0, 1); written so e^x never overflows. */
export function sigmoid(z: number): number {
  const a = Math.abs(z)
  if (a > EXP_MAX) {
    // Far tails (rare): σ(−a) = e^(−a) / (1 + e^(−a)) keeps its relative precision down to denormals.
    if (z >= 0) return 1 / (1 + Math.exp(-z))
    const e = Math.exp(z)
    return e / (1 + e)
  }
  const s = 1 / (expm1Table(a) + 2) // σ(−|z|)
  return z < 0 ? s : 1 - s
}

/**
 * σ and σ′ together. σ′(z) = σ(z)(1 − σ(z)) (seed 001 §1.2) = s(1 − s) with s = σ(−|z|), which the
 * computation of σ has at hand: σ′ is even, and the small factor s keeps its relative precision where
 * 1 − σ of a rounded σ would be 0 (z past ≈ 37). The same arithmetic as sigmoid(), so a is identical.
 */
function sigmoidWithDerivative(z: Float64Array, a: Float64Array, fp: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const v = z[i]
    const x = Math.abs(v)
    if (x > EXP_MAX) {
      a[i] = sigmoid(v)
      const q = Math.exp(-x)
      fp[i] = q / ((1 + q) * (1 + q))
      continue
    }
    const s = 1 / (expm1Table(x) + 2) // σ(−|z|)
    a[i] = v < 0 ? s : 1 - s
    fp[i] = s * (1 - s)
  }
}

/**
 * tanh and tanh′ together, from r = 1/(e + 2) with e = e^(2|z|) − 1 (one division, as tanh() itself):
 * |t| = e·r and 1 − |t| = 2r, so tanh′ = (1 − |t|)(1 + |t|) = 4r(1 − r) — no cancellation anywhere,
 * where 1 − t² of the rounded t is 0 past |z| ≈ 19. Past the tables (|z| > 20), 4q/(1 + q)² with
 * q = e^(−2|z|).
 */
function tanhWithDerivative(z: Float64Array, a: Float64Array, fp: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const v = z[i]
    const x = Math.abs(v)
    const e = expm1Table(2 * Math.min(x, TANH_CLAMP))
    const r = 1 / (e + 2)
    const t = e * r
    a[i] = v < 0 ? -t : v > 0 ? t : v
    if (x <= TANH_CLAMP) fp[i] = 4 * r * (1 - r)
    else {
      const q = Math.exp(-2 * x)
      fp[i] = (4 * q) / ((1 + q) * (1 + q))
    }
  }
}

/** softplus(z) = ln(1 + e^z), range (0, ∞); = max(z, 0) + ln(1 + e^(−|z|)) to avoid overflow. */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)))
}

/**
 * a = f(z) over m·n values (softmax: per row of n). When `fp` is given it also receives f′(z); for
 * softmax, whose derivative is a Jacobian (see softmaxBackward), only its diagonal a(1 − a), which
 * backpropagation does not use. z and a may not alias fp.
 */
export function activateForward(
  act: Activation,
  leak: number,
  z: Float64Array,
  a: Float64Array,
  fp: Float64Array | null,
  m: number,
  n: number
): void {
  const len = m * n
  switch (act) {
    case 'sigmoid':
      if (fp) sigmoidWithDerivative(z, a, fp, len)
      else for (let i = 0; i < len; i++) a[i] = sigmoid(z[i])
      return
    case 'tanh':
      if (fp) tanhWithDerivative(z, a, fp, len)
      else for (let i = 0; i < len; i++) a[i] = tanh(z[i])
      return
    case 'relu':
      // max(0, z); f′ = 1 for z > 0, else 0 (the kink at 0 takes the left derivative)
      for (let i = 0; i < len; i++) {
        const v = z[i]
        const pos = v > 0
        a[i] = pos ? v : 0
        if (fp) fp[i] = pos ? 1 : 0
      }
      return
    case 'leaky-relu':
      // z for z > 0, leak·z otherwise; f′ = 1 or leak
      for (let i = 0; i < len; i++) {
        const v = z[i]
        const pos = v > 0
        a[i] = pos ? v : leak * v
        if (fp) fp[i] = pos ? 1 : leak
      }
      return
    case 'softplus':
      // softplus′(z) = σ(z)
      for (let i = 0; i < len; i++) {
        a[i] = softplus(z[i])
        if (fp) fp[i] = sigmoid(z[i])
      }
      return
    case 'linear':
      for (let i = 0; i < len; i++) {
        a[i] = z[i]
        if (fp) fp[i] = 1
      }
      return
    case 'softmax':
      softmaxRows(z, a, m, n)
      // Backprop uses the full Jacobian (softmaxBackward); fp gets its diagonal a(1 − a) for statistics.
      if (fp) for (let i = 0; i < len; i++) fp[i] = a[i] * (1 - a[i])
      return
    default:
      throw new Error(`unknown activation "${act as string}"`)
  }
}

/** a_j = e^(z_j − max z) / Σ_k e^(z_k − max z) per row; subtracting the max keeps e^x ≤ 1. */
export function softmaxRows(z: Float64Array, a: Float64Array, m: number, n: number): void {
  for (let r = 0; r < m; r++) {
    const o = r * n
    let max = -Infinity
    for (let j = 0; j < n; j++) if (z[o + j] > max) max = z[o + j]
    let sum = 0
    for (let j = 0; j < n; j++) {
      const e = Math.exp(z[o + j] - max)
      a[o + j] = e
      sum += e
    }
    const inv = 1 / sum
    for (let j = 0; j < n; j++) a[o + j] *= inv
  }
}

/**
 * δ = Jᵀ g for softmax, J = diag(a) − a aᵀ: δ_j = a_j (g_j − Σ_k a_k g_k), per row.
 * g = ∂C/∂a. Used when softmax is not paired with cross-entropy (otherwise δ = a − y directly).
 */
export function softmaxBackward(
  a: Float64Array,
  g: Float64Array,
  delta: Float64Array,
  m: number,
  n: number
): void {
  for (let r = 0; r < m; r++) {
    const o = r * n
    let dot = 0
    for (let j = 0; j < n; j++) dot += a[o + j] * g[o + j]
    for (let j = 0; j < n; j++) delta[o + j] = a[o + j] * (g[o + j] - dot)
  }
}

/** The activations whose f′ approaches 0 for large |z| (used for the "saturated" statistic). */
export const SATURATING: ReadonlySet<Activation> = new Set<Activation>([
  'sigmoid',
  'tanh',
  'softplus',
  'softmax'
])
