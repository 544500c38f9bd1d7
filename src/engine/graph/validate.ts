/**
 * The rules of a valid graph (DESIGN §2) — the one implementation, imported by the editor and the
 * engine alike. Pure data in, data out: no DOM, no Node, linear in nodes + edges. Each group of
 * rules is a module under rules/: the file (file.ts), ids, kinds and counts (inventory.ts), one
 * node's fields (nodes.ts), one edge (edges.ts, which canConnect reads too), cycles, connectivity
 * and dense inputs (structure.ts, cycles.ts), the loss and softmax (loss.ts), reachability
 * (reach.ts). This file only composes them, for validateGraph and for canConnect.
 *
 * Issue codes (severity error unless noted):
 * - file:       bad-format, bad-version, bad-shape
 * - ids:        bad-id, duplicate-node-id, duplicate-edge-id
 * - nodes:      unknown-kind, bad-units, bad-activation, bad-leak, bad-init, bad-loss, bad-huber-delta
 * - counts:     no-input, multiple-inputs, no-loss, multiple-losses
 * - edges:      unknown-edge-kind, dangling-edge, duplicate-edge, edge-into-input, edge-into-bias,
 *               edge-out-of-loss, skip-from-bias, skip-into-loss, skip-width-mismatch
 * - size:       too-large (more than MAX_GRAPH_NODES nodes or MAX_GRAPH_EDGES edges)
 * - structure:  cycle, no-weighted-input, loss-fan-in, loss-source-not-dense, softmax-not-output,
 *               softmax-skip-input, loss-activation-mismatch, unreachable, dead-end, disconnected
 *               (warning for a bias unit), multiple-bias (warning)
 */
import type { EdgeKind, GraphSpec } from './types'
import { GraphError, type GraphIssue, type GraphIssueCode } from './errors'
import type { MessageParams } from '../messageParams'
import { MAX_CYCLE_NAMES, MAX_CYCLE_REPORTS } from './rules/cycles'
import { brokenEdgeRules, type EdgeRuleContext } from './rules/edges'
import { checkFile, MAX_GRAPH_EDGES, MAX_GRAPH_NODES } from './rules/file'
import { checkCounts, indexEdges, indexNodes } from './rules/inventory'
import { describe, isPositiveInt, nodeLabel, nodeParams } from './rules/labels'
import { checkLossActivation, checkLossFanIn, checkSoftmax } from './rules/loss'
import { MAX_UNITS } from './rules/nodes'
import { checkReachability } from './rules/reach'
import type { IssueAt, Reporter } from './rules/report'
import { adjacency, checkConnected, checkCycles, checkDenseInputs, type Structure } from './rules/structure'

export { GraphError, type GraphIssue } from './errors'

export { MAX_UNITS, MAX_GRAPH_NODES, MAX_GRAPH_EDGES }

export interface ValidateOptions {
  /** Encoded feature count of the bound data; overrides the input node's `units`. */
  inputWidth?: number
}

export { nodeLabel }

/**
 * Every problem of the graph, errors and warnings, each naming its node or edge.
 * An empty list (or warnings only) means the engine can compile and train it.
 * The rule modules run in this order, so the issues come in the order the tests read them.
 */
export function validateGraph(spec: GraphSpec, opts: ValidateOptions = {}): GraphIssue[] {
  const issues: GraphIssue[] = []
  const report: Reporter = {
    error: (code, message, at: IssueAt = {}, params = {}) =>
      issues.push({ code, message, ...at, params, severity: 'error' }),
    warn: (code, message, at: IssueAt = {}, params = {}) =>
      issues.push({ code, message, ...at, params, severity: 'warning' })
  }
  const { error } = report

  if (!checkFile(spec, error)) return issues
  const inputWidth = isPositiveInt(opts.inputWidth) ? opts.inputWidth : undefined

  const nodes = indexNodes(spec.nodes, error)
  checkCounts(nodes, error)
  const { touched, flow } = indexEdges(spec.edges, nodes.byId, inputWidth, error)

  const s: Structure = { ...nodes, ...adjacency(nodes.byId, flow) }
  checkCycles(s, error)
  const disconnected = checkConnected(s, touched, report)
  checkDenseInputs(s, disconnected, report)
  const output = checkLossFanIn(s, error)
  checkSoftmax(s, output, error)
  checkLossActivation(s, output, error)
  checkReachability(s, disconnected, error)
  return issues
}

export { MAX_CYCLE_REPORTS, MAX_CYCLE_NAMES }

/** Throws a GraphError listing every error-severity issue; returns the warnings. */
export function assertValidGraph(spec: GraphSpec, opts: ValidateOptions = {}): GraphIssue[] {
  const issues = validateGraph(spec, opts)
  const errors = issues.filter((i) => i.severity === 'error')
  if (errors.length > 0) throw new GraphError(errors)
  return issues
}

