/**
 * Loss functions C(a, y) and their gradients ∂C/∂a (the start of backpropagation, BP-1).
 *
 * Per sample every loss is a sum over the output units; the network reports the batch mean
 * (DESIGN §3: "squared error is C = ½‖y − a‖² averaged over the batch, as in the seeds").
 * Buffers are row-major [m × n]. The functions here return sums over the rows; callers divide by m.
 */
import type { Activation, LossKind } from '../graph/types'
import { softplus } from './activations'

/** Probabilities are clipped to [CLIP, 1 − CLIP] before a log so log(0) never happens. */
export const CLIP = 1e-15
/** Default δ threshold of the Huber loss. */
export const DEFAULT_HUBER_DELTA = 1

/**
 * The pairings computed from the logits z rather than the activations (no clipped log, no zero
 * gradient where a saturates): softmax + cross-entropy and sigmoid + binary cross-entropy, whose
 * output error simplifies to δ = a − y, and softmax + binary cross-entropy (log-softmax and
 * log(1 − softmax) from log-sum-exps; see softmaxBceLossSum). They are only exact when a = f(z), i.e.
 * the output layer has no skip in-edges, so the caller passes that too. (Validation refuses
 * cross-entropies on any other output.)
 */
export function isFusedPair(act: Activation, loss: LossKind, outputHasSkipIn: boolean): boolean {
  if (outputHasSkipIn) return false
  return (
    (act === 'softmax' && (loss === 'cross-entropy' || loss === 'binary-cross-entropy')) ||
    (act === 'sigmoid' && loss === 'binary-cross-entropy')
  )
}

/** Loss sum of a fused pair (isFusedPair) from the logits z. */
export function logitLossSum(
  act: Activation,
  kind: LossKind,
  z: Float64Array,
  y: Float64Array,
  m: number,
  n: number
): number {
  return act === 'softmax' && kind === 'binary-cross-entropy'
    ? softmaxBceLossSum(z, y, m, n)
    : fusedLossSum(kind, z, y, m, n)
}

/** δ = ∂ℓ/∂z of a fused pair (isFusedPair), per sample (not divided by m). */
export function logitDelta(
  act: Activation,
  kind: LossKind,
  z: Float64Array,
  a: Float64Array,
  y: Float64Array,
  delta: Float64Array,
  m: number,
  n: number
): void {
  if (act === 'softmax' && kind === 'binary-cross-entropy') softmaxBceDelta(z, a, y, delta, m, n)
  else fusedDelta(kind, a, y, delta, m, n)
}

/** ln(e^p + e^q), exact for −∞ operands. */
function lse2(p: number, q: number): number {
  const hi = p > q ? p : q
  if (hi === -Infinity) return -Infinity
  const lo = p > q ? q : p
  return hi + Math.log1p(Math.exp(lo - hi))
}

// Per-row scratch of the softmax + BCE pair, grown once to the widest row (no allocation per step).
let scratch = new Float64Array(0)
function rowScratch(n: number): Float64Array {
  if (scratch.length < 5 * (n + 1)) scratch = new Float64Array(5 * (n + 1))
  return scratch
}

/**
 * out[j] = ln Σ_{k≠j} e^(v[o + k]) for j < n, by prefix and suffix log-sum-exps (O(n), and exact where
 * subtracting e^(v_j) from the full sum would cancel). Uses pre and suf of n + 1 each.
 */
function lseExcluding(
  v: Float64Array,
  o: number,
  n: number,
  out: Float64Array,
  outAt: number,
  tmp: Float64Array,
  tmpAt: number
): void {
  const pre = tmpAt
  const suf = tmpAt + n + 1
  tmp[pre] = -Infinity
  for (let j = 0; j < n; j++) tmp[pre + j + 1] = lse2(tmp[pre + j], v[o + j])
  tmp[suf + n] = -Infinity
  for (let j = n - 1; j >= 0; j--) tmp[suf + j] = lse2(tmp[suf + j + 1], v[o + j])
  for (let j = 0; j < n; j++) out[outAt + j] = lse2(tmp[pre + j], tmp[suf + j + 1])
}

/**
 * The log-sums of softmax row o that both softmax + BCE functions start from: fills tmp[0 … n) with
 * L₋ⱼ = ln Σ_{k≠j} e^(z_k) (using tmp from tmpAt as lseExcluding's work space) and returns
 * L = ln Σ e^z = ln(e^(L₋₀) + e^(z₀)).
 */
