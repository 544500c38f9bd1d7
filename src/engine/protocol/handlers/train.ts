/**
 * The training commands: one training session per connection over the data that `data.prepare` left
 * in the workspace (see handlers/data.ts), and the explainer's `inspect` and `gradcheck`.
 *
 *   train.start            graph + settings (+ parameters) → a running session; continues from the
 *                          current model's weights when the graph's parameters still fit them
 *   train.pause / resume / stop / step / reset / setLearningRate     session control
 *   train.restore          the weights the run started from, or its last good weights, back in the model
 *   train.parameters       the current model's weights by edge id (the graph's weight overlay)
 *   inspect                every number of one forward/backward pass on one training row
 *   gradcheck              backprop against finite differences, per edge
 *
 * Session events go out as `train.event` (the SessionEvent plus the session number). The session
 * trains `ws.model.net` in place, so `weights.export`, `predict` and `evaluate` always see the current
 * weights; the model's training summary is kept up to date from the events.
 */
import { decodeOutputs, encodeTableFeatures, encodeTableTargets } from '../../data/encode'
import { GraphError } from '../../graph/errors'
import { parseGraph } from '../../graph/parse'
import { INITIALIZERS, type GraphSpec, type Initializer, type ParameterMap } from '../../graph/types'
import { nodeLabel, validateGraph } from '../../graph/validate'
import { gradientCheck, GRADCHECK_TOLERANCE } from '../../nn/gradcheck'
import { inspect, type Inspection } from '../../nn/inspect'
import { createNetwork } from '../../nn/network'
import type { Network } from '../../nn/types'
import { createSession, type SessionOptions, type StepUnit, type TrainingSession } from '../../train/session'
import { resolveTrainSettings } from '../../train/settings'
import type { RestorePoint } from '../../train/trainer'
import type { EpochMetrics, SessionEvent, SessionState, TrainSettings } from '../../train/types'
import type { TrainingSummary } from '../../weights/types'
import { ProtocolError } from '../errors'
import { defineCommand, type CommandTable, type Connection } from '../server'
import { num, oneOf, optional, payload, record, type Validator } from '../validate'
import { dataWorkspace, type Model, type PreparedData } from './data'

declare module '../messages' {
  interface EngineCommands {
    /**
     * Starts a new session on the prepared data. Weights: `parameters` when given, else the current
     * model's when every weighted edge keeps its id and shape, else fresh from settings.init/seed.
     * Fails naming the node when the graph is invalid or does not fit the data, and when no data is prepared.
     */
    'train.start': { payload: TrainStartRequest; result: TrainStartResult }
    'train.pause': { payload: Record<string, never>; result: SessionStatus }
    'train.resume': { payload: Record<string, never>; result: SessionStatus }
    /**
     * One batch, or to the end of the epoch, then pause. Without a session to step (none yet, or it
     * ended) `graph` and `settings` open a new one as train.start would: from `parameters` when given
     * (e.g. a project's weights after an engine restart), else from the current weights when they fit.
     */
    'train.step': {
      payload: {
        unit: StepUnit
        graph?: Record<string, unknown>
        settings?: Record<string, unknown>
        parameters?: Record<string, unknown>
      }
      result: SessionStatus
    }
    'train.stop': { payload: Record<string, never>; result: SessionStatus }
    /**
     * Re-initialises the weights (initialiser, seed); the session becomes idle. Without a session,
     * `graph` (+ `settings`) build the model on the prepared data first.
     */
    'train.reset': {
      payload: {
        init: Initializer
        seed: number
        graph?: Record<string, unknown>
        settings?: Record<string, unknown>
      }
      result: SessionStatus
    }
    /** From the next step on; the schedule continues from the new rate. */
    'train.setLearningRate': { payload: { learningRate: number }; result: SessionStatus }
    /**
     * Sets the current model to the weights the session's run started from (`run-start`) or to its
     * last good weights (`last-good`: the last step whose pass was finite and not diverged; the run's
     * starting weights before any). A run still going ends first (a `done` event, reason 'stopped',
     * final null). The next train.start continues from the restored weights. `run-start` also puts
     * back the model's training summary from before the run.
     */
    'train.restore': { payload: { which: RestorePoint }; result: SessionStatus }
    /** The current model's weights by edge id. */
    'train.parameters': { payload: Record<string, never>; result: { parameters: ParameterMap } }
    /** One forward/backward pass on row `sample` of the training split, with that row's x and y. */
    inspect: { payload: { sample: number }; result: InspectResult }
    /** Finite differences against backprop on the first `rows` training rows (default 16). */
    gradcheck: { payload: { rows?: number }; result: GradcheckResult }
  }
  interface EngineEvents {
    /** Every event of the connection's training session; `session` tells sessions apart. */
    'train.event': TrainEventData
  }
}

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
export type TrainCommandOptions = Pick<
  SessionOptions,
  'sliceMs' | 'progressMs' | 'histogramEvery' | 'clock' | 'yieldControl' | 'trainMetricRows'
