/**
 * The training loop as a step machine: each `step()` is one optimiser update on the next mini-batch;
 * the last step of an epoch also evaluates the epoch and applies the stop rules. It knows nothing of
 * time, events or transports — the session (session.ts) slices it, the CLI and tests run it to the end.
 *
 * `advance()` is the same machine in bounded units: one optimiser step, or one chunk of an evaluation
 * (the epoch-end metrics, or the final metrics of a run that ends). The session drives it that way, so
 * an evaluation of a large set (54k rows of a 784-256-256-10 network take seconds) is spread over many
 * slices and pause / stop / set-learning-rate stay prompt; `step()` runs an evaluation through at once.
 *
 * Stop rules, checked at the end of each epoch in this order:
 * - 'target': the epoch's training loss ≤ lossTarget
 * - 'converged': the seeds' rule, |C(epoch) − C(epoch − 1)| < ε on the training loss
 * - 'early-stop': the validation loss (the training loss without a validation set) has not improved
 *   for `patience` epochs; the best epoch's weights are restored
 * - 'epochs': the maximum number of epochs is reached
 * and after every step's forward/backward pass, before its update:
 * - 'non-finite': the loss or a gradient is NaN/±∞; reports where (Network.findNonFinite) and restores
 *   the last good weights, before the failed update could spread.
 * - 'diverged': the batch loss is above DIVERGENCE_FACTOR × max(1, the lowest batch loss of this run so
 *   far) — a run that blows up without ever making a NaN (learning rate 1e300); restores the last good
 *   weights too.
 *
 * "Last good weights" are the weights of the last step whose pass was finite and not diverged; before
 * the first such step they are the weights the run started from (never an untouched buffer). Each run
 * also keeps the weights it started from (`restore('run-start')`).
 */
import type { LayerStats, Network } from '../nn/types'
import { createRng, type Rng } from '../random'
import { EVAL_CHUNK_ROWS, evaluateSet, setEvaluation, strideSample, type SetEvaluation } from './metrics'
import { createOptimizer, type Optimizer } from './optim'
import { scheduleFactor } from './schedule'
import { TrainSettingsError } from './settings'
import type {
  Dataset,
  DoneEvent,
  DoneReason,
  EpochMetrics,
  NonFiniteAt,
  TrainData,
  TrainSettings
} from './types'

export type DoneInfo = Omit<DoneEvent, 'type'>

export interface StepResult {
  /** False for a unit of `advance()` that only evaluated (no optimiser step; loss NaN, rows 0). */
  trained: boolean
  /** The batch loss (before this step's update). NaN/∞ when the step failed. */
  loss: number
  /** Rows in the batch. */
  rows: number
  /** Set when this step finished an epoch. */
  epoch?: EpochMetrics
  /** Set when training ended with this step. */
  done?: DoneInfo
}

export interface TrainerOptions {
  /**
   * Rows of the training set (an evenly strided sample) on which each epoch's training accuracy / R² /
   * RMSE is computed with one forward pass; 0 turns them off (default 1024). The epoch's training loss
   * is always the mean of its batch losses and costs nothing extra. The final metrics of a run that
   * ends between epochs (stop, early stop, non-finite, diverged) are computed on the same sample,
   * loss included, so ending a run costs at most this many rows plus the validation set; `evaluate()`
   * uses the whole set.
   */
  trainMetricRows?: number
  /** Rows per evaluation chunk of `advance()` (default: EVAL_CHUNK_WORK ÷ parameters, within 32…EVAL_CHUNK_ROWS). */
  evalChunkRows?: number
}

export const DEFAULT_TRAIN_METRIC_ROWS = 1024

/**
 * A step diverges when its batch loss exceeds this factor times max(1, the lowest batch loss of the
 * run so far). The floor of 1 keeps a near-perfect fit (best loss 1e-9) from calling ordinary batch
 * noise a divergence; a million times the initial loss is far beyond any run that is still learning.
 */
export const DIVERGENCE_FACTOR = 1e6

/** Multiply-adds an evaluation chunk of advance() aims at (rows ≈ this ÷ the parameter count). */
export const EVAL_CHUNK_WORK = 2 ** 22

/** Which saved weights `restore` puts back: the run's starting weights, or the last good step's. */
export const RESTORE_POINTS = ['run-start', 'last-good'] as const
export type RestorePoint = (typeof RESTORE_POINTS)[number]

