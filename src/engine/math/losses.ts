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
 * The pairings whose output error simplifies to δ = a − y (softmax + cross-entropy,
 * sigmoid + binary cross-entropy). They are only exact when a = f(z), i.e. the output layer has no
 * skip in-edges, so the caller passes that too.
 */
export function isFusedPair(act: Activation, loss: LossKind, outputHasSkipIn: boolean): boolean {
  if (outputHasSkipIn) return false
  return (
    (act === 'softmax' && loss === 'cross-entropy') || (act === 'sigmoid' && loss === 'binary-cross-entropy')
  )
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
