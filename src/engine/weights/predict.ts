/**
 * Using a trained network: predictions for typed rows or a whole CSV file, and an evaluation on
 * encoded rows (confusion matrix, or predicted vs actual in the target's own units). Pure functions of
 * the network, its preprocessing and the data; the protocol handlers only look the model up.
 */
import { parseCsv, parseCsvBytes } from '../data/csv'
import { formatCsvField } from '../data/csvWrite'
import { decodeRows, encodeRows, encodeTableFeatures, outputWidthOf } from '../data/encode'
import type { Prediction, Preprocessing } from '../data/preprocess'
import { uniqueNames } from '../data/table'
import type { Task } from '../graph/types'
import type { Network } from '../nn/types'
import { argmaxRow, EVAL_CHUNK_ROWS } from '../train/metrics'
import type { Dataset } from '../train/types'

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
  /** Regression over the first target, in its own units. */
  r2?: number
  rmse?: number
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
 * The file needs a header row naming the model's feature columns.
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
  const lines = [text.slice(header[0], header[1]) + d + added.map((c) => formatCsvField(c, d)).join(d)]
  for (let r = 0; r < m; r++) {
    const cells = predictionCells(p, predictions[r]).map((c) => formatCsvField(c, d))
    lines.push(text.slice(spans[2 * r], spans[2 * r + 1]) + d + cells.join(d))
  }
  return { text: lines.join(eol) + eol, rows: m }
}

function predictionCells(p: Preprocessing, prediction: Prediction): (string | number)[] {
  return p.targets.flatMap((t) =>
    t.kind === 'numeric'
      ? [prediction.values![t.column]]
      : [prediction.label!, ...t.classes.map((c) => prediction.probabilities![c])]
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
    let correct = 0
    for (let r = 0; r < m; r++) {
      const actual = t.encoding === 'sigmoid' ? (set.y[r] >= 0.5 ? 1 : 0) : argmaxRow(set.y, r, outW)
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
    rmse: Math.sqrt(ssRes / m)
  }
}
