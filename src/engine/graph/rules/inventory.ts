/**
 * The first pass over nodes and edges: ids, kinds, the node-field rules, the one input and one loss,
 * and the edge rules (rules/edges.ts) on every edge. What passes is the graph the structure rules see.
 */
import { NODE_KINDS, type GraphEdge, type GraphNode } from '../types'
import { brokenEdgeRules, type EdgeRuleContext } from './edges'
import { describe, edgeLabel, nodeLabel, nodeParams } from './labels'
import { checkNodeFields } from './nodes'
import type { Report } from './report'

const KNOWN_KINDS: ReadonlySet<string> = new Set(NODE_KINDS)

export interface NodeIndex {
  byId: Map<string, GraphNode>
  inputs: GraphNode[]
  losses: GraphNode[]
}

/** Indexes the nodes with a unique id and a known kind, reporting the rest and each bad field. */
export function indexNodes(nodes: readonly GraphNode[], error: Report): NodeIndex {
  const byId = new Map<string, GraphNode>()
  const inputs: GraphNode[] = []
  const losses: GraphNode[] = []
  nodes.forEach((node, i) => {
    if (node === null || typeof node !== 'object' || typeof node.id !== 'string' || node.id === '') {
      error('bad-id', `Node #${i + 1} has no id.`, {}, { variant: 'node', index: i + 1 })
      return
    }
    if (byId.has(node.id)) {
      error('duplicate-node-id', `Two nodes have the id "${node.id}".`, { nodeId: node.id }, { id: node.id })
      return
    }
    if (!KNOWN_KINDS.has(node.kind)) {
      error(
        'unknown-kind',
        `Node ${nodeLabel(node)} has unknown kind "${String(node.kind)}".`,
        { nodeId: node.id },
        { node: nodeLabel(node), kind: String(node.kind) }
      )
      return
    }
    byId.set(node.id, node)
    if (node.kind === 'input') inputs.push(node)
    if (node.kind === 'loss') losses.push(node)
    checkNodeFields(node, error)
  })
  return { byId, inputs, losses }
}

/** A graph has exactly one input node and exactly one loss node. */
export function checkCounts({ inputs, losses }: NodeIndex, error: Report): void {
  if (inputs.length === 0) error('no-input', 'The graph has no input node.')
  inputs
    .slice(1)
    .forEach((n) =>
      error(
        'multiple-inputs',
        `${describe(n)} is a second input; a graph has exactly one input node.`,
        { nodeId: n.id },
        nodeParams(n)
      )
    )
  if (losses.length === 0)
    error('no-loss', 'The graph has no loss node, so there is nothing to train against.')
  losses
    .slice(1)
    .forEach((n) =>
      error(
        'multiple-losses',
        `${describe(n)} is a second loss node; a graph has exactly one.`,
        { nodeId: n.id },
        nodeParams(n)
      )
    )
}

export interface EdgeIndex {
  /** Nodes with at least one edge whose ends both exist. */
  touched: Set<string>
  /** Edges that carry signal in an allowed direction. */
  flow: GraphEdge[]
}

/** Reports bad ids, kinds and ends and every broken edge rule; keeps the edges no rule blocks. */
export function indexEdges(
  edges: readonly GraphEdge[],
  byId: ReadonlyMap<string, GraphNode>,
  inputWidth: number | undefined,
  error: Report
): EdgeIndex {
  const edgeIds = new Set<string>()
  const pairs = new Set<string>()
  const touched = new Set<string>()
  const flow: GraphEdge[] = []
  edges.forEach((edge, i) => {
    if (edge === null || typeof edge !== 'object' || typeof edge.id !== 'string' || edge.id === '') {
      error('bad-id', `Edge #${i + 1} has no id.`, {}, { variant: 'edge', index: i + 1 })
      return
    }
    const at = { edgeId: edge.id }
    if (edgeIds.has(edge.id)) {
      error('duplicate-edge-id', `Two edges have the id "${edge.id}".`, at, { id: edge.id })
      return
    }
    edgeIds.add(edge.id)
    const kind = edge.kind ?? 'weights'
    if (kind !== 'weights' && kind !== 'skip') {
      error(
        'unknown-edge-kind',
        `Edge ${edgeLabel(edge)} has unknown kind "${String(kind)}" (weights or skip).`,
        at,
        { edge: edgeLabel(edge), kind: String(kind) }
      )
      return
    }
    const from = byId.get(edge.from)
    const to = byId.get(edge.to)
    if (!from || !to) {
      const end = !from ? `starts at "${String(edge.from)}"` : `ends at "${String(edge.to)}"`
      error('dangling-edge', `Edge "${edge.id}" ${end}, which is not a node.`, at, {
        variant: !from ? 'from' : 'to',
        id: edge.id,
        end: String(!from ? edge.from : edge.to)
      })
      return
    }
    touched.add(from.id).add(to.id)
    // The edge rules (rules/edges.ts), shared with canConnect.
    const pair = `${from.id}\u0000${to.id}\u0000${kind}`
    const ctx: EdgeRuleContext = { inputWidth, duplicate: pairs.has(pair) }
    const ends = { from, to, kind }
    let blocked = false
    for (const rule of brokenEdgeRules(ends, ctx)) {
      const { message, node, params } = rule.issue(ends, edge, ctx)
      error(rule.code, message, node ? { ...at, nodeId: node.id } : at, params)
      blocked ||= rule.blocking
    }
    if (blocked) return
    pairs.add(pair)
    flow.push(edge)
  })
  return { touched, flow }
}
