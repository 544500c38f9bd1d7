/**
 * The training panel's state: settings, status, progress and the stop reason, plus the live chart
 * buffers. The buffers are plain objects held with markRaw — every progress event appends to them
 * without touching Vue's reactivity — and `version` is bumped at most once per animation frame, which
 * is the only thing the charts watch (DESIGN §7: the UI never waits on training).
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import {
  type Initializer,
  type ParameterMap,
  type LayerStats,
  type Inspection,
  resolveTrainSettings,
  type DoneEvent,
  type EpochMetrics,
  type SessionEvent,
  type SessionState,
  type TrainSettings,
  type StepUnit
} from '@engine/index'
import { RunBuffers } from '@renderer/charts/runBuffers'
import { redrawScheduler } from '@renderer/charts/redrawScheduler'
import { RateMeter } from '@renderer/training/eta'
import { doneMessage, engineMessageOf, englishText, notice, type Notice } from '@renderer/i18n/engineMessages'
// The training store is the top of the stores: it calls the weights store's actions, never the reverse.
import { useWeightsStore } from './weights'
import { useProjectStore } from './project'
import { useUiStore } from './ui'
import type { Project } from '@renderer/project/file'
import { settingsFromProject } from '@renderer/project/training'

/**
 * What the store needs from the engine: the session commands and its event stream. The app binds the
 * protocol client to it (see trainingEngine.ts); tests bind a fake or a real engine in-process.
 */
export interface TrainingEngine {
  /**
   * A new session with `settings`, from `parameters` when given (else the engine's current weights when
   * they fit, else fresh ones); says which weights it took and the session's number.
   */
  start(settings: TrainSettings, parameters?: ParameterMap): Promise<StartResult | void>
  pause(): Promise<void>
  resume(): Promise<void>
  /** One optimiser step (a batch) or one epoch, then pause. */
  step(unit: StepUnit): Promise<void>
  stop(): Promise<void>
  /** Re-initialise every weight with the initialiser and seed. */
  resetWeights(init: Initializer, seed: number): Promise<void>
  /** Takes effect from the next step of the running session. */
  setLearningRate(learningRate: number): Promise<void>
  /** Subscribes to session events (with the engine's session number); returns the unsubscribe function. */
  onEvent(listener: (ev: SessionEvent, session?: number) => void): () => void
  /** One forward/backward pass on one sample (row of the training data), for the explainer. */
  inspect(sample: number): Promise<SampleInspection>
  /** Finite differences against backprop for every parameter edge. */
  gradientCheck(): Promise<GradientCheckView>
  /** Every parameter by edge id (for the graph's weight overlay; fetched at a low rate). */
  getParameters(): Promise<ParameterMap>
  /** The same with ∂C/∂W of the last step (the per-weight tooltips); optional like setSpeed. */
  getParametersWithGradients?(): Promise<{ parameters: ParameterMap; gradients?: ParameterMap }>
  /** Puts the last run's starting weights, or its last good weights, back into the model. */
  restore(which: RestorePoint): Promise<void>
  /**
   * At most this many steps per second (undefined: full speed), now and for later runs. Optional so an
   * engine (or a test's fake) without it still trains at full speed.
   */
  setSpeed?(stepsPerSecond: number | undefined): Promise<void>
  /** W[row][col] of a weighted edge of the engine's model, typed in by hand (not while running). */
  setWeight?(edgeId: string, row: number, col: number, value: number): Promise<void>
}

/** Which weights of the last run to put back: the ones it started from, or its last finite step's. */
export type RestorePoint = 'run-start' | 'last-good'

/** Runs that ended like this may have left weights worse than they started: restoring is offered. */
const RESTORABLE_REASONS: readonly string[] = ['non-finite', 'diverged', 'error']

/** What train.start answers: the session's number and where its weights came from. */
export interface StartResult {
  session: number
  weights: 'given' | 'continued' | 'initialized'
}

/** How often the weight overlay refreshes its snapshot of the weights while training runs. */
export const PARAMETER_REFRESH_MS = 1000

/**
 * The live decision boundary and confusion matrix: at most this often while training, and never more
 * than a tenth of the time (an evaluation on a large set pauses the engine's loop while it runs).
 */
export const EVALUATION_REFRESH_MS = 600
const EVALUATION_DUTY = 10

