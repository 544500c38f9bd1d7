/**
 * Weight and bias histograms per edge, with a fixed number of equal-width bins between the slice's
 * own min and max. One pass over the parameters: cheap next to a training step, and sent at a low rate.
 */
import type { ParamSlice } from '../nn/types'
import type { Histogram } from './types'

export const HISTOGRAM_BINS = 20

export function sliceHistogram(params: Float64Array, s: ParamSlice, bins = HISTOGRAM_BINS): Histogram {
  const start = s.offset
  const end = s.offset + s.rows * s.cols
  let min = Infinity
  let max = -Infinity
  for (let i = start; i < end; i++) {
    const v = params[i]
    if (v < min) min = v
    if (v > max) max = v
  }
  const counts = new Array<number>(bins).fill(0)
  if (end > start) {
    // All values equal: put them in the middle bin of a unit-wide range so the chart still has an axis.
    if (max === min) {
      min -= 0.5
      max += 0.5
    }
    const scale = bins / (max - min)
    for (let i = start; i < end; i++) {
      const b = Math.floor((params[i] - min) * scale)
      counts[b >= bins ? bins - 1 : b < 0 ? 0 : b]++
    }
  } else {
    min = 0
    max = 0
  }
  return { edgeId: s.edgeId, layer: s.to, isBias: s.isBias, min, max, counts }
}

/** One histogram per weighted edge (weights and biases separately, as the slices are). */
export function parameterHistograms(
  params: Float64Array,
  slices: readonly ParamSlice[],
  bins = HISTOGRAM_BINS
): Histogram[] {
  return slices.map((s) => sliceHistogram(params, s, bins))
}
