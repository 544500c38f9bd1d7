import type { Workload } from './workloads'

/** The network and data of the prompt-control measurement (issue 10): 784-256-256-10 on 60k rows. */
export const CONTROL_WORKLOAD: Workload = {
  id: 'W3',
  name: 'control',
  sizes: [784, 256, 256, 10],
  hidden: 'relu',
  output: 'softmax',
  loss: 'cross-entropy',
  samples: 60000,
  batch: 32,
  epochs: 1000,
  learningRate: 0.05
}