>

/** Most points kept in a model's loss history (the weights file's `training.lossHistory`). */
export const LOSS_HISTORY_POINTS = 300
const DEFAULT_GRADCHECK_ROWS = 16
const MAX_GRADCHECK_ROWS = 256

/**
 * A loss curve of bounded size for the weights file: points are averaged in groups of `stride` steps,
 * and when more than `max` points accumulate, neighbours are merged in pairs and the stride doubles —
 * so any run length fits in at most `max` points spread evenly over the run.
 */
export class LossHistory {
  private points: [number, number][] = []
  private stride = 1
  private sum = 0
  private count = 0
  private lastStep = 0

  constructor(
    private readonly max = LOSS_HISTORY_POINTS,
    initial: readonly [number, number][] = []
  ) {
    for (const [step, loss] of initial) this.add(step, loss)
  }

  add(step: number, loss: number): void {
    // A failed step's NaN would poison the group's mean; the done event says what happened.
    if (!Number.isFinite(loss)) return
    this.sum += loss
    this.count++
    this.lastStep = step
    if (this.count < this.stride) return
    this.points.push([step, this.sum / this.count])
    this.sum = 0
    this.count = 0
    if (this.points.length <= this.max) return
    const merged: [number, number][] = []
    for (let i = 0; i < this.points.length; i += 2) {
      const a = this.points[i]
      const b = this.points[i + 1]
      merged.push(b ? [b[0], (a[1] + b[1]) / 2] : a)
    }
    this.points = merged
    this.stride *= 2
  }

  /** The points, with the unfinished group as a last point. */
  toArray(): [number, number][] {
    const out = this.points.map((p): [number, number] => [p[0], p[1]])
    if (this.count > 0) out.push([this.lastStep, this.sum / this.count])
    return out
  }
}

/** True when `b` has exactly `a`'s weighted edges (ids, shapes, order), so a's weights fit b. */
export function sameParameterLayout(a: Network, b: Network): boolean {
  if (a.params.length !== b.params.length || a.slices.length !== b.slices.length) return false
  return a.slices.every((s, i) => {
    const t = b.slices[i]
    return s.edgeId === t.edgeId && s.rows === t.rows && s.cols === t.cols && s.offset === t.offset
  })
}

/**
 * The network for a graph on prepared data: the input takes the data's width, and the output layer
 * must produce what the targets need (else a GraphError naming the output layer).
 */
