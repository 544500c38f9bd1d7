/**
 * The training store's engine (TrainingEngine) over the protocol client: each call is one `train.*`,
 * `inspect` or `gradcheck` request, and the session's events arrive as `train.event`. The graph sent
 * with Train (and with Step / Reset, which open a session when the engine has none) is the editor's.
 */
import { toRaw, watch, type WatchStopHandle } from 'vue'
import type { EngineClient, GraphSpec, SessionEvent, TrainSettings } from '@engine/index'
import { useEngineStore } from '@renderer/stores/engine'
import { useGraphStore } from '@renderer/stores/graph'
import { useDataStore } from '@renderer/stores/data'
import { useTrainingStore, type TrainingEngine } from '@renderer/stores/training'
import { useWeightsStore } from '@renderer/stores/weights'

/** The renderer state a request needs, read at the moment of the request. */
export interface TrainingSources {
  graph(): GraphSpec
  /** The settings a Step or Reset uses when the engine has no session to continue. */
  settings(): TrainSettings
}

/** The finite-difference check runs many forward passes; a big network may take a while. */
const GRADCHECK_TIMEOUT_MS = 120_000

/**
 * A plain JSON copy: the graph and settings live in Vue refs, and a reactive Proxy cannot be
 * structured-cloned onto a MessagePort.
 */
function plain<T>(value: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(toRaw(value))) as Record<string, unknown>
}

export function createTrainingEngine(client: EngineClient, sources: TrainingSources): TrainingEngine {
  const session = () => ({ graph: plain(sources.graph()), settings: plain(sources.settings()) })
  return {
    async start(settings, parameters) {
      const r = await client.request('train.start', {
        graph: plain(sources.graph()),
        settings: plain(settings),
        ...(parameters ? { parameters: plain(parameters) } : {})
      })
      return { session: r.session, weights: r.weights }
    },
    async pause() {
      await client.request('train.pause', {})
    },
    async resume() {
      await client.request('train.resume', {})
    },
    async step(unit) {
      await client.request('train.step', { unit, ...session() })
    },
    async stop() {
      await client.request('train.stop', {})
    },
    async resetWeights(init, seed) {
      await client.request('train.reset', { init, seed, ...session() })
    },
    async setLearningRate(learningRate) {
      await client.request('train.setLearningRate', { learningRate })
    },
    onEvent(listener) {
      return client.on('train.event', (data) => {
        // The session number is the engine's bookkeeping; the store takes the SessionEvent itself.
        const { session, ...event } = data
        listener(event as SessionEvent, session)
      })
    },
    async inspect(sample) {
      const r = await client.request('inspect', { sample })
      return {
        sample: r.sample,
        inspection: r.inspection,
        x: r.x,
        y: r.y,
        row: r.row,
        line: r.line,
        units: r.units
      }
    },
    async gradientCheck() {
      const r = await client.request('gradcheck', {}, { timeoutMs: GRADCHECK_TIMEOUT_MS })
      return {
        edges: r.edges.map((e) => ({ edgeId: e.edgeId, maxRelativeError: e.maxRelError })),
        tolerance: r.tolerance
      }
    },
    async restore(which) {
      await client.request('train.restore', { which })
    },
    async getParameters() {
      return (await client.request('train.parameters', {})).parameters
    }
  }
}

/** True when the engine says it serves the training commands. */
export function servesTraining(capabilities: readonly string[] | undefined): boolean {
  return capabilities?.includes('train.start') ?? false
}

/**
 * The one place the stores follow the engine connection (no store watches another). Whenever the
 * client changes: the training store is bound to it when its engine serves training (unbound while
 * the engine restarts or is gone); the data store loads its file into a restarted engine; the weights
 * store gives it the project's model, and the graph's overlay then shows those weights. Returns the
 * stop function.
 */
export function bindTrainingEngine(): WatchStopHandle {
  const engine = useEngineStore()
  const graph = useGraphStore()
  const training = useTrainingStore()
  // Created now, not when a panel first shows them: each follows New / Open from the first one on.
  const data = useDataStore()
  const weights = useWeightsStore()
  return watch(
    () => [engine.client, engine.info?.capabilities] as const,
    ([client, capabilities], previous) => {
      const next =
        client && !client.closed && servesTraining(capabilities)
          ? createTrainingEngine(client, { graph: () => graph.graph, settings: () => training.settings })
          : null
      training.bind(next)
      // The first run (immediate) is the connection the stores were created with, not a new one.
      if (previous === undefined || previous[0] === client) return
      void data.engineChanged(client)
      void weights.engineChanged(client).then((ok) => (ok ? training.refreshParameters() : undefined))
    },
    { immediate: true }
  )
}
