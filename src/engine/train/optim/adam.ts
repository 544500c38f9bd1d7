/**
 * Adam (Kingma & Ba 2015, Algorithm 1), with bias-corrected moments:
 *   m ← β₁m + (1 − β₁)g,   v ← β₂v + (1 − β₂)g²
 *   m̂ = m / (1 − β₁ᵗ),     v̂ = v / (1 − β₂ᵗ)
 *   θ ← θ − lr·m̂ / (√v̂ + ε)
 * L2 decay, when on, is added to g before this step (coupled, as in the original paper; not AdamW).
 */
export interface AdamState {
  m: Float64Array
  v: Float64Array
  /** number of steps taken, t */
  t: number
}

export function createAdamState(n: number): AdamState {
  return { m: new Float64Array(n), v: new Float64Array(n), t: 0 }
}

export function adamStep(
  s: AdamState,
  params: Float64Array,
  grads: Float64Array,
  lr: number,
  beta1: number,
  beta2: number,
  epsilon: number
): void {
  s.t++
  const bias1 = 1 - Math.pow(beta1, s.t)
  const bias2 = 1 - Math.pow(beta2, s.t)
  const { m, v } = s
  for (let i = 0; i < params.length; i++) {
    const g = grads[i]
    const mi = beta1 * m[i] + (1 - beta1) * g
    const vi = beta2 * v[i] + (1 - beta2) * g * g
    m[i] = mi
    v[i] = vi
    params[i] -= (lr * (mi / bias1)) / (Math.sqrt(vi / bias2) + epsilon)
  }
}
