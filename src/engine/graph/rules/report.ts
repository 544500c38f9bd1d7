/** How a rule module reports a problem: a code, a sentence, and the node or edge it names. */
export interface IssueAt {
  nodeId?: string
  edgeId?: string
}

export type Report = (code: string, message: string, at?: IssueAt) => void

/** The two ways a rule reports: an error stops the graph from training, a warning does not. */
export interface Reporter {
  error: Report
  warn: Report
}
