import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createNetwork } from '@engine/nn/network'
import { inspect } from '@engine/nn/inspect'
import type { GraphSpec } from '@engine/graph/types'
import { bindTrainingEngine, servesTraining } from '@renderer/engine/trainingEngine'
import { useEngineStore } from '@renderer/stores/engine'
import { useGraphStore } from '@renderer/stores/graph'
import { useTrainingStore } from '@renderer/stores/training'
import { templateById } from '@renderer/graph/templates'
import { createAppI18n } from '@renderer/i18n'
import { noticeText, translator } from '@renderer/i18n/engineMessages'
import type { Workspace as DataWorkspace } from '@engine/index'
import { prepareIris } from '../engine/data-fixtures'
import { connectRealEngine, disconnectRealEngine, until } from './realEngine'

/** The app's iris template: x(4) → h1(8, tanh) → out(3, softmax), edges w1 b1 w2 b2. */
const irisGraph = (): GraphSpec => templateById('iris-mlp')!.graph

let stopBinding: (() => void) | null = null

/** The real engine with iris prepared in its workspace, as data.prepare would leave it. */
async function connectIrisEngine(): Promise<DataWorkspace> {
  const { ws } = await connectRealEngine()
  ws.prepared = prepareIris()
  return ws
}

function useIris(): { training: ReturnType<typeof useTrainingStore>; graph: GraphSpec } {
  const graphStore = useGraphStore()
  graphStore.load(irisGraph())
  return { training: useTrainingStore(), graph: irisGraph() }
}

beforeEach(() => {
  setActivePinia(createPinia())
  stopBinding = bindTrainingEngine()
})

afterEach(() => {
  stopBinding?.()
  disconnectRealEngine()
})

describe('binding the training store to the engine', () => {
  it('binds while a client serves train.start, unbinds when it goes or does not', async () => {
    const training = useTrainingStore()
    expect(training.engineReady).toBe(false)
    await connectIrisEngine()
    expect(training.engineReady).toBe(true)

    const engine = useEngineStore()
    engine.info = { ...engine.info!, capabilities: ['hello', 'data.load'] }
    await nextTick()
    expect(training.engineReady).toBe(false)
    expect(servesTraining(engine.info.capabilities)).toBe(false)

    engine.info = { ...engine.info, capabilities: ['hello', 'train.start'] }
    await nextTick()
    expect(training.engineReady).toBe(true)
    engine.client = null // restarting
    await nextTick()
    expect(training.engineReady).toBe(false)
  })
})

