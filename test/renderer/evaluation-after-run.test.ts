/**
 * The Charts tab's evaluation arrives by itself: when a training run ends (one `evaluate` request per
 * run, not per step) and when weights are imported — with a real engine in-process behind the stores,
 * the data loaded through the data store as the Data tab does.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watch } from 'vue'
import type { EngineClient } from '@engine/protocol'
import { BOUNDARY_GRID } from '@engine/weights/predict'
import { bindTrainingEngine } from '@renderer/engine/trainingEngine'
import { templateById } from '@renderer/graph/templates'
import { useDataStore } from '@renderer/stores/data'
import { useGraphStore } from '@renderer/stores/graph'
import { useTrainingStore } from '@renderer/stores/training'
import { useWeightsStore } from '@renderer/stores/weights'
import { connectRealEngine, disconnectRealEngine, until } from './realEngine'

const samples = path.resolve(__dirname, '../../resources/samples')
const sample = (name: string): string => readFileSync(path.join(samples, name), 'utf8')

let stopBinding: (() => void) | null = null

/** How many `evaluate` requests the client has sent. */
function countEvaluations(client: EngineClient): () => number {
  const spy = vi.spyOn(client, 'request')
  return () => spy.mock.calls.filter(([command]) => command === 'evaluate').length
}

beforeEach(() => {
  setActivePinia(createPinia())
  stopBinding = bindTrainingEngine()
})

afterEach(() => {
  stopBinding?.()
  disconnectRealEngine()
  vi.restoreAllMocks()
})

describe('the evaluation after a run', () => {
  it('XOR: when the run ends, one evaluation of the final weights brings the confusion matrix and the boundary', async () => {
    const { client } = await connectRealEngine()
    const evaluations = countEvaluations(client)
    const graph = useGraphStore()
    graph.load(templateById('xor')!.graph)
    const data = useDataStore()
    expect(await data.loadText('xor.csv', sample('xor.csv'))).toBe(true)
    expect(data.prepared?.featureColumns).toEqual(['x1', 'x2'])
    // The template's squared error becomes binary cross-entropy, as "Make output match data" does.
    data.fixGraph()
    expect(data.mismatch).toBeNull()

    const training = useTrainingStore()
    training.applySettings({ epochs: 300, batchSize: 4, learningRate: 0.5, seed: 3 })
    // While the run goes on, evaluations are throttled (EVALUATION_REFRESH_MS) — a loaded machine may
    // make one or two; a quick one none. When the run ends, exactly one more comes. Counted
    // synchronously at the moment the status turns 'done', so no poll can miss it.
    let atEnd = -1
    let shownAtEnd: unknown = undefined
    const stopWatch = watch(
      () => training.status,
      (status) => {
        if (status !== 'done' || atEnd >= 0) return
        atEnd = evaluations()
        shownAtEnd = useWeightsStore().evaluation
      },
      { flush: 'sync' }
    )
    expect(await training.train()).toBe(true)
    await until(() => training.status === 'done', 'the run to end')
    // The final weights' answer, not a live one from during the run.
    await until(() => {
      const shown = useWeightsStore().evaluation
      return shown !== null && shown !== shownAtEnd
    }, 'the evaluation of the final weights')

    stopWatch()
    const ev = useWeightsStore().evaluation!
    expect(ev.confusion?.classes).toEqual(['0', '1'])
    // The charts say which rows they count.
    expect(ev.split).toBe('train')
    // No validation split on four rows: the four training rows are counted.
    expect(ev.confusion!.matrix.flat().reduce((s, v) => s + v, 0)).toBe(4)
    expect(ev.predVsActual).toBeUndefined()
    const b = ev.boundary!
    expect([b.xName, b.yName]).toEqual(['x1', 'x2'])
    expect(b.probs).toHaveLength(BOUNDARY_GRID * BOUNDARY_GRID)
    expect(b.points).toHaveLength(4)
    expect(evaluations() - atEnd).toBe(1)
    // The Data tab's numbers are the same answer.
    expect(useWeightsStore().evaluation?.boundary).toEqual(b)

    // A new run clears the charts' evaluation and brings a fresh one when it ends.
    training.applySettings({ epochs: 20 })
    expect(await training.train()).toBe(true)
    expect(useWeightsStore().evaluation).toBeNull()
    await until(
      () => training.status === 'done' && useWeightsStore().evaluation !== null,
      'the second evaluation'
    )
    expect(evaluations() - atEnd).toBeGreaterThanOrEqual(2)
  })

  it('iris with four features: a confusion matrix of three classes, no boundary', async () => {
    await connectRealEngine()
    useGraphStore().load(templateById('iris-mlp')!.graph)
    const data = useDataStore()
    expect(await data.loadText('iris.csv', sample('iris.csv'))).toBe(true)
    const training = useTrainingStore()
    training.applySettings({ epochs: 10, seed: 3 })
    expect(await training.train()).toBe(true)
    await until(() => useWeightsStore().evaluation !== null, 'the evaluation')
    expect(useWeightsStore().evaluation!.confusion?.classes).toEqual(['setosa', 'versicolor', 'virginica'])
    expect(
      useWeightsStore()
        .evaluation!.confusion!.matrix.flat()
        .reduce((s, v) => s + v, 0)
    ).toBe(data.prepared!.validationRows)
    expect(useWeightsStore().evaluation!.boundary).toBeUndefined()
  })

  it('imported weights are evaluated on the prepared data; the Evaluate button still works', async () => {
    const { client } = await connectRealEngine()
    useGraphStore().load(templateById('iris-mlp')!.graph)
    const data = useDataStore()
    expect(await data.loadText('iris.csv', sample('iris.csv'))).toBe(true)
    const training = useTrainingStore()
    training.applySettings({ epochs: 10, seed: 3 })
    await training.train()
    await until(() => useWeightsStore().evaluation !== null, 'the evaluation after the run')
    const afterRun = useWeightsStore().evaluation!
    const { text } = await client.request('weights.export', {})

    useWeightsStore().evaluation = null
    const weights = useWeightsStore()
    expect(await weights.importText(text, 'iris.weights.json')).toBe(true)
    await until(() => useWeightsStore().evaluation !== null, 'the evaluation after the import')
    // The same weights on the same rows: the same matrix.
    expect(useWeightsStore().evaluation!.confusion).toEqual(afterRun.confusion)

    useWeightsStore().evaluation = null
    expect(await weights.evaluate()).toBe(true)
    expect(useWeightsStore().evaluation!.confusion).toEqual(afterRun.confusion)
    expect(weights.error).toBe('')
  })

  it('says nothing when there is nothing to evaluate, but the Evaluate button says why', async () => {
    await connectRealEngine()
    const weights = useWeightsStore()
    expect(await weights.evaluateQuietly()).toBe(false)
    expect(weights.error).toBe('')
    expect(await weights.evaluate()).toBe(false)
    // The renderer knows before asking: nothing was trained or imported in this project.
    expect(weights.error).toBe(
      'Evaluate: this network has no trained weights yet: train it (or import a weights file) first.'
    )
  })
})
