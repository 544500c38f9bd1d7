/**
 * Problems found in a graph, as data (for the editor's issue list) and as a thrown error (for the engine).
 */
import type { MessageParams } from '../messageParams'

/** Every graph issue code (validate.ts groups them; compile.ts adds the last two), enumerable. */
export const GRAPH_ISSUE_CODES = [
  // file
  'bad-format',
  'bad-version',
  'bad-shape',
  // ids
  'bad-id',
  'duplicate-node-id',
  'duplicate-edge-id',
  // nodes
  'unknown-kind',
  'bad-units',
  'bad-activation',
  'bad-leak',
  'bad-init',
  'bad-loss',
  'bad-huber-delta',
  // counts
  'no-input',
  'multiple-inputs',
  'no-loss',
  'multiple-losses',
  // edges
  'unknown-edge-kind',
  'dangling-edge',
  'duplicate-edge',
  'edge-into-input',
  'edge-into-bias',
  'edge-out-of-loss',
  'skip-from-bias',
  'skip-into-loss',
  'skip-width-mismatch',
  // size
  'too-large',
  // structure
  'cycle',
  'no-weighted-input',
  'loss-fan-in',
  'loss-source-not-dense',
  'softmax-not-output',
  'softmax-skip-input',
  'loss-activation-mismatch',
  'unreachable',
  'dead-end',
  'disconnected',
  'multiple-bias',
  // compile
  'input-width-unknown',
  'too-many-parameters',
  // a GraphError without issues
  'invalid-graph'
] as const

export type GraphIssueCode = (typeof GRAPH_ISSUE_CODES)[number]

export interface GraphIssue {
  /** Stable machine-readable code, e.g. 'cycle', 'skip-width-mismatch' (see validate.ts for the list). */
  code: string
  /** One sentence naming the offending node or edge by name and id. */
  message: string
  nodeId?: string
  edgeId?: string
  /** What the sentence is built from (labels, numbers), for wording it in the user's language. */
  params?: MessageParams
  severity: 'error' | 'warning'
}

/** Thrown when a graph cannot be parsed, compiled or run. `issues` lists every error found. */
export class GraphError extends Error {
  readonly code: string
  readonly issues: GraphIssue[]
  readonly nodeId?: string
  readonly edgeId?: string
  /** The first issue's params plus how many more issues there are (`more`). */
  readonly params: MessageParams

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
    this.params = { ...first?.params, ...(issues.length > 1 ? { more: issues.length - 1 } : {}) }
  }
}
