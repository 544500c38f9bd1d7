/**
 * Issue 10's journeys through the stores, with a real engine in-process: projects keep their model,
 * runs never destroy one, New / Open / import start every piece of run state over, one readiness
 * verdict, and a new target replaces the old one.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ParameterMap } from '@engine/graph/types'
import type { EngineClient } from '@engine/protocol'
import { bindTrainingEngine } from '@renderer/engine/trainingEngine'
import { templateById } from '@renderer/graph/templates'
import { setPlatform } from '@renderer/platform'
import { createBrowserPlatform } from '@renderer/platform/browser'
import { parseProject, serializeProject } from '@renderer/project/file'
import { pruneParameters } from '@renderer/project/parameters'
import { useDataStore } from '@renderer/stores/data'
import { useEngineStore } from '@renderer/stores/engine'
import { useGraphStore } from '@renderer/stores/graph'
import { useProjectStore } from '@renderer/stores/project'
import { useReadinessStore } from '@renderer/stores/readiness'
import { useTrainingStore } from '@renderer/stores/training'
import { useUiStore } from '@renderer/stores/ui'
import { useWeightsStore } from '@renderer/stores/weights'
import { readDatasetText } from '../engine/data-fixtures'
import { connectRealEngine, disconnectRealEngine, until } from './realEngine'

const irisText = readDatasetText('iris')
const titanicText = readDatasetText('titanic_full')
const xorText = 'x1,x2,y\n0,0,1\n0,1,0\n1,0,0\n1,1,1\n'
const ROWS = [
  { sepal_length_cm: '5.1', sepal_width_cm: '3.5', petal_length_cm: '1.4', petal_width_cm: '0.2' },
  { sepal_length_cm: '6.3', sepal_width_cm: '2.9', petal_length_cm: '5.6', petal_width_cm: '1.8' },
  { sepal_length_cm: '5.9', sepal_width_cm: '3.0', petal_length_cm: '4.2', petal_width_cm: '1.5' }
]

let stopBinding: (() => void) | null = null
let saved: { name: string; text: string }[] = []

function memoryStorage(): Storage {
  const memory = new Map<string, string>()
  return {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
    clear: () => memory.clear(),
    key: () => null,
    length: 0
  } as Storage
}

beforeEach(() => {
  saved = []
  setPlatform({
    ...createBrowserPlatform(memoryStorage()),
    saveProject: async (text, name) => {
      saved.push({ name, text })
      return { name }
    }
  })
  setActivePinia(createPinia())
  stopBinding = bindTrainingEngine()
})

afterEach(() => {
  stopBinding?.()
  disconnectRealEngine()
  setPlatform(undefined)
  vi.restoreAllMocks()
})

/** The `train.start` requests the client sends, with the engine's answers. */
function watchStarts(client: EngineClient) {
  const spy = vi.spyOn(client, 'request')
  return async () => {
    const out: { payload: Record<string, unknown>; weights: string }[] = []
    for (let i = 0; i < spy.mock.calls.length; i++) {
      const [command, payload] = spy.mock.calls[i]
      if (command !== 'train.start') continue
      const result = (await spy.mock.results[i].value) as { weights: string }
      out.push({ payload: payload as Record<string, unknown>, weights: result.weights })
    }
    return out
  }
}

async function trainIris(epochs: number): Promise<void> {
  const project = useProjectStore()
  await project.newFromTemplate('iris-mlp')
  const data = useDataStore()
  if (!data.loaded) expect(await data.loadText('iris.csv', irisText)).toBe(true)
  await runTraining({ epochs })
}

async function runTraining(settings: Record<string, unknown>): Promise<void> {
  const training = useTrainingStore()
  training.applySettings({ seed: 3, ...settings })
  expect(await training.train()).toBe(true)
  await until(() => training.status === 'done', 'the run to end')
  await until(() => useWeightsStore().hasModel && useProjectStore().model !== undefined, 'the captured model')
  await useWeightsStore().settled()
}

/** Runs a New / Open that asks about unsaved work, and answers "Discard changes". */
async function answeringYes(act: () => Promise<boolean>): Promise<boolean> {
  const pending = act()
  await until(() => useUiStore().confirmRequest !== null, 'the unsaved-work question')
  useUiStore().confirmRequest!.resolve(true)
  return pending
}

