/**
 * Training: settings, data, metrics and the events a training session emits. Everything here is plain
 * data (numbers, strings, arrays, plain objects) so it can cross a MessagePort or be written to JSON.
 */
import type { LayerStats, NonFiniteReport } from '../nn/types'
import type { Initializer, Task } from '../graph/types'

export const OPTIMIZERS = ['gd', 'sgd', 'momentum', 'nesterov', 'adam', 'rmsprop', 'rprop'] as const
/**
 * - `gd`: full-batch gradient descent, the seeds' batch update θ ← θ − μ·(1/N)Σ∂E₍ᵢ₎/∂θ (batch size is ignored)
 * - `sgd`: the same update on shuffled mini-batches
 * - `momentum`, `nesterov`: heavy-ball and Nesterov momentum
 * - `adam`, `rmsprop`: per-weight adaptive rates
 * - `rprop`: seed 003's resilient propagation (sign-based, per-weight step sizes; see optim/rprop.ts)
 */
export type OptimizerKind = (typeof OPTIMIZERS)[number]

export const SCHEDULES = ['constant', 'step', 'exponential', 'cosine'] as const
export type ScheduleKind = (typeof SCHEDULES)[number]

/**
 * A learning-rate schedule: a factor of the base rate, a function of the epoch (0-based).
 * - constant: 1
 * - step: gamma^⌊epoch / stepEpochs⌋
 * - exponential: gamma^epoch
 * - cosine: minFactor + ½(1 − minFactor)(1 + cos(π·min(epoch, periodEpochs)/periodEpochs))
 */
export interface ScheduleSettings {
  kind: ScheduleKind
  /** step: epochs between drops (default 10) */
  stepEpochs: number
  /** step, exponential: multiplier per drop / per epoch (default 0.5 for step, 0.95 for exponential) */
  gamma: number
  /** cosine: epochs from the base rate down to minFactor × base (default: the max epochs) */
  periodEpochs: number
  /** cosine: the floor as a fraction of the base rate (default 0) */
  minFactor: number
}

/** Rprop's constants (seed 003: acceleration η⁺, deceleration η⁻, and bounds on the step size). */
export interface RpropSettings {
  etaPlus: number
  etaMinus: number
  deltaMin: number
  deltaMax: number
}

export interface TrainSettings {
  optimizer: OptimizerKind
  /** μ in the seeds. For rprop it is the initial step size Δ₀ of every weight (as in PyTorch). */
  learningRate: number
  /** Rows per mini-batch; 0 means the full training set (always full for `gd`). */
  batchSize: number
  /** Maximum number of epochs. */
  epochs: number
  /** Seeds the shuffle of mini-batches (and the initialisation when the trainer initialises). */
  seed: number
  /** Initialiser used by "reset weights". */
  init: Initializer
  /** L2 weight decay λ: adds λ·W to ∂C/∂W of every weight matrix, never to bias vectors. */
  l2: number
  /** momentum / nesterov: μ of the velocity (default 0.9). */
  momentum: number
  /** adam: β₁, β₂ (defaults 0.9, 0.999). */
  beta1: number
  beta2: number
  /** rmsprop: decay ρ of the mean square (default 0.9). */
  rho: number
  /** adam, rmsprop: ε in the denominator (default 1e-8). */
  epsilon: number
  rprop: RpropSettings
  schedule: ScheduleSettings
  /** Stop when the monitored loss is ≤ this (null: off). */
  lossTarget: number | null
  /** The seeds' rule: stop when |ΔC| between consecutive epochs is < ε (null: off). */
  minLossChange: number | null
  /** Early stopping: stop after this many epochs without improvement and restore the best weights (null: off). */
  patience: number | null
  /** Shuffle the rows before each epoch (default true). */
  shuffle: boolean
}

/** A batch of rows: x is [rows × inputWidth], y is [rows × outputWidth], row-major. */
export interface Dataset {
  x: Float64Array
  y: Float64Array
  rows: number
}

/** What the trainer trains on. `task` decides the metrics (accuracy, or R² and RMSE). */
export interface TrainData {
  train: Dataset
  validation?: Dataset
  task: Task
}

