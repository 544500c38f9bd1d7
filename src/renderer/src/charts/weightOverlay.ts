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

/**
 * The summary of an edge from its weight histogram alone (what progress events carry), when the raw
 * weights are not at hand: mean |w| and the positive fraction estimated from the bin centres.
 */
export function histogramOverlay(
  h: { min: number; max: number; counts: readonly number[] },
  shape: string
): EdgeWeightOverlay {
  const bins = h.counts.length
  const width = bins > 0 ? (h.max - h.min) / bins : 0
  let n = 0
  let sumAbs = 0
  let positive = 0
  for (let k = 0; k < bins; k++) {
    const centre = h.min + (k + 0.5) * width
    const c = h.counts[k]
    n += c
    sumAbs += c * Math.abs(centre)
    if (centre > 0) positive += c
  }
  const meanAbs = n === 0 ? 0 : sumAbs / n
  const positiveFraction = n === 0 ? 0.5 : positive / n
  return {
    mode: 'summary',
    strokes: [],
    meanAbs,
    positiveFraction,
    width: strokeWidth(meanAbs),
    color: mix(NEGATIVE, POSITIVE, positiveFraction),
    label: `W ${shape}, mean |w| ≈ ${formatValue(meanAbs)}, ${Math.round(positiveFraction * 100)}% positive`
  }
}

export interface StrokePath {
  d: string
  width: number
  color: string
  title: string
}

/**
 * SVG paths for an edge's overlay between its handles (sx, sy) → (tx, ty). Per weight, W[i][j] runs
 * from source unit j to target unit i, the units spread vertically over `spread` px around each handle,
 * so the fan of lines shows the matrix as Playground does; a summary is one path.
 */
export function overlayPaths(
  o: EdgeWeightOverlay,
  rows: number,
  cols: number,
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  spread = 28
): StrokePath[] {
  const curve = (y0: number, y1: number): string => {
    const dx = Math.max(20, (tx - sx) / 2)
    return `M ${sx},${y0} C ${sx + dx},${y0} ${tx - dx},${y1} ${tx},${y1}`
  }
  if (o.mode === 'summary') return [{ d: curve(sy, ty), width: o.width, color: o.color, title: o.label }]
  const at = (k: number, n: number, y: number): number =>
    n <= 1 ? y : y - spread / 2 + (spread * k) / (n - 1)
  return o.strokes.map((s) => ({
    d: curve(at(s.j, cols, sy), at(s.i, rows, ty)),
    // Thinner than a summary stroke: many lines share the space of one.
    width: Math.max(0.5, s.width / 2),
    color: s.color,
    title: `W[${s.i}][${s.j}] = ${formatValue(s.w)}`
  }))
}
