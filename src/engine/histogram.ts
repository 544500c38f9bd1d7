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
  // A range wider than the largest double (−1e308 to 1e308) still has a finite step.
  let step = (max - min) / bins
  if (step === Infinity) step = max / bins - min / bins
  const edges = new Array<number>(bins + 1)
  edges[0] = min
  for (let i = 1; i < bins; i++) edges[i] = min + i * step
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
  // The range: a NaN never wins a comparison, so only ±Infinity needs a second, careful pass (rare).
  let min = Infinity
  let max = -Infinity
  for (let i = start; i < end; i++) {
    const v = values[i]
    if (v < min) min = v
    if (v > max) max = v
  }
  if (min === -Infinity || max === Infinity) {
    min = Infinity
    max = -Infinity
    for (let i = start; i < end; i++) {
      const v = values[i]
      if (v > -Infinity && v < Infinity) {
        if (v < min) min = v
        if (v > max) max = v
      }
    }
  }
  const counts = new Array<number>(bins).fill(0)
  if (min > max) return { min: 0, max: 1, counts, nonFinite: end - start }
  const edges = histogramEdges(min, max, bins)
  min = edges[0]
  max = edges[bins]
  const width = max - min
  const scale = width === Infinity ? 1 / (max / bins - min / bins) : bins / width
  const last = bins - 1
  // How far ⌊(v − min)·scale⌋ may be from the bin the edges say, in bins: rounding of f and of the
  // edges, which is coarse when the range is narrow next to its distance from 0.
  const tol = Math.min(1, 8 * Number.EPSILON * (bins + Math.max(-min, max) * scale))
  let nonFinite = 0
  for (let i = start; i < end; i++) {
    const v = values[i]
    // Outside the finite range: NaN or ±Infinity.
    if (!(v >= min && v <= max)) {
      nonFinite++
      continue
    }
    const f = (v - min) * scale
    let b = Math.floor(f)
    if (b > last) b = last
    // ⌊f⌋ can be one off only where f is within rounding of a whole number: there, ask the edges.
    const frac = f - Math.floor(f)
    if (frac < tol || frac > 1 - tol) {
      while (b > 0 && v < edges[b]) b--
      while (b < last && v >= edges[b + 1]) b++
    }
    counts[b]++
  }
  return { min, max, counts, nonFinite }
}