async function predictions(): Promise<unknown> {
  const weights = useWeightsStore()
  expect(await weights.predict(ROWS)).toBe(true)
  return weights.predictions
}

describe('projects keep everything', () => {
  it('Save writes every parameter, the training and data settings; Open restores them and predicts the same', async () => {
    await connectRealEngine()
    await trainIris(15)
    const before = await predictions()
    const project = useProjectStore()
    expect(await project.save()).toBe(true)
    const file = JSON.parse(saved[0].text)
    expect(Object.keys(file.parameters).sort()).toEqual(['b1', 'b2', 'w1', 'w2'])
    expect(file.training.settings).toMatchObject({ epochs: 15, seed: 3 })
    expect(file.training.validationSplit).toBe(0.2)
    expect(file.data).toMatchObject({ fileName: 'iris.csv', roles: { species: 'target' } })
    expect(file.model.preprocessing.features).toHaveLength(4)
    expect(file.model.training.epochsRun).toBe(15)

    // Open it in a fresh app (another Pinia, another engine): no CSV loaded yet.
    stopBinding?.()
    disconnectRealEngine()
    setActivePinia(createPinia())
    stopBinding = bindTrainingEngine()
    await connectRealEngine()
    const reopened = useProjectStore()
    expect(reopened.openText('Iris MLP.bps.json', saved[0].text)).toBe(true)
    expect(reopened.dirty).toBe(false)
    expect(useTrainingStore().settings.epochs).toBe(15)
    await until(() => useWeightsStore().hasModel, 'the project model in the engine')
    expect(await predictions()).toEqual(before)
    expect(useGraphStore().inputWidth).toBe(4)
    expect(useTrainingStore().statusText).toBe('Weights trained for 15 epochs: Train continues from them.')

    // Training continues from the opened weights once the CSV is there: the epochs add up.
    const starts = watchStarts(useEngineStore().client!)
    expect(await useDataStore().loadText('iris.csv', irisText)).toBe(true)
    await runTraining({ epochs: 5 })
    expect((await starts()).map((s) => s.weights)).toEqual(['continued'])
    expect((useProjectStore().model?.training as { epochsRun: number }).epochsRun).toBe(20)
  })

  it('a template with weights trains from them: XOR starts from the seed-001 gate weights', async () => {
    const { client } = await connectRealEngine()
    const starts = watchStarts(client)
    const project = useProjectStore()
    await project.newFromTemplate('xor')
    const data = useDataStore()
    expect(await data.loadText('xor.csv', xorText)).toBe(true)
    // The gates take the raw 0/1 inputs.
    expect(await data.setOptions({ normalization: 'none' })).toBe(true)
    await runTraining({ epochs: 1, learningRate: 1e-12, optimizer: 'gd' })
    // The gate weights went to the engine with the template (or with Train): never fresh ones.
    const [start] = await starts()
    expect(start.weights).not.toBe('initialized')
    // The gates compute XNOR: (0,0) and (1,1) fire, as in the seed's table.
    const weights = useWeightsStore()
    expect(
      await weights.predict([
        { x1: '0', x2: '0' },
        { x1: '0', x2: '1' },
        { x1: '1', x2: '1' }
      ])
    ).toBe(true)
    expect(weights.predictions.map((p) => p.label)).toEqual(['1', '0', '1'])
  })

  it('Step on a template steps from its weights too', async () => {
    await connectRealEngine()
    await useProjectStore().newFromTemplate('xor')
    const data = useDataStore()
    expect(await data.loadText('xor.csv', xorText)).toBe(true)
    const training = useTrainingStore()
    training.applySettings({ learningRate: 1e-12, optimizer: 'gd' })
    expect(await training.stepOnce('batch')).toBe(true)
    await until(() => training.status === 'paused', 'the paused step')
    await until(() => useProjectStore().model !== undefined, 'the captured model')
    const gates = templateById('xor')!.parameters!
    const now = useProjectStore().parameters!
    for (const id of Object.keys(gates))
      gates[id].forEach((row, i) => row.forEach((v, j) => expect(now[id][i][j]).toBeCloseTo(v, 9)))
  })

  it('trained weights survive an engine restart: the new engine gets them back', async () => {
    await connectRealEngine()
    await trainIris(10)
    const trained = useProjectStore().parameters
    const before = await predictions()

    // The engine dies and another starts: the stores see a new client.
    disconnectRealEngine()
    useEngineStore().client = null
    const { client } = await connectRealEngine()
    const starts = watchStarts(client)
    await until(
      () => useWeightsStore().hasModel && useDataStore().prepared !== null,
      'the model and data again'
    )
    expect(await predictions()).toEqual(before)
    await runTraining({ epochs: 1, learningRate: 1e-12 })
    const [start] = await starts()
    // Either given back with Train or already imported: never fresh weights.
    expect(start.weights).not.toBe('initialized')
    expect(useProjectStore().parameters).not.toEqual(undefined)
    const w1 = useProjectStore().parameters!.w1
    w1.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(trained!.w1[i][j], 6)))
  })

  it('keeps w1 when no data is bound, whatever the input node says', () => {
    const xor = templateById('xor')!
    const graph = structuredClone(xor.graph)
    // Weights of a 3-feature input on a graph whose input node still says 2.
    const parameters: ParameterMap = {
      ...structuredClone(xor.parameters!),
      w1: [
        [1, 2, 3],
        [4, 5, 6]
      ]
    }
    expect(pruneParameters(graph, parameters)?.w1).toEqual([
      [1, 2, 3],
      [4, 5, 6]
    ])
    const text = serializeProject({ graph, data: {}, training: {}, parameters })
    const project = useProjectStore()
    expect(project.openText('x.bps.json', text)).toBe(true)
    expect(JSON.parse(project.text).parameters.w1).toEqual([
      [1, 2, 3],
      [4, 5, 6]
    ])
    expect(project.dirty).toBe(false)
  })

  it('a failed prepare keeps the input width, the weights and the saved state', async () => {
    await connectRealEngine()
    await trainIris(5)
    const project = useProjectStore()
    expect(await project.save()).toBe(true)
    const data = useDataStore()
    // No target left: the engine refuses to prepare.
    expect(await data.setRole('species', 'ignored')).toBe(false)
    expect(data.prepareError).not.toBe('')
    expect(useGraphStore().inputWidth).toBe(4)
    expect(JSON.parse(project.text).parameters.w1[0]).toHaveLength(4)
    // The roles changed (they are saved with the project), the weights did not.
    expect(JSON.parse(project.text).parameters).toEqual(JSON.parse(saved[0].text).parameters)
  })

  it('reads a project model back and refuses one that does not fit, naming the field', async () => {
    await connectRealEngine()
    await trainIris(3)
    const text = useProjectStore().text
    expect(parseProject(text).model?.preprocessing).not.toBeNull()
    const broken = JSON.parse(text)
    broken.model.preprocessing.targets[0].classes = ['a', 'b']
    expect(() => parseProject(JSON.stringify(broken))).toThrow(/^model: /)
  })
})