export interface Trainer {
  readonly net: Network
  readonly settings: TrainSettings
  /** Completed epochs. */
  readonly epoch: number
  /** Optimiser steps taken. */
  readonly stepCount: number
  /** Steps in one epoch. */
  readonly stepsPerEpoch: number
  /** Rows in one batch (the whole training set for `gd` and batch size 0). */
  readonly batchRows: number
  /** Set once training has ended. */
  readonly done: DoneInfo | null
  /** The most recent epoch's metrics. */
  readonly lastEpoch: EpochMetrics | null
  /** The effective rate (base × schedule factor). Setting it keeps the schedule going from the new value. */
  learningRate: number
  /**
   * One optimiser step and the evaluation it triggers (epoch end, a failure's final metrics), run
   * through; an evaluation left pending by `advance()` is finished first. Throws if training has ended.
   */
  step(): StepResult
  /** One bounded unit of work: an optimiser step, or one chunk of a pending evaluation. */
  advance(): StepResult
  /** True while an evaluation is under way (advance() will evaluate, not train). */
  readonly evaluating: boolean
  /** End training now with reason 'stopped'; `evaluate: false` skips the final metrics. */
  stop(options?: { evaluate?: boolean }): DoneInfo
  /**
   * Ask to end with reason 'stopped'. When final metrics are needed it only schedules them: `done`
   * is set once advance() has evaluated them (a pending epoch-end evaluation becomes the final one).
   */
  requestStop(): void
  /**
   * Clear the end state, counters, optimiser state and early-stopping memory; keep the weights, which
   * become this run's starting (and last good) weights.
   */
  restart(): void
  /**
   * Put back the weights this run started from, or the last good weights (see the top of this file),
   * and clear the optimiser's state (its moments belong to other weights). Counters are kept.
   */
  restore(which: RestorePoint): void
  /**
   * End training with reason 'error' after an exception escaped a step: restores the last good
   * weights (an update may have been half applied) and reports the message.
   */
  fail(error: unknown): DoneInfo
  /** Re-initialise the weights (settings.init, the given seed or settings.seed) and restart. */
  resetWeights(seed?: number): void
  /** Loss and metrics of the current weights on the training and validation sets. */
  evaluate(): EpochMetrics
  /**
   * Ask for the per-layer δ statistics of the next step. They must be read right after that step's
   * backward pass (an epoch-end evaluation overwrites the network's buffers), and computing them on
   * every step would cost time, so the caller asks shortly before it reports.
   */
  requestLayerStats(): void
  /** The statistics captured at the last requested step (empty before any). */
  readonly layerStats: LayerStats[]
}

