/**
 * Shared by the data and weights tests: the real datasets, and small networks trained on them with
 * the engine's own API (no mocks), so the tests have a model to export, import and predict with.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseCsv } from '../../src/engine/data/csv'
import { prepareData, type PreparedData, type PrepareRequest } from '../../src/engine/data/preprocess'
import type { CsvTable } from '../../src/engine/data/table'
import type { Activation, GraphSpec, LossKind } from '../../src/engine/graph/types'
import { createEngineClient, type EngineClient } from '../../src/engine/protocol/client'
import { engineCommands } from '../../src/engine/protocol/commands'
import { LossHistory } from '../../src/engine/model/lossHistory'
import { createWorkspace, type Workspace } from '../../src/engine/model/workspace'
import { portFromMessagePort, type PortLike } from '../../src/engine/protocol/port'
import { serveEngine, type EngineServer } from '../../src/engine/protocol/server'
import { createNetwork } from '../../src/engine/nn/network'
import type { Network } from '../../src/engine/nn/types'
import { resolveTrainSettings, type TrainSettingsInput } from '../../src/engine/train/settings'
import { createTrainer, trainToEnd } from '../../src/engine/train/trainer'
import type { TrainingSummary } from '../../src/engine/weights/types'

export const DATASETS = path.resolve(__dirname, '../fixtures/datasets')
export const DATASET_NAMES = ['iris', 'wine', 'breast_cancer', 'digits', 'diabetes', 'titanic_full'] as const
export type DatasetName = (typeof DATASET_NAMES)[number]

export const datasetPath = (name: DatasetName): string => path.join(DATASETS, `${name}.csv`)
export const readDatasetText = (name: DatasetName): string => readFileSync(datasetPath(name), 'utf8')
export const readDatasetBytes = (name: DatasetName): Uint8Array =>
  new Uint8Array(readFileSync(datasetPath(name)))
export const loadTable = (name: DatasetName): CsvTable => parseCsv(readDatasetText(name))

export type Layer = { units: number; activation: Activation; leak?: number }

/**
 * x → hidden layers → output → loss, a bias edge into every layer, and a skip edge between
 * consecutive hidden layers of equal width (the seeds' residual unit).
 */
export function mlp(hidden: Layer[], output: Layer, loss: LossKind): GraphSpec {
  const layers = [...hidden, output].map((l, i) => ({
    id: i === hidden.length ? 'out' : `h${i + 1}`,
    kind: 'dense' as const,
    ...l
  }))
  const edges: GraphSpec['edges'] = []
  layers.forEach((l, i) => {
    const from = i === 0 ? 'x' : layers[i - 1].id
    edges.push({ id: `w${i + 1}`, from, to: l.id }, { id: `b${i + 1}`, from: 'one', to: l.id })
    if (i > 0 && i < hidden.length && layers[i - 1].units === l.units)
      edges.push({ id: `r${i + 1}`, from, to: l.id, kind: 'skip' })
  })
  edges.push({ id: 'c', from: 'out', to: 'cost' })
  return {
    format: 'backprop-studio/graph',
    version: 1,
    name: 'test network',
    nodes: [
      { id: 'x', kind: 'input' },
      { id: 'one', kind: 'bias' },
      ...layers,
      { id: 'cost', kind: 'loss', loss }
    ],
    edges
  }
}

export interface TrainedModel {
  table: CsvTable
  prepared: PreparedData
  graph: GraphSpec
  net: Network
  training: TrainingSummary
}

