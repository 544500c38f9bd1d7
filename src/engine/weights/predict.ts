/**
 * Using a trained network: predictions for typed rows or a whole CSV file, and an evaluation on
 * encoded rows (confusion matrix, or predicted vs actual in the target's own units, and for a
 * classifier of two numeric features its decision boundary). Pure functions of the network, its
 * preprocessing and the data; the protocol handlers only look the model up.
 */
import { parseCsv, parseCsvBytes } from '../data/csv'
import { formatCsvField, inertText } from '../data/csvWrite'
import { columnNumbers, decodeRows, encodeRows, encodeTableFeatures, outputWidthOf } from '../data/encode'
import type { FeatureEncoding, Prediction, Preprocessing } from '../data/preprocess'
import { columnIndex, uniqueNames, type CsvTable } from '../data/table'
import type { Task } from '../graph/types'
import type { Network } from '../nn/types'
import { argmaxRow, EVAL_CHUNK_ROWS } from '../train/metrics'
import type { Dataset } from '../train/types'
import { gridCentres, type BoundaryInput } from './boundary'

export type { BoundaryInput } from './boundary'

export interface Evaluation {
  task: Task
  rows: number
  /** Which split was evaluated: the validation rows, or the training rows when none were held out. */
  split?: 'validation' | 'train'
  /** matrix[actual][predicted] counts, rows and columns in `classes` order. */
  confusion?: { classes: string[]; matrix: number[][] }
  /** Regression, the first target, in its own units. */
  predVsActual?: { targetName: string; actual: number[]; predicted: number[] }
  accuracy?: number
  /** Regression over the first target: R² (unitless) and the RMSE in the target's own units. */
  r2?: number
  rmseTargetUnits?: number
  /** Classification on exactly two numeric features: the decision over their plane, with the data. */
  boundary?: BoundaryInput
}

/** The outputs for m rows of x [m × inputWidth], in chunks so the network's buffers stay small; a copy. */
export function forwardAll(net: Network, x: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * net.outputWidth)
  const inW = net.inputWidth
  for (let start = 0; start < m; start += EVAL_CHUNK_ROWS) {
    const n = Math.min(EVAL_CHUNK_ROWS, m - start)
    out.set(net.forward(x.subarray(start * inW, (start + n) * inW), n), start * net.outputWidth)
  }
  return out
}

/** Predictions for rows given as cells by column name. */
export function predictRows(
  net: Network,
  p: Preprocessing,
  rows: readonly Record<string, string>[]
): Prediction[] {
  const x = encodeRows(p, rows)
  return decodeRows(p, forwardAll(net, x, rows.length), rows.length)
}

/** Names of the columns `predictCsv` appends: the predicted label or value, then class probabilities. */
export function predictionColumns(p: Preprocessing): string[] {
  return p.targets.flatMap((t) =>
    t.kind === 'numeric'
      ? [`predicted_${t.column}`]
      : [`predicted_${t.column}`, ...t.classes.map((c) => `p_${c}`)]
  )
}

/**
 * A copy of a CSV file with prediction columns appended: every record is copied verbatim (quoting,
 * spacing and line ends as in the file), so the user's data is unchanged beside the new columns.
 * The file needs a header row naming the model's feature columns. The added cells are safe to open in a
 * spreadsheet: a label or column name starting with = + - @, a tab or CR gets a leading ' (inertText).
 */
export function predictCsv(
  net: Network,
  p: Preprocessing,
  source: string | Uint8Array
): { text: string; rows: number } {
  const opts = { header: true, keepSpans: true } as const
  const table = typeof source === 'string' ? parseCsv(source, opts) : parseCsvBytes(source, opts)
  // Spans index the text after the BOM, as the parser saw it (the TextDecoder drops a BOM too).
  let text = typeof source === 'string' ? source : new TextDecoder('utf-8').decode(source)
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const m = table.rowCount
  const predictions = decodeRows(p, forwardAll(net, encodeTableFeatures(p, table), m), m)
  const d = table.delimiter
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const existing = table.columns.map((c) => c.name)
  const added = uniqueNames([...existing, ...predictionColumns(p)]).slice(existing.length)
  const spans = table.spans!
  const header = table.headerSpan!
  const lines = [
    text.slice(header[0], header[1]) + d + added.map((c) => formatCsvField(inertText(c), d)).join(d)
  ]
  for (let r = 0; r < m; r++) {
    const cells = predictionCells(p, predictions[r]).map((c) => formatCsvField(c, d))
    lines.push(text.slice(spans[2 * r], spans[2 * r + 1]) + d + cells.join(d))
  }
  return { text: lines.join(eol) + eol, rows: m }
}

