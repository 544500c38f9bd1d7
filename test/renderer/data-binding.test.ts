import { describe, expect, it } from 'vitest'
import type { GraphSpec } from '@engine/graph/types'
import type { PreparedSummary } from '@engine/index'
import { findMismatch, lossPatch } from '@renderer/graph/dataBinding'
import { createAppI18n } from '@renderer/i18n'
import { noticeText, translator } from '@renderer/i18n/engineMessages'
import { regressionSummary, rowFromPreview } from '@renderer/components/predict/rows'
import { predictionsFileName, weightsFileName } from '@engine/index'

/** x → h(8 tanh) → out(units, activation) → cost(loss) */
function mlp(
  units: number,
  activation: 'softmax' | 'sigmoid' | 'linear',
  loss: GraphSpec['nodes'][number]
): GraphSpec {
  return {
    format: 'backprop-studio/graph',
    version: 1,
    nodes: [
      { id: 'x', kind: 'input' },
      { id: 'h', kind: 'dense', units: 8, activation: 'tanh' },
      { id: 'out', kind: 'dense', units, activation, name: 'output' },
      loss
    ],
    edges: [
      { id: 'w1', from: 'x', to: 'h' },
      { id: 'w2', from: 'h', to: 'out' },
      { id: 'c', from: 'out', to: 'cost' }
    ]
  }
}

const iris: PreparedSummary = {
  inputWidth: 4,
  outputWidth: 3,
  task: 'multiclass',
  targets: ['species'],
  classes: ['setosa', 'versicolor', 'virginica'],
  loss: 'cross-entropy',
  outputActivation: 'softmax',
  featureColumns: ['a', 'b', 'c', 'd'],
  featureNames: ['a', 'b', 'c', 'd'],
  trainRows: 120,
  validationRows: 30,
  droppedRows: 0,
  imputed: {},
  notices: []
}

describe('the graph follows the data', () => {
  it('patches the loss node with targets, task and classes, and not again once they are set', () => {
    const graph = mlp(3, 'softmax', { id: 'cost', kind: 'loss', loss: 'cross-entropy' })
    const patch = lossPatch(graph, iris)
    expect(patch).toEqual({
      id: 'cost',
      patch: { targets: ['species'], task: 'multiclass', classes: ['setosa', 'versicolor', 'virginica'] }
    })
    const bound = {
      ...graph,
      nodes: graph.nodes.map((n) => (n.id === 'cost' ? { ...n, ...patch!.patch } : n))
    }
    expect(lossPatch(bound, iris)).toBeUndefined()
  })

  it('finds no mismatch when the output layer and loss fit', () => {
    expect(
      findMismatch(mlp(3, 'softmax', { id: 'cost', kind: 'loss', loss: 'cross-entropy' }), iris)
    ).toBeNull()
  })

  it('words the mismatches in 简体中文 (only names and notation stay Latin)', () => {
    const zh = translator(createAppI18n('zh-CN').global)
    const m = findMismatch(mlp(1, 'sigmoid', { id: 'cost', kind: 'loss', loss: 'squared-error' }), iris)
    const texts = m!.notices.map((n) => noticeText(zh, n))
    expect(texts[0]).toBe('输出层“output”有 1 个单元；数据需要 3 个（3 个类别，每类一个单元）。')
    expect(texts[1]).toBe('输出激活函数“sigmoid”不适合多分类目标；请使用“softmax”。')
    // Loss and activation ids are worded (canvas.lossKind / activationKind), not quoted raw.
    expect(texts[2]).toBe('损失“平方误差”不适合多分类目标；请使用“交叉熵”。')
    expect(texts.join('')).not.toMatch(/squared|error|entropy/)
  })

  it('names a wrong output width, activation and loss, and offers the fix', () => {
    const m = findMismatch(mlp(1, 'sigmoid', { id: 'cost', kind: 'loss', loss: 'squared-error' }), iris)
    expect(m?.messages).toEqual([
      'The output layer "output" has 1 unit; the data needs 3 (3 classes, one unit each).',
      'The output activation "sigmoid" does not fit a multiclass target; use "softmax".',
      'The loss "squared error" does not fit a multiclass target; use "cross-entropy".'
    ])
    expect(m?.fix).toEqual({
      outputId: 'out',
      units: 3,
      activation: 'softmax',
      lossId: 'cost',
      loss: 'cross-entropy'
    })
  })

  it('keeps a regression loss the user chose when it fits (huber), fixing only the width', () => {
    const diabetes: PreparedSummary = {
      ...iris,
      outputWidth: 1,
      task: 'regression',
      classes: undefined,
      targets: ['disease_progression'],
      loss: 'squared-error',
      outputActivation: 'linear'
    }
    const m = findMismatch(mlp(2, 'linear', { id: 'cost', kind: 'loss', loss: 'huber' }), diabetes)
    expect(m?.messages).toHaveLength(1)
    expect(m?.fix).toMatchObject({ units: 1, activation: 'linear', loss: 'huber' })
  })

  it('says so when the graph has no loss node', () => {
    const graph = mlp(3, 'softmax', { id: 'cost', kind: 'loss', loss: 'cross-entropy' })
    const m = findMismatch({ ...graph, nodes: graph.nodes.filter((n) => n.kind !== 'loss') }, iris)
    expect(m?.fix).toBeUndefined()
    expect(m?.messages[0]).toMatch(/no loss node/)
  })
})

describe('prediction panel helpers', () => {
  it('takes a preview row’s feature cells by column name', () => {
    expect(rowFromPreview(['a', 'y', 'b'], ['1', 'yes', '2'], ['b', 'a', 'zz'])).toEqual({
      b: '2',
      a: '1',
      zz: ''
    })
  })

  it('computes RMSE and R² of predicted vs actual', () => {
    const s = regressionSummary({ actual: [1, 2, 3, 4], predicted: [1, 2, 3, 5] })
    expect(s.rmse).toBeCloseTo(0.5, 12)
    expect(s.r2).toBeCloseTo(1 - 1 / 5, 12)
    expect(regressionSummary({ actual: [], predicted: [] }).rmse).toBeNaN()
  })

  it('names exported files after the project', () => {
    expect(weightsFileName('iris.bps.json', undefined)).toBe('iris.weights.json')
    expect(weightsFileName(undefined, 'my/net')).toBe('my_net.weights.json')
    expect(weightsFileName(undefined, undefined)).toBe('network.weights.json')
    expect(predictionsFileName('titanic.csv')).toBe('titanic.predictions.csv')
  })
})