describe('runs never destroy a model', () => {
  it('after a run that diverges, the weights from before it can be restored', async () => {
    await connectRealEngine()
    await trainIris(10)
    const good = structuredClone(useProjectStore().parameters!)
    const training = useTrainingStore()
    expect(training.canRestore).toBe(false)

    await runTraining({ epochs: 50, learningRate: 1e300, optimizer: 'sgd' })
    expect(['diverged', 'non-finite']).toContain(training.lastDone?.reason)
    expect(training.canRestore).toBe(true)
    expect(await training.restoreWeights('run-start')).toBe(true)
    expect(useProjectStore().parameters).toEqual(good)
    expect(training.canRestore).toBe(false)
    expect(training.statusText).toBe('Restored the weights from before this run: Train continues from them.')
  })

  it('Reset weights without a network forgets the weights: Train starts fresh', async () => {
    await connectRealEngine()
    const project = useProjectStore()
    await project.newFromTemplate('xor')
    expect(project.parameters).toBeDefined()
    expect(await useTrainingStore().resetWeights()).toBe(true)
    expect(project.parameters).toBeUndefined()
  })
})

describe('a clean slate', () => {
  it('New from template after a run: no charts, badges, overlay, explainer, check, predictions or settings of the old run', async () => {
    await connectRealEngine()
    await trainIris(20)
    const training = useTrainingStore()
    const weights = useWeightsStore()
    training.applySettings({ epochs: 300000, learningRate: 0.5 })
    expect(await training.inspectSample(0)).toBe(true)
    expect(await training.checkGradients()).toBe(true)
    await predictions()
    await until(
      () => weights.evaluation !== null && training.parameters !== null,
      'the evaluation and overlay'
    )
    expect(training.buffers.trainLoss.count).toBeGreaterThan(0)

    await answeringYes(() => useProjectStore().newFromTemplate('iris-mlp'))
    expect(training.buffers.trainLoss.count).toBe(0)
    expect(training.latestLayers).toEqual([])
    expect(training.parameters).toBeNull()
    expect(training.inspection).toBeNull()
    expect(training.gradientCheck).toBeNull()
    expect(weights.evaluation).toBeNull()
    expect(training.lastDone).toBeNull()
    expect([training.epoch, training.step, training.statusText, training.status]).toEqual([0, 0, '', 'idle'])
    expect(training.settings.epochs).not.toBe(300000)
    expect(training.settings.learningRate).not.toBe(0.5)
    expect(weights.predictions).toEqual([])
    expect(weights.evaluation).toBeNull()
    expect(weights.hasModel).toBe(false)
    expect(await weights.predict(ROWS)).toBe(false)
  })

  it('New while a run goes on stops it, and its last events never reach the new project', async () => {
    await connectRealEngine()
    await useProjectStore().newFromTemplate('iris-mlp')
    expect(await useDataStore().loadText('iris.csv', irisText)).toBe(true)
    const training = useTrainingStore()
    training.applySettings({ epochs: 100000 })
    expect(await training.train()).toBe(true)
    await until(() => training.latestLayers.length > 0, 'the first progress')
    expect(await answeringYes(() => useProjectStore().newProject())).toBe(true)
    await new Promise((r) => setTimeout(r, 300))
    expect(training.latestLayers).toEqual([])
    expect(training.lastDone).toBeNull()
    expect(training.statusText).toBe('')
    expect(training.buffers.trainLoss.count).toBe(0)
  })

  it('importing weights starts the run state over too', async () => {
    const { client } = await connectRealEngine()
    await trainIris(5)
    const { text } = await client.request('weights.export', {})
    const training = useTrainingStore()
    expect(await training.inspectSample(0)).toBe(true)
    expect(await useWeightsStore().importText(text, 'iris.weights.json')).toBe(true)
    expect(training.inspection).toBeNull()
    expect(training.buffers.trainLoss.count).toBe(0)
    expect(useProjectStore().parameters).toBeDefined()
  })
})

