import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseCsvRecords } from '../../src/engine/data/csv'
import { formatCsvRow } from '../../src/engine/data/csvWrite'
import { createNetwork } from '../../src/engine/nn/network'
import { buildWeightsFile, parseWeightsFile, WeightsError } from '../../src/engine/weights/file'
import { LOSS_HISTORY_POINTS, LossHistory } from '../../src/engine/model/lossHistory'
import { evaluateModel, forwardAll, predictRows } from '../../src/engine/weights/predict'
import { readDatasetText, trainDiabetes, trainIris, trainTitanic, type TrainedModel } from './data-fixtures'

const EXAMPLE = path.resolve(__dirname, '../../docs/predict-example.mjs')

function exportText(m: TrainedModel): string {
  return buildWeightsFile({
    graph: m.graph,
    parameters: m.net.getParameters(),
    preprocessing: m.prepared.preprocessing,
    training: m.training
  })
}

/** Every row of a dataset as cells by column name (as the prediction panel sends them). */
function rowsOf(text: string): Record<string, string>[] {
  const [header, ...records] = parseCsvRecords(text)
  return records.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j]])))
}

let iris: TrainedModel
let diabetes: TrainedModel
let titanic: TrainedModel
beforeAll(() => {
  iris = trainIris()
  diabetes = trainDiabetes()
  titanic = trainTitanic()
})

describe('weights file round trip', () => {
  it('export → import → export is byte-identical, and the parameters come back bit for bit', () => {
    for (const m of [iris, diabetes, titanic]) {
      const text = exportText(m)
      const file = parseWeightsFile(text)
      expect(buildWeightsFile(file)).toBe(text)
      const net = createNetwork(file.graph, { inputWidth: m.prepared.summary.inputWidth })
      net.setParameters(file.parameters)
      expect(Buffer.from(net.params.buffer).equals(Buffer.from(m.net.params.buffer))).toBe(true)
      const x = m.prepared.data.train.x
      const rows = m.prepared.data.train.rows
      expect(forwardAll(net, x, rows)).toEqual(forwardAll(m.net, x, rows))
      expect(file.training).toEqual(m.training)
      expect(file.preprocessing).toEqual(m.prepared.preprocessing)
    }
  })

  it('starts with the fixed fields and writes one matrix row per line', () => {
    const text = exportText(iris)
    expect(Object.keys(JSON.parse(text))).toEqual([
      'format',
      'version',
      'graph',
      'parameters',
      'preprocessing',
      'training'
    ])
    expect(text).toMatch(/^\{\n {2}"format": "backprop-studio\/weights",\n {2}"version": 1,\n/)
    const w1 = iris.net.getParameters().w1
    expect(text).toContain(`      [${w1[0].map((v) => JSON.stringify(v)).join(', ')}]`)
  })

  it('keeps −0 and a metric that was NaN through the round trip', () => {
    const m = iris
    const parameters = m.net.getParameters()
    parameters.b1[0][0] = -0
    const training = { ...m.training, final: { ...m.training.final!, train: { loss: NaN, accuracy: 1 } } }
    const text = buildWeightsFile({
      graph: m.graph,
      parameters,
      preprocessing: m.prepared.preprocessing,
      training
    })
    const file = parseWeightsFile(text)
    expect(Object.is(file.parameters.b1[0][0], -0)).toBe(true)
    expect(file.training!.final!.train.loss).toBeNaN()
    expect(buildWeightsFile(file)).toBe(text)
  })

  it('refuses to write a non-finite weight, naming it', () => {
    const parameters = iris.net.getParameters()
    parameters.w2[1][2] = NaN
    expect(() =>
      buildWeightsFile({ graph: iris.graph, parameters, preprocessing: null, training: null })
    ).toThrow(/parameters\.w2\[1\]\[2\]/)
  })
})

describe('trained models on real data', () => {
  it('classify iris and predict diabetes about as well as the reference scores suggest', () => {
    const irisEval = evaluateModel(iris.net, iris.prepared.preprocessing, iris.prepared.data.validation!)
    expect(irisEval.accuracy).toBeGreaterThanOrEqual(0.9)
    expect(irisEval.confusion!.classes).toEqual(['setosa', 'versicolor', 'virginica'])
    expect(irisEval.confusion!.matrix.flat().reduce((a, b) => a + b)).toBe(30)
    const diabetesEval = evaluateModel(
      diabetes.net,
      diabetes.prepared.preprocessing,
      diabetes.prepared.data.validation!
    )
    expect(diabetesEval.r2).toBeGreaterThan(0.3)
    // Decoded to the target's own units (disease progression 25–346), not the standardised ones.
    const mean = diabetesEval.predVsActual!.actual.reduce((a, b) => a + b) / diabetesEval.rows
    expect(mean).toBeGreaterThan(100)
    expect(mean).toBeLessThan(200)
    const titanicEval = evaluateModel(
      titanic.net,
      titanic.prepared.preprocessing,
      titanic.prepared.data.validation!
    )
    expect(titanicEval.accuracy).toBeGreaterThanOrEqual(0.74)
  })
})

describe('docs/predict-example.mjs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bps-weights-'))

  function runExample(
    m: TrainedModel,
    csv: string,
    tag: string
  ): { outputs: number[]; label?: string; values?: Record<string, number> }[] {
    const weights = path.join(dir, `${tag}.weights.json`)
    const rows = path.join(dir, `${tag}.csv`)
    writeFileSync(weights, exportText(m))
    writeFileSync(rows, csv)
    const out = execFileSync(process.execPath, [EXAMPLE, weights, rows], { encoding: 'utf8' })
    return out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
  }

  function expectAgreement(m: TrainedModel, csv: string, tag: string): void {
    const engine = predictRows(m.net, m.prepared.preprocessing, rowsOf(csv))
    const script = runExample(m, csv, tag)
    expect(script.length).toBe(engine.length)
    script.forEach((p, i) => {
      expect(p.label).toBe(engine[i].label)
      p.outputs.forEach((v, j) => expect(v).toBeCloseTo(engine[i].outputs[j], 10))
      for (const [k, v] of Object.entries(p.values ?? {})) expect(v).toBeCloseTo(engine[i].values![k], 8)
    })
  }

  it('agrees with the engine on every iris row (tanh, relu + skip, sigmoid, softmax)', () => {
    expectAgreement(iris, readDatasetText('iris'), 'iris')
  })

  it('agrees with the engine on diabetes (leaky-relu, softplus, linear; decoded target)', () => {
    expectAgreement(diabetes, readDatasetText('diabetes'), 'diabetes')
  })

  it('agrees on titanic: quoted names, one-hot categories and imputed missing ages, CRLF and ";"', () => {
    const records = parseCsvRecords(readDatasetText('titanic_full'))
    const csv = records.map((r) => formatCsvRow(r, ';')).join('\r\n') + '\r\n'
    expect(csv).toContain(';;') // a missing age to impute
    expectAgreement(titanic, csv, 'titanic')
  })
})