/** The codes a refusal of canConnect carries: the graph issue code of the rule it would break. */
export const CONNECT_REFUSAL_CODES = [
  'cycle',
  'edge-into-input',
  'edge-into-bias',
  'edge-out-of-loss',
  'duplicate-edge',
  'skip-into-loss',
  'loss-source-not-dense',
  'skip-from-bias',
  'skip-width-mismatch',
  'dangling-edge',
  'loss-fan-in',
  'softmax-not-output',
  'softmax-skip-input'
] as const satisfies readonly GraphIssueCode[]

export type ConnectRefusalCode = (typeof CONNECT_REFUSAL_CODES)[number]

/** Why an edge may not be drawn: the rule's code, the English sentence and its params. */
export interface ConnectRefusal {
  code: ConnectRefusalCode
  message: string
  params: MessageParams
}

/**
 * Whether the editor may draw an edge from `from` to `to` of the given kind: null when allowed,
 * else the reason in one sentence. Applies the same rules as validateGraph to the one new edge.
 */
export function canConnect(
  spec: GraphSpec,
  from: string,
  to: string,
  kind: EdgeKind = 'weights',
  opts: ValidateOptions = {}
): string | null {
  return connectRefusal(spec, from, to, kind, opts)?.message ?? null
}

/** canConnect's answer as a code and params (the renderer words it in the user's language). */
export function connectRefusal(
  spec: GraphSpec,
  from: string,
  to: string,
  kind: EdgeKind = 'weights',
  opts: ValidateOptions = {}
): ConnectRefusal | null {
  const byId = new Map(spec.nodes.map((n) => [n.id, n]))
  const src = byId.get(from)
  const dst = byId.get(to)
  if (!src)
    return {
      code: 'dangling-edge',
      message: `There is no node "${from}".`,
      params: { variant: 'no-node', id: from }
    }
  if (!dst)
    return {
      code: 'dangling-edge',
      message: `There is no node "${to}".`,
      params: { variant: 'no-node', id: to }
    }
  const e = { from: src, to: dst, kind }
  const ctx: EdgeRuleContext = {
    inputWidth: isPositiveInt(opts.inputWidth) ? opts.inputWidth : undefined,
    duplicate: spec.edges.some((x) => x.from === from && x.to === to && (x.kind ?? 'weights') === kind)
  }
  // The edge rules validateGraph applies to every edge (rules/edges.ts), in their order, with the
  // rules about the whole graph that a new edge could break checked where they bear on it.
  const broken = brokenEdgeRules(e, ctx)
  const refuse = (codes: string[]): ConnectRefusal | null => {
    const rule = broken.find((r) => codes.includes(r.code))
    return rule ? { code: rule.code as ConnectRefusalCode, ...rule.refusal(e, ctx) } : null
  }
  const blocking = broken.find((r) => r.blocking)
  if (blocking) return { code: blocking.code as ConnectRefusalCode, ...blocking.refusal(e, ctx) }
  const intoLoss = refuse(['skip-into-loss', 'loss-source-not-dense'])
  if (intoLoss) return intoLoss
  if (dst.kind === 'loss') {
    // validateGraph: a loss has exactly one input.
    const existing = spec.edges.find((x) => x.to === to && byId.has(x.from))
    if (existing) {
      const feeder = byId.get(existing.from)!
      return {
        code: 'loss-fan-in',
        message: `${describe(dst)} is already fed by ${describe(feeder)}.`,
        params: { variant: 'already-fed', ...nodeParams(dst), ...nodeParams(feeder, 'from') }
      }
    }
  }
  // validateGraph's softmax placement: only the output layer (the one feeding the loss) uses softmax.
  if (src.kind === 'dense' && src.activation === 'softmax' && dst.kind !== 'loss') {
    return {
      code: 'softmax-not-output',
      message: `${describe(src)} uses softmax, which is only allowed on the output layer.`,
      params: { variant: 'connect', ...nodeParams(src) }
    }
  }
  const fromBias = refuse(['skip-from-bias'])
  if (fromBias) return fromBias
  if (kind === 'skip' && dst.kind === 'dense' && dst.activation === 'softmax') {
    return {
      code: 'softmax-skip-input',
      message: `${describe(dst)} uses softmax and cannot receive a skip edge.`,
      params: { variant: 'connect', ...nodeParams(dst) }
    }
  }
  const width = refuse(['skip-width-mismatch'])
  if (width) return width
  // A new edge from → to closes a cycle exactly when `to` already reaches `from`.
  const outs = new Map<string, string[]>()
  for (const e of spec.edges) {
    if (!outs.has(e.from)) outs.set(e.from, [])
    outs.get(e.from)!.push(e.to)
  }
  const seen = new Set<string>()
  const stack = [to]
  while (stack.length) {
    const id = stack.pop()!
    if (id === from)
      return {
        code: 'cycle',
        message: `Connecting ${describe(src)} to ${describe(dst)} would make a cycle.`,
        params: { variant: 'closes', ...nodeParams(src, 'from'), ...nodeParams(dst) }
      }
    if (seen.has(id)) continue
    seen.add(id)
    for (const next of outs.get(id) ?? []) stack.push(next)
  }
  return null
}
