/**
 * The engine's one histogram count, used by the weight histograms (train/histogram.ts) and the data
 * profile's column histograms (data/profile.ts). The rule is numpy.histogram's with `bins` equal-width
 * bins and the range taken from the data:
 * - the range [min, max] is the smallest and largest finite value; the edges are numpy.linspace's,
 *   e_i = min + i·((max − min) / bins) and e_bins = max (`histogramEdges`, which the renderer draws
 *   with too, so a bar holds exactly the values between its drawn edges);
 * - a value v is counted in bin i when e_i ≤ v < e_(i+1), and the last bin is closed (max counts in it);
 *   values on an edge go to the bin above it, also where floating-point rounding would say otherwise;
 * - all finite values equal (min = max): the range widens to [v − 0.5, v + 0.5], so all land in the
 *   centre bin, index ⌊bins / 2⌋;
 * - no finite value: the range is [0, 1] and every count 0;
 * - NaN and ±Infinity are not counted in any bin but in `nonFinite` (numpy refuses them when it picks
 *   the range; a diverged network's weights or a data column's missing cells are reported beside).
 */
export interface HistogramCounts {
  /** The range the bins span (after widening or defaulting, as above). */
  min: number
  max: number
  counts: number[]
  /** Values left out of the bins: NaN, Infinity and -Infinity. */
  nonFinite: number
}

/**
 * The bins + 1 edges of `bins` equal-width bins over [min, max], as numpy.linspace(min, max, bins + 1)
 * computes them; a zero-width range is widened to [min − 0.5, max + 0.5] first.
 */
export function histogramEdges(min: number, max: number, bins: number): number[] {
  if (!(max > min)) {
    min -= 0.5
    max += 0.5
  }
  const step = (max - min) / bins
  const edges = new Array<number>(bins + 1)
  for (let i = 0; i < bins; i++) edges[i] = min + i * step
  edges[bins] = max
  return edges
}

/** Counts values[start, end) into `bins` equal-width bins (a positive integer) by the rule above. */
export function histogramCounts(
  values: ArrayLike<number>,
  bins: number,
  start = 0,
  end = values.length
): HistogramCounts {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`bins must be a positive integer, got ${bins}`)
  let min = Infinity
  let max = -Infinity
  let nonFinite = 0
  for (let i = start; i < end; i++) {
    const v = values[i]
    if (v - v !== 0) {
      // NaN - NaN and ±Infinity - ±Infinity are NaN: only finite values give 0.
      nonFinite++
      continue
    }
    if (v < min) min = v
    if (v > max) max = v
  }
  const counts = new Array<number>(bins).fill(0)
  if (min > max) return { min: 0, max: 1, counts, nonFinite }
  const edges = histogramEdges(min, max, bins)
  min = edges[0]
  max = edges[bins]
  const scale = bins / (max - min)
  for (let i = start; i < end; i++) {
    const v = values[i]
    if (v - v !== 0) continue
    let b = Math.floor((v - min) * scale)
    if (b >= bins) b = bins - 1
    else if (b < 0) b = 0
    // The estimate is off by one near an edge (rounding): settle it against the edges themselves.
    if (v < edges[b]) b--
    else if (b < bins - 1 && v >= edges[b + 1]) b++
    counts[b]++
  }
  return { min, max, counts, nonFinite }
}
