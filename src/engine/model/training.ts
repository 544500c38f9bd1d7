/**
 * The training model of one workspace: one training session at a time over the prepared data, the
 * current model it trains (in place, so export, predict and evaluate always see the current weights),
 * the model's training summary and loss history kept up to date from the session's events, and the
 * explainer's inspect and gradcheck. The protocol's training commands are one call each into here.
 *
 *   start           graph + settings (+ parameters) → a running session; continues from the current
 *                   model's weights when the graph's parameters still fit them
 *   pause / resume / stop / step / reset / setLearningRate     session control
 *   setSpeed               at most n steps per second (this and later sessions), or full speed
 *   setWeight              one weight of the current model typed in by hand (not while running)
 *   restore         the weights the run started from, or its last good weights, back in the model
 *   parameters      the current model's weights by edge id (the graph's weight overlay)
 *   inspect         every number of one forward/backward pass on one training row
 *   gradcheck       backprop against finite differences, per edge
 */
import { decodeOutputs } from '../data/encode'
import type { Initializer, ParameterMap } from '../graph/types'
import { validateGraph } from '../graph/validate'
import { gradientCheck, GRADCHECK_TOLERANCE } from '../nn/gradcheck'
import { inspect, type Inspection } from '../nn/inspect'
import { createNetwork } from '../nn/network'
import { parametersToMap } from '../nn/parameters'
import { createSession, type SessionOptions, type StepUnit, type TrainingSession } from '../train/session'
import { resolveTrainSettings } from '../train/settings'
import type { RestorePoint } from '../train/trainer'
import type { EpochMetrics, SessionEvent, SessionState, TrainSettings } from '../train/types'
import type { TrainingSummary } from '../weights/types'
import { ModelError } from './errors'
import { LOSS_HISTORY_POINTS, LossHistory } from './lossHistory'
import { fitsData, networkForData, sameParameterLayout } from './network'
import { rowsForModel } from './rows'
import {
  requireModel as requireWorkspaceModel,
  requirePrepared,
  type Model,
  type Workspace
} from './workspace'

export type TrainEventData = SessionEvent & { session: number }

export interface TrainStartRequest {
  graph: Record<string, unknown>
  settings: Record<string, unknown>
  parameters?: Record<string, unknown>
}

export interface TrainStartResult {
  session: number
  /** Where the weights came from. */
  weights: 'given' | 'continued' | 'initialized'
  stepsPerEpoch: number
  batchRows: number
  parameterCount: number
  /** Graph warnings (they do not stop training), one sentence each. */
  warnings: string[]
}

export interface SessionStatus {
  session: number
  state: SessionState
  epoch: number
  step: number
}

export interface InspectResult {
  sample: number
  inspection: Inspection
  /** The row as the network sees it: encoded features and targets. */
  x: number[]
  y: number[]
  /** Which row of the table the sample is, and the 1-based line of the CSV file it starts on. */
  row?: number
  line?: number
  /** Regression: the target and the network's output in the target column's own units (y is standardised). */
  units?: { target: Record<string, number>; output: Record<string, number> }
}

export interface GradcheckResult {
  edges: { edgeId: string; maxRelError: number; checked: number }[]
  maxRelError: number
  tolerance: number
  passed: boolean
  rows: number
}

/** Session tuning the tests shorten (slices, progress rate); the hosts use the defaults. */
export type TrainingOptions = Pick<
  SessionOptions,
  'sliceMs' | 'progressMs' | 'histogramEvery' | 'clock' | 'yieldControl' | 'trainMetricRows'
>

export interface TrainStartRequest {
  graph: Record<string, unknown>
  settings: Record<string, unknown>
  parameters?: Record<string, unknown>
}

export interface StepRequest {
  unit: StepUnit
  graph?: Record<string, unknown>
  settings?: Record<string, unknown>
  parameters?: Record<string, unknown>
}

export interface ResetRequest {
  init: Initializer
  seed: number
  graph?: Record<string, unknown>
  settings?: Record<string, unknown>
}

export const DEFAULT_GRADCHECK_ROWS = 16
export const MAX_GRADCHECK_ROWS = 256

export interface SetWeightRequest {
  edgeId: string
  row: number
  col: number
  value: number
}