function rowLogSums(z: Float64Array, o: number, n: number, tmp: Float64Array, tmpAt: number): number {
  lseExcluding(z, o, n, tmp, 0, tmp, tmpAt)
  return lse2(tmp[0], z[o])
}

/**
 * Softmax + binary cross-entropy from the logits: with L = ln Σ e^z and L₋ⱼ = ln Σ_{k≠j} e^(z_k),
 *   ln a_j = z_j − L,   ln(1 − a_j) = L₋ⱼ − L,
 * so ℓ = −Σ_j [y_j (z_j − L) + (1 − y_j)(L₋ⱼ − L)] with no clipping (issue 10: 1→2 softmax, z = ±20,
 * y = [0, 1] gives 80, where clipped logs gave 69.08).
 */
export function softmaxBceLossSum(z: Float64Array, y: Float64Array, m: number, n: number): number {
  const tmp = rowScratch(n)
  let sum = 0
  for (let r = 0; r < m; r++) {
    const o = r * n
    const L = rowLogSums(z, o, n, tmp, n + 1)
    for (let j = 0; j < n; j++) {
      const yj = y[o + j]
      if (yj !== 0) sum -= yj * (z[o + j] - L)
      if (yj !== 1) sum -= (1 - yj) * (tmp[j] - L)
    }
  }
  return sum
}

/**
 * δ_i = ∂ℓ/∂z_i of softmax + binary cross-entropy. Through the softmax Jacobian a_j(δ_ij − a_i):
 *   δ_i = −y_i(1 − a_i) + (1 − y_i) a_i + a_i (Σ_{j≠i} y_j) − Σ_{j≠i} (1 − y_j) a_i a_j / (1 − a_j),
 * where 1 − a_i = e^(L₋ᵢ − L) and the last sum is e^(z_i − L + W₋ᵢ), W = ln of the terms
 * (1 − y_j) e^(z_j − L₋ⱼ) over j ≠ i — every exponent ≤ 0 or a log-sum, so nothing overflows or
 * cancels where a saturates (the example above: δ = [2, −2]).
 */
export function softmaxBceDelta(
  z: Float64Array,
  a: Float64Array,
  y: Float64Array,
  delta: Float64Array,
  m: number,
  n: number
): void {
  const tmp = rowScratch(n)
  const w = n // tmp[n … 2n): ln((1 − y_j) e^(z_j − L₋ⱼ))
  const wEx = 2 * n // tmp[2n … 3n): W₋ᵢ
  const work = 3 * n // prefix/suffix space of lseExcluding: 2(n + 1)
  for (let r = 0; r < m; r++) {
    const o = r * n
    const L = rowLogSums(z, o, n, tmp, work) // tmp[0 … n): L₋ⱼ
    let ySum = 0
    for (let j = 0; j < n; j++) {
      const yj = y[o + j]
      ySum += yj
      tmp[w + j] = yj === 1 ? -Infinity : Math.log1p(-yj) + z[o + j] - tmp[j]
    }
    lseExcluding(tmp, w, n, tmp, wEx, tmp, work)
    for (let i = 0; i < n; i++) {
      const yi = y[o + i]
      const ai = a[o + i]
      const oneMinusA = Math.exp(tmp[i] - L)
      delta[o + i] =
        -yi * oneMinusA + (1 - yi) * ai + ai * (ySum - yi) - Math.exp(z[o + i] - L + tmp[wEx + i])
    }
  }
}

/** Σ over rows and units of the loss from the activations a (clipped logs for the log losses). */
export function lossSum(
  kind: LossKind,
  a: Float64Array,
  y: Float64Array,
  m: number,
  n: number,
  huberDelta: number
): number {
  const len = m * n
  let sum = 0
  switch (kind) {
    case 'squared-error':
      // ½ (y − a)²
      for (let i = 0; i < len; i++) {
        const r = a[i] - y[i]
        sum += 0.5 * r * r
      }
      return sum
    case 'binary-cross-entropy':
      // −[y ln a + (1 − y) ln(1 − a)]
      for (let i = 0; i < len; i++) {
        const p = clip(a[i])
        sum -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p)
      }
      return sum
    case 'cross-entropy':
      // −Σ_j y_j ln a_j
      for (let i = 0; i < len; i++) if (y[i] !== 0) sum -= y[i] * Math.log(Math.max(a[i], CLIP))
      return sum
    case 'mean-absolute-error':
      // |a − y|
      for (let i = 0; i < len; i++) sum += Math.abs(a[i] - y[i])
      return sum
    case 'huber':
      // ½r² for |r| ≤ d, else d(|r| − ½d): quadratic near the target, linear (robust) far from it
      for (let i = 0; i < len; i++) {
        const r = Math.abs(a[i] - y[i])
        sum += r <= huberDelta ? 0.5 * r * r : huberDelta * (r - 0.5 * huberDelta)
      }
      return sum
    default:
      throw new Error(`unknown loss "${kind as string}"`)
  }
}