export function createTrainer(
  net: Network,
  data: TrainData,
  settings: TrainSettings,
  options: TrainerOptions = {}
): Trainer {
  checkData(net, data)
  const { train, validation, task } = data
  const inW = net.inputWidth
  const outW = net.outputWidth
  const trainMetricRows = options.trainMetricRows ?? DEFAULT_TRAIN_METRIC_ROWS
  const trainSample = trainMetricRows > 0 ? strideSample(train, trainMetricRows, inW, outW) : null
  const n = train.rows
  const fullBatch = settings.optimizer === 'gd' || settings.batchSize === 0 || settings.batchSize >= n
  const batchRows = fullBatch ? n : settings.batchSize
  const stepsPerEpoch = Math.ceil(n / batchRows)
  checkActivationMemory(net, batchRows, fullBatch)

  // Mini-batch buffers, allocated once; the last, shorter batch of an epoch uses views made here too.
  const order = new Int32Array(n)
  const xb = fullBatch ? train.x : new Float64Array(batchRows * inW)
  const yb = fullBatch ? train.y : new Float64Array(batchRows * outW)
  const tailRows = n - (stepsPerEpoch - 1) * batchRows
  const xTail = xb.subarray(0, tailRows * inW)
  const yTail = yb.subarray(0, tailRows * outW)

  const optimizer: Optimizer = createOptimizer(settings, net)
  // The weights this run started from, those of the last step whose pass was finite and not diverged,
  // and those of the best epoch.
  const runStart = new Float64Array(net.params.length)
  const lastGood = new Float64Array(net.params.length)
  const best = settings.patience !== null ? new Float64Array(net.params.length) : null

  let rng: Rng
  let epoch = 0
  let stepCount = 0
  let stepInEpoch = 0
  let epochLossSum = 0
  let baseRate = settings.learningRate
  let previousTrainLoss = NaN
  let bestLoss = Infinity
  let lowestStepLoss = Infinity
  let bestEpoch = 0
  let epochsWithoutImprovement = 0
  let done: DoneInfo | null = null
  let lastEpoch: EpochMetrics | null = null
  let pending: PendingEvaluation | null = null
  // About EVAL_CHUNK_WORK multiply-adds per chunk (a millisecond or two), 32–256 rows: small networks
  // evaluate in big chunks (few calls), 784-256-256-10 in 32-row ones.
  const chunkRows =
    options.evalChunkRows ??
    Math.min(EVAL_CHUNK_ROWS, Math.max(32, Math.floor(EVAL_CHUNK_WORK / Math.max(1, net.params.length))))
  let statsRequested = false
  let layerStats: LayerStats[] = []

  function restart(): void {
    rng = createRng(settings.seed)
    epoch = 0
    stepCount = 0
    stepInEpoch = 0
    epochLossSum = 0
    previousTrainLoss = NaN
    bestLoss = Infinity
    lowestStepLoss = Infinity
    bestEpoch = 0
    epochsWithoutImprovement = 0
    done = null
    runStart.set(net.params)
    lastGood.set(net.params)
    lastEpoch = null
    optimizer.reset()
    optimizer.learningRate = baseRate * scheduleFactor(settings.schedule, 0)
    for (let i = 0; i < n; i++) order[i] = i
  }
  restart()

  // Plain copy loops: `set(subarray(…))` would allocate a view per row.
  function gatherBatch(start: number, rows: number): void {
    const X = train.x
    const Y = train.y
    for (let r = 0; r < rows; r++) {
      const src = order[start + r]
      for (let j = 0, s = src * inW, d = r * inW; j < inW; j++) xb[d + j] = X[s + j]
      for (let j = 0, s = src * outW, d = r * outW; j < outW; j++) yb[d + j] = Y[s + j]
    }
  }

  /** Loss and metrics of the current weights on the whole training and validation sets, at once. */
  function evaluate(): EpochMetrics {
    const metrics: EpochMetrics = {
      epoch,
      step: stepCount,
      learningRate: optimizer.learningRate,
      train: evaluateSet(net, train, task)
    }
    if (validation && validation.rows > 0) metrics.validation = evaluateSet(net, validation, task)
    return metrics
  }

  /**
   * An evaluation of the current weights to be run in chunks: at an epoch end the training metrics on
   * the sample (its loss is the mean batch loss), at a run's end the sample's loss too; and the whole
   * validation set.
   */
  function beginEvaluation(kind: PendingEvaluation['kind'], trainLoss: number, end?: PendingEnd): void {
    pending = {
      kind,
      trainLoss,
      end,
      train: kind === 'epoch' ? reused.epochTrain() : reused.finalTrain(),
      validation: reused.validation()
    }
  }

  /** The run's evaluations, one per (set, kind), made on first use and restarted for each use. */
  const reused = (() => {
    const made = new Map<string, SetEvaluation | null>()
    const get = (key: string, make: () => SetEvaluation | null) => (): SetEvaluation | null => {
      let e = made.get(key)
      if (e === undefined) made.set(key, (e = make()))
      e?.restart()
      return e
    }
    const hasValidation = validation !== undefined && validation.rows > 0
    return {
      epochTrain: get('epoch', () =>
        trainSample ? setEvaluation(net, trainSample, task, false, chunkRows) : null
      ),
      finalTrain: get('final', () => setEvaluation(net, trainSample ?? train, task, true, chunkRows)),
      validation: get('validation', () =>
        hasValidation ? setEvaluation(net, validation, task, true, chunkRows) : null
      )
    }
  })()

  function finish(reason: DoneReason, message: string, extra: Partial<DoneInfo> = {}): DoneInfo {
    done = { reason, message, epoch, step: stepCount, final: lastEpoch, ...extra }
    return done
  }

  /** Ends the run now (restoring the last good weights) and evaluates what it ends with. */
  function endWith(reason: DoneReason, message: string, extra: Partial<DoneInfo>, loss: number): StepResult {
    net.params.set(lastGood)
    lastEpoch = null
    beginEvaluation('final', NaN, { reason, message, extra })
    return { trained: true, loss, rows: 0 }
  }

  function failNonFinite(loss: number): StepResult {
    const report = net.findNonFinite() ??
      firstNonFiniteGradient(net) ?? { layer: '?', quantity: 'loss' as const }
    const at: NonFiniteAt = { ...report, step: stepCount }
    return endWith(
      'non-finite',
      `non-finite ${at.quantity} at layer ${at.layer} in step ${at.step}; restored the last good weights`,
      { nonFinite: at },
      loss
    )
  }

  function failDiverged(loss: number): StepResult {
    const threshold = DIVERGENCE_FACTOR * Math.max(1, lowestStepLoss)
    return endWith(
      'diverged',
      `loss ${fmt(loss)} in step ${stepCount} is above ${fmt(threshold)} (${DIVERGENCE_FACTOR} × the lowest loss so far, at least 1): the run diverged; restored the last good weights`,
      { diverged: { step: stepCount, loss, lowestLoss: lowestStepLoss, threshold } },
      loss
    )
  }

  /** The stop rules on a finished epoch's metrics; early stopping schedules the best weights' metrics. */
  function applyStopRules(m: EpochMetrics): DoneInfo | undefined {
    const trainLoss = m.train.loss
    if (settings.lossTarget !== null && trainLoss <= settings.lossTarget) {
      return finish('target', `training loss ${fmt(trainLoss)} reached the target ${settings.lossTarget}`)
    }
    if (settings.minLossChange !== null && Number.isFinite(previousTrainLoss)) {
      const change = Math.abs(trainLoss - previousTrainLoss)
      if (change < settings.minLossChange) {
        return finish(
          'converged',
          `loss changed by ${fmt(change)} < ε = ${settings.minLossChange} in one epoch`
        )
      }
    }
    previousTrainLoss = trainLoss
    if (best !== null && settings.patience !== null) {
      const monitored = m.validation?.loss ?? trainLoss
      if (monitored < bestLoss) {
        bestLoss = monitored
        bestEpoch = epoch
        epochsWithoutImprovement = 0
        best.set(net.params)
      } else if (++epochsWithoutImprovement >= settings.patience) {
        net.params.set(best)
        const which = m.validation ? 'validation' : 'training'
        beginEvaluation('final', NaN, {
          reason: 'early-stop',
          message: `${which} loss did not improve for ${settings.patience} epochs; restored the weights of epoch ${bestEpoch}`,
          extra: { bestEpoch }
        })
        return undefined
      }
    }
    if (epoch >= settings.epochs) return finish('epochs', `finished ${epoch} epochs`)
    return undefined
  }

  /** One chunk of the pending evaluation; when that completes it, its metrics and what follows. */
  function evaluateChunk(): StepResult {
    const p = pending!
    if (p.train && !p.train.done) p.train.advance(chunkRows)
    else if (p.validation && !p.validation.done) p.validation.advance(chunkRows)
    if ((p.train && !p.train.done) || (p.validation && !p.validation.done)) return { ...EVALUATED }
    pending = null
    const metrics: EpochMetrics = {
      epoch,
      step: stepCount,
      learningRate: optimizer.learningRate,
      train: p.train
        ? p.kind === 'epoch'
          ? { ...p.train.result(), loss: p.trainLoss }
          : p.train.result()
        : { loss: p.trainLoss }
    }
    if (p.validation) metrics.validation = p.validation.result()
    lastEpoch = metrics
    if (p.kind === 'final') {
      const e = p.end!
      return { ...EVALUATED, done: finish(e.reason, e.message, e.extra) }
    }
    // A stop asked for during the epoch's evaluation ends the run with these metrics.
    if (p.end) return { ...EVALUATED, epoch: metrics, done: finish(p.end.reason, p.end.message, p.end.extra) }
    const d = applyStopRules(metrics)
    return d ? { ...EVALUATED, epoch: metrics, done: d } : { ...EVALUATED, epoch: metrics }
  }

  function trainStep(): StepResult {
    if (done) throw new Error(`training has ended (${done.reason}); restart or reset the weights first`)
    if (stepInEpoch === 0) {
      if (settings.shuffle && !fullBatch) rng.shuffle(order)
      optimizer.learningRate = baseRate * scheduleFactor(settings.schedule, epoch)
    }
    const start = stepInEpoch * batchRows
    const rows = Math.min(batchRows, n - start)
    if (!fullBatch) gatherBatch(start, rows)
    const x = rows === batchRows ? xb : xTail
    const y = rows === batchRows ? yb : yTail

    stepCount++
    const loss = net.lossAndGradients(x, y, rows)
    if (!Number.isFinite(loss) || !allFinite(net.grads)) return failNonFinite(loss)
    if (loss > DIVERGENCE_FACTOR * Math.max(1, lowestStepLoss)) return failDiverged(loss)
    if (loss < lowestStepLoss) lowestStepLoss = loss
    if (statsRequested) {
      layerStats = net.layerStats()
      statsRequested = false
    }
    lastGood.set(net.params)
    optimizer.step()

    epochLossSum += loss * rows
    stepInEpoch++
    if (stepInEpoch < stepsPerEpoch) return { trained: true, loss, rows }
    epoch++
    const trainLoss = epochLossSum / n
    epochLossSum = 0
    stepInEpoch = 0
    beginEvaluation('epoch', trainLoss)
    return { trained: true, loss, rows }
  }

  function advance(): StepResult {
    return pending ? evaluateChunk() : trainStep()
  }

  /** Runs the pending evaluation through, folding its epoch metrics and end into `r`. */
  function settle(r: StepResult): StepResult {
    while (pending) {
      const e = evaluateChunk()
      if (e.epoch) r.epoch = e.epoch
      if (e.done) r.done = e.done
    }
    return r
  }

  function step(): StepResult {
    if (!pending) {
      // The common case: no evaluation under way, and most steps start none.
      const r = trainStep()
      return pending ? settle(r) : r
    }
    // An evaluation left pending by advance() is finished first.
    const before = settle({ ...EVALUATED })
    if (before.done) return before
    const earlier = before.epoch
    const r = settle(trainStep())
    // An epoch finished by the pending evaluation is reported too (unless this step ends another).
    if (earlier && !r.epoch) r.epoch = earlier
    return r
  }

  function requestStop(): void {
    if (done) return
    const end: PendingEnd = {
      reason: 'stopped',
      message: `stopped by the user after ${epoch} epochs (${stepCount} steps)`,
      extra: {}
    }
    if (pending) {
      // A failure or early stop already ending the run keeps its reason; an epoch's evaluation
      // becomes the final one (the weights have not moved since the epoch ended).
      if (pending.kind === 'epoch') pending.end = end
      return
    }
    if (stepInEpoch > 0 || !lastEpoch) beginEvaluation('final', NaN, end)
    else finish(end.reason, end.message, end.extra)
  }

  return {
    net,
    settings,
    get epoch() {
      return epoch
    },
    get stepCount() {
      return stepCount
    },
    stepsPerEpoch,
    batchRows,
    get done() {
      return done
    },
    get lastEpoch() {
      return lastEpoch
    },
    get learningRate() {
      return optimizer.learningRate
    },
    set learningRate(lr: number) {
      if (!(lr > 0) || !Number.isFinite(lr))
        throw new RangeError(`learning rate must be a number > 0, got ${lr}`)
      const factor = scheduleFactor(settings.schedule, epoch)
      // Keep the schedule's shape: the new rate is the current effective rate, and decays from here.
      baseRate = factor > 1e-12 ? lr / factor : lr
      optimizer.learningRate = lr
    },
    step,
    advance,
    get evaluating() {
      return pending !== null
    },
    stop(options = {}) {
      if (done) return done
      if (options.evaluate === false) {
        // A run already ending (a failure, an early stop) keeps its reason, without final metrics.
        const end = pending?.end
        pending = null
        if (end) return finish(end.reason, end.message, end.extra)
        return finish('stopped', `stopped by the user after ${epoch} epochs (${stepCount} steps)`)
      }
      requestStop()
      settle({ ...EVALUATED })
      return done!
    },
    requestStop,
    restart,
    restore(which: RestorePoint) {
      net.params.set(which === 'run-start' ? runStart : lastGood)
      optimizer.reset()
      optimizer.learningRate = baseRate * scheduleFactor(settings.schedule, epoch)
    },
    fail(error: unknown) {
      net.params.set(lastGood)
      lastEpoch = null
      pending = null
      const text = error instanceof Error ? error.message : String(error)
      done = finish(
        'error',
        `training failed in step ${stepCount}: ${text}; restored the last good weights`,
        {
          error: text
        }
      )
      return done
    },
    resetWeights(seed?: number) {
      net.initialize(settings.init, seed ?? settings.seed)
      restart()
    },
    evaluate: () => evaluate(),
    requestLayerStats() {
      statsRequested = true
    },
    get layerStats() {
      return layerStats
    }
  }
}