export interface TrainingModel {
  start(request: TrainStartRequest): TrainStartResult
  pause(): SessionStatus
  resume(): SessionStatus
  step(request: StepRequest): SessionStatus
  stop(): SessionStatus
  reset(request: ResetRequest): SessionStatus
  setLearningRate(rate: number): SessionStatus
  restore(which: RestorePoint): SessionStatus
  /** With `gradients`, also ∂C/∂W of the last training step (batch mean, same shapes). */
  parameters(gradients?: boolean): { parameters: ParameterMap; gradients?: ParameterMap }
  /** At most `stepsPerSecond` steps a second for the live session and later ones; undefined: full speed. */
  setSpeed(stepsPerSecond: number | undefined): { stepsPerSecond: number | null }
  /** W[row][col] of a weighted edge of the current model; refused while a session runs. */
  setWeight(request: SetWeightRequest): SetWeightRequest
  inspect(sample: number): InspectResult
  gradcheck(rows?: number): GradcheckResult
  /** Ends the session without a word to the client (the client left). */
  close(): void
}

/** One session of the connection and the model it trains. */
interface Current {
  id: number
  session: TrainingSession
  model: Model
  settings: TrainSettings
  /** The training the weights had before this session (continued runs add up). */
  base: TrainingSummary | null
  history: LossHistory
}