export function networkForData(
  graphJson: unknown,
  prepared: PreparedData,
  init: Initializer,
  seed: number
): Network {
  const spec: GraphSpec = parseGraph(graphJson)
  // Training takes the WASM SIMD kernels where the host has them (what `npm run bench` measures);
  // the plain-TypeScript kernels stay the reference the tests compare them with.
  const net = createNetwork(spec, { inputWidth: prepared.summary.inputWidth, init, seed, kernels: 'auto' })
  const need = prepared.summary.outputWidth
  if (net.outputWidth !== need) {
    const out = net.layers[net.layers.length - 1]
    const targets = prepared.summary.targets.join(', ')
    const classes = prepared.summary.classes ? `: ${prepared.summary.classes.join(', ')}` : ''
    throw new GraphError([
      {
        code: 'output-width-mismatch',
        message: `Output layer ${nodeLabel(out)} has ${out.units} unit${out.units === 1 ? '' : 's'}, but the prepared targets (${targets}${classes}) need ${need}.`,
        nodeId: out.id,
        severity: 'error'
      }
    ])
  }
  return net
}

/** Row `row` of a row-major [rows × width] array, as plain numbers. */
function rowOf(a: Float64Array, row: number, width: number): number[] {
  return Array.from(a.subarray(row * width, (row + 1) * width))
}

