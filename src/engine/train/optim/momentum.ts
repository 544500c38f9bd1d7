/**
 * Momentum (heavy ball) and Nesterov momentum, in PyTorch's form (Sutskever et al. 2013):
 *   v ← μ·v + g
 *   heavy ball: θ ← θ − lr·v
 *   Nesterov:   θ ← θ − lr·(g + μ·v)
 * The velocity holds gradients, not steps, so changing lr mid-run takes effect at once.
 */
export interface MomentumState {
  /** v, one per parameter */
  velocity: Float64Array
}

export function createMomentumState(n: number): MomentumState {
  return { velocity: new Float64Array(n) }
}

export function momentumStep(
  s: MomentumState,
  params: Float64Array,
  grads: Float64Array,
  lr: number,
  mu: number,
  nesterov: boolean
): void {
  const v = s.velocity
  for (let i = 0; i < params.length; i++) {
    const g = grads[i]
    const vi = mu * v[i] + g
    v[i] = vi
    params[i] -= lr * (nesterov ? g + mu * vi : vi)
  }
}
