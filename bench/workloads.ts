/**
 * The benchmark workloads of issue 6 ("Fast"): the same architecture, batch size, optimiser (plain
 * SGD) and seeded synthetic data are given to every implementation.
 */
import type { Activation, LossKind } from '../src/engine/graph/types'

export type WorkloadId = 'W1' | 'W2' | 'W3'

export interface Workload {
  id: WorkloadId
  name: string
  /** Unit counts from input to output, e.g. [2, 8, 8, 1]. */
  sizes: number[]
  hidden: Activation
  output: Activation
  loss: LossKind
  samples: number
  batch: number
  epochs: number
  learningRate: number
}

export const WORKLOADS: readonly Workload[] = [
  {
    id: 'W1',
    name: 'tiny',
    sizes: [2, 8, 8, 1],
    hidden: 'tanh',
    output: 'sigmoid',
    loss: 'squared-error',
    samples: 1000,
    batch: 10,
    epochs: 20,
    learningRate: 0.5
  },
  {
    id: 'W2',
    name: 'tabular',
    sizes: [13, 64, 64, 3],
    hidden: 'relu',
    output: 'softmax',
    loss: 'cross-entropy',
    samples: 5000,
    batch: 32,
    epochs: 5,
    learningRate: 0.05
  },
  {
    id: 'W3',
    name: 'mnist-size',
    sizes: [784, 128, 64, 10],
    hidden: 'relu',
    output: 'softmax',
    loss: 'cross-entropy',
    samples: 10000,
    batch: 64,
    epochs: 2,
    learningRate: 0.05
  }
]

export const workload = (id: WorkloadId): Workload => {
  const w = WORKLOADS.find((x) => x.id === id)
  if (!w)
    throw new Error(`unknown workload '${id}' (expected one of ${WORKLOADS.map((x) => x.id).join(', ')})`)
  return w
}

/** Steps (mini-batches) per epoch; a last partial batch is dropped so every step has the same m. */
export const stepsPerEpoch = (w: Workload): number => Math.floor(w.samples / w.batch)
