/**
 * Issue 10, item 8 (and 10): ids and column names that are also Object.prototype's keys — `__proto__`,
 * `constructor`, `toString`, `valueOf` — are ordinary names everywhere: the graph compiles and trains,
 * the weights file keeps every edge and reads back, and CSV columns so named are neither dropped nor
 * confused with the prototype.
 */
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../src/engine/data/csv'
import { prepareData } from '../../src/engine/data/preprocess'
import { profileTable } from '../../src/engine/data/profile'
import type { GraphSpec } from '../../src/engine/graph/types'
import { parseGraph } from '../../src/engine/graph/parse'
import { validateGraph } from '../../src/engine/graph/validate'
import { createNetwork } from '../../src/engine/nn/network'
import { resolveTrainSettings } from '../../src/engine/train/settings'
import { createTrainer, trainToEnd } from '../../src/engine/train/trainer'
import { buildWeightsFile, parseWeightsFile } from '../../src/engine/weights/file'
import { predictRows } from '../../src/engine/weights/predict'
import { channelEngines, prepareIris } from './data-fixtures'
import { xor } from './trainFixtures'

const NAMES = ['__proto__', 'constructor', 'toString', 'valueOf'] as const

/** XOR with every node and edge id taken from Object.prototype's keys (JSON-parsed, as from a file). */
function hostileGraph(): GraphSpec {
  const json = `{
    "format": "backprop-studio/graph", "version": 1,
    "nodes": [
      { "id": "__proto__", "kind": "input", "units": 2 },
      { "id": "constructor", "kind": "bias" },
      { "id": "toString", "kind": "dense", "units": 4, "activation": "tanh" },
      { "id": "valueOf", "kind": "dense", "units": 1, "activation": "sigmoid" },
      { "id": "hasOwnProperty", "kind": "loss", "loss": "binary-cross-entropy" }
    ],
    "edges": [
      { "id": "__proto__", "from": "__proto__", "to": "toString" },
      { "id": "constructor", "from": "constructor", "to": "toString" },
      { "id": "toString", "from": "toString", "to": "valueOf" },
      { "id": "valueOf", "from": "constructor", "to": "valueOf" },
      { "id": "isPrototypeOf", "from": "valueOf", "to": "hasOwnProperty" }
    ]
  }`
  return parseGraph(JSON.parse(json))
}

describe('ids that are Object.prototype keys', () => {
  it('validate, compile and train like any other ids', () => {
    const spec = hostileGraph()
    expect(validateGraph(spec).filter((i) => i.severity === 'error')).toEqual([])
    const net = createNetwork(spec, { seed: 3 })
    expect(net.slices.map((s) => [s.edgeId, s.rows, s.cols])).toEqual([
      ['__proto__', 4, 2],
      ['constructor', 4, 1],
      ['toString', 1, 4],
      ['valueOf', 1, 1]
    ])
    expect(net.params.length).toBe(8 + 4 + 4 + 1)
    const done = trainToEnd(
      createTrainer(
        net,
        { train: xor, task: 'binary' },
        resolveTrainSettings({
          optimizer: 'adam',
          learningRate: 0.05,
          batchSize: 0,
          epochs: 3000,
          lossTarget: 0.02
        })
      )
    )
    expect(done.reason).toBe('target')
  })

  it('every edge, __proto__ included, is written to the weights file and read back exactly', () => {
    const spec = hostileGraph()
    const net = createNetwork(spec, { seed: 3 })
    const parameters = net.getParameters()
    expect(Object.keys(parameters).sort()).toEqual([...NAMES].sort())
    const text = buildWeightsFile({ graph: spec, parameters, preprocessing: null, training: null })
    expect(JSON.parse(text).parameters).toHaveProperty(['__proto__'])
    const file = parseWeightsFile(text)
    const back = createNetwork(file.graph, {})
    back.setParameters(file.parameters)
    expect(Array.from(back.params)).toEqual(Array.from(net.params))
  })

  it('parameters missing only the __proto__ edge are refused, naming it', () => {
    const net = createNetwork(hostileGraph(), { seed: 3 })
    const p = net.getParameters()
    const partial = JSON.parse(JSON.stringify(p, (k, v: unknown) => (k === '__proto__' ? undefined : v)))
    expect(() => net.setParameters(partial)).toThrow(/__proto__/)
  })
})

