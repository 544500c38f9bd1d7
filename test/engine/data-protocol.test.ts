/**
 * data.profile, data.prepare, weights.export/import, predict, predict.csv and evaluate over a real
 * MessageChannel, on the real datasets. The model is trained with the engine's own trainer on the
 * connection's prepared data and set as the workspace's model, as the training commands do.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { parseCsvRecords } from '../../src/engine/data/csv'
import { formatCsvRow } from '../../src/engine/data/csvWrite'
import type { GraphSpec } from '../../src/engine/graph/types'
import { createNetwork } from '../../src/engine/nn/network'
import { EngineRequestError, type EngineClient } from '../../src/engine/protocol'
import type { Workspace as DataWorkspace } from '../../src/engine/model/workspace'
import { resolveTrainSettings } from '../../src/engine/train/settings'
import { createTrainer, trainToEnd } from '../../src/engine/train/trainer'
import { channelEngines, mlp, readDatasetBytes, readDatasetText } from './data-fixtures'

const engines = channelEngines()
afterEach(engines.closeAll)
const connect = engines.connect

async function rejection(promise: Promise<unknown>): Promise<EngineRequestError> {
  try {
    await promise
  } catch (err) {
    expect(err).toBeInstanceOf(EngineRequestError)
    return err as EngineRequestError
  }
  throw new Error('expected the request to be rejected')
}

const irisGraph = (): GraphSpec =>
  mlp([{ units: 6, activation: 'tanh' }], { units: 3, activation: 'softmax' }, 'cross-entropy')

/** Trains on the workspace's prepared split and makes the result its model (as train.* would). */
function trainModel(ws: DataWorkspace, graph: GraphSpec, epochs = 40, kernels: 'js' | 'auto' = 'js'): void {
  const prepared = ws.prepared!
  const net = createNetwork(graph, { inputWidth: prepared.summary.inputWidth, seed: 2, kernels })
  const settings = resolveTrainSettings({ epochs, batchSize: 16, learningRate: 0.02, seed: 4 })
  const trainer = createTrainer(net, prepared.data, settings)
  const done = trainToEnd(trainer)
  ws.model = {
    graph,
    net,
    preprocessing: prepared.preprocessing,
    training: {
      settings,
      seed: settings.seed,
      epochsRun: trainer.epoch,
      steps: trainer.stepCount,
      final: done.final,
      lossHistory: [[trainer.stepCount, done.final!.train.loss]]
    }
  }
}

async function loadAndPrepare(client: EngineClient, name: 'iris' | 'diabetes' | 'titanic_full', roles = {}) {
  await client.request('data.load', { loadId: 1, name: `${name}.csv`, bytes: readDatasetBytes(name) })
  return client.request('data.prepare', { roles, seed: 11 })
}

