/**
 * Seeded synthetic data for the workloads: every implementation trains on exactly these numbers
 * (TF.js gets a float32 copy, brain.js plain arrays).
 */
import type { Workload } from './workloads'

/** mulberry32: a small, fast, seeded 32-bit generator; uniform in [0, 1). */
export const mulberry32 = (seed: number): (() => number) => {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Standard normal by Box–Muller. */
const normal = (rand: () => number): number =>
  Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())

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
  const rand = mulberry32(seed)
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
  for (let i = 0; i < x.length; i++) x[i] = pixelLike ? rand() : normal(rand)
  const teacher = new Float64Array(outputs * inputs)
  for (let i = 0; i < teacher.length; i++) teacher[i] = normal(rand)
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
