/** How the graph rules name nodes and edges in their sentences, and the widths they compare. */
import type { GraphEdge, GraphNode } from '../types'

/** `"Hidden 1" (h1)` when the node has a distinct name, else `"h1"`. */
export function nodeLabel(node: { id: string; name?: string }): string {
  return node.name && node.name !== node.id ? `"${node.name}" (${node.id})` : `"${node.id}"`
}

export function edgeLabel(edge: GraphEdge): string {
  return `"${edge.id}" (${edge.from} → ${edge.to})`
}

const kindWord: Record<string, string> = { input: 'Input', bias: 'Bias unit', dense: 'Layer', loss: 'Loss' }

/** `Layer "h1"`, `Bias unit "b"` … */
export const describe = (node: GraphNode): string => `${kindWord[node.kind] ?? 'Node'} ${nodeLabel(node)}`

/**
 * A node as message parameters: `{ node: '"Hidden 1" (h1)', nodeKind: 'dense' }` (with another key
 * for a second node), which the renderer words as the English `describe` does.
 */
export const nodeParams = (node: GraphNode, key = 'node'): Record<string, string> => ({
  [key]: nodeLabel(node),
  [`${key}Kind`]: node.kind
})

export const isPositiveInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1

/** Width of a node's output when known: dense → units, bias → 1, input → data width or `units`. */
export function nodeWidth(node: GraphNode, inputWidth: number | undefined): number | undefined {
  switch (node.kind) {
    case 'dense':
      return isPositiveInt(node.units) ? node.units : undefined
    case 'bias':
      return 1
    case 'input':
      return inputWidth ?? (isPositiveInt(node.units) ? node.units : undefined)
    default:
      return undefined
  }
}
