import { type EdgeKind, type GraphSpec, type GraphIssue, canConnect, validateGraph } from '@engine/index'

/**
 * The editor's view of the engine's validation (one implementation, imported: DESIGN §7). This file only
 * adapts the results to what the canvas needs; it adds no rules of its own.
 */

/** Every problem of the whole graph, errors first. */
export function checkGraph(spec: GraphSpec, inputWidth?: number): GraphIssue[] {
  const issues = validateGraph(spec, inputWidth === undefined ? {} : { inputWidth })
  return [...issues].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'))
}

/** Why the engine would refuse from → to of `kind`, or undefined when the connection is allowed. */
export function checkConnection(
  spec: GraphSpec,
  from: string,
  to: string,
  kind: EdgeKind,
  inputWidth?: number
): string | undefined {
  return canConnect(spec, from, to, kind, inputWidth === undefined ? {} : { inputWidth }) ?? undefined
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