/** The added cells of one row; labels (text from the training file) are made formula-inert. */
function predictionCells(p: Preprocessing, prediction: Prediction): (string | number)[] {
  return p.targets.flatMap((t) =>
    t.kind === 'numeric'
      ? [prediction.values![t.column]]
      : [inertText(prediction.label!), ...t.classes.map((c) => prediction.probabilities![c])]
  )
}

/**
 * The network on an encoded set. Classification: the confusion matrix (actual × predicted) and
 * accuracy; one sigmoid unit predicts the second class when a ≥ 0.5. Regression: predicted against
 * actual for the first target, decoded to its own units, with R² and RMSE.
 */
export function evaluateModel(net: Network, p: Preprocessing, set: Dataset): Evaluation {
  const m = set.rows
  const outW = outputWidthOf(p)
  const out = forwardAll(net, set.x, m)
  const t = p.targets[0]
  if (t.kind === 'classes') {
    const k = t.classes.length
    const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0))
    const actualClasses = classesOf(p, set.y, m)
    let correct = 0
    for (let r = 0; r < m; r++) {
      const actual = actualClasses[r]
      const predicted = t.encoding === 'sigmoid' ? (out[r] >= 0.5 ? 1 : 0) : argmaxRow(out, r, outW)
      matrix[actual][predicted]++
      if (actual === predicted) correct++
    }
    return {
      task: p.task,
      rows: m,
      confusion: { classes: [...t.classes], matrix },
      accuracy: m > 0 ? correct / m : NaN
    }
  }
  const actual = new Array<number>(m)
  const predicted = new Array<number>(m)
  let mean = 0
  for (let r = 0; r < m; r++) {
    actual[r] = set.y[r * outW] * t.scale + t.center
    predicted[r] = out[r * outW] * t.scale + t.center
    mean += actual[r] / m
  }
  let ssRes = 0
  let ssTot = 0
  for (let r = 0; r < m; r++) {
    ssRes += (actual[r] - predicted[r]) ** 2
    ssTot += (actual[r] - mean) ** 2
  }
  return {
    task: p.task,
    rows: m,
    predVsActual: { targetName: t.column, actual, predicted },
    r2: ssTot > 0 ? 1 - ssRes / ssTot : NaN,
    rmseTargetUnits: Math.sqrt(ssRes / m)
  }
}

/**
 * The class index of each of m encoded rows of y [m × outputWidth] (the first target): for one sigmoid
 * unit the second class when y ≥ 0.5, else the largest unit.
 */
export function classesOf(p: Preprocessing, y: Float64Array, m: number): Int32Array {
  const t = p.targets[0]
  if (t?.kind !== 'classes') throw new Error('classesOf: the first target is not a classification target')
  const outW = outputWidthOf(p)
  const out = new Int32Array(m)
  for (let r = 0; r < m; r++)
    out[r] = t.encoding === 'sigmoid' ? (y[r * outW] >= 0.5 ? 1 : 0) : argmaxRow(y, r, outW)
  return out
}

type NumericFeature = Extract<FeatureEncoding, { kind: 'numeric' }>

/** Cells per side of the decision grid: 1600 forward passes, a fraction of a millisecond each. */
export const BOUNDARY_GRID = 40
/** More points than this hide the regions under them and make the chart slow; an even sample is drawn. */
export const MAX_BOUNDARY_POINTS = 1000

