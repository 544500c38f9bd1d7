/**
 * The renderer's one histogram module: histograms as the engine sends them (min, max, counts) turned
 * into bin edges, the step outline of one histogram, re-binning onto a common grid so histograms whose
 * ranges differ over time can share the rows of one heatmap, and merging several onto one grid.
 */
import { histogramEdges, type Histogram } from '@engine/index'
import type { Point } from './seriesBuffer'

/** bins = counts.length; edges has bins + 1 increasing values. */
export interface Bins {
  edges: ArrayLike<number>
  counts: ArrayLike<number>
}

/** Throws naming the field when edges and counts do not describe a histogram. */
export function checkBins(h: Bins, what = 'histogram'): void {
  if (h.edges.length !== h.counts.length + 1) {
    throw new Error(
      `${what}: edges has ${h.edges.length} values, expected counts.length + 1 = ${h.counts.length + 1}`
    )
  }
  for (let i = 1; i < h.edges.length; i++) {
    if (!(h.edges[i] >= h.edges[i - 1]))
      throw new Error(`${what}: edges[${i}] = ${h.edges[i]} is below edges[${i - 1}]`)
  }
}

/**
 * The outline of a histogram on a value axis: two points per bin, at its left and right edge, both at
 * the bin's count, closed to 0 at both ends. Drawn as a filled line this is exact for any bin widths.
 */
export function histogramOutline(h: Bins): Point[] {
  checkBins(h)
  const n = h.counts.length
  if (n === 0) return []
  const out: Point[] = [[h.edges[0], 0]]
  for (let i = 0; i < n; i++) out.push([h.edges[i], h.counts[i]], [h.edges[i + 1], h.counts[i]])
  out.push([h.edges[n], 0])
  return out
}

/**
 * `bins` equal-width edges spanning [lo, hi] (a zero-width range is widened by ±0.5): the engine's
 * `histogramEdges`, the edges it counted the bins with.
 */
export function evenEdges(lo: number, hi: number, bins: number): number[] {
  return histogramEdges(lo, hi, bins)
}

/**
 * Moves the counts of `h` onto `edges`, splitting each source bin in proportion to its overlap with
 * each target bin (counts are assumed uniform within a bin). A zero-width source bin (all weights
 * equal) goes entirely to the target bin that contains it. The total is kept for the part of `h`
 * inside the target range.
 */
export function rebin(h: Bins, edges: ArrayLike<number>): number[] {
  checkBins(h)
  const out = new Array<number>(edges.length - 1).fill(0)
  for (let i = 0; i < h.counts.length; i++) {
    const a = h.edges[i]
    const b = h.edges[i + 1]
    const c = h.counts[i]
    if (c === 0) continue
    if (b === a) {
      const k = binOf(edges, a)
      if (k >= 0) out[k] += c
      continue
    }
    for (let k = 0; k < out.length; k++) {
      const overlap = Math.min(b, edges[k + 1]) - Math.max(a, edges[k])
      if (overlap > 0) out[k] += (c * overlap) / (b - a)
    }
  }
  return out
}

/** Equal-width bins over [min, max], as the engine computes them. */
export function histogramBins(h: Histogram): Bins {
  return { edges: evenEdges(h.min, h.max, h.counts.length), counts: h.counts }
}

/**
 * Sums several histograms (e.g. two weighted in-edges of one layer) onto one grid spanning them all;
 * a single histogram is returned as it is.
 */
export function mergeBins(list: readonly Bins[]): Bins | null {
  if (list.length === 0) return null
  if (list.length === 1) return list[0]
  const lo = Math.min(...list.map((b) => b.edges[0]))
  const hi = Math.max(...list.map((b) => b.edges[b.edges.length - 1]))
  const edges = evenEdges(lo, hi, Math.max(...list.map((b) => b.counts.length)))
  const counts = new Array<number>(edges.length - 1).fill(0)
  for (const b of list) rebin(b, edges).forEach((c, i) => (counts[i] += c))
  return { edges, counts }
}

function binOf(edges: ArrayLike<number>, v: number): number {
  const last = edges.length - 1
  if (v < edges[0] || v > edges[last]) return -1
  for (let k = 0; k < last; k++) if (v < edges[k + 1]) return k
  return last - 1
}