describe('columns named like Object.prototype keys', () => {
  const csv = [
    '__proto__,constructor,toString,valueOf,label',
    ...Array.from(
      { length: 40 },
      (_, i) => `${i % 7},${(i * 3) % 5},${i % 2 ? 'a' : 'b'},${i / 10},${i % 3 ? 'yes' : 'no'}`
    )
  ].join('\n')

  it('are profiled, prepared as features, and read by predict', () => {
    const table = parseCsv(csv)
    expect(table.columns.map((c) => c.name)).toEqual([...NAMES, 'label'])
    const profile = profileTable(table)
    expect(profile.map((c) => c.name)).toEqual([...NAMES, 'label'])
    const prepared = prepareData(table, { roles: { label: 'target' }, seed: 1 })
    expect(prepared.summary.featureColumns).toEqual([...NAMES])
    // toString is categorical (a / b): two one-hot features; the others one each.
    expect(prepared.summary.inputWidth).toBe(5)
    const graph: GraphSpec = {
      format: 'backprop-studio/graph',
      version: 1,
      nodes: [
        { id: 'x', kind: 'input' },
        { id: 'one', kind: 'bias' },
        {
          id: 'out',
          kind: 'dense',
          units: prepared.summary.outputWidth,
          activation: prepared.summary.outputActivation
        },
        { id: 'cost', kind: 'loss', loss: prepared.summary.loss }
      ],
      edges: [
        { id: 'w', from: 'x', to: 'out' },
        { id: 'b', from: 'one', to: 'out' },
        { id: 'c', from: 'out', to: 'cost' }
      ]
    }
    const net = createNetwork(graph, { inputWidth: prepared.summary.inputWidth, seed: 1 })
    const row = Object.fromEntries([
      ['__proto__', '3'],
      ['constructor', '1'],
      ['toString', 'a'],
      ['valueOf', '0.5']
    ])
    const [prediction] = predictRows(net, prepared.preprocessing, [row])
    expect(prediction.label === 'yes' || prediction.label === 'no').toBe(true)
    // Roles keyed by these names work too.
    const roles = JSON.parse('{"__proto__":"ignored","valueOf":"ignored","label":"target"}')
    const fewer = prepareData(table, { roles, seed: 1 })
    expect(fewer.summary.featureColumns).toEqual(['constructor', 'toString'])
  })
})

describe('over the protocol', () => {
  it('trains, exports and re-imports a graph whose ids are __proto__, constructor, toString, valueOf', async () => {
    const engines = channelEngines()
    try {
      const { client, ws } = engines.connect()
      ws.prepared = prepareIris()
      const spec = hostileGraph()
      // iris: 3 softmax outputs and cross-entropy.
      const out = spec.nodes.find((n) => n.id === 'valueOf')!
      Object.assign(out, { units: 3, activation: 'softmax' })
      Object.assign(
        spec.nodes.find((n) => n.kind === 'loss')!,
        { loss: 'cross-entropy' }
      )
      const events: string[] = []
      const finished = new Promise<void>((resolve) =>
        client.on('train.event', (e) => {
          events.push(e.type === 'done' ? `done:${e.reason}` : e.type)
          if (e.type === 'done') resolve()
        })
      )
      await client.request('train.start', {
        graph: JSON.parse(JSON.stringify(spec)),
        settings: { optimizer: 'adam', learningRate: 0.02, batchSize: 16, epochs: 20 }
      })
      await finished
      expect(events.at(-1)).toBe('done:epochs')
      const { text } = await client.request('weights.export', {})
      const file = JSON.parse(text)
      expect(Object.keys(file.parameters).sort()).toEqual([...NAMES].sort())
      const imported = await client.request('weights.import', { text })
      expect(imported.graph.edges.map((e) => e.id)).toContain('__proto__')
      expect((await client.request('weights.export', {})).text).toBe(text)
    } finally {
      engines.closeAll()
    }
  })
})
