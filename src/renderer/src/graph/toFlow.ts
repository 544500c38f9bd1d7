import type { Edge, Node } from '@vue-flow/core'
import { edgeKind, type EdgeKind, type GraphEdge, type GraphNode, type GraphSpec } from '@engine/index'
import { formatShape, parameterCounts, unitsOf, weightShape, type ShapeOptions } from './shapes'

/**
 * The mapping between the domain graph (DESIGN §2, the source of truth) and Vue Flow's nodes and edges.
 * Vue Flow only ever sees derived objects; the domain node and edge ride along in `data`, so the reverse
 * mapping needs no UI internals.
 */

/** One incoming connection as a node badge: "W 8×4", "b 8×1" or (worded by the node) a skip from `from`. */
export interface IncomingBadge {
  edgeId: string
  label: string
  kind: EdgeKind
  from: string
}

export interface FlowNodeData {
  node: GraphNode
  title: string
  /** Output width, when known. */
  units?: number
  incoming: IncomingBadge[]
  /** Parameters of this node's incoming weighted edges. */
  params: number
  /** Feature count of bound data (input nodes). */
  features?: number
  /** Problems reported by the engine's validation for this node. */
  problems: string[]
}

export interface FlowEdgeData {
  edge: GraphEdge
  problems: string[]
}

export type FlowNode = Node<FlowNodeData>
export type FlowEdge = Edge<FlowEdgeData>

export interface FlowView extends ShapeOptions {
  selectedNodes?: ReadonlySet<string>
  selectedEdges?: ReadonlySet<string>
  /** Messages by node id / edge id, from validateGraph. */
  nodeProblems?: ReadonlyMap<string, string[]>
  edgeProblems?: ReadonlyMap<string, string[]>
}

const KIND_TITLES: Record<GraphNode['kind'], string> = {
  input: 'Input',
  bias: 'Bias unit',
  dense: 'Dense layer',
  loss: 'Loss'
}

export const nodeTitle = (node: GraphNode): string => node.name || node.id
export const kindTitle = (kind: GraphNode['kind']): string => KIND_TITLES[kind]

function incomingBadges(spec: GraphSpec, node: GraphNode, options: ShapeOptions): IncomingBadge[] {
  return spec.edges
    .filter((e) => e.to === node.id)
    .map((edge) => {
      const kind = edgeKind(edge)
      if (kind === 'skip') return { edgeId: edge.id, label: `skip from ${edge.from}`, kind, from: edge.from }
      const shape = weightShape(spec, edge, options)
      const from = spec.nodes.find((n) => n.id === edge.from)
      const symbol = from?.kind === 'bias' ? 'b' : 'W'
      return {
        edgeId: edge.id,
        label: shape ? `${symbol} ${formatShape(shape)}` : `${symbol} ?`,
        kind,
        from: edge.from
      }
    })
}

/** Domain graph → Vue Flow nodes (positions from the nodes; missing positions fall back to the origin). */
export function toFlowNodes(spec: GraphSpec, view: FlowView = {}): FlowNode[] {
  const counts = parameterCounts(spec, view)
  return spec.nodes.map((node) => {
    const problems = view.nodeProblems?.get(node.id) ?? []
    return {
      id: node.id,
      type: node.kind,
      position: { x: node.position?.x ?? 0, y: node.position?.y ?? 0 },
      selected: view.selectedNodes?.has(node.id) ?? false,
      class: problems.length ? 'has-problem' : undefined,
      ariaLabel: `${kindTitle(node.kind)} ${nodeTitle(node)}`,
      data: {
        node,
        title: nodeTitle(node),
        units: node.kind === 'loss' ? undefined : unitsOf(node, view),
        incoming: node.kind === 'loss' ? [] : incomingBadges(spec, node, view),
        params: counts.byNode[node.id] ?? 0,
        features: node.kind === 'input' ? view.inputWidth : undefined,
        problems
      }
    }
  })
}

/** Domain graph → Vue Flow edges: weighted edges as bezier curves, skips as the dashed 'skip' edge type. */
export function toFlowEdges(spec: GraphSpec, view: FlowView = {}): FlowEdge[] {
  return spec.edges.map((edge) => {
    const kind = edgeKind(edge)
    const problems = view.edgeProblems?.get(edge.id) ?? []
    const fromBias = spec.nodes.find((n) => n.id === edge.from)?.kind === 'bias'
    const classes = [`edge-${kind}`, fromBias ? 'edge-bias' : '', problems.length ? 'has-problem' : '']
    return {
      id: edge.id,
      source: edge.from,
      target: edge.to,
      type: kind === 'skip' ? 'skip' : 'default',
      selected: view.selectedEdges?.has(edge.id) ?? false,
      class: classes.filter(Boolean).join(' '),
      ariaLabel: `${kind === 'skip' ? 'Skip connection' : 'Connection'} ${edge.from} to ${edge.to}`,
      data: { edge, problems }
    }
  })
}

/**
 * Vue Flow elements → domain graph: the inverse of toFlowNodes/toFlowEdges, taking positions from the
 * flow nodes (so a drag is a pure position update).
 */
export function fromFlow(
  nodes: Pick<FlowNode, 'position' | 'data'>[],
  edges: Pick<FlowEdge, 'data'>[],
  base: Pick<GraphSpec, 'format' | 'version' | 'name'>
): GraphSpec {
  const spec: GraphSpec = {
    format: base.format,
    version: base.version,
    nodes: nodes.map((n) => ({ ...n.data!.node, position: { x: n.position.x, y: n.position.y } })),
    edges: edges.map((e) => ({ ...e.data!.edge }))
  }
  if (base.name !== undefined) spec.name = base.name
  return spec
}