/** Metrics of one set at the end of an epoch. */
export interface SetMetrics {
  loss: number
  /** classification */
  accuracy?: number
  /** regression: 1 − SS_res/SS_tot over all outputs */
  r2?: number
  /**
   * regression: √(mean squared error) over all outputs of the *standardised* targets the network
   * learns (y = (v − center) / scale), so in standard deviations of the target, not its own units;
   * the evaluation (`Evaluation.rmseTargetUnits`) gives the error in the target's units.
   */
  rmseStandardized?: number
}

export interface EpochMetrics {
  /** 1-based number of the epoch just finished. */
  epoch: number
  /** Optimiser steps taken so far. */
  step: number
  learningRate: number
  /** Loss: the mean of the batch losses of the epoch (each computed before its update); metrics: a pass at epoch end. */
  train: SetMetrics
  validation?: SetMetrics
}

/** Why a session ended, enumerable (the renderer's catalogue words each, issue 13). */
export const DONE_REASONS = [
  'epochs', // max epochs reached
  'target', // loss target reached
  'converged', // change in loss below ε
  'early-stop', // patience ran out; the best weights were restored
  'non-finite', // NaN/∞ appeared; the last good weights were restored
  'diverged', // a batch loss rose above DIVERGENCE_FACTOR × max(1, lowest loss so far); last good weights restored
  'error', // an exception escaped the training loop; the last good weights were restored, the engine lives on
  'stopped' // stopped by the user
] as const

export type DoneReason = (typeof DONE_REASONS)[number]

/** Where a non-finite value first appeared: the layer and quantity from Network.findNonFinite, and the step. */
export interface NonFiniteAt extends NonFiniteReport {
  /** The 1-based optimiser step whose forward/backward pass produced it. */
  step: number
}

/**
 * A weight or bias histogram of one edge (fixed bin count; counts over equal-width bins in [min, max],
 * by the rule of src/engine/histogram.ts).
 */
export interface Histogram {
  edgeId: string
  /** The target layer of the edge. */
  layer: string
  isBias: boolean
  min: number
  max: number
  counts: number[]
  /** Parameters that are NaN or ±Infinity, in no bin (always set by the engine; older recordings lack it). */
  nonFinite?: number
}

export type SessionState = 'idle' | 'running' | 'paused' | 'done'

/** Batched progress: everything since the previous progress event. Small by design (no raw weights). */
export interface ProgressEvent {
  type: 'progress'
  state: SessionState
  epoch: number
  step: number
  learningRate: number
  /** Step numbers and the batch losses of the steps since the last event (parallel arrays). */
  steps: number[]
  losses: number[]
  /**
   * Epochs finished since the last event: all of them, or when more finished than the session's
   * maxEpochs (default 32), an even sample of them ending with the newest.
   */
  epochs: EpochMetrics[]
  /** Per-layer δ statistics of the most recent batch. */
  layers: LayerStats[]
  /** Present at a lower rate (every few events, and always at the end). */
  histograms?: Histogram[]
  /** Training throughput over the last interval. */
  samplesPerSecond: number
  /**
   * δ statistics (and now and then weight histograms) sampled at steps since the last event, in step
   * order: every step early in a run and at a fixed time interval after that, so even a run that ends
   * within one progress interval draws a curve (`layers` above is only the latest batch).
   */
  samples?: ProgressSample[]
}

/** What the session sampled at one optimiser step. */
export interface ProgressSample {
  step: number
  layers: LayerStats[]
  histograms?: Histogram[]
}

/** A change of state (start, pause, resume, reset). */
export interface StateEvent {
  type: 'state'
  state: SessionState
  epoch: number
  step: number
}

export interface DoneEvent {
  type: 'done'
  reason: DoneReason
  /** A sentence for people, e.g. "non-finite delta at layer h2 in step 17; restored the last good weights". */
  message: string
  epoch: number
  step: number
  /** Metrics of the weights the session ends with (after any restore). */
  final: EpochMetrics | null
  /** Set when reason is 'non-finite'. */
  nonFinite?: NonFiniteAt
  /** Set when reason is 'early-stop': the epoch whose weights were restored. */
  bestEpoch?: number
  /** Set when reason is 'diverged': the step, its loss, the lowest loss before it and the threshold crossed. */
  diverged?: { step: number; loss: number; lowestLoss: number; threshold: number }
  /** Set when reason is 'error': the exception's message. */
  error?: string
}

export type SessionEvent = ProgressEvent | StateEvent | DoneEvent
