/**
 * `evaluate`'s decision boundary: for a classifier of exactly two numeric features, a grid of class
 * probabilities over the features' range in the file's units, computed through the prediction path,
 * with the evaluated rows drawn on it. Over a real MessageChannel, on the app's own sample files.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { GraphSpec } from '../../src/engine/graph/types'
import { createNetwork } from '../../src/engine/nn/network'
import type { Workspace as DataWorkspace } from '../../src/engine/model/workspace'
import { resolveTrainSettings } from '../../src/engine/train/settings'
import { createTrainer, trainToEnd } from '../../src/engine/train/trainer'
import { BOUNDARY_GRID, boundaryFeatures } from '../../src/engine/weights/predict'
import { channelEngines, mlp } from './data-fixtures'

const samples = path.resolve(__dirname, '../../resources/samples')
const sampleText = (name: string): string => readFileSync(path.join(samples, name), 'utf8')
/** The sample's data rows as cells by column name. */
function sampleRows(name: string): Record<string, string>[] {
  const [header, ...lines] = sampleText(name).trim().split(/\r?\n/)
  const names = header.split(',')
  return lines.map((l) => Object.fromEntries(l.split(',').map((c, j) => [names[j], c])))
}

const engines = channelEngines()
afterEach(engines.closeAll)
const connect = engines.connect

/** Trains on the workspace's prepared split and makes the result its model (as train.* would). */
function trainModel(ws: DataWorkspace, graph: GraphSpec, epochs: number, learningRate: number): void {
  const prepared = ws.prepared!
  const net = createNetwork(graph, { inputWidth: prepared.summary.inputWidth, seed: 2 })
  const settings = resolveTrainSettings({ epochs, batchSize: 16, learningRate, seed: 4 })
  trainToEnd(createTrainer(net, prepared.data, settings))
  ws.model = { graph, net, preprocessing: prepared.preprocessing, training: null }
}

