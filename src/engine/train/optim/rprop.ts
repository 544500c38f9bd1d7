/**
 * Rprop, seed 003: each weight has its own step size Δ. While the sign of ∂C/∂w stays the same the
 * step grows (×η⁺), when it flips the step shrinks (×η⁻), and Δ stays within [Δmin, Δmax] so learning
 * neither oscillates nor underflows. Only the sign of the gradient is used, never its size.
 *
 * Variant: iRprop⁻ (Igel & Hüsken 2000), the one PyTorch's `Rprop` implements. On a sign flip the
 * weight is not moved in that step and the stored gradient is set to 0, so the next step counts as
 * "no sign information" and moves by the (reduced) Δ without adapting it again.
 *   s = g·g_prev
 *   s > 0: Δ ← min(Δ·η⁺, Δmax)
 *   s < 0: Δ ← max(Δ·η⁻, Δmin), g ← 0
 *   θ ← θ − sign(g)·Δ,  g_prev ← g
 * Every Δ starts at Δ₀ (the learning-rate setting). Rprop is meant for full batches (`gd`-sized batches):
 * mini-batch noise flips signs at random.
 */
export interface RpropState {
  /** Δ, the current step size of each weight */
  stepSize: Float64Array
  /** g_prev, the gradient of the previous step (0 after a sign flip) */
  prevGrad: Float64Array
}

export interface RpropConstants {
  etaPlus: number
  etaMinus: number
  deltaMin: number
  deltaMax: number
}

export function createRpropState(n: number, delta0: number): RpropState {
  return { stepSize: new Float64Array(n).fill(delta0), prevGrad: new Float64Array(n) }
}

export function rpropStep(s: RpropState, params: Float64Array, grads: Float64Array, c: RpropConstants): void {
  const { stepSize, prevGrad } = s
  for (let i = 0; i < params.length; i++) {
    let g = grads[i]
    const sign = g * prevGrad[i]
    if (sign > 0) {
      stepSize[i] = Math.min(stepSize[i] * c.etaPlus, c.deltaMax)
    } else if (sign < 0) {
      stepSize[i] = Math.max(stepSize[i] * c.etaMinus, c.deltaMin)
      g = 0
    }
    if (g > 0) params[i] -= stepSize[i]
    else if (g < 0) params[i] += stepSize[i]
    prevGrad[i] = g
  }
}
