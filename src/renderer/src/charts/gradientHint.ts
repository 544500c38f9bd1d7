/**
 * The vanishing / exploding gradient hint: compares mean |δ| of the layer nearest the input with the
 * output layer's. Backpropagation multiplies by Wᵀ and f′(z) once per layer, so a ratio far from 1
 * means the early layers learn far slower (vanishing) or far faster (exploding) than the late ones.
 */

export interface GradientHint {
  kind: 'vanishing' | 'exploding'
  /** mean |δ| of the first layer divided by the last layer's */
  ratio: number
  /** The layers compared (display names): the chart words the hint in the user's language. */
  first: string
  last: string
  /** How many times smaller (vanishing) or larger (exploding), ≥ 1; Infinity when the first is 0. */
  factor: number
  /** In English (logs, tests). */
  message: string
}

export interface LayerDelta {
  /** Display name of the dense layer. */
  name: string
  meanAbsDelta: number
}

/**
 * @param layers dense layers in topological order (input side first, output layer last)
 * @param threshold the factor at which to speak up (100 = two orders of magnitude)
 * @returns a hint, or null when the ratio is within [1/threshold, threshold] or cannot be judged
 */
export function gradientHint(layers: readonly LayerDelta[], threshold = 100): GradientHint | null {
  if (!(threshold > 1)) throw new Error(`threshold must be above 1, got ${threshold}`)
  if (layers.length < 2) return null
  const first = layers[0]
  const last = layers[layers.length - 1]
  if (!Number.isFinite(first.meanAbsDelta) || !Number.isFinite(last.meanAbsDelta) || last.meanAbsDelta <= 0) {
    return null
  }
  const ratio = first.meanAbsDelta / last.meanAbsDelta
  if (ratio < 1 / threshold) {
    return {
      kind: 'vanishing',
      ratio,
      first: first.name,
      last: last.name,
      factor: 1 / ratio,
      message:
        `Vanishing gradients: mean |δ| in ${first.name} is ${formatFactor(1 / ratio)} smaller than in ${last.name}. ` +
        'Early layers barely learn; try ReLU, skip connections or He initialisation.'
    }
  }
  if (ratio > threshold) {
    return {
      kind: 'exploding',
      ratio,
      first: first.name,
      last: last.name,
      factor: ratio,
      message:
        `Exploding gradients: mean |δ| in ${first.name} is ${formatFactor(ratio)} larger than in ${last.name}. ` +
        'Try a smaller learning rate or smaller initial weights.'
    }
  }
  return null
}

function formatFactor(f: number): string {
  if (!Number.isFinite(f)) return 'infinitely'
  return `${roundFactor(f)}×`
}

/** A factor as the hint shows it: whole above 100, two significant digits below. */
export function roundFactor(f: number): number {
  return f >= 100 ? Math.round(f) : Number(f.toPrecision(2))
}
