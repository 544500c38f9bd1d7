/**
 * Models for the export tests: networks trained by the engine on the real datasets, covering every
 * activation, skip edges (into the next layer and over layers), shared bias units, a layer with two
 * weighted sources and two bias edges, one-hot features with imputation, z-score and min-max
 * normalisation, binary (sigmoid and two-unit softmax), multiclass and regression targets.
 */
import type { GraphSpec } from '../../src/engine/graph/types'
import { buildWeightsFile, parseWeightsFile } from '../../src/engine/weights/file'
import type { WeightsFile } from '../../src/engine/weights/types'
import {
  mlp,
  trainDiabetes,
  trainIris,
  trainOn,
  trainTitanic,
  type DatasetName,
  type TrainedModel
} from './data-fixtures'

/**
 * Every activation in one graph (softmax only at the output, where the rules allow it), with skip edges into the next layer (h1→h2) and over layers
 * (h2→h4, h4→h6), a second bias unit, a layer with two weighted sources and two bias edges (h3), and an
 * output fed by two layers.
 */
export function zooGraph(classes: number): GraphSpec {
  const dense = (id: string, activation: string, extra: Record<string, unknown> = {}) => ({
    id,
    kind: 'dense' as const,
    units: 8,
    activation: activation as never,
    ...extra
  })
  return {
    format: 'backprop-studio/graph',
    version: 1,
    name: 'zoo',
    nodes: [
      { id: 'x', kind: 'input' },
      { id: 'one', kind: 'bias' },
      { id: 'one2', kind: 'bias' },
      dense('h1', 'tanh'),
      dense('h2', 'relu'),
      dense('h3', 'leaky-relu', { leak: 0.2 }),
      dense('h4', 'softplus'),
      dense('h5', 'sigmoid'),
      dense('h6', 'tanh'),
      dense('h7', 'linear'),
      { id: 'out', kind: 'dense', units: classes, activation: 'softmax' },
      { id: 'cost', kind: 'loss', loss: 'cross-entropy' }
    ],
    edges: [
      { id: 'w1', from: 'x', to: 'h1' },
      { id: 'b1', from: 'one', to: 'h1' },
      { id: 'w2', from: 'h1', to: 'h2' },
      { id: 'b2', from: 'one', to: 'h2' },
      { id: 'r2', from: 'h1', to: 'h2', kind: 'skip' },
      { id: 'w3', from: 'h2', to: 'h3' },
      { id: 'w3x', from: 'x', to: 'h3' },
      { id: 'b3', from: 'one', to: 'h3' },
      { id: 'b3b', from: 'one2', to: 'h3' },
      { id: 'w4', from: 'h3', to: 'h4' },
      { id: 'b4', from: 'one2', to: 'h4' },
      { id: 'r4', from: 'h2', to: 'h4', kind: 'skip' },
      { id: 'w5', from: 'h4', to: 'h5' },
      { id: 'b5', from: 'one', to: 'h5' },
      { id: 'w6', from: 'h5', to: 'h6' },
      { id: 'r6', from: 'h4', to: 'h6', kind: 'skip' },
      { id: 'w7', from: 'h6', to: 'h7' },
      { id: 'b7', from: 'one2', to: 'h7' },
      { id: 'w8', from: 'h7', to: 'out' },
      { id: 'w8b', from: 'h1', to: 'out' },
      { id: 'b8', from: 'one', to: 'out' },
      { id: 'c', from: 'out', to: 'cost' }
    ]
  }
}

export interface ExportCase {
  name: string
  dataset: DatasetName
  model: () => TrainedModel
}

export const EXPORT_CASES: ExportCase[] = [
  { name: 'iris: tanh, relu, sigmoid, skip, softmax', dataset: 'iris', model: trainIris },
  { name: 'diabetes: leaky-relu, softplus, regression', dataset: 'diabetes', model: trainDiabetes },
  { name: 'titanic: one-hot, imputed ages, sigmoid', dataset: 'titanic_full', model: trainTitanic },
  {
    name: 'wine: every activation, skips over layers, two bias units',
    dataset: 'wine',
    model: () => trainOn('wine', { roles: {}, seed: 7 }, zooGraph(3), { epochs: 15 })
  },
  {
    name: 'digits: min-max, 10 classes',
    dataset: 'digits',
    model: () =>
      trainOn(
        'digits',
        { roles: {}, seed: 7, normalization: 'min-max' },
        mlp([{ units: 16, activation: 'relu' }], { units: 10, activation: 'softmax' }, 'cross-entropy'),
        { epochs: 5 }
      )
  },
  {
    name: 'diabetes: two regression targets, inputs not normalised',
    dataset: 'diabetes',
    model: () =>
      trainOn(
        'diabetes',
        { roles: { bp: 'target', disease_progression: 'target' }, seed: 7, normalization: 'none' },
        mlp([{ units: 8, activation: 'tanh' }], { units: 2, activation: 'linear' }, 'squared-error'),
        { epochs: 10 }
      )
  },
  {
    name: 'breast cancer: two softmax units',
    dataset: 'breast_cancer',
    model: () =>
      trainOn(
        'breast_cancer',
        { roles: {}, seed: 7, binaryTarget: 'softmax' },
        mlp([{ units: 8, activation: 'tanh' }], { units: 2, activation: 'softmax' }, 'cross-entropy'),
        { epochs: 10 }
      )
  }
]

/** The weights file of a trained model, as the app exports it, read back as the exporters get it. */
export function weightsOf(m: TrainedModel): { text: string; file: WeightsFile } {
  const text = buildWeightsFile({
    graph: bindGraph(m),
    parameters: m.net.getParameters(),
    preprocessing: m.prepared.preprocessing,
    training: m.training
  })
  return { text, file: parseWeightsFile(text) }
}

/** The graph with its input width and loss binding, as the app's weights export writes it. */
function bindGraph(m: TrainedModel): GraphSpec {
  const s = m.prepared.summary
  return {
    ...m.graph,
    nodes: m.graph.nodes.map((n) =>
      n.kind === 'input'
        ? { ...n, units: s.inputWidth }
        : n.kind === 'loss'
          ? { ...n, targets: [...s.targets], task: s.task, ...(s.classes ? { classes: [...s.classes] } : {}) }
          : n
    )
  }
}

/** Ids that make generated names alike: layer "W" and edge "a" ("W/a"), an edge called "W/a", a layer "decode". */
export function trickyIdsGraph(): GraphSpec {
  return {
    format: 'backprop-studio/graph',
    version: 1,
    nodes: [
      { id: 'x', kind: 'input', units: 3 },
      { id: 'one', kind: 'bias' },
      { id: 'W', kind: 'dense', units: 4, activation: 'softplus' },
      { id: 'decode', kind: 'dense', units: 4, activation: 'leaky-relu' },
      { id: 'out', kind: 'dense', units: 2, activation: 'linear' },
      { id: 'cost', kind: 'loss', loss: 'squared-error' }
    ],
    edges: [
      { id: 'a', from: 'x', to: 'W' },
      { id: 'one', from: 'one', to: 'W' },
      { id: 'gemm/a', from: 'W', to: 'decode' },
      { id: 'W/a', from: 'W', to: 'decode', kind: 'skip' },
      { id: 'o', from: 'decode', to: 'out' },
      { id: 'c', from: 'out', to: 'cost' }
    ]
  }
}
