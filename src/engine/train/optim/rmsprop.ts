/**
 * RMSprop (Hinton, Lecture 6e): divide the step by a running root mean square of the gradient.
 *   s ← ρ·s + (1 − ρ)·g²
 *   θ ← θ − lr·g / (√s + ε)
 */
export interface RmspropState {
  /** s, the running mean of g² */
  meanSquare: Float64Array
}

export function createRmspropState(n: number): RmspropState {
  return { meanSquare: new Float64Array(n) }
}

export function rmspropStep(
  s: RmspropState,
  params: Float64Array,
  grads: Float64Array,
  lr: number,
  rho: number,
  epsilon: number
): void {
  const ms = s.meanSquare
  for (let i = 0; i < params.length; i++) {
    const g = grads[i]
    const si = rho * ms[i] + (1 - rho) * g * g
    ms[i] = si
    params[i] -= (lr * g) / (Math.sqrt(si) + epsilon)
  }
}