/** The slowest charts redraw at most this often while training runs (see slowVersion). */
export const SLOW_CHART_MS = 250

/**
 * Every live chart redraws at most this often while training runs (see version); after the run, and
 * while paused, once per frame. Progress events come every ~75 ms.
 */
export const LIVE_CHART_MS = 100

/** The speed control's stops, in steps per second; the last one (undefined) is full speed. */
export const SPEEDS: readonly (number | undefined)[] = [1, 2, 5, 10, 20, 50, 100, 250, 1000, undefined]

/** An inspection and the sample it was computed on (x and y, encoded as the network sees them). */
export interface SampleInspection {
  sample: number
  inspection: Inspection
  x?: number[]
  y?: number[]
  /** The sample's row of the table and the CSV line it starts on (1-based), when known. */
  row?: number
  line?: number
  /** Regression: target and output in the target columns' own units (y above is standardised). */
  units?: { target: Record<string, number>; output: Record<string, number> }
}

/** The gradient check as the explainer shows it: per edge the largest relative error. */
export interface GradientCheckView {
  edges: { edgeId: string; maxRelativeError: number }[]
  /** An edge passes when its error is below this. */
  tolerance: number
}

export type { StepUnit }

/** `SessionState` plus the moments the engine has not answered yet, and a failed request. */
export type TrainingStatus = SessionState | 'starting' | 'error'

/** The engine commands whose failure the status line names (training.status.action.*). */
type TrainingAction =
  | 'train'
  | 'pause'
  | 'resume'
  | 'stop'
  | 'step'
  | 'resetWeights'
  | 'restoreWeights'
  | 'setLearningRate'
  | 'setSpeed'
  | 'setWeight'
  | 'inspect'
  | 'gradientCheck'

