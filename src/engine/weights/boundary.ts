/**
 * The shape of a classifier's decision boundary over its two numeric features, shared by the engine
 * (which computes it in `evaluate`) and the renderer's chart (which draws it). Dependency-free on
 * purpose: the renderer imports it without pulling the engine's data code into its bundle.
 */

export interface BoundaryInput {
  xName: string
  yName: string
  classes: readonly string[]
  /** Grid cell centres along x (nx) and y (ny), increasing and evenly spaced, in the data's own units. */
  xs: readonly number[]
  ys: readonly number[]
  /**
   * Class probabilities per grid cell, row-major over y then x: probs[iy * nx + ix] has one number per
   * class (for a single sigmoid output, [1 − p, p]).
   */
  probs: readonly (readonly number[])[]
  /** Data points in the data's own units; cls indexes `classes` (the row's actual class). */
  points: readonly { x: number; y: number; cls: number }[]
  /** Which rows the points are: the validation split, or the training rows when none were held out. */
  split?: EvaluatedSplit
}

export type EvaluatedSplit = 'validation' | 'train'

/** Evenly spaced cell centres covering [lo, hi] padded by 5% on each side (±0.5 for a single value). */
export function gridCentres(lo: number, hi: number, n: number): number[] {
  const pad = hi > lo ? (hi - lo) * 0.05 : 0.5
  const a = lo - pad
  const step = (hi + pad - a) / n
  return Array.from({ length: n }, (_, i) => a + step * (i + 0.5))
}