const graphField: Validator<Record<string, unknown>> = record
const positiveRate: Validator<number> = (value, field) => {
  const v = num()(value, field)
  if (v <= 0) throw new ProtocolError('bad-payload', `field "${field}" must be a number > 0, got ${v}`)
  return v
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

export function trainCommands(connection: Connection, options: TrainCommandOptions = {}): CommandTable {
  const ws = dataWorkspace(connection)
  let current: Current | null = null
  let sessionCount = 0

  connection.onClose(() => retire())

  /** Ends the session without a word to the client (it is being replaced, or the client left). */
  function retire(): void {
    const c = current
    current = null
    // Its events are dropped from here on (the emitter checks `current`); close() ends its loop.
    c?.session.close()
  }

  function requirePrepared(): PreparedData {
    if (!ws.prepared)
      throw new ProtocolError(
        'no-data',
        'no data is prepared for training: load a CSV file and choose its feature and target columns first'
      )
    return ws.prepared
  }

  /**
   * The session if it still trains the workspace's model. A model replaced behind its back (weights
   * imported) makes it stale: it is ended and the client told why.
   */
  function live(): Current | null {
    if (current && ws.model !== current.model) {
      const c = current
      retire()
      connection.emit('train.event', {
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
      throw new ProtocolError('not-found', `cannot ${action}: no training session; start training first`)
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
      if (err instanceof RangeError) throw new ProtocolError('bad-payload', err.message)
      throw new ProtocolError('bad-state', err instanceof Error ? err.message : String(err))
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
      connection.emit('train.event', { ...ev, session: id })
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
    const prepared = requirePrepared()
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
    const session = createSession({ ...options, net, data: prepared.data, settings, emit: emitterFor(id) })
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

  function step(p: PayloadStep): SessionStatus {
    let c = live()
    if ((!c || c.session.state === 'done') && p.graph !== undefined && p.settings !== undefined)
      c = open(p.graph, p.settings, p.parameters).c
    return control(c ?? requireSession('step'), (s) => s.step(p.unit))
  }

  function reset(p: PayloadReset): SessionStatus {
    let c = live()
    if (!c && p.graph !== undefined) c = open(p.graph, { ...(p.settings ?? {}), init: p.init }).c
    if (!c) {
      // An imported model with no session: its weights can still be re-initialised.
      if (ws.model) {
        ws.model.net.initialize(p.init, p.seed)
        ws.model.training = null
        return { session: 0, state: 'idle', epoch: 0, step: 0 }
      }
      throw new ProtocolError(
        'not-found',
        'cannot reset the weights: there is no network yet; start training first'
      )
    }
    if (c.session.state === 'running') c.session.pause()
    if (c.settings.init !== p.init) {
      // The session's trainer re-initialises with its own settings: rebuild it with this initialiser.
      const settings = { ...c.settings, init: p.init }
      const prepared = requirePrepared()
      const session = createSession({
        ...options,
        net: c.model.net,
        data: prepared.data,
        settings,
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
    const prepared = requirePrepared()
    const train = prepared.data.train
    if (sample >= train.rows)
      throw new ProtocolError(
        'bad-payload',
        `sample ${sample} is not a row of the training split (rows 0–${train.rows - 1})`
      )
    const net = model.net
    const own = model.preprocessing
    let x: number[]
    let y: number[]
    if (own && own !== prepared.preprocessing && ws.table && prepared.rows) {
      // A model imported with its own preprocessing encodes the same table row its own way.
      const row = [prepared.rows.train[sample]]
      x = Array.from(encodeTableFeatures(own, ws.table, row))
      y = Array.from(encodeTableTargets(own, ws.table, row))
    } else {
      fitsData(net, prepared)
      x = rowOf(train.x, sample, net.inputWidth)
      y = rowOf(train.y, sample, net.outputWidth)
    }
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
    const prepared = requirePrepared()
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

  function requireModel(): Model {
    live()
    if (!ws.model)
      throw new ProtocolError('not-found', 'there is no network yet: start training or import weights first')
    return ws.model
  }

  return {
    'train.start': defineCommand(
      'train.start',
      payload({ graph: graphField, settings: record, parameters: optional(record) }),
      (p) => start(p)
    ),
    'train.pause': defineCommand('train.pause', payload({}), () =>
      control(requireSession('pause'), (s) => s.pause())
    ),
    'train.resume': defineCommand('train.resume', payload({}), () =>
      control(requireSession('resume'), (s) => s.resume())
    ),
    'train.step': defineCommand(
      'train.step',
      payload({
        unit: oneOf('batch', 'epoch'),
        graph: optional(graphField),
        settings: optional(record),
        parameters: optional(record)
      }),
      (p) => step(p)
    ),
    'train.stop': defineCommand('train.stop', payload({}), () =>
      control(requireSession('stop'), (s) => s.stop())
    ),
    'train.reset': defineCommand(
      'train.reset',
      payload({
        init: oneOf(...INITIALIZERS),
        seed: num(),
        graph: optional(graphField),
        settings: optional(record)
      }),
      (p) => reset(p)
    ),
    'train.setLearningRate': defineCommand(
      'train.setLearningRate',
      payload({ learningRate: positiveRate }),
      ({ learningRate }) =>
        control(requireSession('set the learning rate'), (s) => s.setLearningRate(learningRate))
    ),
    'train.restore': defineCommand(
      'train.restore',
      payload({ which: oneOf('run-start', 'last-good') }),
      ({ which }) => restore(which)
    ),
    'train.parameters': defineCommand('train.parameters', payload({}), () => ({
      parameters: requireModel().net.getParameters()
    })),
    inspect: defineCommand('inspect', payload({ sample: num({ integer: true, min: 0 }) }), ({ sample }) =>
      inspectSample(sample)
    ),
    gradcheck: defineCommand(
      'gradcheck',
      payload({ rows: optional(num({ integer: true, min: 1, max: MAX_GRADCHECK_ROWS })) }),
      ({ rows }) => gradcheck(rows)
    )
  }
}

type PayloadStep = {
  unit: StepUnit
  graph?: Record<string, unknown>
  settings?: Record<string, unknown>
  parameters?: Record<string, unknown>
}
type PayloadReset = {
  init: Initializer
  seed: number
  graph?: Record<string, unknown>
  settings?: Record<string, unknown>
}

/** A model imported for other data cannot be inspected on this data. */
function fitsData(net: Network, prepared: PreparedData): void {
  const { inputWidth, outputWidth } = prepared.summary
  if (net.inputWidth !== inputWidth || net.outputWidth !== outputWidth)
    throw new ProtocolError(
      'data-mismatch',
      `the network takes ${net.inputWidth} inputs and gives ${net.outputWidth} outputs, but the prepared data has ${inputWidth} features and ${outputWidth} targets`
    )
}