describe('parseWeightsFile refuses a bad file, naming the field', () => {
  type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
  const good = (): Json => JSON.parse(exportText(iris)) as Json
  /** An edit that changes the file in place (and returns it). */
  const mut =
    (change: (f: Json) => unknown) =>
    (f: Json): Json => {
      change(f)
      return f
    }
  const cases: { name: string; edit: (f: Json) => unknown; code: string; message: RegExp }[] = [
    { name: 'not JSON', edit: () => '{"format": ', code: 'bad-json', message: /not valid JSON/ },
    { name: 'an array', edit: () => [], code: 'bad-field', message: /the file: expected an object/ },
    { name: 'a graph file', edit: (f) => f.graph, code: 'bad-format', message: /format: .*graph file/ },
    {
      name: 'a newer version',
      edit: (f) => ({ ...f, version: 2 }),
      code: 'bad-version',
      message: /version 2.*newer/
    },
    {
      name: 'a text version',
      edit: (f) => ({ ...f, version: '1' }),
      code: 'bad-field',
      message: /^version: expected a whole number/
    },
    {
      name: 'no parameters',
      edit: (f) => ({ ...f, parameters: undefined }),
      code: 'bad-field',
      message: /^parameters: missing/
    },
    {
      name: 'a short row',
      edit: mut((f) => (f.parameters.w1[3] = f.parameters.w1[3].slice(0, 3))),
      code: 'bad-parameters',
      message: /^parameters\.w1\[3\]: expected 4 numbers, got 3$/
    },
    {
      name: 'a missing row',
      edit: mut((f) => f.parameters.w2.pop()),
      code: 'bad-parameters',
      message: /^parameters\.w2: expected 6 rows .*got 5 rows/
    },
    {
      name: 'a word for a weight',
      edit: mut((f) => (f.parameters.w1[0][1] = 'x')),
      code: 'bad-parameters',
      message: /^parameters\.w1\[0\]\[1\]: expected a finite number, got "x"/
    },
    {
      name: 'a missing edge',
      edit: mut((f) => delete f.parameters.b2),
      code: 'bad-parameters',
      message: /^parameters\.b2: missing/
    },
    {
      name: 'an unknown edge',
      edit: mut((f) => (f.parameters.zz = [[1]])),
      code: 'bad-parameters',
      message: /^parameters\.zz: the graph has no weighted edge/
    },
    {
      name: 'a mistyped node field',
      edit: mut((f) => (f.graph.nodes[2].units = 'six')),
      code: 'bad-graph',
      message: /^graph\.nodes\[2\]\.units must be a finite number/
    },
    {
      name: 'a graph breaking a rule',
      edit: mut((f) => (f.graph.edges = f.graph.edges.filter((e: Json) => e.id !== 'w2' && e.id !== 'r2'))),
      code: 'bad-graph',
      message: /^graph: .*h2/
    },
    {
      name: 'a missing scale',
      edit: mut((f) => delete f.preprocessing.features[0].scale),
      code: 'bad-field',
      message: /^preprocessing\.features\[0\]\.scale: missing/
    },
    {
      name: 'an unknown normalisation',
      edit: mut((f) => (f.preprocessing.features[1].normalization = 'log')),
      code: 'bad-field',
      message: /^preprocessing\.features\[1\]\.normalization: expected one of/
    },
    {
      name: 'feature names of the wrong count',
      edit: mut((f) => f.preprocessing.featureNames.pop()),
      code: 'bad-field',
      message: /^preprocessing\.featureNames: expected 4 names/
    },
    {
      name: 'targets that do not fit the output layer',
      edit: mut((f) => f.preprocessing.targets[0].classes.push('fourth')),
      code: 'bad-field',
      message: /^preprocessing\.targets: expected targets needing 3 output units/
    },
    {
      name: 'a negative learning rate',
      edit: mut((f) => (f.training.settings.learningRate = -1)),
      code: 'bad-field',
      message: /^training\.settings\.learningRate: must be > 0/
    },
    {
      name: 'a missing optimiser',
      edit: mut((f) => delete f.training.settings.optimizer),
      code: 'bad-field',
      message: /^training\.settings\.optimizer: missing/
    },
    {
      name: 'a missing schedule field',
      edit: mut((f) => delete f.training.settings.schedule.gamma),
      code: 'bad-field',
      message: /^training\.settings\.schedule\.gamma: missing/
    },
    {
      name: 'fractional epochs',
      edit: mut((f) => (f.training.epochsRun = 1.5)),
      code: 'bad-field',
      message: /^training\.epochsRun: expected a whole number/
    },
    {
      name: 'a bad loss point',
      edit: mut((f) => (f.training.lossHistory[0] = [1])),
      code: 'bad-field',
      message: /^training\.lossHistory\[0\]: expected a pair/
    }
  ]

  it.each(cases)('$name', ({ edit, code, message }) => {
    const edited = edit(good())
    const text = typeof edited === 'string' ? edited : JSON.stringify(edited)
    let error: unknown
    try {
      parseWeightsFile(text)
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(WeightsError)
    expect((error as WeightsError).code).toBe(code)
    expect((error as WeightsError).message).toMatch(message)
  })

  it('accepts a file without preprocessing or training (a network set by hand)', () => {
    const f = good()
    f.preprocessing = null
    f.training = null
    f.graph.nodes[0].units = 4 // without preprocessing, the input node carries its width
    const file = parseWeightsFile(JSON.stringify(f))
    expect(file.preprocessing).toBeNull()
    expect(file.training).toBeNull()
    const text = buildWeightsFile(file)
    expect(buildWeightsFile(parseWeightsFile(text))).toBe(text)
  })
})

describe('the training summary', () => {
  it('keeps at most LOSS_HISTORY_POINTS of a long loss history, the last step included', () => {
    // The model's loss history bounds what a file holds (the writer writes it as it is).
    const points: [number, number][] = Array.from({ length: 2000 }, (_, i) => [i + 1, 1 / (i + 1)])
    const lossHistory = new LossHistory(LOSS_HISTORY_POINTS, points).toArray()
    const text = buildWeightsFile({
      graph: iris.graph,
      parameters: iris.net.getParameters(),
      preprocessing: iris.prepared.preprocessing,
      training: { ...iris.training, lossHistory }
    })
    const history = parseWeightsFile(text).training!.lossHistory
    expect(history.length).toBeLessThanOrEqual(LOSS_HISTORY_POINTS)
    expect(history).toEqual(lossHistory)
    expect(history.at(-1)![0]).toBe(2000)
    expect(buildWeightsFile(parseWeightsFile(text))).toBe(text)
  })
})
