/**
 * Plain gradient descent, the seeds' update: θ ← θ − μ·∂C/∂θ, where ∂C/∂θ is already the batch mean
 * (1/m)Σ∂E₍ᵢ₎/∂θ. On the full training set this is the seeds' batch gradient descent; on shuffled
 * mini-batches it is mini-batch SGD. It has no state.
 */
export function sgdStep(params: Float64Array, grads: Float64Array, lr: number): void {
  for (let i = 0; i < params.length; i++) params[i] -= lr * grads[i]
}
