/**
 * Where the units of an expanded layer sit and how a weight is drawn between them (pure, tested).
 * An expanded node lists its units in a column below a fixed header; its handle sits at the column's
 * centre, so unit k is at a fixed offset from the handle and every weight W[i][j] is a line from the
 * source's unit j to the target's unit i — as TensorFlow Playground draws a network.
 */
import { formatValue } from './format'
import { mix, NEGATIVE, POSITIVE } from './palette'

/** Layers up to this many units can be expanded (Playground's are ≤ 8; 32 still reads). */
export const MAX_EXPANDED_UNITS = 32
/** Vertical distance between two units of an expanded layer, px. */
export const UNIT_PITCH = 20
/** Height of an expanded node's header (kind, title, button) above its unit column, px. */
export const UNIT_HEADER = 58
/** Fan-out around a handle when its node is not expanded, px. */
export const COLLAPSED_SPREAD = 28

/** Offset of unit k of n from the column centre (and so from the handle), px. */
export function unitOffset(k: number, n: number, pitch = UNIT_PITCH): number {
  return (k - (n - 1) / 2) * pitch
}

/** Distance from the node's top to its handle when it is expanded with n units. */
export function expandedHandleTop(n: number): number {
  return UNIT_HEADER + (n * UNIT_PITCH) / 2
}

/** The fan of a side: its units' offsets when expanded, an even spread over 28 px when not. */
export function sideOffset(k: number, n: number, expanded: boolean): number {
  if (n <= 1) return 0
  return expanded ? unitOffset(k, n) : -COLLAPSED_SPREAD / 2 + (COLLAPSED_SPREAD * k) / (n - 1)
}

/**
 * A diverging colour for w on a scale of ±scale: grey at 0, orange for negative, blue for positive,
 * the hue deepening with |w|. NaN is grey as well.
 */
export function divergingColor(w: number, scale: number): string {
  if (!Number.isFinite(w) || w === 0 || !(scale > 0)) return '#b0b0b0'
  const t = 0.25 + 0.75 * Math.min(1, Math.abs(w) / scale)
  return mix('#d0d0d0', w > 0 ? POSITIVE : NEGATIVE, t)
}

/** The largest |w| of a matrix (the colour scale of its edge), at least a small floor. */
export function matrixScale(W: readonly (readonly number[])[]): number {
  let m = 0
  for (const row of W) for (const w of row) if (Number.isFinite(w)) m = Math.max(m, Math.abs(w))
  return Math.max(m, 1e-6)
}

/** What hovering a weight says: its value, its gradient and its last change, when known. */
export function weightTitle(
  name: string,
  i: number,
  j: number,
  w: number,
  grad: number | undefined,
  change: number | undefined
): string {
  const parts = [`${name}: W[${i}][${j}] = ${formatValue(w)}`]
  if (grad !== undefined) parts.push(`∂C/∂w = ${formatValue(grad)}`)
  if (change !== undefined) parts.push(`last update ${change >= 0 ? '+' : ''}${formatValue(change)}`)
  return parts.join(' · ')
}

/**
 * A matrix pooled to at most maxSide × maxSide cells (block means), for the heatmap drawn on an edge
 * too large for one line per weight; small matrices come back as they are.
 */
export function pooledMatrix(W: readonly (readonly number[])[], maxSide = 32): number[][] {
  const rows = W.length
  const cols = rows ? W[0].length : 0
  const R = Math.min(rows, maxSide)
  const C = Math.min(cols, maxSide)
  const out: number[][] = []
  for (let r = 0; r < R; r++) {
    const r0 = Math.floor((r * rows) / R)
    const r1 = Math.floor(((r + 1) * rows) / R)
    const row: number[] = []
    for (let c = 0; c < C; c++) {
      const c0 = Math.floor((c * cols) / C)
      const c1 = Math.floor(((c + 1) * cols) / C)
      let sum = 0
      for (let i = r0; i < r1; i++) for (let j = c0; j < c1; j++) sum += W[i][j]
      row.push(sum / ((r1 - r0) * (c1 - c0)))
    }
    out.push(row)
  }
  return out
}
