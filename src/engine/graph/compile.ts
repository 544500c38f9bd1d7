/**
 * Compiles a valid graph into an execution plan: the dense layers in topological order, each with its
 * in-edges resolved to layer indices, the widths, and where every weighted edge's matrix lives in the
 * network's one contiguous parameter vector. The plan is plain data; the network (nn/network.ts)
 * allocates buffers from it.
 */
import {
  edgeKind,
  type Activation,
  type GraphEdge,
  type GraphSpec,
  type Initializer,
  type LossKind
} from './types'
import type { ParamSlice } from '../nn/types'
import { GraphError, type GraphIssue } from './errors'
import { assertValidGraph } from './validate'
import { DEFAULT_LEAK } from '../math/activations'
import { DEFAULT_HUBER_DELTA, isFusedPair } from '../math/losses'
import { dict } from '../objects'

/**
 * Most trainable numbers in a network. Training holds up to TRAINING_COPIES float64 copies of them
 * (weights, gradients, two optimiser moments, last good, run start, best epoch), so the cap bounds
 * that memory at 10⁷ × 7 × 8 bytes = 560 MB — within a browser worker's reach — whatever a file asks.
 */
export const MAX_PARAMETERS = 10_000_000
export const TRAINING_COPIES = 7

const gigabytes = (params: number): string => ((params * TRAINING_COPIES * 8) / 1e9).toPrecision(3)

/** Source index of an edge that starts at the input node (layers are numbered 0…L−1). */
export const INPUT = -1

/** A weighted edge (bias edges included) into a layer. */
export interface PlanEdge {
  id: string
  from: string
  to: string
  /** Layer index of the source, or INPUT; unused for bias edges. */
  src: number
  /** Index of the target layer. */
  dst: number
  rows: number
  cols: number
  /** Offset of W [rows × cols] in the parameter vector. */
  offset: number
  isBias: boolean
}

/** An identity (residual) edge into a layer: a_dst += a_src. */
export interface PlanSkip {
  id: string
  from: string
  to: string
  src: number
  dst: number
}

export interface PlanLayer {
  index: number
  id: string
  name: string
  units: number
  activation: Activation
  /** leaky-relu slope (DEFAULT_LEAK when the node gives none). */
  leak: number
  /** The node's own initialiser, overriding the network's. */
  init?: Initializer
  /** Weighted in-edges from the input or other layers (z += A_src Wᵀ). */
  weights: PlanEdge[]
  /** In-edges from bias units (z += 1·bᵀ). */
  biases: PlanEdge[]
  /** Skip in-edges (a += a_src). */
  skips: PlanSkip[]
  /** Weighted out-edges into later layers (BP-2: ∂C/∂a += δ_tgt W). */
  outWeights: PlanEdge[]
  /** Skip out-edges (BP-2: ∂C/∂a += ∂C/∂a_tgt). */
  outSkips: PlanSkip[]
  /** Σ of source widths over the weighted (non-bias) in-edges: the fan-in used by the initialisers. */
  fanIn: number
}

export interface ExecutionPlan {
  inputId: string
  inputWidth: number
  /** Dense layers in topological order; the last one is the output layer. */
  layers: PlanLayer[]
  /** Index of the output layer (the loss's source) — always layers.length − 1. */
  output: number
  loss: { id: string; name: string; kind: LossKind; huberDelta: number }
  /** True when the output error simplifies to δ = a − y (softmax + CE, sigmoid + BCE, no skip in). */
  fused: boolean
  /** Every weighted edge in parameter order: layers in topological order, in-edges in file order. */
  slices: ParamSlice[]
  paramCount: number
  /** Output width of every node by id (input, bias = 1, dense). */
  widths: Record<string, number>
  /** Warnings from validation (errors throw). */
  warnings: GraphIssue[]
}

/**
 * Validates (throwing a GraphError that lists every error) and compiles the graph.
 * The input width comes from the bound data (`inputWidth`) or else from the input node's `units`.
 */
