/** Small graphs and data sets shared by the training, session and optimiser tests. */
import type { Activation, GraphSpec, LossKind } from '../../src/engine/graph/types'
import { createNetwork } from '../../src/engine/nn/network'
import type { Network } from '../../src/engine/nn/types'
import type { Dataset } from '../../src/engine/train/types'

/** A chain input → dense … → loss, every dense layer with its own bias edge from one bias unit. */
export function mlpGraph(
  inputs: number,
  hidden: [number, Activation][],
  output: [number, Activation],
  loss: LossKind
): GraphSpec {
  const layers = [...hidden, output]
  const nodes: GraphSpec['nodes'] = [
    { id: 'x', kind: 'input', units: inputs },
    { id: 'one', kind: 'bias' }
  ]
  const edges: GraphSpec['edges'] = []
  let prev = 'x'
  layers.forEach(([units, activation], i) => {
    const id = i === layers.length - 1 ? 'out' : `h${i + 1}`
    nodes.push({ id, kind: 'dense', units, activation })
    edges.push({ id: `w_${id}`, from: prev, to: id }, { id: `b_${id}`, from: 'one', to: id })
    prev = id
  })
  nodes.push({ id: 'cost', kind: 'loss', loss })
  edges.push({ id: 'c', from: 'out', to: 'cost' })
  return { format: 'backprop-studio/graph', version: 1, nodes, edges }
}

export function dataset(rows: number[][], targets: number[][]): Dataset {
  return { x: Float64Array.from(rows.flat()), y: Float64Array.from(targets.flat()), rows: rows.length }
}

/** XOR: the classic problem a single layer cannot solve. */
export const xor = dataset(
  [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1]
  ],
  [[0], [1], [1], [0]]
)

export function xorNetwork(seed = 3): Network {
  return createNetwork(mlpGraph(2, [[4, 'tanh']], [1, 'sigmoid'], 'binary-cross-entropy'), { seed })
}

/**
 * A noisy 3-class problem in 2-D: three Gaussian blobs, seeded, one-hot targets (like iris, but generated
 * so the tests do not depend on the CSV code).
 */
export function blobs(rowsPerClass: number, seed: number, spread = 0.6): Dataset {
  let s = seed >>> 0
  const uniform = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return (s + 0.5) / 4294967296
  }
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform())
  const centres = [
    [0, 0],
    [2, 0.5],
    [1, 2]
  ]
  const x: number[][] = []
  const y: number[][] = []
  for (let r = 0; r < rowsPerClass; r++) {
    for (let c = 0; c < 3; c++) {
      x.push([centres[c][0] + spread * normal(), centres[c][1] + spread * normal()])
      y.push([0, 1, 2].map((k) => (k === c ? 1 : 0)))
    }
  }
  return dataset(x, y)
}