export const useTrainingStore = defineStore('training', () => {
  /** The settings the next Train uses; edited by the panel (through applySettings). */
  const settings = ref<TrainSettings>(resolveTrainSettings())
  const status = ref<TrainingStatus>('idle')
  const epoch = ref(0)
  const step = ref(0)
  /** The learning rate in use right now (schedules and live changes move it). */
  const currentLearningRate = ref<number | null>(null)
  const samplesPerSecond = ref(0)
  const etaSeconds = ref(NaN)
  /**
   * Why training stopped, or what went wrong, as a notice the panel words in the user's language;
   * null while nothing happened. `statusText` is its English (logs, tests).
   */
  const statusNotice = shallowRef<Notice | null>(null)
  const statusText = computed(() => (statusNotice.value ? englishText(statusNotice.value) : ''))
  const isStarting = (n: Notice | null): boolean => !!n && 'key' in n && n.key === 'training.status.starting'
  /** An initialiser's name as the settings form words it. */
  const initName = (init: string) => ({ notice: notice(`training.choices.init.${init}`) })
  const say = (key: string, params?: Parameters<typeof notice>[1]): void => {
    statusNotice.value = notice(`training.status.${key}`, params)
  }
  const lastDone = shallowRef<DoneEvent | null>(null)
  const lastEpoch = shallowRef<EpochMetrics | null>(null)
  /** δ statistics of the latest batch, per layer (the graph's badges read it). */
  const latestLayers = shallowRef<readonly LayerStats[]>([])
  /** Layer display names by id, for status text and charts (set from the graph). */
  const layerNames = shallowRef<Record<string, string>>({})

  /** The latest snapshot of the weights (null until fetched); never updated per step. */
  const parameters = shallowRef<ParameterMap | null>(null)
  let parametersInFlight = false
  let parametersFetchedAt = -Infinity
  /** ∂C/∂W of the last step, fetched with `parameters` when the engine offers it. */
  const gradients = shallowRef<ParameterMap | null>(null)
  /** The snapshot before `parameters`, and how many steps lie between them (a weight's last update). */
  const previousParameters = shallowRef<{ parameters: ParameterMap; steps: number } | null>(null)
  let parametersStep = 0
  /** Steps per second the engine trains at (undefined: full speed); kept across runs. */
  const stepsPerSecond = ref<number | undefined>(undefined)
  let evaluationInFlight = false
  let evaluationDueAt = -Infinity

  /** The explainer's current inspection and gradient check (its highlight is the ui store's). */
  const inspection = shallowRef<SampleInspection | null>(null)
  const gradientCheck = shallowRef<GradientCheckView | null>(null)
  const explainerBusy = ref(false)

  /** Live chart data: outside deep reactivity on purpose. */
  const buffers = markRaw(new RunBuffers())
  /** Bumped at most once per animation frame (and LIVE_CHART_MS while running) when `buffers` changed. */
  const version = ref(0)
  /**
   * Bumped with `version` but at most every SLOW_CHART_MS: for the charts whose redraw costs most and
   * whose picture moves slowly (the weights-over-time heatmap), so they cannot hold every frame up.
   */
  const slowVersion = ref(0)
  let slowBumpedAt = -Infinity
  const bumpVersion = redrawScheduler(
    () => {
      version.value++
      const now = performance.now()
      if (now - slowBumpedAt >= SLOW_CHART_MS || status.value !== 'running') {
        slowBumpedAt = now
        slowVersion.value++
      }
    },
    () => (status.value === 'running' ? LIVE_CHART_MS : 0)
  )

  let engine: TrainingEngine | null = null
  /** True while an engine that serves the training commands is bound. */
  const engineReady = ref(false)
  let unsubscribe: (() => void) | null = null
  const meter = new RateMeter()
  /** Steps per epoch, learnt from the first finished epoch (for the progress bar and ETA). */
  const stepsPerEpoch = ref(NaN)

  const isRunning = computed(() => status.value === 'running' || status.value === 'starting')
  /** After a run stopped by NaN/∞, divergence or an error: the weights that can be put back. */
  const canRestore = computed(
    () =>
      status.value === 'done' && lastDone.value !== null && RESTORABLE_REASONS.includes(lastDone.value.reason)
  )
  const isPaused = computed(() => status.value === 'paused')
  /** Fraction of the planned epochs done, in [0, 1]. */
  const fraction = computed(() => {
    const total = stepsPerEpoch.value * settings.value.epochs
    if (Number.isFinite(total) && total > 0) return Math.min(1, step.value / total)
    return Math.min(1, epoch.value / settings.value.epochs)
  })

  /** Connects the store to an engine; replaces any previous one. */
  /**
   * Sessions up to this number belong to a project that has been replaced (New, Open…): their last
   * events (a stop's "done", a final progress) must not draw on the new project.
   */
  let staleUpTo = 0
  let newestSession = 0

  function bind(next: TrainingEngine | null): void {
    const lost = engine !== null && next === null
    unsubscribe?.()
    unsubscribe = null
    engine = next
    engineReady.value = next !== null
    // Another engine numbers its sessions from 1 again.
    staleUpTo = 0
    newestSession = 0
    if (next && stepsPerSecond.value !== undefined)
      void next.setSpeed?.(stepsPerSecond.value).catch(() => undefined)
    if (next)
      unsubscribe = next.onEvent((ev, session) => {
        if (session !== undefined) {
          if (session <= staleUpTo) return
          newestSession = Math.max(newestSession, session)
        }
        handleEvent(ev)
      })
    // The session lived in the engine: a panel still showing it running would offer dead controls.
    if (lost && (isRunning.value || isPaused.value)) {
      status.value = 'idle'
      say('engineStopped')
      meter.reset()
    }
  }

  function handleEvent(ev: SessionEvent, nowMs = performance.now()): void {
    const wasPaused = status.value === 'paused'
    applyEvent(ev, nowMs)
    // A pause (or a Step's end) is a moment the weights stand still: the project keeps them.
    if (status.value === 'paused' && !wasPaused) {
      useWeightsStore().hasModel = true
      void useWeightsStore().captureModel()
    }
  }

  function applyEvent(ev: SessionEvent, nowMs: number): void {
    switch (ev.type) {
      case 'progress':
        buffers.ingest(ev)
        status.value = ev.state
        epoch.value = ev.epoch
        step.value = ev.step
        currentLearningRate.value = ev.learningRate
        samplesPerSecond.value = ev.samplesPerSecond
        if (ev.layers.length > 0) latestLayers.value = ev.layers
        if (ev.epochs.length > 0) {
          const last = ev.epochs[ev.epochs.length - 1]
          lastEpoch.value = last
          if (!Number.isFinite(stepsPerEpoch.value) && last.epoch > 0)
            stepsPerEpoch.value = last.step / last.epoch
        }
        meter.update(ev.step, nowMs)
        etaSeconds.value = meter.etaSeconds(ev.step, stepsPerEpoch.value * settings.value.epochs)
        if (nowMs - parametersFetchedAt >= PARAMETER_REFRESH_MS) void refreshParameters(nowMs)
        if (ev.state === 'running' && nowMs >= evaluationDueAt) void evaluateLive(nowMs)
        bumpVersion()
        return
      case 'state':
        status.value = ev.state
        epoch.value = ev.epoch
        step.value = ev.step
        if (ev.state !== 'running') meter.reset()
        if (ev.state === 'paused') say('paused', { epoch: ev.epoch, step: ev.step })
        if (ev.state === 'running') say('running')
        if (ev.state === 'paused') void refreshParameters(nowMs)
        return
      case 'done':
        status.value = 'done'
        epoch.value = ev.epoch
        step.value = ev.step
        lastDone.value = ev
        if (ev.final) lastEpoch.value = ev.final
        etaSeconds.value = 0
        meter.reset()
        statusNotice.value = { engine: doneMessage(ev, (id) => layerNames.value[id] ?? id) }
        void refreshParameters(nowMs)
        // Once per run, not per step: the Charts tab's confusion matrix / boundary of the final weights,
        // and the trained weights into the project (Save writes them; a restarted engine gets them back).
        // The engine's model is this project's from its first event on (stale sessions are filtered).
        useWeightsStore().hasModel = true
        void useWeightsStore().captureModel()
        void useWeightsStore().evaluateQuietly()
        bumpVersion()
        return
    }
  }

  /**
   * The Charts tab's boundary and confusion matrix of the weights right now, while training runs:
   * one request at a time, spaced by EVALUATION_REFRESH_MS and by ten times the last one's duration.
   */
  async function evaluateLive(nowMs: number): Promise<void> {
    if (evaluationInFlight || !engine) return
    evaluationInFlight = true
    evaluationDueAt = Infinity
    const started = performance.now()
    try {
      await useWeightsStore().evaluateQuietly()
    } finally {
      evaluationInFlight = false
      const took = performance.now() - started
      evaluationDueAt = nowMs + Math.max(EVALUATION_REFRESH_MS, took * EVALUATION_DUTY)
    }
  }

  function requireEngine(): TrainingEngine {
    if (!engine) throw new Error(englishText(notice('training.status.noEngine')))
    return engine
  }

  /**
   * Runs an engine command; a failure shows in the status line instead of being thrown at the UI.
   * The session state is left alone: the engine's own events say what state it is in.
   */
  async function run(what: TrainingAction, fn: (e: TrainingEngine) => Promise<void>): Promise<boolean> {
    try {
      await fn(requireEngine())
      return true
    } catch (err) {
      say('failed', {
        what: { notice: notice(`training.status.action.${what}`) },
        error: { engine: engineMessageOf(err) }
      })
      return false
    }
  }

  function clearRun(): void {
    buffers.clear()
    evaluationDueAt = -Infinity
    epoch.value = 0
    step.value = 0
    samplesPerSecond.value = 0
    etaSeconds.value = NaN
    latestLayers.value = []
    lastDone.value = null
    lastEpoch.value = null
    useWeightsStore().clearEvaluation()
    stepsPerEpoch.value = NaN
    meter.reset()
    bumpVersion()
  }

  /** Starts a new session from the current weights with the current settings; the charts start over. */
  async function train(): Promise<boolean> {
    if (isRunning.value) return false
    let resolved: TrainSettings
    try {
      resolved = resolveTrainSettings(settings.value)
    } catch (err) {
      status.value = 'error'
      statusNotice.value = { engine: engineMessageOf(err) }
      return false
    }
    clearRun()
    status.value = 'starting'
    say('starting')
    // The project's weights are where this run starts (the last run's, a template's, a file's): the
    // engine may have restarted or hold another model since.
    await useWeightsStore().settled()
    const from = useWeightsStore().startingWeights()
    let started: StartResult | void = undefined
    const ok = await run('train', async (e) => {
      started = await e.start(resolved, from.parameters)
    })
    if (!ok) status.value = 'error'
    else {
      const result = started as StartResult | void
      if (result) newestSession = Math.max(newestSession, result.session)
      useWeightsStore().hasModel = true
      if (from.note && isStarting(statusNotice.value)) statusNotice.value = from.note
    }
    return ok
  }

  const pause = (): Promise<boolean> => run('pause', (e) => e.pause())
  const resume = (): Promise<boolean> => run('resume', (e) => e.resume())
  const stop = (): Promise<boolean> => run('stop', (e) => e.stop())

  /** One batch or one epoch; starts a paused session first when none is running. */
  async function stepOnce(unit: StepUnit): Promise<boolean> {
    // After a finished run the engine steps a new session (counting from step 1 again): new charts.
    if (status.value === 'done') clearRun()
    return run('step', (e) => e.step(unit))
  }

  /**
   * Fresh weights from the settings' initialiser and seed; the charts start over. They are cleared
   * before the request because the engine sends the new weights' histograms before its reply.
   */
  async function resetWeights(): Promise<boolean> {
    if (isRunning.value) return false
    clearRun()
    const ok = await run('resetWeights', (e) => e.resetWeights(settings.value.init, settings.value.seed))
    const weights = useWeightsStore()
    if (ok) {
      void refreshParameters()
      await weights.captureModel()
      status.value = 'idle'
      say('reinitialised', { init: initName(settings.value.init), seed: settings.value.seed })
    } else {
      // Without data the engine has no network to reset: forget the weights, so Train starts fresh.
      weights.forgetWeights()
      parameters.value = null
      status.value = 'idle'
      say('resetFresh', { init: initName(settings.value.init), seed: settings.value.seed })
    }
    return true
  }

  /**
   * "Restore weights before this run" / "Restore last good weights": the model (and so the project,
   * the overlay, the evaluation) gets those weights; the next Train continues from them.
   */
  async function restoreWeights(which: RestorePoint): Promise<boolean> {
    if (isRunning.value) return false
    const ok = await run('restoreWeights', (e) => e.restore(which))
    if (!ok) return false
    const weights = useWeightsStore()
    await weights.captureModel()
    void refreshParameters()
    void weights.evaluateQuietly()
    lastDone.value = null
    status.value = 'idle'
    say(which === 'run-start' ? 'restoredRunStart' : 'restoredLastGood')
    return true
  }

  /** Sets the learning rate for the next Train and, while a session runs, for its next step. */
  async function setLearningRate(lr: number): Promise<boolean> {
    if (!(lr > 0) || !Number.isFinite(lr)) {
      say('badLearningRate', { value: String(lr) })
      return false
    }
    writeSettings({ ...settings.value, learningRate: lr })
    if (status.value !== 'running' && status.value !== 'paused') return true
    const ok = await run('setLearningRate', (e) => e.setLearningRate(lr))
    if (ok) currentLearningRate.value = lr
    return ok
  }

  /** Sets the speed for the running session and the next ones; undefined is full speed. */
  async function setSpeed(sps: number | undefined): Promise<boolean> {
    stepsPerSecond.value = sps
    if (!engine?.setSpeed) return true
    return run('setSpeed', (e) => e.setSpeed!(sps))
  }

  /**
   * A weight typed in by hand: into the engine's model (the next step, export and prediction use it),
   * the overlay's snapshot and the project. Refused while training runs.
   */
  async function setWeight(edgeId: string, row: number, col: number, value: number): Promise<boolean> {
    if (status.value === 'running' || status.value === 'starting') {
      say('pauseToEdit')
      return false
    }
    if (!Number.isFinite(value)) {
      say('badWeight', { value: String(value) })
      return false
    }
    const ok = await run('setWeight', async (e) => {
      if (!e.setWeight) throw new Error(englishText(notice('training.status.noSetWeight')))
      await e.setWeight(edgeId, row, col, value)
    })
    if (!ok) return false
    const W = parameters.value?.[edgeId]
    if (W?.[row]) {
      const next = W.map((r) => r.slice())
      next[row][col] = value
      parameters.value = { ...parameters.value, [edgeId]: next }
    }
    void refreshParameters()
    const weights = useWeightsStore()
    weights.hasModel = true
    await weights.captureModel()
    void weights.evaluateQuietly()
    return true
  }

  /**
   * Fetches the weights for the overlay: at most one request in flight, none while the overlay is off.
   * A failure leaves the last snapshot (the overlay falls back to histogram summaries).
   */
  async function refreshParameters(nowMs = performance.now()): Promise<void> {
    if (!engine || !useUiStore().overlayEnabled || parametersInFlight) return
    parametersInFlight = true
    parametersFetchedAt = nowMs
    try {
      const stepNow = step.value
      const before = parameters.value
      if (engine.getParametersWithGradients) {
        const r = await engine.getParametersWithGradients()
        parameters.value = r.parameters
        gradients.value = r.gradients ?? null
      } else parameters.value = await engine.getParameters()
      if (before && stepNow > parametersStep)
        previousParameters.value = { parameters: before, steps: stepNow - parametersStep }
      parametersStep = stepNow
    } catch {
      // Keep the previous snapshot; the next progress event retries.
    } finally {
      parametersInFlight = false
    }
  }

  /** Inspects one sample with the current weights; failures show in the status line. */
  async function inspectSample(sample: number): Promise<boolean> {
    explainerBusy.value = true
    try {
      return await run('inspect', async (e) => {
        inspection.value = await e.inspect(sample)
      })
    } finally {
      explainerBusy.value = false
    }
  }

  async function checkGradients(): Promise<boolean> {
    explainerBusy.value = true
    try {
      return await run('gradientCheck', async (e) => {
        gradientCheck.value = await e.gradientCheck()
      })
    } finally {
      explainerBusy.value = false
    }
  }

  /**
   * A replaced project (New, template, Open, recovery, weights import) starts every piece of run
   * state over: charts, δ badges, the weight overlay, the explainer and its gradient check, progress
   * and status. A session still running belonged to the old project: it is stopped and its last events
   * ignored. The settings become the project's (defaults for a new one; an import keeps them).
   */
  function startOver(project: Project, kind: string): void {
    staleUpTo = newestSession
    if (engine && (isRunning.value || isPaused.value)) void engine.stop().catch(() => undefined)
    clearRun()
    status.value = 'idle'
    statusNotice.value = null
    currentLearningRate.value = null
    parameters.value = null
    gradients.value = null
    previousParameters.value = null
    inspection.value = null
    gradientCheck.value = null
    useUiStore().setHighlight(null)
    // The settings become the project's, as the engine resolves them (so the file is "saved" right after Open).
    if (kind !== 'import') writeSettings(settingsFromProject(project.training).settings)
    // The graph's overlay draws the new project's weights: an import's are in the engine already; an
    // opened project's go in first (its model, so predictions are exactly those it was saved with).
    if (kind === 'import') void refreshParameters()
    else void loadModel()
    const epochsRun = (project.model?.training as { epochsRun?: unknown } | null | undefined)?.epochsRun
    if (project.parameters && typeof epochsRun === 'number' && epochsRun > 0)
      say(epochsRun === 1 ? 'trainedForOne' : 'trainedFor', { epochs: epochsRun })
  }

  /** The project's model into the engine (after Open); the overlay follows. */
  async function loadModel(): Promise<void> {
    if (await useWeightsStore().loadProjectModel()) await refreshParameters()
  }

  const project = useProjectStore()
  project.onReplace(startOver)

  /** The settings, and the project file's copy of them: every change of the settings goes through here. */
  function writeSettings(next: TrainSettings): void {
    settings.value = next
    project.setTraining({ settings: next })
  }
  writeSettings(settings.value)

  /** Merges values into the settings (the panel's edits). */
  function applySettings(patch: Partial<TrainSettings>): void {
    writeSettings({ ...settings.value, ...patch })
  }

  return {
    settings,
    status,
    epoch,
    step,
    currentLearningRate,
    samplesPerSecond,
    etaSeconds,
    statusNotice,
    statusText,
    lastDone,
    lastEpoch,
    latestLayers,
    layerNames,
    parameters,
    gradients,
    previousParameters,
    inspection,
    gradientCheck,
    explainerBusy,
    buffers,
    version,
    slowVersion,
    engineReady,
    isRunning,
    isPaused,
    fraction,
    stepsPerEpoch,
    stepsPerSecond,
    setSpeed,
    setWeight,
    bind,
    handleEvent,
    train,
    pause,
    resume,
    stop,
    stepOnce,
    resetWeights,
    restoreWeights,
    canRestore,
    setLearningRate,
    refreshParameters,
    inspectSample,
    checkGradients,
    applySettings
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useTrainingStore, import.meta.hot))
