import {
  GRAPH_FORMAT,
  GRAPH_VERSION,
  type EdgeKind,
  type GraphEdge,
  type GraphNode,
  type GraphSpec,
  type NodeKind,
  type Position
} from '@engine/index'

/**
 * Pure edits of the domain graph. Each takes a graph and returns a new one; the graph store wraps them
 * with history and validation. None of them checks the rules: that is the engine's canConnect/validateGraph.
 */

export const emptyGraph = (): GraphSpec => ({
  format: GRAPH_FORMAT,
  version: GRAPH_VERSION,
  nodes: [],
  edges: []
})

/** Id prefixes follow DESIGN §2's example: x, one, h1, cost; w1 (weights), b1 (bias), r1 (skip). */
const NODE_PREFIX: Record<NodeKind, string> = { input: 'x', bias: 'one', dense: 'h', loss: 'cost' }

/** The first `prefix`, `prefix2`, `prefix3`… not in `taken` (dense layers always get a number: h1, h2…). */
export function freshId(prefix: string, taken: ReadonlySet<string>, alwaysNumber = false): string {
  if (!alwaysNumber && !taken.has(prefix)) return prefix
  for (let i = alwaysNumber ? 1 : 2; ; i++) if (!taken.has(`${prefix}${i}`)) return `${prefix}${i}`
}

const idsOf = (spec: GraphSpec): Set<string> =>
  new Set([...spec.nodes.map((n) => n.id), ...spec.edges.map((e) => e.id)])

/** Default units for a new input when no data is bound, and for a new dense layer. */
export const DEFAULT_INPUT_UNITS = 2
export const DEFAULT_DENSE_UNITS = 4

/** A new node of `kind` with sensible defaults and an id unused in `spec`. */
export function createNode(spec: GraphSpec, kind: NodeKind, position: Position): GraphNode {
  const id = freshId(NODE_PREFIX[kind], idsOf(spec), kind === 'dense')
  switch (kind) {
    case 'input':
      return { id, kind, units: DEFAULT_INPUT_UNITS, position }
    case 'bias':
      return { id, kind, position }
    case 'dense':
      return { id, kind, units: DEFAULT_DENSE_UNITS, activation: 'tanh', position }
    case 'loss':
      return { id, kind, loss: 'squared-error', position }
  }
}

export const addNode = (spec: GraphSpec, node: GraphNode): GraphSpec => ({
  ...spec,
  nodes: [...spec.nodes, node]
})

/** A new edge from → to; bias edges get a `b` id, skips an `r` id, other weights a `w` id. */
export function createEdge(spec: GraphSpec, from: string, to: string, kind: EdgeKind): GraphEdge {
  const fromBias = spec.nodes.find((n) => n.id === from)?.kind === 'bias'
  const prefix = kind === 'skip' ? 'r' : fromBias ? 'b' : 'w'
  const edge: GraphEdge = { id: freshId(prefix, idsOf(spec), true), from, to }
  if (kind === 'skip') edge.kind = 'skip'
  return edge
}

export const addEdge = (spec: GraphSpec, edge: GraphEdge): GraphSpec => ({
  ...spec,
  edges: [...spec.edges, edge]
})

/** Removes nodes (with every edge touching them) and edges. */
export function removeElements(
  spec: GraphSpec,
  nodeIds: Iterable<string>,
  edgeIds: Iterable<string>
): GraphSpec {
  const nodes = new Set(nodeIds)
  const edges = new Set(edgeIds)
  return {
    ...spec,
    nodes: spec.nodes.filter((n) => !nodes.has(n.id)),
    edges: spec.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.from) && !nodes.has(e.to))
  }
}

/** Fields the inspector may change; `id` and `kind` never change. */
export type NodePatch = Partial<Omit<GraphNode, 'id' | 'kind'>> & Record<string, unknown>

/** Applies a patch to one node; `undefined` values remove the field (e.g. clearing an initialiser). */
export function updateNode(spec: GraphSpec, id: string, patch: NodePatch): GraphSpec {
  return {
    ...spec,
    nodes: spec.nodes.map((node) => {
      if (node.id !== id) return node
      const next: Record<string, unknown> = { ...node }
      for (const [key, value] of Object.entries(patch)) {
        if (key === 'id' || key === 'kind') continue
        if (value === undefined) delete next[key]
        else next[key] = value
      }
      return next as unknown as GraphNode
    })
  }
}

export function setEdgeKind(spec: GraphSpec, id: string, kind: EdgeKind): GraphSpec {
  return {
    ...spec,
    edges: spec.edges.map((edge) => {
      if (edge.id !== id) return edge
      const { kind: _old, ...rest } = edge
      return kind === 'skip' ? { ...rest, kind } : rest
    })
  }
}

export function moveNodes(spec: GraphSpec, positions: Record<string, Position>): GraphSpec {
  return {
    ...spec,
    nodes: spec.nodes.map((n) => (positions[n.id] ? { ...n, position: { ...positions[n.id] } } : n))
  }
}

/**
 * A deep copy of JSON data. The graph lives in a Pinia ref, so its nodes are reactive proxies, which
 * structuredClone refuses (DataCloneError); graph JSON has nothing JSON cannot carry.
 */
export const cloneJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/** What Copy keeps: the selected nodes and the edges among them. */
export interface Clipboard {
  nodes: GraphNode[]
  edges: GraphEdge[]
}

export function copyElements(spec: GraphSpec, nodeIds: Iterable<string>): Clipboard {
  const ids = new Set(nodeIds)
  return cloneJson({
    nodes: spec.nodes.filter((n) => ids.has(n.id)),
    edges: spec.edges.filter((e) => ids.has(e.from) && ids.has(e.to))
  })
}

/** Pastes a clipboard with fresh ids, shifted by `offset`; returns the graph and the new node ids. */
export function pasteElements(
  spec: GraphSpec,
  clipboard: Clipboard,
  offset: Position
): { spec: GraphSpec; nodeIds: string[] } {
  let next = spec
  const renamed = new Map<string, string>()
  for (const node of clipboard.nodes) {
    const position = { x: (node.position?.x ?? 0) + offset.x, y: (node.position?.y ?? 0) + offset.y }
    const fresh = createNode(next, node.kind, position)
    const copy = { ...cloneJson(node), id: fresh.id, position } as GraphNode
    renamed.set(node.id, copy.id)
    next = addNode(next, copy)
  }
  for (const edge of clipboard.edges) {
    const from = renamed.get(edge.from)
    const to = renamed.get(edge.to)
    if (!from || !to) continue
    next = addEdge(next, createEdge(next, from, to, edge.kind ?? 'weights'))
  }
  return { spec: next, nodeIds: [...renamed.values()] }
}
