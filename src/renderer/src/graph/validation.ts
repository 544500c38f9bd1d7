import { type EdgeKind, type GraphSpec, type GraphIssue, connectRefusal, validateGraph } from '@engine/index'
import type { EngineMessage } from '@renderer/i18n/engineMessages'

/**
 * The editor's view of the engine's validation (one implementation, imported: DESIGN §7). This file only
 * adapts the results to what the canvas needs; it adds no rules of its own.
 */

/** Every problem of the whole graph, errors first. */
export function checkGraph(spec: GraphSpec, inputWidth?: number): GraphIssue[] {
  const issues = validateGraph(spec, inputWidth === undefined ? {} : { inputWidth })
  return [...issues].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'))
}

/**
 * Why the engine would refuse from → to of `kind` (its canConnect, as a code, params and the English
 * sentence of the 'connect' family), or undefined when the connection is allowed.
 */
export function checkConnection(
  spec: GraphSpec,
  from: string,
  to: string,
  kind: EdgeKind,
  inputWidth?: number
): EngineMessage | undefined {
  const r = connectRefusal(spec, from, to, kind, inputWidth === undefined ? {} : { inputWidth })
  return r ? { ...r, family: 'connect' } : undefined
}

/** Messages grouped by the node and the edge they name, for highlighting. */
export function problemsByElement(issues: GraphIssue[]): {
  nodes: Map<string, string[]>
  edges: Map<string, string[]>
} {
  const nodes = new Map<string, string[]>()
  const edges = new Map<string, string[]>()
  for (const issue of issues) {
    if (issue.nodeId) nodes.set(issue.nodeId, [...(nodes.get(issue.nodeId) ?? []), issue.message])
    if (issue.edgeId) edges.set(issue.edgeId, [...(edges.get(issue.edgeId) ?? []), issue.message])
  }
  return { nodes, edges }
}