describe('one verdict on readiness', () => {
  it('the data mismatch is the reason Train is blocked, in the Problems list with its fix', async () => {
    await connectRealEngine()
    await useProjectStore().newFromTemplate('iris-mlp')
    const readiness = useReadinessStore()
    expect(readiness.blockedReason).toBe(
      'No data yet: load a CSV file on the Data tab and choose its target.'
    )
    expect(readiness.problems[0].fix?.kind).toBe('open-data-tab')

    const data = useDataStore()
    expect(await data.loadText('titanic_full.csv', titanicText)).toBe(true)
    await data.setRole('survived', 'target')
    const message = 'The output layer "out" has 3 units; the data needs 1 (two classes as one sigmoid unit).'
    expect(readiness.blockedReason).toBe(message)
    expect(readiness.verdict).toBe(`Cannot train: ${message}`)
    expect(readiness.problems[0]).toMatchObject({ message, fix: { kind: 'make-output-match-data' } })
    expect(readiness.problems.filter((p) => p.severity === 'error')).toHaveLength(3)

    data.fixGraph()
    expect(readiness.problems).toEqual([])
    expect(readiness.verdict).toBe('Ready to train')

    useTrainingStore().applySettings({ epochs: 0 })
    expect(readiness.blockedReason).toMatch(/epochs/)
  })
})

describe('the target', () => {
  it('choosing another target replaces the old one, and the input node follows the features', async () => {
    await connectRealEngine()
    await useProjectStore().newFromTemplate('iris-mlp')
    const data = useDataStore()
    expect(await data.loadText('iris.csv', irisText)).toBe(true)
    expect(data.prepared?.targets).toEqual(['species'])
    expect(await data.setRole('petal_width_cm', 'target')).toBe(true)
    expect(data.roles.species).toBe('feature')
    expect(data.prepared?.targets).toEqual(['petal_width_cm'])
    // Three numbers and species one-hot (three classes).
    expect(useGraphStore().inputWidth).toBe(6)
    expect(data.prepareError).toBe('')
  })
})