export function createTrainingModel(
  ws: Workspace,
  emit: (event: TrainEventData) => void,
  options: TrainingOptions = {}
): TrainingModel {
  let current: Current | null = null
  let sessionCount = 0
  /** The speed limit every session of this connection starts with (setSpeed). */
  let stepsPerSecond: number | undefined

  /** Ends the session without a word to the client (it is being replaced, or the client left). */
  function retire(): void {
    const c = current
    current = null
    // Its events are dropped from here on (the emitter checks `current`); close() ends its loop.
    c?.session.close()
  }

  /**
   * The session if it still trains the workspace's model. A model replaced behind its back (weights
   * imported) makes it stale: it is ended and the client told why.
   */
  function live(): Current | null {
    if (current && ws.model !== current.model) {
      const c = current
      retire()
      emit({
        type: 'done',
        reason: 'stopped',
        message: 'stopped: the model was replaced (weights imported); start training again to train it',
        epoch: c.session.trainer.epoch,
        step: c.session.trainer.stepCount,
        final: null,
        session: c.id
      })
    }
    return current
  }

  function requireSession(action: string): Current {
    const c = live()
    if (!c)
      throw new ModelError('not-found', `cannot ${action}: no training session; start training first`, {
        variant: 'no-session'
      })
    return c
  }

  function status(c: Current): SessionStatus {
    return {
      session: c.id,
      state: c.session.state,
      epoch: c.session.trainer.epoch,
      step: c.session.trainer.stepCount
    }
  }

  /** Session methods throw plain Errors for a wrong state (e.g. resume after done): say so by code. */
  function control(c: Current, fn: (s: TrainingSession) => void): SessionStatus {
    try {
      fn(c.session)
    } catch (err) {
      if (err instanceof RangeError) throw new ModelError('bad-payload', err.message)
      throw new ModelError('bad-state', err instanceof Error ? err.message : String(err))
    }
    return status(c)
  }

  function summary(c: Current, final: EpochMetrics | null): TrainingSummary {
    const t = c.session.trainer
    return {
      settings: c.settings,
      seed: c.settings.seed,
      epochsRun: (c.base?.epochsRun ?? 0) + t.epoch,
      steps: (c.base?.steps ?? 0) + t.stepCount,
      final: final ?? t.lastEpoch ?? c.base?.final ?? null,
      lossHistory: c.history.toArray()
    }
  }

  function track(c: Current, ev: SessionEvent): void {
    // Weights that have not been trained yet (a reset, a step-less start) have no training to describe.
    if (c.session.trainer.stepCount === 0 && !c.base) {
      c.model.training = null
      return
    }
    const offset = c.base?.steps ?? 0
    if (ev.type === 'progress') {
      for (let i = 0; i < ev.steps.length; i++) c.history.add(offset + ev.steps[i], ev.losses[i])
      c.model.training = summary(c, null)
    } else if (ev.type === 'done') {
      c.model.training = summary(c, ev.final)
    }
  }

  /**
   * Forwards session `id`'s events while it is the connection's session: the events of a replaced
   * session are dropped, and one whose model was replaced behind its back is ended (see `live`).
   */
  function emitterFor(id: number): (ev: SessionEvent) => void {
    return (ev) => {
      const c = current
      if (!c || c.id !== id) return
      if (ws.model !== c.model) {
        live()
        return
      }
      track(c, ev)
      emit({ ...ev, session: id })
    }
  }

  /**
   * A new session (idle) on the prepared data, replacing the old one. The network is built from the
   * graph; its weights are `parameters`, else the current model's when they fit, else fresh.
   */
  function open(
    graphJson: unknown,
    settingsJson: unknown,
    parameters?: Record<string, unknown>
  ): { c: Current; weights: TrainStartResult['weights']; warnings: string[] } {
    const prepared = requirePrepared(ws)
    const settings = resolveTrainSettings(settingsJson as Parameters<typeof resolveTrainSettings>[0])
    const net = networkForData(graphJson, prepared, settings.init, settings.seed)
    const previous = ws.model
    let weights: TrainStartResult['weights'] = 'initialized'
    if (parameters) {
      net.setParameters(parameters as ParameterMap)
      weights = 'given'
    } else if (previous && sameParameterLayout(previous.net, net)) {
      net.params.set(previous.net.params)
      weights = 'continued'
    }
    const base = weights === 'continued' ? (previous?.training ?? null) : null

    const id = ++sessionCount
    const model: Model = {
      graph: net.spec,
      net,
      preprocessing: prepared.preprocessing,
      training: base
    }
    const session = createSession({
      ...options,
      net,
      data: prepared.data,
      settings,
      stepsPerSecond,
      emit: emitterFor(id)
    })
    // The session samples δ statistics only when a progress event is due; a run shorter than one
    // progress interval would end without any, and the δ charts would stay empty.
    session.trainer.requestLayerStats()
    retire()
    const c: Current = {
      id,
      session,
      model,
      settings,
      base,
      history: new LossHistory(LOSS_HISTORY_POINTS, base?.lossHistory ?? [])
    }
    current = c
    ws.model = model
    const warnings = validateGraph(net.spec, { inputWidth: net.inputWidth }).map((i) => i.message)
    return { c, weights, warnings }
  }

  function start(p: TrainStartRequest): TrainStartResult {
    const { c, weights, warnings } = open(p.graph, p.settings, p.parameters)
    c.session.start()
    const t = c.session.trainer
    return {
      session: c.id,
      weights,
      stepsPerEpoch: t.stepsPerEpoch,
      batchRows: t.batchRows,
      parameterCount: c.model.net.params.length,
      warnings
    }
  }

  function step(p: StepRequest): SessionStatus {
    let c = live()
    if ((!c || c.session.state === 'done') && p.graph !== undefined && p.settings !== undefined)
      c = open(p.graph, p.settings, p.parameters).c
    return control(c ?? requireSession('step'), (s) => s.step(p.unit))
  }

  function reset(p: ResetRequest): SessionStatus {
    let c = live()
    if (!c && p.graph !== undefined) c = open(p.graph, { ...(p.settings ?? {}), init: p.init }).c
    if (!c) {
      // An imported model with no session: its weights can still be re-initialised.
      if (ws.model) {
        ws.model.net.initialize(p.init, p.seed)
        ws.model.training = null
        return { session: 0, state: 'idle', epoch: 0, step: 0 }
      }
      throw new ModelError(
        'not-found',
        'cannot reset the weights: there is no network yet; start training first',
        { variant: 'no-network' }
      )
    }
    if (c.session.state === 'running') c.session.pause()
    if (c.settings.init !== p.init) {
      // The session's trainer re-initialises with its own settings: rebuild it with this initialiser.
      const settings = { ...c.settings, init: p.init }
      const prepared = requirePrepared(ws)
      const session = createSession({
        ...options,
        net: c.model.net,
        data: prepared.data,
        settings,
        stepsPerSecond,
        emit: emitterFor(c.id)
      })
      c = { ...c, session, settings }
      current = c
    }
    c.base = null
    c.history = new LossHistory()
    c.model.training = null
    c.session.resetWeights(p.seed)
    return status(c)
  }

  function restore(which: RestorePoint): SessionStatus {
    const c = requireSession('restore the weights')
    control(c, (s) => s.restore(which))
    if (which === 'run-start') {
      c.history = new LossHistory(LOSS_HISTORY_POINTS, c.base?.lossHistory ?? [])
      c.model.training = c.base
    }
    return status(c)
  }

  function inspectSample(sample: number): InspectResult {
    const model = requireModel()
    const prepared = requirePrepared(ws)
    const train = prepared.data.train
    if (sample >= train.rows)
      throw new ModelError(
        'bad-payload',
        `sample ${sample} is not a row of the training split (rows 0–${train.rows - 1})`,
        { variant: 'sample', sample, last: train.rows - 1 }
      )
    const net = model.net
    const own = model.preprocessing
    // A model imported with its own preprocessing encodes the same table row its own way.
    const mine =
      own && own !== prepared.preprocessing ? rowsForModel(ws, prepared, own, 'train', sample) : null
    if (!mine) fitsData(net, prepared)
    const set = mine ?? rowsForModel(ws, prepared, prepared.preprocessing, 'train', sample)!
    const x = Array.from(set.x)
    const y = Array.from(set.y)
    const inspection = inspect(net, Float64Array.from(x), Float64Array.from(y))
    const row = prepared.rows?.train[sample]
    const line = row === undefined ? undefined : ws.table?.lines[row]
    // A student reads "y = −0.69" as a fault unless the value in the column's own units stands beside it.
    const pre = own ?? prepared.preprocessing
    const target = decodeOutputs(pre, y).values
    const output = decodeOutputs(pre, inspection.layers[inspection.layers.length - 1].a).values
    const units = target && output ? { target, output } : undefined
    return { sample, inspection, x, y, row, line, units }
  }

  function gradcheck(rows = DEFAULT_GRADCHECK_ROWS): GradcheckResult {
    const model = requireModel()
    const prepared = requirePrepared(ws)
    fitsData(model.net, prepared)
    const train = prepared.data.train
    const m = Math.min(rows, train.rows)
    // On a copy: the check perturbs weights and overwrites gradients, which must not touch a session.
    const net = createNetwork(model.net.spec, { inputWidth: model.net.inputWidth })
    net.params.set(model.net.params)
    const x = train.x.slice(0, m * net.inputWidth)
    const y = train.y.slice(0, m * net.outputWidth)
    const result = gradientCheck(net, x, y, m, { tolerance: GRADCHECK_TOLERANCE })
    return {
      edges: result.edges,
      maxRelError: result.maxRelError,
      tolerance: GRADCHECK_TOLERANCE,
      passed: result.passed,
      rows: m
    }
  }

  function setSpeed(sps: number | undefined): { stepsPerSecond: number | null } {
    stepsPerSecond = sps
    live()?.session.setSpeed(sps)
    return { stepsPerSecond: sps ?? null }
  }

  function setWeight(p: SetWeightRequest): SetWeightRequest {
    const model = requireModel()
    if (live()?.session.state === 'running')
      throw new ModelError('bad-state', 'cannot set a weight while training runs; pause first', {
        variant: 'set-weight-running'
      })
    const slice = model.net.slices.find((sl) => sl.edgeId === p.edgeId)
    if (!slice)
      throw new ModelError('not-found', `edge ${JSON.stringify(p.edgeId)} has no weights in this network`, {
        variant: 'no-edge-weights',
        edgeId: p.edgeId
      })
    if (p.row >= slice.rows || p.col >= slice.cols)
      throw new ModelError(
        'bad-payload',
        `edge ${p.edgeId} is ${slice.rows}×${slice.cols}: W[${p.row}][${p.col}] is outside it`,
        {
          variant: 'weight-index',
          edgeId: p.edgeId,
          rows: slice.rows,
          cols: slice.cols,
          row: p.row,
          col: p.col
        }
      )
    model.net.params[slice.offset + p.row * slice.cols + p.col] = p.value
    return p
  }

  /** The current model; a session it replaced behind the client's back is ended first (see `live`). */
  function requireModel(): Model {
    live()
    return requireWorkspaceModel(ws)
  }

  return {
    start,
    pause: () => control(requireSession('pause'), (s) => s.pause()),
    resume: () => control(requireSession('resume'), (s) => s.resume()),
    step,
    stop: () => control(requireSession('stop'), (s) => s.stop()),
    reset,
    setLearningRate: (rate) =>
      control(requireSession('set the learning rate'), (s) => s.setLearningRate(rate)),
    restore,
    parameters: (gradients) => {
      const net = requireModel().net
      const parameters = net.getParameters()
      return gradients ? { parameters, gradients: parametersToMap(net.slices, net.grads) } : { parameters }
    },
    setSpeed,
    setWeight,
    inspect: inspectSample,
    gradcheck,
    close: retire
  }
}