describe('data.profile and data.prepare', () => {
  it('profiles titanic: types, missing ages, name ignored as text', async () => {
    const { client } = connect()
    expect((await rejection(client.request('data.profile', {}))).code).toBe('not-found')
    await client.request('data.load', {
      loadId: 1,
      name: 'titanic_full.csv',
      bytes: readDatasetBytes('titanic_full')
    })
    const profile = await client.request('data.profile', {})
    expect(profile).toMatchObject({ name: 'titanic_full.csv', rows: 1309 })
    expect(profile.columns.map((c) => [c.name, c.type, c.defaultRole, c.missing])).toEqual([
      ['name', 'text', 'ignored', 0],
      ['survived', 'categorical', 'feature', 0],
      ['sex', 'categorical', 'feature', 0],
      ['age', 'numeric', 'feature', 263],
      ['passengerClass', 'categorical', 'target', 0]
    ])
  })

  it('prepares titanic for the training commands and reports the imputed cells', async () => {
    const { client, ws } = connect()
    const summary = await loadAndPrepare(client, 'titanic_full', {
      survived: 'target',
      passengerClass: 'feature'
    })
    expect(summary).toMatchObject({
      task: 'binary',
      inputWidth: 6,
      outputWidth: 1,
      loss: 'binary-cross-entropy',
      outputActivation: 'sigmoid',
      classes: ['no', 'yes'],
      featureColumns: ['sex', 'age', 'passengerClass'],
      imputed: { age: 263 }
    })
    expect(summary.trainRows + summary.validationRows).toBe(1309)
    expect(ws.prepared!.data.train.rows).toBe(summary.trainRows)
    expect(ws.prepared!.data.train.x.length).toBe(summary.trainRows * 6)
  })

  it('refuses a one-class target or a bad role, and drops the stale split', async () => {
    const { client, ws } = connect()
    await loadAndPrepare(client, 'iris')
    expect(ws.prepared).not.toBeNull()
    const noFeature = await rejection(
      client.request('data.prepare', {
        roles: {
          sepal_length_cm: 'ignored',
          sepal_width_cm: 'ignored',
          petal_length_cm: 'ignored',
          petal_width_cm: 'ignored'
        }
      })
    )
    expect(noFeature.code).toBe('bad-spec')
    expect(noFeature.message).toMatch(/No feature column/)
    expect(ws.prepared).toBeNull()
    await client.request('data.load', { loadId: 2, name: 'spam.csv', text: 'words,label\n3,spam\n5,spam\n' })
    const oneClass = await rejection(client.request('data.prepare', { roles: {} }))
    expect(oneClass.code).toBe('one-class-target')
    expect(oneClass.message).toMatch(/"label" has only one class \("spam"\)/)
    const role = await rejection(client.request('data.prepare', { roles: { label: 'label' as 'target' } }))
    expect(role.code).toBe('bad-payload')
    expect(role.message).toMatch(/roles\.label/)
  })
})

describe('weights.export and weights.import', () => {
  it('has no weights to export before there is a model', async () => {
    const { client } = connect()
    const err = await rejection(client.request('weights.export', {}))
    expect(err.code).toBe('not-found')
    expect(err.message).toMatch(/train a network or import a weights file/)
  })

  it('export → import on another connection → export is byte-identical, and predicts the same', async () => {
    const a = connect()
    await loadAndPrepare(a.client, 'iris')
    trainModel(a.ws, irisGraph())
    const first = await a.client.request('weights.export', { name: 'iris.weights.json' })
    expect(first.name).toBe('iris.weights.json')
    const b = connect()
    const imported = await b.client.request('weights.import', { text: first.text })
    expect(imported.prepared).toMatchObject({
      inputWidth: 4,
      outputWidth: 3,
      task: 'multiclass',
      classes: ['setosa', 'versicolor', 'virginica'],
      featureColumns: ['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm']
    })
    expect(imported.epochs).toBe(40)
    expect(imported.parameters).toEqual(a.ws.model!.net.getParameters())
    const again = await b.client.request('weights.export', {})
    expect(again.text).toBe(first.text)
    expect(again.name).toBe('test network.weights.json')
    const rows = [
      { sepal_length_cm: '5.1', sepal_width_cm: '3.5', petal_length_cm: '1.4', petal_width_cm: '0.2' },
      { sepal_length_cm: '6.7', sepal_width_cm: '3.0', petal_length_cm: '5.2', petal_width_cm: '2.3' }
    ]
    const pa = await a.client.request('predict', { rows })
    const pb = await b.client.request('predict', { rows })
    expect(pb).toEqual(pa)
    expect(pa.predictions.map((p) => p.label)).toEqual(['setosa', 'virginica'])
    const sum = Object.values(pa.predictions[0].probabilities!).reduce((s, v) => s + v, 0)
    expect(sum).toBeCloseTo(1, 12)
  })

  it('an imported copy of a model trained as train.start trains it (WASM kernels) predicts every row bit for bit the same', async () => {
    const a = connect()
    await loadAndPrepare(a.client, 'iris')
    // 150 rows × 8 units × 4 inputs is above WASM_MIN_WORK: the forward pass takes the WASM kernels.
    const graph = mlp(
      [{ units: 8, activation: 'tanh' }],
      { units: 3, activation: 'softmax' },
      'cross-entropy'
    )
    trainModel(a.ws, graph, 40, 'auto')
    const csv = { name: 'iris.csv', text: readDatasetText('iris') }
    const before = await a.client.request('predict.csv', csv)
    const { text } = await a.client.request('weights.export', {})
    const b = connect()
    await b.client.request('weights.import', { text })
    const after = await b.client.request('predict.csv', csv)
    expect(after.text).toBe(before.text)
  })

  it('refuses a bad file whole, naming the field, and keeps the model it had', async () => {
    const { client, ws } = connect()
    await loadAndPrepare(client, 'iris')
    trainModel(ws, irisGraph())
    const before = await client.request('weights.export', {})
    const file = JSON.parse(before.text)
    file.parameters.w2[1] = file.parameters.w2[1].slice(1)
    const err = await rejection(client.request('weights.import', { text: JSON.stringify(file) }))
    expect(err.code).toBe('bad-parameters')
    expect(err.message).toBe('parameters.w2[1]: expected 6 numbers, got 5')
    const newer = await rejection(
      client.request('weights.import', { text: JSON.stringify({ ...file, version: 9 }) })
    )
    expect(newer.code).toBe('bad-version')
    expect((await client.request('weights.export', {})).text).toBe(before.text)
  })
})

