/**
 * Problems found in a graph, as data (for the editor's issue list) and as a thrown error (for the engine).
 */

export interface GraphIssue {
  /** Stable machine-readable code, e.g. 'cycle', 'skip-width-mismatch' (see validate.ts for the list). */
  code: string
  /** One sentence naming the offending node or edge by name and id. */
  message: string
  nodeId?: string
  edgeId?: string
  severity: 'error' | 'warning'
}

/** Thrown when a graph cannot be parsed, compiled or run. `issues` lists every error found. */
export class GraphError extends Error {
  readonly code: string
  readonly issues: GraphIssue[]
  readonly nodeId?: string
  readonly edgeId?: string

  constructor(issues: GraphIssue[]) {
    const first = issues[0]
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : ''
    super(first ? first.message + more : 'invalid graph')
    this.name = 'GraphError'
    this.code = first?.code ?? 'invalid-graph'
    this.issues = issues
    this.nodeId = first?.nodeId
    this.edgeId = first?.edgeId
  }
}
