/**
 * Evaluation metrics over a whole set, computed in chunks from the network's outputs.
 * - classification: accuracy — argmax of the outputs against argmax of the one-hot targets, or, for a
 *   single sigmoid unit, a ≥ 0.5 against y ≥ 0.5
 * - regression: R² = 1 − SS_res/SS_tot (SS_tot about each output column's mean, summed over columns)
 *   and RMSE = √(SS_res / (rows·outputs)), both in the units of y
 */
import type { Task } from '../graph/types'
import type { Network } from '../nn/types'
import type { Dataset, SetMetrics } from './types'

/** Index of the largest of row r's `width` values. */
export function argmaxRow(a: Float64Array, r: number, width: number): number {
  let best = 0
  let bestValue = a[r * width]
  for (let j = 1; j < width; j++) {
    const v = a[r * width + j]
    if (v > bestValue) {
      bestValue = v
      best = j
    }
  }
  return best
}

/** Number of rows whose predicted class equals the target class. */
export function countCorrect(out: Float64Array, y: Float64Array, rows: number, width: number): number {
  let correct = 0
  for (let r = 0; r < rows; r++) {
    if (width === 1) {
      if (out[r] >= 0.5 === y[r] >= 0.5) correct++
    } else if (argmaxRow(out, r, width) === argmaxRow(y, r, width)) {
      correct++
    }
  }
  return correct
}

/** Rows evaluated per forward call: large enough that per-call overhead vanishes, small enough for the cache. */
export const EVAL_CHUNK_ROWS = 256

export function isClassification(task: Task): boolean {
  return task === 'binary' || task === 'multiclass'
}

/**
 * Loss and metrics of a set, computed a chunk of rows at a time, so a caller can spread a large set
 * over many short slices (the training session's epoch-end and end-of-run evaluations) and never
 * block for the whole set. `advance` may be called with any row budget; the result is the same.
 */
export interface SetEvaluation {
  /** Evaluates up to `maxRows` more rows (whole chunks); true once every row is done. */
  advance(maxRows?: number): boolean
  readonly done: boolean
  /** The metrics (all rows must be done). */
  result(): SetMetrics
  /**
   * Starts over on the same set (the weights may have changed since): the trainer keeps one evaluation
   * per set for the whole run instead of making one per epoch — a small dataset ends an epoch every
   * few steps, and those were most of a training worker's garbage.
   */
  restart(): void
}

/**
 * An evaluation of the current weights on `set`. Without `withLoss` only the metrics are computed and
 * `loss` is NaN. The weights must not change until it is done.
 */
export function setEvaluation(
  net: Network,
  set: Dataset,
  task: Task,
  withLoss = true,
  chunkRows = EVAL_CHUNK_ROWS
): SetEvaluation {
  const inW = net.inputWidth
  const outW = net.outputWidth
  const rows = set.rows
  const classify = isClassification(task)
  // Column means of y for SS_tot (regression only): one cheap pass over y, no forward pass.
  const mean = new Float64Array(outW)
  if (!classify && rows > 0) {
    for (let r = 0; r < rows; r++) for (let j = 0; j < outW; j++) mean[j] += set.y[r * outW + j]
    for (let j = 0; j < outW; j++) mean[j] /= rows
  }
  let next = 0
  let lossSum = 0
  let correct = 0
  let ssRes = 0
  let ssTot = 0
  // Each chunk's rows as views, made on first use and kept: no views per evaluation.
  const xs: Float64Array[] = []
  const ys: Float64Array[] = []

  function chunk(): void {
    const m = Math.min(chunkRows, rows - next)
    const k = next / chunkRows
    const x = (xs[k] ??= set.x.subarray(next * inW, (next + m) * inW))
    const y = (ys[k] ??= set.y.subarray(next * outW, (next + m) * outW))
    next += m
    let out: Float64Array
    if (withLoss) {
      lossSum += net.loss(x, y, m) * m
      out = net.lastOutput(m)
    } else out = net.forward(x, m)
    if (classify) {
      correct += countCorrect(out, y, m, outW)
      return
    }
    for (let r = 0; r < m; r++) {
      for (let j = 0; j < outW; j++) {
        const yv = y[r * outW + j]
        const e = yv - out[r * outW + j]
        const d = yv - mean[j]
        ssRes += e * e
        ssTot += d * d
      }
    }
  }

  return {
    advance(maxRows = Infinity) {
      let budget = maxRows
      while (next < rows && budget > 0) {
        const before = next
        chunk()
        budget -= next - before
      }
      return next >= rows
    },
    get done() {
      return next >= rows
    },
    restart() {
      next = 0
      lossSum = 0
      correct = 0
      ssRes = 0
      ssTot = 0
    },
    result() {
      if (rows === 0) return { loss: NaN }
      if (next < rows) throw new Error(`evaluation not finished: ${next} of ${rows} rows done`)
      const loss = withLoss ? lossSum / rows : NaN
      if (classify) return { loss, accuracy: correct / rows }
      return {
        loss,
        r2: ssTot > 0 ? 1 - ssRes / ssTot : NaN,
        rmseStandardized: Math.sqrt(ssRes / (rows * outW))
      }
    }
  }
}

/**
 * Loss and metrics of the current weights over a whole set (mean loss over rows), at once. Without
 * `withLoss` only the metrics are computed and `loss` is NaN.
 */
export function evaluateSet(
  net: Network,
  set: Dataset,
  task: Task,
  chunkRows = EVAL_CHUNK_ROWS,
  withLoss = true
): SetMetrics {
  const e = setEvaluation(net, set, task, withLoss, chunkRows)
  e.advance()
  return e.result()
}

/** Every k-th row of a set, k = ⌈rows / max⌉, copied once (a cheap, evenly spread sample). */
export function strideSample(set: Dataset, max: number, inW: number, outW: number): Dataset {
  if (set.rows <= max) return set
  const k = Math.ceil(set.rows / max)
  const rows = Math.ceil(set.rows / k)
  const x = new Float64Array(rows * inW)
  const y = new Float64Array(rows * outW)
  for (let r = 0; r < rows; r++) {
    x.set(set.x.subarray(r * k * inW, (r * k + 1) * inW), r * inW)
    y.set(set.y.subarray(r * k * outW, (r * k + 1) * outW), r * outW)
  }
  return { x, y, rows }
}
