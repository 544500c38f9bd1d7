/**
 * How the graph draws weights while training, as TensorFlow Playground does: stroke width grows with
 * |w| and the colour gives the sign (orange negative, blue positive). An edge whose W is small enough
 * is drawn as one stroke per weight; a larger one as a single stroke summarising the matrix.
 */
import { formatValue } from './format'
import { mix, NEGATIVE, POSITIVE } from './palette'

/** Playground clamps |w| at 5 for the width scale; weights beyond that are drawn at full width. */
export const WIDTH_CLAMP = 5
export const MIN_WIDTH = 1
export const MAX_WIDTH = 8

export function strokeWidth(absW: number): number {
  const t = Math.min(absW, WIDTH_CLAMP) / WIDTH_CLAMP
  return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * (Number.isFinite(t) ? t : 1)
}

/** Sign as colour; w = 0 (and NaN) is grey. */
export function signColor(w: number): string {
  if (w > 0) return POSITIVE
  if (w < 0) return NEGATIVE
  return '#9e9e9e'
}

export interface WeightStroke {
  /** target unit (row of W) */
  i: number
  /** source unit (column of W) */
  j: number
  w: number
  width: number
  color: string
}

export interface EdgeWeightOverlay {
  mode: 'per-weight' | 'summary'
  /** One per weight in per-weight mode, empty in summary mode. */
  strokes: WeightStroke[]
  /** Summary of the matrix (both modes): the stroke drawn in summary mode. */
  meanAbs: number
  /** Fraction of positive weights: 1 is all blue, 0 all orange. */
  positiveFraction: number
  width: number
  color: string
  /** e.g. "W 3×8, mean |w| 0.41, 56% positive" for a tooltip or an accessible label */
  label: string
}

/**
 * @param W the edge's matrix [rows = target units][cols = source units]
 * @param maxPerWeight draw per weight only up to this many weights
 */
export function edgeWeightOverlay(W: readonly (readonly number[])[], maxPerWeight = 64): EdgeWeightOverlay {
  const rows = W.length
  const cols = rows > 0 ? W[0].length : 0
  let sumAbs = 0
  let positive = 0
  const strokes: WeightStroke[] = []
  const perWeight = rows * cols <= maxPerWeight
  for (let i = 0; i < rows; i++) {
    if (W[i].length !== cols)
      throw new Error(`weight matrix row ${i} has ${W[i].length} values, expected ${cols}`)
    for (let j = 0; j < cols; j++) {
      const w = W[i][j]
      sumAbs += Math.abs(w)
      if (w > 0) positive++
      if (perWeight) strokes.push({ i, j, w, width: strokeWidth(Math.abs(w)), color: signColor(w) })
    }
  }
  const n = rows * cols
  const meanAbs = n === 0 ? 0 : sumAbs / n
  const positiveFraction = n === 0 ? 0.5 : positive / n
  return {
    mode: perWeight ? 'per-weight' : 'summary',
    strokes,
    meanAbs,
    positiveFraction,
    width: strokeWidth(meanAbs),
    color: mix(NEGATIVE, POSITIVE, positiveFraction),
    label: `W ${rows}×${cols}, mean |w| ${formatValue(meanAbs)}, ${Math.round(positiveFraction * 100)}% positive`
  }
}

/** The small badge a dense node shows while training: its current mean |δ|. */
export function deltaBadge(meanAbsDelta: number | undefined): string {
  return meanAbsDelta === undefined ? '' : `|δ| ${formatValue(meanAbsDelta)}`
}