/**
 * The two features a decision boundary is drawn over, or null when the model has none: it must be a
 * classifier of one target whose features are exactly two numeric columns (a one-hot column has no
 * axis, and a third feature would need a value to hold fixed).
 */
export function boundaryFeatures(p: Preprocessing): [NumericFeature, NumericFeature] | null {
  if (p.targets.length !== 1 || p.targets[0].kind !== 'classes') return null
  if (p.features.length !== 2) return null
  const [a, b] = p.features
  return a.kind === 'numeric' && b.kind === 'numeric' ? [a, b] : null
}

/**
 * The decision over a grid of size × size cells spanning `extent` (raw units, padded 5%), with the
 * given points drawn on it. Each cell is written as a row of text cells and goes through `predictRows`
 * — the very path a typed prediction takes — so the map shows what Predict would answer there, under
 * the model's own normalisation. (String(v) gives back exactly v when parsed, so nothing is rounded.)
 */
export function decisionBoundary(
  net: Network,
  p: Preprocessing,
  extent: { x: readonly [number, number]; y: readonly [number, number] },
  points: BoundaryInput['points'],
  size = BOUNDARY_GRID
): BoundaryInput {
  const features = boundaryFeatures(p)
  if (!features) throw new Error('a decision boundary needs a classifier of exactly two numeric features')
  const [fx, fy] = features
  const t = p.targets[0] as Extract<Preprocessing['targets'][number], { kind: 'classes' }>
  const xs = gridCentres(extent.x[0], extent.x[1], size)
  const ys = gridCentres(extent.y[0], extent.y[1], size)
  const rows: Record<string, string>[] = []
  for (const y of ys) for (const x of xs) rows.push({ [fx.column]: String(x), [fy.column]: String(y) })
  const probs = predictRows(net, p, rows).map((pr) => t.classes.map((c) => pr.probabilities![c]))
  return { xName: fx.column, yName: fy.column, classes: [...t.classes], xs, ys, probs, points }
}

/**
 * The decision boundary of a model on rows of a table: the grid spans the feature values of
 * `extentRows` (all prepared rows, so the plane covers what the model learnt from) and shows up to
 * MAX_BOUNDARY_POINTS of `pointRows` (the evaluated split, a subset of `extentRows`) with their actual classes `pointClasses`,
 * in the file's own units. A row missing either value is left out of both (it has no place on the
 * plane). Null when the model is not a classifier of two numeric features.
 */
export function boundaryOnTable(
  net: Network,
  p: Preprocessing,
  table: CsvTable,
  extentRows: ArrayLike<number>,
  pointRows: ArrayLike<number>,
  pointClasses: ArrayLike<number>,
  size = BOUNDARY_GRID
): BoundaryInput | null {
  const features = boundaryFeatures(p)
  if (!features) return null
  // Parsed for the extent rows only (other rows may hold anything); the arrays are indexed by table row.
  const [vx, vy] = features.map((f) => columnNumbers(table, columnIndex(table, f.column), extentRows))
  const x: [number, number] = [Infinity, -Infinity]
  const y: [number, number] = [Infinity, -Infinity]
  for (let k = 0; k < extentRows.length; k++) {
    const a = vx[extentRows[k]]
    const b = vy[extentRows[k]]
    if (a !== a || b !== b) continue
    x[0] = Math.min(x[0], a)
    x[1] = Math.max(x[1], a)
    y[0] = Math.min(y[0], b)
    y[1] = Math.max(y[1], b)
  }
  if (!(x[0] <= x[1])) return null
  const n = pointRows.length
  const shown = Math.min(n, MAX_BOUNDARY_POINTS)
  const points: { x: number; y: number; cls: number }[] = []
  for (let i = 0; i < shown; i++) {
    // An even sample in file order, the same every time for the same data.
    const k = Math.floor((i * n) / shown)
    const a = vx[pointRows[k]]
    const b = vy[pointRows[k]]
    if (a === a && b === b) points.push({ x: a, y: b, cls: pointClasses[k] })
  }
  return decisionBoundary(net, p, { x, y }, points, size)
}
