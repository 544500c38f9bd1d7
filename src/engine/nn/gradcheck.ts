/**
 * Gradient check: backpropagation's ∂C/∂θ against central finite differences
 * (C(θ + h) − C(θ − h)) / 2h, per weighted edge. On big edges a seeded sample of parameters is checked.
 *
 * Error measure per parameter: |g_bp − g_fd| / max(|g_bp|, |g_fd|, FLOOR). It is the relative error
 * wherever the gradient is meaningfully non-zero; below FLOOR it becomes the absolute error scaled by
 * 1/FLOOR, because a central difference cannot resolve gradients smaller than its own rounding
 * (≈ ε_machine·|C|/h ≈ 1e-11) and a pure ratio there would flag noise as failure.
 */
import { createRng } from '../random'
import type { Network } from './types'

/** Denominator floor of the relative error (see the module comment). */
export const GRADCHECK_FLOOR = 1e-4
/** Default pass threshold on the largest error in float64. */
export const GRADCHECK_TOLERANCE = 1e-6

export interface GradientCheckOptions {
  /** At most this many parameters per edge (seeded sample beyond it; default 64). */
  maxPerEdge?: number
  /** Seed of the sample (default 1). */
  seed?: number
  /** Step h relative to max(1, |θ|) (default 1e-5). */
  eps?: number
  /** Pass threshold (default GRADCHECK_TOLERANCE). */
  tolerance?: number
}

export interface EdgeCheck {
  edgeId: string
  maxRelError: number
  /** Number of parameters of the edge that were checked. */
  checked: number
}

export interface GradientCheckResult {
  edges: EdgeCheck[]
  maxRelError: number
  passed: boolean
}

/**
 * Compares net.lossAndGradients with finite differences of net.loss on the batch (x, y, m).
 * Parameters are restored exactly; afterwards net.grads holds the backprop gradient of this batch.
 */
export function gradientCheck(
  net: Network,
  x: Float64Array,
  y: Float64Array,
  m: number,
  opts: GradientCheckOptions = {}
): GradientCheckResult {
  const maxPerEdge = opts.maxPerEdge ?? 64
  const eps = opts.eps ?? 1e-5
  const tolerance = opts.tolerance ?? GRADCHECK_TOLERANCE
  const rng = createRng(opts.seed ?? 1)
  net.lossAndGradients(x, y, m)
  const analytic = Float64Array.from(net.grads)
  const { params } = net

  const edges = net.slices.map((s): EdgeCheck => {
    const size = s.rows * s.cols
    const indices = Array.from({ length: size }, (_, i) => s.offset + i)
    const chosen = size > maxPerEdge ? rng.shuffle(indices).slice(0, maxPerEdge) : indices
    let worst = 0
    for (const k of chosen) {
      const θ = params[k]
      const h = eps * Math.max(1, Math.abs(θ))
      params[k] = θ + h
      const up = net.loss(x, y, m)
      params[k] = θ - h
      const down = net.loss(x, y, m)
      params[k] = θ
      const numeric = (up - down) / (2 * h)
      const g = analytic[k]
      const err = Math.abs(g - numeric) / Math.max(Math.abs(g), Math.abs(numeric), GRADCHECK_FLOOR)
      // NaN anywhere must fail the check, not vanish in Math.max.
      worst = Number.isNaN(err) ? Infinity : Math.max(worst, err)
    }
    return { edgeId: s.edgeId, maxRelError: worst, checked: chosen.length }
  })
  // Leave the network as a plain lossAndGradients call would.
  net.lossAndGradients(x, y, m)
  const maxRelError = edges.reduce((w, e) => Math.max(w, e.maxRelError), 0)
  return { edges, maxRelError, passed: maxRelError < tolerance }
}
