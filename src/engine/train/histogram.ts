/**
 * Weight and bias histograms per edge: HISTOGRAM_BINS equal-width bins between the slice's own min and
 * max, counted by the engine's one histogram rule (../histogram.ts). One pass over the parameters:
 * cheap next to a training step, and sent at a low rate.
 */
import { histogramCounts } from '../histogram'
import type { ParamSlice } from '../nn/types'
import type { Histogram } from './types'

/** Bins of a weight or bias histogram. */
export const HISTOGRAM_BINS = 20

export function sliceHistogram(params: Float64Array, s: ParamSlice, bins = HISTOGRAM_BINS): Histogram {
  const { min, max, counts, nonFinite } = histogramCounts(params, bins, s.offset, s.offset + s.rows * s.cols)
  return { edgeId: s.edgeId, layer: s.to, isBias: s.isBias, min, max, counts, nonFinite }
}

/** One histogram per weighted edge (weights and biases separately, as the slices are). */
export function parameterHistograms(
  params: Float64Array,
  slices: readonly ParamSlice[],
  bins = HISTOGRAM_BINS
): Histogram[] {
  return slices.map((s) => sliceHistogram(params, s, bins))
}