/** An evaluation waiting to run in chunks, and how the run ends once it is done (final, or a stop). */
interface PendingEvaluation {
  kind: 'epoch' | 'final'
  /** epoch: the epoch's mean batch loss. */
  trainLoss: number
  train: SetEvaluation | null
  validation: SetEvaluation | null
  end?: PendingEnd
}

interface PendingEnd {
  reason: DoneReason
  message: string
  extra: Partial<DoneInfo>
}

/** What a unit of advance() that only evaluated returns (copied, so callers may add to it). */
const EVALUATED: StepResult = Object.freeze({ trained: false, loss: NaN, rows: 0 })

/** Runs a trainer to the end (CLI, tests); `onEpoch` sees each epoch's metrics. */
export function trainToEnd(trainer: Trainer, onEpoch?: (m: EpochMetrics) => void): DoneInfo {
  for (;;) {
    const r = trainer.step()
    if (r.epoch && onEpoch) onEpoch(r.epoch)
    if (r.done) return r.done
  }
}

/** True when every value is finite; x − x is 0 for finite x and NaN for NaN/±∞, and sums cannot overflow. */
export function allFinite(a: Float64Array): boolean {
  // Four independent sums, so the adds need not wait for one another.
  let acc0 = 0
  let acc1 = 0
  let acc2 = 0
  let acc3 = 0
  const len = a.length
  let i = 0
  for (; i + 3 < len; i += 4) {
    acc0 += a[i] - a[i]
    acc1 += a[i + 1] - a[i + 1]
    acc2 += a[i + 2] - a[i + 2]
    acc3 += a[i + 3] - a[i + 3]
  }
  for (; i < len; i++) acc0 += a[i] - a[i]
  return acc0 + acc1 + acc2 + acc3 === 0
}