describe('evaluate: the decision boundary', () => {
  it('XOR: a 40×40 grid over x1 × x2 that separates the corners, the four rows on it', async () => {
    const { client, ws } = connect()
    await client.request('data.load', { loadId: 1, name: 'xor.csv', text: sampleText('xor.csv') })
    const summary = await client.request('data.prepare', { roles: {}, seed: 1 })
    // Whole numbers 0/1 in the last column: two classes, one sigmoid unit by default.
    expect(summary).toMatchObject({ task: 'binary', classes: ['0', '1'], validationRows: 0 })
    trainModel(
      ws,
      mlp([{ units: 8, activation: 'tanh' }], { units: 1, activation: 'sigmoid' }, 'binary-cross-entropy'),
      1500,
      0.1
    )
    const evaluation = await client.request('evaluate', {})
    expect(evaluation.split).toBe('train')
    const b = evaluation.boundary!
    expect(b).toBeDefined()
    expect(b.split).toBe('train')
    expect([b.xName, b.yName]).toEqual(['x1', 'x2'])
    expect(b.classes).toEqual(['0', '1'])
    expect(b.xs).toHaveLength(BOUNDARY_GRID)
    expect(b.ys).toHaveLength(BOUNDARY_GRID)
    expect(b.probs).toHaveLength(BOUNDARY_GRID * BOUNDARY_GRID)
    // The data span [0, 1]; padded 5% each side and cut into 40 cells, centres half a cell in.
    const step = 1.1 / BOUNDARY_GRID
    expect(b.xs[0]).toBeCloseTo(-0.05 + step / 2, 12)
    expect(b.xs[BOUNDARY_GRID - 1]).toBeCloseTo(1.05 - step / 2, 12)
    expect(b.ys).toEqual(b.xs)
    for (const p of b.probs) {
      expect(p).toHaveLength(2)
      expect(p[0] + p[1]).toBeCloseTo(1, 12)
    }
    // Every row is drawn (no validation split on four rows), in the file's units with its class.
    expect([...b.points].sort((p, q) => p.x - q.x || p.y - q.y)).toEqual([
      { x: 0, y: 0, cls: 0 },
      { x: 0, y: 1, cls: 1 },
      { x: 1, y: 0, cls: 1 },
      { x: 1, y: 1, cls: 0 }
    ])
    // The trained net solves XOR, so the cells nearest the corners take the corners' classes.
    const winner = (ix: number, iy: number): number => {
      const p = b.probs[iy * BOUNDARY_GRID + ix]
      return p[1] > p[0] ? 1 : 0
    }
    const last = BOUNDARY_GRID - 1
    expect([winner(0, 0), winner(0, last), winner(last, 0), winner(last, last)]).toEqual([0, 1, 1, 0])
    expect(evaluation.confusion!.matrix).toEqual([
      [2, 0],
      [0, 2]
    ])

    // Each cell is exactly what `predict` answers for the same raw values.
    const cells = [0, 7, 20 * BOUNDARY_GRID + 13, BOUNDARY_GRID * BOUNDARY_GRID - 1]
    const { predictions } = await client.request('predict', {
      rows: cells.map((i) => ({
        x1: String(b.xs[i % BOUNDARY_GRID]),
        x2: String(b.ys[Math.floor(i / BOUNDARY_GRID)])
      }))
    })
    cells.forEach((i, k) =>
      expect(b.probs[i]).toEqual([predictions[k].probabilities!['0'], predictions[k].probabilities!['1']])
    )
  })

  it('iris on two petal features: three classes over the range of all prepared rows, the validation rows on top', async () => {
    const { client, ws } = connect()
    await client.request('data.load', { loadId: 1, name: 'iris.csv', text: sampleText('iris.csv') })
    const summary = await client.request('data.prepare', {
      roles: { sepal_length_cm: 'ignored', sepal_width_cm: 'ignored' },
      seed: 11
    })
    expect(summary.featureColumns).toEqual(['petal_length_cm', 'petal_width_cm'])
    trainModel(
      ws,
      mlp([{ units: 6, activation: 'tanh' }], { units: 3, activation: 'softmax' }, 'cross-entropy'),
      60,
      0.05
    )
    const evaluation = await client.request('evaluate', {})
    expect(evaluation.split).toBe('validation')
    const b = evaluation.boundary!
    expect(b.split).toBe('validation')
    expect([b.xName, b.yName]).toEqual(['petal_length_cm', 'petal_width_cm'])
    expect(b.classes).toEqual(['setosa', 'versicolor', 'virginica'])
    expect(b.probs).toHaveLength(BOUNDARY_GRID * BOUNDARY_GRID)
    for (const p of b.probs) {
      expect(p).toHaveLength(3)
      expect(p.every((v) => v >= 0 && v <= 1)).toBe(true)
      expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 12)
    }
    // Petal length spans 1–6.9 cm and width 0.1–2.5 cm over the whole file (all rows prepared).
    const lo = (a: number, c: number) => a - 0.05 * (c - a)
    const hi = (a: number, c: number) => c + 0.05 * (c - a)
    const dx = (hi(1, 6.9) - lo(1, 6.9)) / BOUNDARY_GRID
    expect(b.xs[0]).toBeCloseTo(lo(1, 6.9) + dx / 2, 12)
    expect(b.xs[BOUNDARY_GRID - 1]).toBeCloseTo(hi(1, 6.9) - dx / 2, 12)
    const dy = (hi(0.1, 2.5) - lo(0.1, 2.5)) / BOUNDARY_GRID
    expect(b.ys[0]).toBeCloseTo(lo(0.1, 2.5) + dy / 2, 12)

    // The points are the validation rows: as many as the confusion matrix counts, each one a row of
    // the file with its own species.
    expect(b.points).toHaveLength(summary.validationRows)
    expect(b.points).toHaveLength(evaluation.confusion!.matrix.flat().reduce((s, v) => s + v, 0))
    const file = sampleRows('iris.csv')
    for (const p of b.points) {
      const match = file.filter((r) => Number(r.petal_length_cm) === p.x && Number(r.petal_width_cm) === p.y)
      expect(match.length).toBeGreaterThan(0)
      expect(match.map((r) => r.species)).toContain(b.classes[p.cls])
    }
    // Per actual class, the points number the confusion matrix's row sums.
    const perClass = [0, 1, 2].map((c) => b.points.filter((p) => p.cls === c).length)
    expect(perClass).toEqual(evaluation.confusion!.matrix.map((row) => row.reduce((s, v) => s + v, 0)))

    const rows = [0, 555, 1599].map((i) => ({
      petal_length_cm: String(b.xs[i % BOUNDARY_GRID]),
      petal_width_cm: String(b.ys[Math.floor(i / BOUNDARY_GRID)])
    }))
    const { predictions } = await client.request('predict', { rows })
    ;[0, 555, 1599].forEach((i, k) =>
      expect(b.probs[i]).toEqual(b.classes.map((c) => predictions[k].probabilities![c]))
    )
    // A trained iris classifier puts short narrow petals in setosa and long wide ones in virginica.
    const best = (i: number) => b.probs[i].indexOf(Math.max(...b.probs[i]))
    expect(best(0)).toBe(0)
    expect(best(BOUNDARY_GRID * BOUNDARY_GRID - 1)).toBe(2)
  })

  it('no boundary for four features, a one-hot feature, or regression', async () => {
    const { client, ws } = connect()
    await client.request('data.load', { loadId: 1, name: 'iris.csv', text: sampleText('iris.csv') })
    await client.request('data.prepare', { roles: {}, seed: 11 })
    trainModel(
      ws,
      mlp([{ units: 6, activation: 'tanh' }], { units: 3, activation: 'softmax' }, 'cross-entropy'),
      5,
      0.05
    )
    const four = await client.request('evaluate', {})
    expect(four.confusion!.classes).toHaveLength(3)
    expect(four.boundary).toBeUndefined()

    // Two features, but one is categorical (one-hot: no axis to draw).
    await client.request('data.prepare', {
      roles: { sepal_length_cm: 'ignored', sepal_width_cm: 'ignored' },
      types: { petal_width_cm: 'categorical' },
      seed: 11
    })
    expect(boundaryFeatures(ws.prepared!.preprocessing)).toBeNull()

    // Two numeric features (sepal and petal length) predicting a number (petal width).
    await client.request('data.prepare', {
      roles: { sepal_width_cm: 'ignored', species: 'ignored', petal_width_cm: 'target' },
      seed: 11
    })
    expect(ws.prepared!.preprocessing.features).toHaveLength(2)
    trainModel(
      ws,
      mlp([{ units: 4, activation: 'tanh' }], { units: 1, activation: 'linear' }, 'squared-error'),
      5,
      0.05
    )
    const regression = await client.request('evaluate', {})
    expect(regression.predVsActual).toBeDefined()
    expect(regression.boundary).toBeUndefined()
  })
})
