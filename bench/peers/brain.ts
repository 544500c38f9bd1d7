/**
 * brain.js 1.6.1 as a peer on W1. What it can and cannot match, stated so the ratio is read correctly:
 * - it trains one sample at a time (online SGD, no mini-batches), so "batch 10" cannot be expressed;
 * - one activation serves every layer, so the output is tanh, not sigmoid;
 * - it always adds momentum (its validator rejects 0), so we leave its default 0.1;
 * - errorCheckInterval is 1, so every pass also accumulates the squared error (as ours accumulates the loss).
 * Same sizes, learning rate and data otherwise; float64 (plain JS arrays) like ours.
 */
import { NeuralNetwork } from 'brain.js'
import type { Dataset } from '../data'
import type { RunResult, Session } from '../session'
import type { Workload } from '../workloads'

export function createBrainSession(w: Workload, data: Dataset): Session {
  if (w.hidden !== 'tanh' && w.hidden !== 'sigmoid' && w.hidden !== 'relu') {
    throw new Error(`the brain.js peer has no mapping for activation '${w.hidden}'`)
  }
  const net = new NeuralNetwork({ hiddenLayers: w.sizes.slice(1, -1), activation: w.hidden })
  const rows = Math.floor(data.samples / w.batch) * w.batch
  const samples = Array.from({ length: rows }, (_, r) => ({
    input: Array.from(data.x.subarray(r * data.inputs, (r + 1) * data.inputs)),
    output: Array.from(data.y.subarray(r * data.outputs, (r + 1) * data.outputs))
  }))
  return {
    async train(epochs: number): Promise<RunResult> {
      const t0 = performance.now()
      // errorThresh must be > 0 for its validator; this tiny value makes it run every iteration.
      const status = net.train(samples, {
        iterations: epochs,
        learningRate: w.learningRate,
        errorThresh: 1e-12,
        timeout: Infinity,
        log: false
      })
      const seconds = (performance.now() - t0) / 1000
      if (status.iterations !== epochs) {
        throw new Error(`brain.js ran ${status.iterations} of ${epochs} iterations`)
      }
      return { seconds, samples: rows * epochs, epochLosses: [status.error] }
    },
    dispose() {}
  }
}
