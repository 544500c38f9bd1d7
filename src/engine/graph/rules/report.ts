import type { MessageParams } from '../../messageParams'

/** How a rule module reports a problem: a code, a sentence, and the node or edge it names. */
export interface IssueAt {
  nodeId?: string
  edgeId?: string
}

/**
 * `params` are the values the sentence is built from (node and edge labels, numbers), so the
 * renderer can word the issue in the user's language (issue 13); `variant` picks one of a code's sentences.
 */
export type Report = (code: string, message: string, at?: IssueAt, params?: MessageParams) => void

/** The two ways a rule reports: an error stops the graph from training, a warning does not. */
export interface Reporter {
  error: Report
  warn: Report
}
