/**
 * Our engine as a benchmark peer: the graph JSON a user would draw for the workload, createNetwork and
 * createTrainer with plain SGD, float64 — trained step by step the way the CLI's trainToEnd does.
 */
import type { GraphNode, GraphEdge, GraphSpec } from '../../src/engine/graph/types'
import { createNetwork } from '../../src/engine/nn/network'
import type { KernelChoice } from '../../src/engine/wasm/kernels'
import { createTrainer } from '../../src/engine/train/trainer'
import { resolveTrainSettings } from '../../src/engine/train/settings'
import { DEFAULT_PROGRESS_MS } from '../../src/engine/train/session'
import type { Dataset } from '../data'
import type { RunResult, Session } from '../session'
import type { Workload } from '../workloads'

export interface OursOptions {
  /**
   * 'app' asks for the per-layer δ statistics the way the app's training session does (session.ts):
   * before the first step that is due for a progress event, every DEFAULT_PROGRESS_MS (75 ms), read
   * from the same clock; 'every-step' asks before every step (the worst case); 'off' never asks.
   */
  stats: StatsMode
  /** Matrix kernels of the network (see NetworkOptions.kernels). */
  kernels: KernelChoice
}

export type StatsMode = 'app' | 'every-step' | 'off'

/** input → dense layers with a bias each → loss, as the editor would build it. */
export function workloadGraph(w: Workload): GraphSpec {
  const nodes: GraphNode[] = [
    { id: 'x', kind: 'input', units: w.sizes[0] },
    { id: 'one', kind: 'bias' }
  ]
  const edges: GraphEdge[] = []
  let previous = 'x'
  for (let l = 1; l < w.sizes.length; l++) {
    const last = l === w.sizes.length - 1
    const id = last ? 'out' : `h${l}`
    nodes.push({ id, kind: 'dense', units: w.sizes[l], activation: last ? w.output : w.hidden })
    edges.push({ id: `w${l}`, from: previous, to: id }, { id: `b${l}`, from: 'one', to: id })
    previous = id
  }
  nodes.push({ id: 'cost', kind: 'loss', loss: w.loss })
  edges.push({ id: 'c', from: 'out', to: 'cost' })
  return { format: 'backprop-studio/graph', version: 1, nodes, edges }
}

export function createOursSession(w: Workload, data: Dataset, opts: OursOptions): Session {
  const net = createNetwork(workloadGraph(w), { seed: 1, kernels: opts.kernels })
  const steps = Math.floor(data.samples / w.batch)
  const rows = steps * w.batch
  const train = {
    x: data.x.subarray(0, rows * data.inputs),
    y: data.y.subarray(0, rows * data.outputs),
    rows
  }
  const settings = resolveTrainSettings({
    optimizer: 'sgd',
    learningRate: w.learningRate,
    batchSize: w.batch,
    // Epoch count is enforced by the session below; the trainer must never stop on its own first.
    epochs: 1_000_000,
    shuffle: true,
    seed: 1
  })
  const trainer = createTrainer(net, { train, task: data.outputs === 1 ? 'binary' : 'multiclass' }, settings)
  const mode = opts.stats
  let lastEventAt = performance.now()

  return {
    async train(epochs: number): Promise<RunResult> {
      const epochLosses: number[] = []
      const t0 = performance.now()
      const total = epochs * trainer.stepsPerEpoch
      for (let s = 0; s < total; s++) {
        if (mode === 'every-step') trainer.requestLayerStats()
        else if (mode === 'app') {
          // session.ts runStep: one clock read per step, statistics with the progress event that is due
          const now = performance.now()
          if (now - lastEventAt >= DEFAULT_PROGRESS_MS) {
            trainer.requestLayerStats()
            lastEventAt = now
          }
        }
        const r = trainer.step()
        if (r.epoch) epochLosses.push(r.epoch.train.loss)
        if (r.done) throw new Error(`our trainer stopped early: ${r.done.message}`)
      }
      const seconds = (performance.now() - t0) / 1000
      return { seconds, samples: total * trainer.batchRows, epochLosses }
    },
    dispose() {}
  }
}