export function compileGraph(spec: GraphSpec, inputWidth?: number): ExecutionPlan {
  const warnings = assertValidGraph(spec, { inputWidth })
  const inputNode = spec.nodes.find((n) => n.kind === 'input')!
  const width = inputWidth ?? (inputNode.kind === 'input' ? inputNode.units : undefined)
  if (width === undefined || !Number.isInteger(width) || width < 1) {
    throw new GraphError([
      {
        code: 'input-width-unknown',
        message: `The width of input "${inputNode.id}" is unknown: bind data or set its units.`,
        nodeId: inputNode.id,
        params: { id: inputNode.id },
        severity: 'error'
      }
    ])
  }
  const lossNode = spec.nodes.find((n) => n.kind === 'loss')!
  if (lossNode.kind !== 'loss') throw new Error('unreachable')

  const widths = dict<number>()
  const kindOf = new Map(spec.nodes.map((n) => [n.id, n.kind]))
  for (const n of spec.nodes) {
    if (n.kind === 'input') widths[n.id] = width
    else if (n.kind === 'bias') widths[n.id] = 1
    else if (n.kind === 'dense') widths[n.id] = n.units
  }

  // Kahn's algorithm over the dense layers, ties broken by file order so the plan is deterministic.
  // Adjacency lists and a queue with a head index keep it linear in nodes + edges (no recursion).
  const dense = spec.nodes.filter((n) => n.kind === 'dense')
  const denseById = new Map(dense.map((n) => [n.id, n]))
  const pending = new Map(dense.map((n) => [n.id, 0]))
  const into = new Map<string, GraphEdge[]>(spec.nodes.map((n) => [n.id, []]))
  const outOf = new Map<string, string[]>(dense.map((n) => [n.id, []]))
  for (const e of spec.edges) {
    into.get(e.to)?.push(e)
    if (pending.has(e.from) && pending.has(e.to)) {
      pending.set(e.to, pending.get(e.to)! + 1)
      outOf.get(e.from)!.push(e.to)
    }
  }
  const order: string[] = dense.filter((n) => pending.get(n.id) === 0).map((n) => n.id)
  for (let head = 0; head < order.length; head++) {
    for (const to of outOf.get(order[head])!) {
      const left = pending.get(to)! - 1
      pending.set(to, left)
      if (left === 0) order.push(to)
    }
  }
  const lossEdge = spec.edges.find((e) => e.to === lossNode.id)!
  // The output feeds only the loss (validated), so it has no dense successors: move it last.
  order.splice(order.indexOf(lossEdge.from), 1)
  order.push(lossEdge.from)
  const indexOf = new Map(order.map((id, i) => [id, i]))

  const layers: PlanLayer[] = order.map((id, index) => {
    const node = denseById.get(id)!
    if (node.kind !== 'dense') throw new Error('unreachable')
    return {
      index,
      id,
      name: node.name ?? id,
      units: node.units,
      activation: node.activation,
      leak: node.leak ?? DEFAULT_LEAK,
      init: node.init,
      weights: [],
      biases: [],
      skips: [],
      outWeights: [],
      outSkips: [],
      fanIn: 0
    }
  })

  const slices: ParamSlice[] = []
  let offset = 0
  for (const layer of layers) {
    for (const e of into.get(layer.id)!) {
      const srcKind = kindOf.get(e.from)
      const src = srcKind === 'input' ? INPUT : (indexOf.get(e.from) ?? INPUT)
      if (edgeKind(e) === 'skip') {
        const skip: PlanSkip = { id: e.id, from: e.from, to: e.to, src, dst: layer.index }
        layer.skips.push(skip)
        if (src !== INPUT) layers[src].outSkips.push(skip)
        continue
      }
      const isBias = srcKind === 'bias'
      const cols = widths[e.from]
      const edge: PlanEdge = {
        id: e.id,
        from: e.from,
        to: e.to,
        src,
        dst: layer.index,
        rows: layer.units,
        cols,
        offset,
        isBias
      }
      slices.push({ edgeId: e.id, from: e.from, to: e.to, rows: layer.units, cols, offset, isBias })
      offset += layer.units * cols
      if (isBias) layer.biases.push(edge)
      else {
        layer.weights.push(edge)
        layer.fanIn += cols
        if (src !== INPUT) layers[src].outWeights.push(edge)
      }
    }
  }

  if (offset > MAX_PARAMETERS) {
    const biggest = slices.reduce((a, b) => (b.rows * b.cols > a.rows * a.cols ? b : a))
    throw new GraphError([
      {
        code: 'too-many-parameters',
        message: `The network has ${offset.toLocaleString('en-US')} parameters (about ${gigabytes(offset)} GB to train); at most ${MAX_PARAMETERS.toLocaleString('en-US')} are accepted. The largest is edge "${biggest.edgeId}" (${biggest.from} → ${biggest.to}), ${biggest.rows}×${biggest.cols}.`,
        edgeId: biggest.edgeId,
        nodeId: biggest.to,
        params: {
          count: offset,
          gigabytes: Number(gigabytes(offset)),
          max: MAX_PARAMETERS,
          edgeId: biggest.edgeId,
          from: biggest.from,
          to: biggest.to,
          rows: biggest.rows,
          cols: biggest.cols
        },
        severity: 'error'
      }
    ])
  }

  const outputLayer = layers[layers.length - 1]
  return {
    inputId: inputNode.id,
    inputWidth: width,
    layers,
    output: layers.length - 1,
    loss: {
      id: lossNode.id,
      name: lossNode.name ?? lossNode.id,
      kind: lossNode.loss,
      huberDelta: lossNode.huberDelta ?? DEFAULT_HUBER_DELTA
    },
    fused: isFusedPair(outputLayer.activation, lossNode.loss, outputLayer.skips.length > 0),
    slices,
    paramCount: offset,
    widths,
    warnings
  }
}
