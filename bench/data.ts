/**
 * Seeded synthetic data for the workloads: every implementation trains on exactly these numbers
 * (TF.js gets a float32 copy, brain.js plain arrays), drawn from the engine's own seeded generator.
 */
import { createRng } from '../src/engine/random'
import type { Workload } from './workloads'

export interface Dataset {
  /** [samples × inputs], row-major */
  x: Float64Array
  /** [samples × outputs], row-major (one-hot for classification) */
  y: Float64Array
  samples: number
  inputs: number
  outputs: number
}

/**
 * W1 is the Playground's circle: is the point inside radius √0.5? The classification workloads take
 * the arg-max of a random linear teacher, so the labels are learnable and the loss must go down.
 */
export const makeDataset = (w: Workload, seed = 42, samples = w.samples): Dataset => {
  const rng = createRng(seed)
  const rand = (): number => rng.next()
  const inputs = w.sizes[0]
  const outputs = w.sizes[w.sizes.length - 1]
  const x = new Float64Array(samples * inputs)
  const y = new Float64Array(samples * outputs)
  if (outputs === 1) {
    for (let i = 0; i < samples; i++) {
      const x0 = 2 * rand() - 1
      const x1 = 2 * rand() - 1
      x[i * inputs] = x0
      x[i * inputs + 1] = x1
      y[i] = x0 * x0 + x1 * x1 < 0.5 ? 1 : 0
    }
    return { x, y, samples, inputs, outputs }
  }
  // pixel-like inputs in [0, 1) for the wide workload, standardised features otherwise
  const pixelLike = inputs > 100
  for (let i = 0; i < x.length; i++) x[i] = pixelLike ? rand() : rng.normal()
  const teacher = new Float64Array(outputs * inputs)
  for (let i = 0; i < teacher.length; i++) teacher[i] = rng.normal()
  for (let i = 0; i < samples; i++) {
    let best = 0
    let bestScore = -Infinity
    for (let k = 0; k < outputs; k++) {
      let score = 0
      // centre pixel-like inputs so every class is reachable
      for (let j = 0; j < inputs; j++)
        score += teacher[k * inputs + j] * (x[i * inputs + j] - (pixelLike ? 0.5 : 0))
      if (score > bestScore) {
        bestScore = score
        best = k
      }
    }
    y[i * outputs + best] = 1
  }
  return { x, y, samples, inputs, outputs }
}