/** Fallback when the network reports nothing: the first slice whose gradient is not finite. */
function firstNonFiniteGradient(net: Network) {
  for (const s of net.slices) {
    if (!allFinite(net.grads.subarray(s.offset, s.offset + s.rows * s.cols))) {
      return { layer: s.to, quantity: 'grad' as const }
    }
  }
  return null
}

/**
 * Most bytes the network's per-row buffers may take for one batch (z, a, f′, ∂C/∂a and δ of every
 * layer: 5 float64 per unit and row). A full batch of 54 000 rows through 784-256-256-10 would need
 * 1.1 GB; the cap refuses that up front, naming the batch size to use, instead of running out of memory.
 */
export const MAX_ACTIVATION_BYTES = 512 * 1024 * 1024
const BUFFERS_PER_UNIT = 5

function checkActivationMemory(net: Network, batchRows: number, fullBatch: boolean): void {
  const units = net.layers.reduce((s, l) => s + l.units, 0)
  const bytes = batchRows * units * BUFFERS_PER_UNIT * 8
  if (bytes <= MAX_ACTIVATION_BYTES) return
  const fits = Math.max(1, Math.floor(MAX_ACTIVATION_BYTES / (units * BUFFERS_PER_UNIT * 8)))
  const what = fullBatch ? `a full batch of ${batchRows} rows` : `a batch of ${batchRows} rows`
  throw new TrainSettingsError(
    'batchSize',
    `${what} through ${units} units needs ${(bytes / 1e9).toPrecision(3)} GB of activations; at most ${MAX_ACTIVATION_BYTES / 2 ** 20} MiB are allowed — use mini-batches of at most ${fits} rows`
  )
}

function checkData(net: Network, data: TrainData): void {
  const sets: [string, Dataset][] = [['training', data.train]]
  if (data.validation) sets.push(['validation', data.validation])
  for (const [name, set] of sets) {
    if (set.x.length !== set.rows * net.inputWidth) {
      throw new Error(
        `${name} data: x has ${set.x.length} numbers, expected ${set.rows} rows × ${net.inputWidth} inputs`
      )
    }
    if (set.y.length !== set.rows * net.outputWidth) {
      throw new Error(
        `${name} data: y has ${set.y.length} numbers, expected ${set.rows} rows × ${net.outputWidth} outputs`
      )
    }
  }
  if (data.train.rows === 0) throw new Error('training data has no rows')
}

function fmt(v: number): string {
  return Number(v.toPrecision(4)).toString()
}
