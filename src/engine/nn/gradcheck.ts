/**
 * Gradient check: backpropagation's ∂C/∂θ against central finite differences
 * (C(θ + h) − C(θ − h)) / 2h, per weighted edge. On big edges a seeded sample of parameters is checked.
 *
 * Error measure per parameter: |g_bp − g_fd| / max(|g_bp|, |g_fd|, FLOOR, noise/tolerance). It is the
 * relative error wherever the gradient is meaningfully larger than what the difference can resolve.
 * A central difference carries rounding of about ε·|C|/h: each C(θ ± h) is only known to a few ulps of
 * |C|, and the difference divides that by 2h. So the denominator has two floors —
 * - FLOOR: gradients below 1e-4 are compared absolutely (an O(1) loss resolves ~1e-11 at best);
 * - the difference's own noise, NOISE_ULPS · ε · max(|C(θ+h)|, |C(θ−h)|) / h, divided by the
 *   tolerance: a deviation within that noise cannot fail the check, however large the loss (issue 10:
 *   a correct 10→64 tanh→40 linear network with C ≈ 2·10⁵ "failed" at 1.8e-4). Deviations beyond the
 *   noise are still judged relative to the gradient, so a wrong gradient fails at any loss.
 */
import { createRng } from '../random'
import type { Network } from './types'

/** Denominator floor of the relative error (see the module comment). */
export const GRADCHECK_FLOOR = 1e-4
/** Default pass threshold on the largest error in float64. */
export const GRADCHECK_TOLERANCE = 1e-6
/**
 * Ulps of |C| a loss evaluation may be off by: a batch loss is a sum of m·n terms, each from a forward
 * pass of its own roundings, so tens of ulps are ordinary; 64 leaves a margin and is still tiny.
 */
export const GRADCHECK_NOISE_ULPS = 64
const EPSILON = 2 ** -52

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
      const noise = (GRADCHECK_NOISE_ULPS * EPSILON * Math.max(Math.abs(up), Math.abs(down))) / h
      const err =
        Math.abs(g - numeric) / Math.max(Math.abs(g), Math.abs(numeric), GRADCHECK_FLOOR, noise / tolerance)
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
