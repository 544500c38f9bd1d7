/**
 * The backprop explainer's walk through one inspection: the forward pass layer by layer, then the
 * backward pass from the loss node towards the input, one dense layer per step, with the nodes and
 * edges each step involves (for highlighting on the graph). Pure: an Inspection and the graph in,
 * plain data out.
 */
import type { GraphSpec, Inspection, LayerInspection } from '@engine/index'

export interface ExplainerStep {
  layer: LayerInspection
  /** True for the output layer, where backpropagation starts (BP-1). */
  isOutput: boolean
  /** Nodes to highlight: this layer and the nodes its ∂C/∂a comes back from. */
  nodes: string[]
  /** Edges to highlight: the out-edges summed into ∂C/∂a, and the in-edges whose ∂C/∂W this step yields. */
  edges: string[]
}

/**
 * @returns one step per dense layer, output layer first, in reverse topological order — the order in
 *   which backpropagation computes δ (each δ needs the δ of every later layer it feeds)
 */
export function backwardSteps(inspection: Inspection): ExplainerStep[] {
  const layers = inspection.layers
  const out = layers.length - 1
  return layers
    .map((layer, l) => ({
      layer,
      isOutput: l === out,
      nodes: unique([layer.id, ...layer.contributions.map((c) => c.from)]),
      edges: unique([...layer.contributions.map((c) => c.edgeId), ...layer.gradients.map((g) => g.edgeId)])
    }))
    .reverse()
}

/** The forward pass, input side first: z and a of each layer, with the in-edges that produce them. */
export function forwardSteps(inspection: Inspection): ExplainerStep[] {
  const out = inspection.layers.length - 1
  return inspection.layers.map((layer, l) => ({
    layer,
    isOutput: l === out,
    nodes: unique([layer.id, ...layer.gradients.map((g) => g.from)]),
    edges: layer.gradients.map((g) => g.edgeId)
  }))
}

/** Display names of the graph's nodes (name, or the id when unnamed). */
export function nodeNames(graph: GraphSpec | null | undefined): Record<string, string> {
  const names: Record<string, string> = {}
  for (const n of graph?.nodes ?? []) names[n.id] = n.name ?? n.id
  return names
}

/**
 * The source activations a_src of an in-edge, as the gradient step's aᵀ: another layer's a from the
 * inspection, the sample's x for the input node (when known), and [1] for a bias unit.
 */
export function sourceActivations(
  inspection: Inspection,
  from: string,
  isBias: boolean,
  x?: readonly number[]
): number[] | null {
  if (isBias) return [1]
  const src = inspection.layers.find((l) => l.id === from)
  if (src) return src.a
  return x ? [...x] : null
}

/** Largest |Σ contributions − ∂C/∂a| of a layer: 0 up to rounding when the fan-out-and-sum adds up. */
export function contributionResidual(layer: LayerInspection): number {
  let worst = 0
  for (let j = 0; j < layer.units; j++) {
    let s = 0
    for (const c of layer.contributions) s += c.values[j]
    worst = Math.max(worst, Math.abs(s - layer.dCda[j]))
  }
  return worst
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)]
}