describe('the training store on a real engine', () => {
  it('trains the editor graph on the prepared data: charts fill, the status says why it ended', async () => {
    const ws = await connectIrisEngine()
    const { training } = useIris()
    training.applySettings({ epochs: 25, learningRate: 0.02, seed: 3 })
    expect(await training.train()).toBe(true)
    await until(() => training.status === 'done', 'the run to end')
    expect(training.statusText).toMatch(/^Finished: all 25 epochs done/)
    expect(training.epoch).toBe(25)
    expect(training.buffers.trainLoss.count).toBeGreaterThan(0)
    expect(training.lastEpoch?.validation?.accuracy).toBeGreaterThan(0.7)
    expect(training.latestLayers.map((l) => l.id)).toEqual(['h1', 'out'])
    await until(() => training.parameters !== null, 'the weights for the overlay')
    expect(Object.keys(training.parameters!)).toEqual(['w1', 'b1', 'w2', 'b2'])
    // The engine trained the graph the editor holds, and keeps it as the model.
    const model = ws.model!
    expect(model.graph.nodes.map((n) => n.id)).toEqual(useGraphStore().graph.nodes.map((n) => n.id))
    expect(model.training?.epochsRun).toBe(25)

    // A step after the run: a new session from the trained weights, its charts from step 1.
    expect(await training.stepOnce('batch')).toBe(true)
    await until(() => training.step === 1 && training.status === 'paused', 'the step')
    expect(training.buffers.trainLoss.count).toBe(1)
    expect(ws.model?.training?.epochsRun).toBe(25)
  })

  it('pauses, resumes, changes the learning rate live and stops', async () => {
    await connectIrisEngine()
    const { training } = useIris()
    training.applySettings({ epochs: 100_000 })
    await training.train()
    await until(() => training.step > 0, 'progress')
    expect(await training.pause()).toBe(true)
    expect(training.status).toBe('paused')
    expect(training.statusText).toMatch(/^Paused at epoch \d+, step \d+\.$/)
    const pausedAt = training.step
    expect(await training.stepOnce('batch')).toBe(true)
    await until(() => training.step === pausedAt + 1, 'one step')

    expect(await training.resume()).toBe(true)
    expect(training.status).toBe('running')
    expect(await training.setLearningRate(0.004)).toBe(true)
    const stepAtChange = training.step
    await until(
      () => training.step > stepAtChange && training.currentLearningRate === 0.004,
      'progress at the new rate'
    )
    expect(await training.stop()).toBe(true)
    await until(() => training.status === 'done', 'the stop')
    expect(training.statusText).toMatch(/Stopped by user/i)
  })

  it('explains a sample with the engine numbers and passes the gradient check', async () => {
    await connectIrisEngine()
    const { training, graph } = useIris()
    training.applySettings({ epochs: 5 })
    await training.train()
    await until(() => training.status === 'done', 'the run to end')

    expect(await training.inspectSample(3)).toBe(true)
    const shown = training.inspection!
    expect(shown.sample).toBe(3)
    expect(shown.x).toHaveLength(4)
    expect(shown.y).toHaveLength(3)
    await training.refreshParameters()
    const net = createNetwork(graph, { inputWidth: 4 })
    net.setParameters(training.parameters!)
    expect(shown.inspection).toEqual(inspect(net, Float64Array.from(shown.x!), Float64Array.from(shown.y!)))

    expect(await training.checkGradients()).toBe(true)
    const check = training.gradientCheck!
    expect(check.edges.map((e) => e.edgeId)).toEqual(['w1', 'b1', 'w2', 'b2'])
    for (const e of check.edges) expect(e.maxRelativeError).toBeLessThan(check.tolerance)
  })

  it('resets the weights before any training from the editor graph, initialiser and seed', async () => {
    await connectIrisEngine()
    const { training, graph } = useIris()
    training.applySettings({ init: 'he-uniform', seed: 11 })
    expect(await training.resetWeights()).toBe(true)
    expect(training.statusText).toBe('Weights re-initialised (he-uniform, seed 11).')
    // The initialiser is worded as the settings form words it, not quoted as its id.
    const zh = translator(createAppI18n('zh-CN').global)
    expect(noticeText(zh, training.statusNotice!)).toBe('权重已重新初始化（He 均匀分布，种子 11）。')
    await until(() => training.parameters !== null, 'the weights')
    const expected = createNetwork(graph, { inputWidth: 4, init: 'he-uniform', seed: 11 }).getParameters()
    expect(training.parameters).toEqual(expected)
  })

  it('shows the engine refusal in the status line and changes nothing', async () => {
    const ws = await connectIrisEngine()
    const training = useTrainingStore()
    const twoOutputs = irisGraph()
    twoOutputs.nodes = twoOutputs.nodes.map((n) =>
      n.id === 'out' && n.kind === 'dense' ? { ...n, units: 2 } : n
    )
    useGraphStore().load(twoOutputs)
    expect(await training.train()).toBe(false)
    expect(training.status).toBe('error')
    expect(training.statusText).toMatch(/^Train failed: Output layer "out" has 2 units.*need 3/)
    expect(ws.model).toBeNull()
  })

  it('ends the shown session when the engine goes away', async () => {
    await connectIrisEngine()
    const { training } = useIris()
    training.applySettings({ epochs: 100_000 })
    await training.train()
    await until(() => training.step > 0, 'progress')
    useEngineStore().client = null
    await nextTick()
    expect(training.engineReady).toBe(false)
    expect(training.status).toBe('idle')
    expect(training.statusText).toBe('Training ended: the engine stopped.')
  })
})