describe('predict, predict.csv and evaluate', () => {
  it('names the row and column of a bad cell', async () => {
    const { client, ws } = connect()
    await loadAndPrepare(client, 'iris')
    trainModel(ws, irisGraph(), 5)
    const err = await rejection(
      client.request('predict', {
        rows: [
          { sepal_length_cm: '5.1', sepal_width_cm: 'wide', petal_length_cm: '1.4', petal_width_cm: '0.2' }
        ]
      })
    )
    expect(err.code).toBe('non-numeric')
    expect(err.message).toMatch(/^row 1, column "sepal_width_cm": "wide" is not a number/)
  })

  it('predict.csv copies every record verbatim and appends the label and probabilities', async () => {
    const { client, ws } = connect()
    await loadAndPrepare(client, 'titanic_full', { survived: 'target', passengerClass: 'feature' })
    trainModel(
      ws,
      mlp([{ units: 4, activation: 'tanh' }], { units: 1, activation: 'sigmoid' }, 'binary-cross-entropy'),
      10
    )
    // The user's file as semicolons, CRLF and a BOM; without the target column.
    const records = parseCsvRecords(readDatasetText('titanic_full')).map((r) => [r[0], r[2], r[3], r[4]])
    const lines = records.map((r) => formatCsvRow(r, ';'))
    const text = '\uFEFF' + lines.join('\r\n') + '\r\n'
    const result = await client.request('predict.csv', {
      name: 'passengers.csv',
      bytes: new TextEncoder().encode(text)
    })
    expect(result.name).toBe('passengers.predictions.csv')
    expect(result.rows).toBe(1309)
    const out = result.text.split('\r\n')
    expect(out[0]).toBe(`${lines[0]};predicted_survived;p_no;p_yes`)
    expect(out.length).toBe(1311) // header, 1309 rows, and the empty string after the last line end
    for (let r = 1; r <= 1309; r++) expect(out[r].startsWith(lines[r] + ';')).toBe(true)
    const direct = await client.request('predict', {
      rows: [{ sex: records[1][1], age: records[1][2], passengerClass: records[1][3] }]
    })
    const [label, pNo, pYes] = parseCsvRecords(out[1], ';')[0].slice(-3)
    expect(label).toBe(direct.predictions[0].label)
    expect(Number(pYes)).toBe(direct.predictions[0].probabilities!.yes)
    expect(Number(pNo)).toBe(direct.predictions[0].probabilities!.no)
  })

  it('predict.csv refuses a file without a feature column, naming it', async () => {
    const { client, ws } = connect()
    await loadAndPrepare(client, 'iris')
    trainModel(ws, irisGraph(), 5)
    const err = await rejection(
      client.request('predict.csv', { name: 'x.csv', text: 'sepal_length_cm,foo\n1,2\n' })
    )
    expect(err.code).toBe('unknown-column')
    expect(err.message).toMatch(/no column "sepal_width_cm"/)
  })

  it('evaluate: a confusion matrix on the validation split, the same for the imported model', async () => {
    const a = connect()
    expect((await rejection(a.client.request('evaluate', {}))).code).toBe('not-found')
    const summary = await loadAndPrepare(a.client, 'iris')
    trainModel(a.ws, irisGraph())
    const evaluation = await a.client.request('evaluate', {})
    expect(evaluation).toMatchObject({
      task: 'multiclass',
      rows: summary.validationRows,
      split: 'validation'
    })
    expect(evaluation.confusion!.classes).toEqual(['setosa', 'versicolor', 'virginica'])
    const matrix = evaluation.confusion!.matrix
    expect(matrix.map((row) => row.reduce((s, v) => s + v))).toEqual([10, 10, 10]) // stratified: 10 of each
    expect(evaluation.accuracy).toBeGreaterThanOrEqual(0.9)
    // The same weights imported into a connection with the same data, prepared with other options:
    // evaluate encodes the rows with the model's own preprocessing, so the answer is the same.
    const { text } = await a.client.request('weights.export', {})
    const b = connect()
    await b.client.request('data.load', { loadId: 1, name: 'iris.csv', bytes: readDatasetBytes('iris') })
    await b.client.request('data.prepare', { roles: {}, seed: 11, normalization: 'min-max' })
    await b.client.request('weights.import', { text })
    expect(await b.client.request('evaluate', {})).toEqual(evaluation)
  })

  it('evaluate: predicted against actual diabetes progression, in its own units', async () => {
    const { client, ws } = connect()
    const summary = await loadAndPrepare(client, 'diabetes')
    trainModel(
      ws,
      mlp([{ units: 8, activation: 'relu' }], { units: 1, activation: 'linear' }, 'squared-error'),
      30
    )
    const evaluation = await client.request('evaluate', {})
    expect(evaluation.rows).toBe(summary.validationRows)
    const { targetName, actual, predicted } = evaluation.predVsActual!
    expect(targetName).toBe('disease_progression')
    expect(actual).toHaveLength(summary.validationRows)
    // The actual values are the table's own integers (25–346), decoded from the standardised y.
    for (const v of actual) {
      expect(Math.abs(v - Math.round(v))).toBeLessThan(1e-9)
      expect(v).toBeGreaterThanOrEqual(25)
      expect(v).toBeLessThanOrEqual(346)
    }
    expect(predicted.every(Number.isFinite)).toBe(true)
    expect(evaluation.r2).toBeGreaterThan(0.2)
  })

  it('inspect names the sample’s table row and CSV line, and gives a regression target in its own units', async () => {
    const { client, ws } = connect()
    await loadAndPrepare(client, 'diabetes')
    trainModel(
      ws,
      mlp([{ units: 8, activation: 'relu' }], { units: 1, activation: 'linear' }, 'squared-error'),
      5
    )
    const lines = readDatasetText('diabetes').trim().split('\n')
    for (const sample of [0, 3, 17]) {
      const r = await client.request('inspect', { sample })
      expect(r.row).toBe(ws.prepared!.rows!.train[sample])
      // One record per line here, after the header on line 1.
      expect(r.line).toBe(r.row! + 2)
      const cells = lines[r.line! - 1].split(',')
      const target = Number(cells[cells.length - 1])
      expect(r.units!.target.disease_progression).toBeCloseTo(target, 9)
      expect(Math.abs(r.y[0])).toBeLessThan(5) // the network sees it standardised
      expect(Number.isFinite(r.units!.output.disease_progression)).toBe(true)
    }
    // Classification has no units to give.
    const other = connect()
    await loadAndPrepare(other.client, 'iris')
    trainModel(other.ws, irisGraph(), 2)
    const iris = await other.client.request('inspect', { sample: 0 })
    expect(iris.units).toBeUndefined()
    expect(iris.line).toBeGreaterThan(1)
  })
})
