/**
 * The training session controller: start / pause / resume / step / stop / reset / set learning rate
 * around a Trainer, with the loop time-sliced so control calls take effect promptly, and progress
 * reported as small batched events. Transport-agnostic: the protocol layer forwards calls in and
 * events out (`emit`); time and yielding are injectable so tests can drive it deterministically.
 *
 * Time slicing: the loop runs steps for ~sliceMs, then yields to the event loop. A control call
 * arrives during a yield and acts at once (pause/stop emit their event before returning), so the
 * latency of a control message is at most one slice plus one step.
 */
import type { Network } from '../nn/types'
import { MeanSeries, SampledHistory } from '../strideBuckets'
import { parameterHistograms } from './histogram'
import { resolveTrainSettings, type TrainSettingsInput } from './settings'
import {
  createTrainer,
  type DoneInfo,
  type RestorePoint,
  type StepResult,
  type Trainer,
  type TrainerOptions
} from './trainer'
import type {
  EpochMetrics,
  ProgressEvent,
  ProgressSample,
  SessionEvent,
  SessionState,
  TrainData
} from './types'

export const STEP_UNITS = ['batch', 'epoch'] as const
export type StepUnit = (typeof STEP_UNITS)[number]

export interface SessionOptions extends TrainerOptions {
  net: Network
  data: TrainData
  settings?: TrainSettingsInput
  /** Receives every event, synchronously. */
  emit: (event: SessionEvent) => void
  /** Milliseconds, monotonic (default performance.now). */
  clock?: () => number
  /** Lets control messages in between slices (default: setImmediate, else a MessageChannel, else setTimeout 0). */
  yieldControl?: () => Promise<void>
  /** Work per slice before yielding (default 12 ms). */
  sliceMs?: number
  /** Minimum time between progress events while running (default 75 ms). */
  progressMs?: number
  /** Send weight histograms with every n-th progress event (default 4, i.e. ~300 ms). */
  histogramEvery?: number
  /**
   * Most loss points per progress event (even; default 200): the steps since the last event go through
   * the engine's one downsampler (MeanSeries), so more steps come as means of consecutive groups.
   */
  maxPoints?: number
  /**
   * Most epochs' metrics per progress event besides the newest (even; default 32). A small dataset
   * finishes an epoch every few steps — iris at full speed ~1,000 epochs per event, 175 kB of JSON
   * every 75 ms for the UI thread to take in and collect — so more come evenly sampled.
   */
  maxEpochs?: number
  /** Sample δ statistics at every step up to this step (default 256): the start of a run moves most. */
  denseSampleSteps?: number
  /** After that, sample δ statistics at most every this many ms of training (default 4). */
  sampleMs?: number
  /** Add the weight histograms to every n-th sample (default 8). */
  sampleHistogramEvery?: number
  /** Train at most this many steps per second (default: as fast as possible); see setSpeed. */
  stepsPerSecond?: number
  /** Waits while a throttled run is ahead of its pace (default setTimeout). */
  sleep?: (ms: number) => Promise<void>
}

export interface TrainingSession {
  readonly state: SessionState
  readonly trainer: Trainer
  /** Begin (or, after `done`, begin again from the current weights with fresh counters). */
  start(): void
  pause(): void
  resume(): void
  /** While idle or paused: one optimiser step, or run to the end of the current epoch and pause. */
  step(unit: StepUnit): void
  /**
   * End training with reason 'stopped'. Returns at once with the state 'done'; the done event (with
   * the final metrics) is emitted now when they fit in one slice, else after the loop's next slices.
   */
  stop(): void
  /** Ends the session without further events (it was replaced, or its client left). */
  close(): void
  /** Re-initialise the weights (the settings' initialiser, this seed or the settings' seed); state → idle. */
  resetWeights(seed?: number): void
  /** Takes effect from the next step; the schedule continues from the new rate. */
  setLearningRate(lr: number): void
  /**
   * At most `stepsPerSecond` optimiser steps per second from now on (a run a person can watch, down to
   * a few steps a second); undefined trains as fast as the machine can. Every step of a throttled run
   * is sampled and reaches the client within one progress interval of happening.
   */
  setSpeed(stepsPerSecond: number | undefined): void
  readonly stepsPerSecond: number | undefined
  /**
   * Puts back the weights this run started from or the last good weights (Trainer.restore). A run
   * still going (running, paused, idle) ends first with reason 'stopped' and no final metrics.
   */
  restore(which: RestorePoint): void
  /** Resolves when the loop is not running (after pause, stop, done or an epoch step). */
  whenSettled(): Promise<void>
}

