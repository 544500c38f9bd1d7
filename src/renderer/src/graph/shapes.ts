import { edgeKind, type GraphEdge, type GraphNode, type GraphSpec } from '@engine/index'

/**
 * Widths and parameter shapes for display (node badges, inspector totals).
 * This is not validation: the rules live in the engine's graph/validate.ts. Unknown widths stay undefined.
 */

export interface ShapeOptions {
  /** Encoded feature count of the bound data; wins over the input node's own `units`. */
  inputWidth?: number
}

/** Width of a node's output a: features for input, 1 for bias, units for dense; loss has none. */
export function unitsOf(node: GraphNode | undefined, options: ShapeOptions = {}): number | undefined {
  if (!node) return undefined
  switch (node.kind) {
    case 'input':
      return options.inputWidth ?? node.units
    case 'bias':
      return 1
    case 'dense':
      return node.units
    case 'loss':
      return undefined
  }
}

/** Shape [rows, cols] = [units(target), units(source)] of a weighted edge's W; undefined for skips and unknown widths. */
export function weightShape(
  spec: GraphSpec,
  edge: GraphEdge,
  options: ShapeOptions = {}
): [number, number] | undefined {
  if (edgeKind(edge) !== 'weights') return undefined
  const from = spec.nodes.find((n) => n.id === edge.from)
  const to = spec.nodes.find((n) => n.id === edge.to)
  if (!to || to.kind !== 'dense') return undefined
  const rows = unitsOf(to, options)
  const cols = unitsOf(from, options)
  return rows !== undefined && cols !== undefined ? [rows, cols] : undefined
}

export interface ParameterCounts {
  /** Trainable numbers per weighted edge id. */
  byEdge: Record<string, number>
  /** Sum of the incoming edges' parameters per node id. */
  byNode: Record<string, number>
  total: number
}

/** Counts trainable parameters: rows × cols of every weighted edge into a dense layer (bias edges are n×1). */
export function parameterCounts(spec: GraphSpec, options: ShapeOptions = {}): ParameterCounts {
  const byEdge: Record<string, number> = {}
  const byNode: Record<string, number> = {}
  let total = 0
  for (const node of spec.nodes) byNode[node.id] = 0
  for (const edge of spec.edges) {
    const shape = weightShape(spec, edge, options)
    if (!shape) continue
    const count = shape[0] * shape[1]
    byEdge[edge.id] = count
    byNode[edge.to] = (byNode[edge.to] ?? 0) + count
    total += count
  }
  return { byEdge, byNode, total }
}

/** "8×4" — rows × cols, as the seeds write W. */
export const formatShape = ([rows, cols]: [number, number]): string => `${rows}×${cols}`
