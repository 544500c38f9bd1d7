/**
 * The lessons' networks, as graph JSON with editor positions, and the one way a lesson runs them:
 * through the engine's public entry (createNetwork, inspect, createOptimizer).
 */
import {
  createNetwork,
  createOptimizer,
  defaultTrainSettings,
  inspect,
  GRAPH_FORMAT,
  GRAPH_VERSION,
  type GraphEdge,
  type GraphSpec,
  type Inspection,
  type Network,
  type GraphNode,
  type ParameterMap
} from '@engine/index'
import type { LessonNetwork } from './types'

/** Columns of the canvas layout: input, hidden layers, output, loss. */
export const COLUMN = 240
export const ROW = 170

export function graphOf(nodes: GraphNode[], edges: GraphEdge[]): GraphSpec {
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes, edges }
}

/** The engine's network for a lesson network, with the lesson's exact parameters. */
export function networkOf(n: LessonNetwork): Network {
  const net = createNetwork(n.graph)
  net.setParameters(n.parameters)
  return net
}

/** One forward and backward pass on one sample: every z, a, ∂C/∂a, δ and ∂C/∂W (the engine's inspect). */
export function pass(n: LessonNetwork | Network, x: readonly number[], y: readonly number[]): Inspection {
  const net = 'graph' in n ? networkOf(n) : n
  return inspect(net, Float64Array.from(x), Float64Array.from(y))
}

/** Output activations of m rows (row-major). */
export function outputs(n: LessonNetwork, rows: readonly (readonly number[])[]): number[][] {
  const net = networkOf(n)
  const out = net.forward(Float64Array.from(rows.flat()), rows.length)
  const w = net.outputWidth
  return rows.map((_, r) => Array.from(out.subarray(r * w, (r + 1) * w)))
}

/** Batch-mean loss and gradients (BP-3 with 1/m) of m samples, by edge id. */
export function batchGradients(
  n: LessonNetwork,
  xs: readonly (readonly number[])[],
  ys: readonly (readonly number[])[]
): { loss: number; gradients: ParameterMap } {
  const net = networkOf(n)
  const loss = net.lossAndGradients(Float64Array.from(xs.flat()), Float64Array.from(ys.flat()), xs.length)
  const gradients: ParameterMap = {}
  for (const s of net.slices)
    gradients[s.edgeId] = Array.from({ length: s.rows }, (_, i) =>
      Array.from(net.grads.subarray(s.offset + i * s.cols, s.offset + (i + 1) * s.cols))
    )
  return { loss, gradients }
}

/**
 * Full-batch training with one of the engine's optimisers: the loss before each step, and the
 * parameters after the last one.
 */
export function train(
  n: LessonNetwork,
  xs: readonly (readonly number[])[],
  ys: readonly (readonly number[])[],
  optimizer: 'gd' | 'rprop',
  learningRate: number,
  steps: number
): { losses: number[]; parameters: ParameterMap } {
  const net = networkOf(n)
  const opt = createOptimizer({ ...defaultTrainSettings(), optimizer, learningRate, l2: 0 }, net)
  const X = Float64Array.from(xs.flat())
  const Y = Float64Array.from(ys.flat())
  const losses: number[] = []
  for (let i = 0; i < steps; i++) {
    losses.push(net.lossAndGradients(X, Y, xs.length))
    opt.step()
  }
  return { losses, parameters: net.getParameters() }
}

/** A network whose weights come from the engine's initialiser (fixed seed), for lessons 6 and 7. */
export function initialised(
  graph: GraphSpec,
  init: 'glorot-uniform' | 'he-uniform',
  seed: number
): LessonNetwork {
  return { graph, parameters: createNetwork(graph, { init, seed }).getParameters() }
}

/** Mean |δ| of each dense layer over a batch (what the δ chart plots), input side first. */
export function deltaMagnitudes(
  n: LessonNetwork,
  xs: readonly (readonly number[])[],
  ys: readonly (readonly number[])[]
): { id: string; meanAbsDelta: number }[] {
  const net = networkOf(n)
  net.lossAndGradients(Float64Array.from(xs.flat()), Float64Array.from(ys.flat()), xs.length)
  return net.layerStats().map((s) => ({ id: s.id, meanAbsDelta: s.meanAbsDelta }))
}