/** g = ∂ℓ/∂a for every sample (not divided by m). */
export function lossGradient(
  kind: LossKind,
  a: Float64Array,
  y: Float64Array,
  g: Float64Array,
  m: number,
  n: number,
  huberDelta: number
): void {
  const len = m * n
  switch (kind) {
    case 'squared-error':
      // ∂/∂a ½(y − a)² = a − y (seed 001: ∂E/∂O₅ = O₅ − t₅)
      for (let i = 0; i < len; i++) g[i] = a[i] - y[i]
      return
    case 'binary-cross-entropy':
      // −y/a + (1 − y)/(1 − a) = (a − y) / (a(1 − a)); where a was clipped the loss is flat, so 0
      for (let i = 0; i < len; i++) {
        const p = a[i]
        g[i] = p < CLIP || p > 1 - CLIP ? 0 : (p - y[i]) / (p * (1 - p))
      }
      return
    case 'cross-entropy':
      // −y/a; 0 where a was clipped (flat loss)
      for (let i = 0; i < len; i++) g[i] = y[i] === 0 || a[i] < CLIP ? 0 : -y[i] / a[i]
      return
    case 'mean-absolute-error':
      for (let i = 0; i < len; i++) g[i] = Math.sign(a[i] - y[i])
      return
    case 'huber':
      for (let i = 0; i < len; i++) {
        const r = a[i] - y[i]
        g[i] = Math.abs(r) <= huberDelta ? r : huberDelta * Math.sign(r)
      }
      return
    default:
      throw new Error(`unknown loss "${kind as string}"`)
  }
}

/**
 * Loss sum of a fused pair, computed from the logits z so no log is ever clipped:
 * sigmoid + BCE: ln(1 + e^z) − y z;  softmax + CE: Σ_j y_j (logsumexp(z) − z_j).
 */
export function fusedLossSum(kind: LossKind, z: Float64Array, y: Float64Array, m: number, n: number): number {
  let sum = 0
  if (kind === 'binary-cross-entropy') {
    const len = m * n
    for (let i = 0; i < len; i++) sum += softplus(z[i]) - y[i] * z[i]
    return sum
  }
  for (let r = 0; r < m; r++) {
    const o = r * n
    let max = -Infinity
    for (let j = 0; j < n; j++) if (z[o + j] > max) max = z[o + j]
    let s = 0
    for (let j = 0; j < n; j++) s += Math.exp(z[o + j] - max)
    const lse = max + Math.log(s)
    for (let j = 0; j < n; j++) if (y[o + j] !== 0) sum += y[o + j] * (lse - z[o + j])
  }
  return sum
}

/**
 * δ of a fused pair (BP-1 simplified): sigmoid + BCE gives δ = a − y; softmax + CE gives
 * δ_j = a_j Σ_k y_k − y_j, which is a − y whenever the target row sums to 1 (one-hot or probabilities).
 */
export function fusedDelta(
  kind: LossKind,
  a: Float64Array,
  y: Float64Array,
  delta: Float64Array,
  m: number,
  n: number
): void {
  if (kind === 'binary-cross-entropy') {
    const len = m * n
    for (let i = 0; i < len; i++) delta[i] = a[i] - y[i]
    return
  }
  for (let r = 0; r < m; r++) {
    const o = r * n
    let ySum = 0
    for (let j = 0; j < n; j++) ySum += y[o + j]
    for (let j = 0; j < n; j++) delta[o + j] = a[o + j] * ySum - y[o + j]
  }
}

function clip(p: number): number {
  return p < CLIP ? CLIP : p > 1 - CLIP ? 1 - CLIP : p
}