export const DEFAULT_SLICE_MS = 12
export const DEFAULT_PROGRESS_MS = 75
/** The longest a throttled loop sleeps at once, so pause and stop still land promptly. */
const MAX_SLEEP_MS = 50

export function createSession(opts: SessionOptions): TrainingSession {
  const settings = resolveTrainSettings(opts.settings)
  const trainer = createTrainer(opts.net, opts.data, settings, opts)
  const emit = opts.emit
  const clock = opts.clock ?? (() => performance.now())
  const yieldControl = opts.yieldControl ?? defaultYield()
  const sliceMs = opts.sliceMs ?? DEFAULT_SLICE_MS
  const progressMs = opts.progressMs ?? DEFAULT_PROGRESS_MS
  const histogramEvery = opts.histogramEvery ?? 4
  const maxPoints = opts.maxPoints ?? 200
  const maxEpochs = opts.maxEpochs ?? 32
  const denseSampleSteps = opts.denseSampleSteps ?? 256
  const sampleMs = opts.sampleMs ?? 4
  const sampleHistogramEvery = opts.sampleHistogramEvery ?? 8
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  let stepsPerSecond = checkSpeed(opts.stepsPerSecond)
  /** The pace is counted from here: (time, step) when the speed was last set or the loop (re)started. */
  let paceFrom = { at: clock(), step: 0 }

  let state: SessionState = 'idle'
  let untilEpochEnd = false
  // Stopped ('done' to every caller) while the final metrics are still being evaluated in slices.
  let finishing = false
  let closed = false
  let looping: Promise<void> | null = null

  // What the next progress event will carry.
  /** The losses since the last progress event, downsampled as they come (no array grows per step). */
  const lossPoints = new MeanSeries(maxPoints)
  const epochs = new SampledHistory<EpochMetrics>(maxEpochs)
  let rowsSinceEvent = 0
  let lastEventAt = clock()
  let eventCount = 0
  let samples: ProgressSample[] = []
  let lastSampleAt = -Infinity
  let sampleCount = 0

  /** When the timed sample being taken was due (reading the clock only past the dense start). */
  let sampleAt = -Infinity

  /** Whether the coming step should compute δ statistics for a sample. */
  function sampleDue(): boolean {
    if (stepsPerSecond !== undefined || trainer.stepCount < denseSampleSteps) return true
    sampleAt = clock()
    return sampleAt - lastSampleAt >= sampleMs
  }

  function takeSample(): void {
    const sample: ProgressSample = { step: trainer.stepCount, layers: trainer.layerStats }
    if (sampleCount % sampleHistogramEvery === 0)
      sample.histograms = parameterHistograms(opts.net.params, opts.net.slices)
    sampleCount++
    samples.push(sample)
    lastSampleAt = sampleAt
  }

  /** Steps a throttled run may take now to keep its pace (Infinity when not throttled). */
  function stepsAllowed(): number {
    if (stepsPerSecond === undefined) return Infinity
    const owed = Math.floor(((clock() - paceFrom.at) / 1000) * stepsPerSecond) + 1
    return owed - (trainer.stepCount - paceFrom.step)
  }

  function restartPace(): void {
    paceFrom = { at: clock(), step: trainer.stepCount }
  }

  function record(r: StepResult): void {
    if (r.trained) {
      lossPoints.push(trainer.stepCount, r.loss)
      rowsSinceEvent += r.rows
    }
    if (r.epoch) epochs.push(r.epoch)
  }

  function emitProgress(withHistograms: boolean): void {
    const now = clock()
    const seconds = (now - lastEventAt) / 1000
    const [s, l] = lossPoints.columns()
    const event: ProgressEvent = {
      type: 'progress',
      state,
      epoch: trainer.epoch,
      step: trainer.stepCount,
      learningRate: trainer.learningRate,
      steps: s,
      losses: l,
      epochs: epochs.values(),
      layers: trainer.layerStats,
      samplesPerSecond: seconds > 0 ? rowsSinceEvent / seconds : 0
    }
    if (samples.length > 0) event.samples = samples
    if (withHistograms || eventCount % histogramEvery === 0) {
      event.histograms = parameterHistograms(opts.net.params, opts.net.slices)
    }
    eventCount++
    lossPoints.clear()
    epochs.clear()
    samples = []
    rowsSinceEvent = 0
    lastEventAt = now
    emit(event)
  }

  function emitState(): void {
    emit({ type: 'state', state, epoch: trainer.epoch, step: trainer.stepCount })
  }

  function finish(done: DoneInfo): void {
    state = 'done'
    finishing = false
    untilEpochEnd = false
    emitProgress(true)
    emit({ type: 'done', ...done })
  }

  /**
   * An exception from a step (a bug, an allocation the host refused) ends the run as failed instead of
   * escaping the loop and taking the engine down: the trainer restores the last good weights.
   */
  function failWith(err: unknown): void {
    const done = trainer.done ?? trainer.fail(err)
    state = 'done'
    finishing = false
    untilEpochEnd = false
    try {
      emitProgress(true)
    } catch {
      // The histograms themselves may be what failed; the done event below still tells the client.
    }
    emit({ type: 'done', ...done })
  }

  /** One unit (a step or an evaluation chunk) with bookkeeping; true when the loop should stop. */
  function runStep(): boolean {
    const due = clock() - lastEventAt >= progressMs
    const sampling = sampleDue()
    if (due || sampling) trainer.requestLayerStats()
    const statsBefore = trainer.layerStats
    let r: StepResult
    try {
      r = trainer.advance()
    } catch (err) {
      failWith(err)
      return true
    }
    record(r)
    // An evaluation chunk trains nothing: the request waits for the next real step.
    if (r.trained && sampling && trainer.layerStats !== statsBefore) takeSample()
    if (r.done) {
      finish(r.done)
      return true
    }
    if (untilEpochEnd && r.epoch) {
      untilEpochEnd = false
      state = 'paused'
      emitProgress(true)
      emitState()
      return true
    }
    if (due) emitProgress(false)
    return false
  }

  const busy = (): boolean => !closed && (state === 'running' || finishing)

  async function loop(): Promise<void> {
    while (busy()) {
      const sliceStart = clock()
      do {
        // Finishing (the final evaluation) is not training: it is never throttled.
        if (!finishing && stepsAllowed() <= 0) break
        if (runStep()) return
      } while (busy() && clock() - sliceStart < sliceMs)
      if (!busy()) return
      if (!finishing && stepsAllowed() <= 0) {
        // Ahead of the pace: what happened so far goes out now, then wait for the next step's turn.
        if (lossPoints.length > 0 || samples.length > 0) emitProgress(false)
        const nextAt = paceFrom.at + ((trainer.stepCount - paceFrom.step) * 1000) / stepsPerSecond!
        await sleep(Math.min(MAX_SLEEP_MS, Math.max(1, nextAt - clock())))
      } else await yieldControl()
    }
  }

  function run(): void {
    state = 'running'
    restartPace()
    emitState()
    ensureLoop()
  }

  function ensureLoop(): void {
    if (!looping) {
      looping = loop()
        .catch((err: unknown) => {
          // Whatever escaped the step's own guard (an emit that threw): still a failed run, not a crash.
          if (state !== 'done') {
            try {
              failWith(err)
            } catch {
              state = 'done'
            }
          }
        })
        .finally(() => {
          looping = null
        })
    }
  }

  function assertNotDone(action: string): void {
    if (state === 'done')
      throw new Error(`cannot ${action}: training has ended; start again or reset the weights`)
  }

  /** Pause-like transitions flush the points gathered so far, so nothing is lost between events. */
  function halt(next: SessionState): void {
    state = next
    untilEpochEnd = false
    emitProgress(false)
    emitState()
  }

  return {
    get state() {
      return state
    },
    trainer,
    start() {
      if (state === 'running') return
      if (state === 'done') trainer.restart()
      finishing = false
      lastEventAt = clock()
      run()
    },
    pause() {
      if (state === 'running') halt('paused')
    },
    resume() {
      assertNotDone('resume')
      if (state === 'paused' || state === 'idle') {
        lastEventAt = clock()
        run()
      }
    },
    step(unit) {
      assertNotDone('step')
      if (state === 'running') throw new Error('cannot step while running; pause first')
      if (unit === 'batch') {
        trainer.requestLayerStats()
        let r: StepResult
        try {
          // An epoch-end evaluation a pause left half done is finished first, its metrics recorded.
          while (trainer.evaluating && !trainer.done) record(trainer.advance())
          r = trainer.done ? { trained: false, loss: NaN, rows: 0, done: trainer.done } : trainer.step()
        } catch (err) {
          failWith(err)
          return
        }
        record(r)
        if (r.done) finish(r.done)
        else {
          state = 'paused'
          emitProgress(true)
        }
      } else {
        untilEpochEnd = true
        run()
      }
    },
    stop() {
      if (state === 'done') return
      state = 'done'
      untilEpochEnd = false
      // The final metrics: what fits in one slice now (all of a small set), the rest in the loop's
      // slices, so a stop on a large set answers at once and the done event follows.
      try {
        trainer.requestStop()
        const started = clock()
        while (!trainer.done && clock() - started < sliceMs) record(trainer.advance())
      } catch (err) {
        failWith(err)
        return
      }
      if (trainer.done) {
        finish(trainer.done)
        return
      }
      finishing = true
      ensureLoop()
    },
    close() {
      closed = true
      finishing = false
      state = 'done'
    },
    resetWeights(seed) {
      finishing = false
      trainer.resetWeights(seed)
      halt('idle')
      // Fresh weights: send their histograms at once.
      emitProgress(true)
    },
    setLearningRate(lr) {
      trainer.learningRate = lr
    },
    setSpeed(sps) {
      stepsPerSecond = checkSpeed(sps)
      restartPace()
    },
    get stepsPerSecond() {
      return stepsPerSecond
    },
    restore(which) {
      if (state !== 'done' || finishing) {
        state = 'done'
        finishing = false
        untilEpochEnd = false
        // The user chose other weights: no final metrics of the discarded ones.
        const d = trainer.stop({ evaluate: false })
        const what = which === 'run-start' ? 'the weights from before this run' : 'the last good weights'
        emitProgress(true)
        emit({ type: 'done', ...d, message: `${d.message}; restored ${what}`, final: null })
      }
      trainer.restore(which)
      emitProgress(true)
    },
    whenSettled() {
      return looping ?? Promise.resolve()
    }
  }
}

/** A speed is a positive finite number of steps per second, or undefined for full speed. */
function checkSpeed(sps: number | undefined): number | undefined {
  if (sps === undefined) return undefined
  if (!(sps > 0) || !Number.isFinite(sps))
    throw new Error(`stepsPerSecond must be a positive number, got ${sps}`)
  return sps
}

/**
 * A macrotask yield without timer clamping: browsers clamp nested setTimeout(0) to ≥ 4 ms, which would
 * waste a third of a 12 ms slice, so prefer setImmediate (Node) or a MessageChannel (Worker, browser).
 */
function defaultYield(): () => Promise<void> {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown }
  if (typeof g.setImmediate === 'function') {
    const setImmediate = g.setImmediate
    return () => new Promise((resolve) => setImmediate(resolve))
  }
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel()
    const waiting: (() => void)[] = []
    channel.port1.onmessage = () => waiting.shift()?.()
    return () =>
      new Promise((resolve) => {
        waiting.push(resolve)
        channel.port2.postMessage(0)
      })
  }
  return () => new Promise((resolve) => setTimeout(resolve, 0))
}
