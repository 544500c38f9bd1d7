import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { createEngineClient, engineCommands, serveEngine, type PortLike } from '@engine/protocol'
import { useDataStore } from '@renderer/stores/data'
import { useEngineStore } from '@renderer/stores/engine'
import { useGraphStore } from '@renderer/stores/graph'
import { useProjectStore } from '@renderer/stores/project'
import { settingsFromProject } from '@renderer/project/training'

const datasets = path.resolve(__dirname, '../fixtures/datasets')
const fixtures = path.resolve(__dirname, '../fixtures/csv-app')

/** Two ends of an in-memory transport: messages are structured-cloned and delivered asynchronously, like a MessagePort. */
function portPair(): [PortLike, PortLike] {
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

/** A real engine (the same command table the hosts serve) behind the engine store's client. */
function connectRealEngine(): void {
  const [enginePort, clientPort] = portPair()
  serveEngine(enginePort, engineCommands)
  const engine = useEngineStore()
  engine.client = createEngineClient(clientPort, { timeoutMs: 0 })
  engine.status = 'ready'
}

function csvFile(dir: string, name: string): File {
  return new File([readFileSync(path.join(dir, name))], name, { type: 'text/csv' })
}

beforeEach(() => {
  setActivePinia(createPinia())
  connectRealEngine()
})

describe('data store', () => {
  it('reports a bad file naming line and column and leaves data and graph untouched', async () => {
    const data = useDataStore()
    const graph = useGraphStore()
    const before = graph.graph
    const ok = await data.loadFile(csvFile(fixtures, 'ragged.csv'))
    expect(ok).toBe(false)
    expect(data.loadError).toMatch(/^Could not load ragged\.csv: line 4, column 3/)
    expect(data.summary).toBeNull()
    expect(data.loading).toBeNull()
    expect(graph.graph).toBe(before)
    expect(graph.inputWidth).toBeUndefined()
  })

  it('reports that the engine is not ready instead of throwing', async () => {
    useEngineStore().client = null
    const data = useDataStore()
    expect(await data.loadText('iris.csv', readFileSync(path.join(datasets, 'iris.csv'), 'utf8'))).toBe(false)
    expect(data.loadError).toMatch(/engine is not ready/)
  })

  it('owns the validation split, within the engine’s bounds [0, 0.9], and saves it in the project', async () => {
    const data = useDataStore()
    const project = useProjectStore()
    expect(data.validationSplit).toBe(0.2)
    expect(await data.loadText('iris.csv', readFileSync(path.join(datasets, 'iris.csv'), 'utf8'))).toBe(true)
    expect(data.prepared!.validationRows).toBe(30)

    // 95 % was accepted by one panel and refused by the engine: now refused here, nothing changes.
    expect(data.setValidationSplit(0.95)).toBe(false)
    expect(data.setValidationSplit(-0.1)).toBe(false)
    expect(data.validationSplit).toBe(0.2)
    expect(project.training.validationSplit).toBe(0.2)

    expect(data.setValidationSplit(0.5)).toBe(true)
    expect(project.training.validationSplit).toBe(0.5)
    await until(() => data.prepared?.validationRows === 75 && !data.preparing)
    expect(data.prepareError).toBe('')

    // The engine's upper bound itself is accepted.
    expect(data.setValidationSplit(0.9)).toBe(true)
    await until(() => data.prepared?.validationRows === 135 && !data.preparing)
    // A file with a split outside the bounds opens with the default.
    expect(settingsFromProject({ validationSplit: 0.95 }).validationSplit).toBe(0.2)
    expect(settingsFromProject({ validationSplit: 0.9 }).validationSplit).toBe(0.9)
  })
})

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10))
  expect(ok()).toBe(true)
}