/** Prepares a dataset and trains `graph` on it to the end (seeded, so every run is the same). */
export function trainOn(
  name: DatasetName,
  request: PrepareRequest,
  graph: GraphSpec,
  settings: TrainSettingsInput = {}
): TrainedModel {
  const table = loadTable(name)
  const prepared = prepareData(table, request)
  const net = createNetwork(graph, { inputWidth: prepared.summary.inputWidth, seed: 3 })
  const resolved = resolveTrainSettings({
    epochs: 60,
    learningRate: 0.01,
    batchSize: 16,
    seed: 5,
    ...settings
  })
  const trainer = createTrainer(net, prepared.data, resolved)
  // One point per epoch (the epoch metrics), bounded as a model keeps its history.
  const history = new LossHistory()
  const done = trainToEnd(trainer, (m) => history.add(m.step, m.train.loss))
  return {
    table,
    prepared,
    graph,
    net,
    training: {
      settings: resolved,
      seed: resolved.seed,
      epochsRun: trainer.epoch,
      steps: trainer.stepCount,
      final: done.final,
      lossHistory: history.toArray()
    }
  }
}

/** Iris with every hidden activation the classifier graph can use, a skip edge and a softmax output. */
export const trainIris = (): TrainedModel =>
  trainOn(
    'iris',
    { roles: {}, seed: 7 },
    mlp(
      [
        { units: 6, activation: 'tanh' },
        { units: 6, activation: 'relu' },
        { units: 5, activation: 'sigmoid' }
      ],
      { units: 3, activation: 'softmax' },
      'cross-entropy'
    )
  )

/** Diabetes regression (standardised target) through leaky-relu, softplus and a linear output. */
export const trainDiabetes = (): TrainedModel =>
  trainOn(
    'diabetes',
    { roles: {}, seed: 7 },
    mlp(
      [
        { units: 8, activation: 'leaky-relu', leak: 0.1 },
        { units: 8, activation: 'softplus' }
      ],
      { units: 1, activation: 'linear' },
      'squared-error'
    ),
    { epochs: 40, l2: 0.01 }
  )

/** Titanic: one-hot categories, imputed ages, `name` ignored, a binary target on one sigmoid unit. */
export const trainTitanic = (): TrainedModel =>
  trainOn(
    'titanic_full',
    { roles: { name: 'ignored', survived: 'target', passengerClass: 'feature' }, seed: 7, missing: 'median' },
    mlp([{ units: 6, activation: 'tanh' }], { units: 1, activation: 'sigmoid' }, 'binary-cross-entropy'),
    { epochs: 30 }
  )

/** iris.csv as `data.prepare` encodes it by default: four z-scored features, one-hot species, 20% held out. */
export const prepareIris = (): PreparedData => prepareData(loadTable('iris'), { roles: {}, seed: 7 })

/**
 * Two ends of an in-memory transport: messages are structured-cloned and delivered asynchronously, like
 * a MessagePort — for happy-dom tests, where Node's MessageChannel does not reach the page's event loop.
 */
export function portPair(): [PortLike, PortLike] {
  const listeners: ((m: unknown) => void)[][] = [[], []]
  const end = (me: number): PortLike => ({
    postMessage: (message) => {
      const copy = structuredClone(message)
      setTimeout(() => listeners[1 - me].forEach((l) => l(copy)), 0)
    },
    onMessage: (listener) => void listeners[me].push(listener)
  })
  return [end(0), end(1)]
}

/**
 * Engines served over real MessageChannels: `connect()` opens one (client, and the connection's data
 * workspace for tests that set a model directly); `closeAll()` — for afterEach — closes them all.
 */
export function channelEngines(): {
  connect(): { client: EngineClient; ws: Workspace }
  closeAll(): void
} {
  const servers: EngineServer[] = []
  const clients: EngineClient[] = []
  return {
    connect() {
      const channel = new MessageChannel()
      const ws = createWorkspace()
      const server = serveEngine(portFromMessagePort(channel.port1), (c) => engineCommands(c, ws))
      const client = createEngineClient(portFromMessagePort(channel.port2), { timeoutMs: 0 })
      servers.push(server)
      clients.push(client)
      return { client, ws }
    },
    closeAll() {
      for (const client of clients.splice(0)) client.close()
      for (const server of servers.splice(0)) server.close()
    }
  }
}
