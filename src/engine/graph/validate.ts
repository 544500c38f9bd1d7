/**
 * The rules of a valid graph (DESIGN §2) — the one implementation, imported by the editor and the
 * engine alike. Pure data in, data out: no DOM, no Node, linear in nodes + edges. The rules on one
 * node's fields (rules/nodes.ts), on one edge (rules/edges.ts, which canConnect reads too) and the
 * cycle finder (rules/cycles.ts) are modules of their own; this file runs them and the whole-graph
 * rules (counts, fan-in, softmax placement, reachability).
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
import {
  GRAPH_FORMAT,
  GRAPH_VERSION,
  NODE_KINDS,
  type EdgeKind,
  type GraphEdge,
  type GraphNode,
  type GraphSpec
} from './types'
import { GraphError, type GraphIssue } from './errors'
import { cycleText, findCycles, MAX_CYCLE_NAMES, MAX_CYCLE_REPORTS } from './rules/cycles'
import { brokenEdgeRules, type EdgeRuleContext } from './rules/edges'
import { checkNodeFields, MAX_UNITS } from './rules/nodes'
import { describe, edgeLabel, isPositiveInt, nodeLabel } from './rules/labels'

export { GraphError, type GraphIssue } from './errors'

export { MAX_UNITS }
/**
 * Most nodes and edges in a graph: far beyond anything drawn on a canvas, small enough that every
 * rule (all linear) and the messages stay cheap. A file over them is refused before any rule runs.
 */
export const MAX_GRAPH_NODES = 10_000
export const MAX_GRAPH_EDGES = 40_000

const KNOWN_KINDS: ReadonlySet<string> = new Set(NODE_KINDS)

export interface ValidateOptions {
  /** Encoded feature count of the bound data; overrides the input node's `units`. */
  inputWidth?: number
}

export { nodeLabel }

/**
 * Every problem of the graph, errors and warnings, each naming its node or edge.
 * An empty list (or warnings only) means the engine can compile and train it.
 */
export function validateGraph(spec: GraphSpec, opts: ValidateOptions = {}): GraphIssue[] {
  const issues: GraphIssue[] = []
  const error = (code: string, message: string, ids: { nodeId?: string; edgeId?: string } = {}): void => {
    issues.push({ code, message, ...ids, severity: 'error' })
  }
  const warn = (code: string, message: string, ids: { nodeId?: string; edgeId?: string } = {}): void => {
    issues.push({ code, message, ...ids, severity: 'warning' })
  }

  if (spec === null || typeof spec !== 'object') {
    error('bad-shape', 'The graph is not an object.')
    return issues
  }
  if (spec.format !== GRAPH_FORMAT) {
    error('bad-format', `The graph's format is "${String(spec.format)}", expected "${GRAPH_FORMAT}".`)
  }
  if (spec.version !== GRAPH_VERSION) {
    const newer = typeof spec.version === 'number' && spec.version > GRAPH_VERSION
    error(
      'bad-version',
      newer
        ? `The graph has version ${spec.version}, made by a newer Backprop Studio (this one reads version ${GRAPH_VERSION}).`
        : `The graph's version is ${String(spec.version)}, expected ${GRAPH_VERSION}.`
    )
  }
  if (!Array.isArray(spec.nodes) || !Array.isArray(spec.edges)) {
    error('bad-shape', 'The graph needs "nodes" and "edges" arrays.')
    return issues
  }
  if (spec.nodes.length > MAX_GRAPH_NODES || spec.edges.length > MAX_GRAPH_EDGES) {
    error(
      'too-large',
      `The graph has ${spec.nodes.length} nodes and ${spec.edges.length} edges; at most ${MAX_GRAPH_NODES} nodes and ${MAX_GRAPH_EDGES} edges are accepted.`
    )
    return issues
  }
  const inputWidth = isPositiveInt(opts.inputWidth) ? opts.inputWidth : undefined

  // ---- nodes: ids, kinds and their fields
  const byId = new Map<string, GraphNode>()
  const inputs: GraphNode[] = []
  const losses: GraphNode[] = []
  spec.nodes.forEach((node, i) => {
    if (node === null || typeof node !== 'object' || typeof node.id !== 'string' || node.id === '') {
      error('bad-id', `Node #${i + 1} has no id.`)
      return
    }
    if (byId.has(node.id)) {
      error('duplicate-node-id', `Two nodes have the id "${node.id}".`, { nodeId: node.id })
      return
    }
    if (!KNOWN_KINDS.has(node.kind)) {
      error('unknown-kind', `Node ${nodeLabel(node)} has unknown kind "${String(node.kind)}".`, {
        nodeId: node.id
      })
      return
    }
    byId.set(node.id, node)
    if (node.kind === 'input') inputs.push(node)
    if (node.kind === 'loss') losses.push(node)
    checkNodeFields(node, error)
  })
  if (inputs.length === 0) error('no-input', 'The graph has no input node.')
  inputs.slice(1).forEach((n) =>
    error('multiple-inputs', `${describe(n)} is a second input; a graph has exactly one input node.`, {
      nodeId: n.id
    })
  )
  if (losses.length === 0)
    error('no-loss', 'The graph has no loss node, so there is nothing to train against.')
  losses.slice(1).forEach((n) =>
    error('multiple-losses', `${describe(n)} is a second loss node; a graph has exactly one.`, {
      nodeId: n.id
    })
  )

  // ---- edges: ids, kinds, ends, direction rules
  const edgeIds = new Set<string>()
  const pairs = new Set<string>()
  const touched = new Set<string>() // nodes with at least one edge whose ends both exist
  const flow: GraphEdge[] = [] // edges that carry signal in an allowed direction
  spec.edges.forEach((edge, i) => {
    if (edge === null || typeof edge !== 'object' || typeof edge.id !== 'string' || edge.id === '') {
      error('bad-id', `Edge #${i + 1} has no id.`)
      return
    }
    const at = { edgeId: edge.id }
    if (edgeIds.has(edge.id)) {
      error('duplicate-edge-id', `Two edges have the id "${edge.id}".`, at)
      return
    }
    edgeIds.add(edge.id)
    const kind = edge.kind ?? 'weights'
    if (kind !== 'weights' && kind !== 'skip') {
      error(
        'unknown-edge-kind',
        `Edge ${edgeLabel(edge)} has unknown kind "${String(kind)}" (weights or skip).`,
        at
      )
      return
    }
    const from = byId.get(edge.from)
    const to = byId.get(edge.to)
    if (!from || !to) {
      const end = !from ? `starts at "${String(edge.from)}"` : `ends at "${String(edge.to)}"`
      error('dangling-edge', `Edge "${edge.id}" ${end}, which is not a node.`, at)
      return
    }
    touched.add(from.id).add(to.id)
    // The edge rules (rules/edges.ts), shared with canConnect.
    const pair = `${from.id}\u0000${to.id}\u0000${kind}`
    const ctx: EdgeRuleContext = { inputWidth, duplicate: pairs.has(pair) }
    const ends = { from, to, kind }
    let blocked = false
    for (const rule of brokenEdgeRules(ends, ctx)) {
      const { message, node } = rule.issue(ends, edge, ctx)
      error(rule.code, message, node ? { ...at, nodeId: node.id } : at)
      blocked ||= rule.blocking
    }
    if (blocked) return
    pairs.add(pair)
    flow.push(edge)
  })

  // ---- adjacency over the allowed edges
  const outs = new Map<string, GraphEdge[]>()
  const ins = new Map<string, GraphEdge[]>()
  for (const id of byId.keys()) {
    outs.set(id, [])
    ins.set(id, [])
  }
  for (const e of flow) {
    outs.get(e.from)!.push(e)
    ins.get(e.to)!.push(e)
  }

  const { cycles, more } = findCycles(byId, outs)
  for (const cycle of cycles) {
    error('cycle', `The graph has a cycle: ${cycleText(cycle, byId)}.`, { nodeId: cycle[0] })
  }
  if (more > 0) {
    error('cycle', `…and ${more} more edge${more === 1 ? '' : 's'} closing a cycle.`)
  }

  // ---- per node: connectivity, inputs of dense layers, the loss
  const disconnected = new Set<string>()
  for (const node of byId.values()) {
    if (touched.has(node.id) || node.kind === 'loss') continue
    disconnected.add(node.id)
    const msg = `${describe(node)} is not connected to anything.`
    if (node.kind === 'bias') warn('disconnected', msg, { nodeId: node.id })
    else error('disconnected', msg, { nodeId: node.id })
  }
  for (const node of byId.values()) {
    if (node.kind !== 'dense' || disconnected.has(node.id)) continue
    const inEdges = ins.get(node.id)!
    const weighted = inEdges.filter(
      (e) => (e.kind ?? 'weights') === 'weights' && byId.get(e.from)!.kind !== 'bias'
    )
    if (weighted.length === 0) {
      error(
        'no-weighted-input',
        `${describe(node)} has no weighted input edge from the input or another layer.`,
        {
          nodeId: node.id
        }
      )
    }
    const biasEdges = inEdges.filter((e) => byId.get(e.from)!.kind === 'bias')
    if (biasEdges.length > 1) {
      warn('multiple-bias', `${describe(node)} has ${biasEdges.length} bias edges; their biases add up.`, {
        nodeId: node.id,
        edgeId: biasEdges[1].id
      })
    }
  }

  let output: GraphNode | undefined
  const loss = losses.length === 1 ? losses[0] : undefined
  for (const l of losses) {
    const sources = ins.get(l.id)!
    if (sources.length !== 1) {
      error(
        'loss-fan-in',
        sources.length === 0
          ? `${describe(l)} is not fed by any layer; connect the output layer to it.`
          : `${describe(l)} is fed by ${sources.length} layers (${sources.map((e) => nodeLabel(byId.get(e.from)!)).join(', ')}); it needs exactly one.`,
        { nodeId: l.id }
      )
    } else if (l === loss && byId.get(sources[0].from)!.kind === 'dense') {
      output = byId.get(sources[0].from)
    }
  }

  // ---- softmax placement and loss pairing
  for (const node of byId.values()) {
    if (node.kind !== 'dense' || node.activation !== 'softmax') continue
    const feedsOnlyLoss = outs.get(node.id)!.every((e) => byId.get(e.to)!.kind === 'loss')
    if (!feedsOnlyLoss || (output && node !== output)) {
      error(
        'softmax-not-output',
        `${describe(node)} uses softmax, which is only allowed on the output layer.`,
        {
          nodeId: node.id
        }
      )
    }
    const skipIn = ins.get(node.id)!.find((e) => e.kind === 'skip')
    if (skipIn) {
      error(
        'softmax-skip-input',
        `${describe(node)} uses softmax and receives skip edge "${skipIn.id}"; its output must stay a probability vector.`,
        { nodeId: node.id, edgeId: skipIn.id }
      )
    }
  }
  if (output && output.kind === 'dense' && loss && loss.kind === 'loss') {
    const act = output.activation
    const outHasSkip = ins.get(output.id)!.some((e) => e.kind === 'skip')
    if (loss.loss === 'cross-entropy' && act !== 'softmax') {
      error(
        'loss-activation-mismatch',
        `${describe(loss)} uses cross-entropy, which needs a softmax output layer, but ${describe(output)} uses ${act}.`,
        { nodeId: loss.id }
      )
    }
    if (loss.loss === 'binary-cross-entropy' && ((act !== 'sigmoid' && act !== 'softmax') || outHasSkip)) {
      // Its logs are only exact from the logits of a sigmoid or softmax output; on anything else they
      // were clipped, and a clipped log has a zero gradient (issue 10), so the pairing is refused.
      error(
        'loss-activation-mismatch',
        outHasSkip
          ? `${describe(loss)} uses binary cross-entropy, which needs the output of ${describe(output)} to be a probability, but a skip edge adds to it; remove the skip edge into the output or use squared error.`
          : `${describe(loss)} uses binary cross-entropy, which needs a sigmoid or softmax output layer, but ${describe(output)} uses ${act}.`,
        { nodeId: loss.id }
      )
    }
  }

  // ---- reachability: from the input (bias units carry no signal from x) and to the loss
  const fromInput = new Set<string>()
  const stack = inputs.slice(0, 1).map((n) => n.id)
  while (stack.length) {
    const id = stack.pop()!
    if (fromInput.has(id)) continue
    fromInput.add(id)
    for (const e of outs.get(id) ?? []) stack.push(e.to)
  }
  const toLoss = new Set<string>()
  const back = losses.map((n) => n.id)
  while (back.length) {
    const id = back.pop()!
    if (toLoss.has(id)) continue
    toLoss.add(id)
    for (const e of ins.get(id) ?? []) back.push(e.from)
  }
  for (const node of byId.values()) {
    if (disconnected.has(node.id)) continue
    if (node.kind === 'dense' && inputs.length > 0 && !fromInput.has(node.id)) {
      error('unreachable', `${describe(node)} receives nothing from the input.`, { nodeId: node.id })
    }
    if ((node.kind === 'dense' || node.kind === 'input') && losses.length > 0 && !toLoss.has(node.id)) {
      error('dead-end', `${describe(node)} does not lead to the loss, so it cannot be trained.`, {
        nodeId: node.id
      })
    }
  }
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
  const byId = new Map(spec.nodes.map((n) => [n.id, n]))
  const src = byId.get(from)
  const dst = byId.get(to)
  if (!src) return `There is no node "${from}".`
  if (!dst) return `There is no node "${to}".`
  const e = { from: src, to: dst, kind }
  const ctx: EdgeRuleContext = {
    inputWidth: isPositiveInt(opts.inputWidth) ? opts.inputWidth : undefined,
    duplicate: spec.edges.some((x) => x.from === from && x.to === to && (x.kind ?? 'weights') === kind)
  }
  // The edge rules validateGraph applies to every edge (rules/edges.ts), in their order, with the
  // rules about the whole graph that a new edge could break checked where they bear on it.
  const broken = brokenEdgeRules(e, ctx)
  const refuse = (codes: string[]): string | null => {
    const rule = broken.find((r) => codes.includes(r.code))
    return rule ? rule.refusal(e, ctx) : null
  }
  const blocking = broken.find((r) => r.blocking)
  if (blocking) return blocking.refusal(e, ctx)
  const intoLoss = refuse(['skip-into-loss', 'loss-source-not-dense'])
  if (intoLoss) return intoLoss
  if (dst.kind === 'loss') {
    // validateGraph: a loss has exactly one input.
    const existing = spec.edges.find((x) => x.to === to && byId.has(x.from))
    if (existing) return `${describe(dst)} is already fed by ${describe(byId.get(existing.from)!)}.`
  }
  // validateGraph's softmax placement: only the output layer (the one feeding the loss) uses softmax.
  if (src.kind === 'dense' && src.activation === 'softmax' && dst.kind !== 'loss') {
    return `${describe(src)} uses softmax, which is only allowed on the output layer.`
  }
  const fromBias = refuse(['skip-from-bias'])
  if (fromBias) return fromBias
  if (kind === 'skip' && dst.kind === 'dense' && dst.activation === 'softmax') {
    return `${describe(dst)} uses softmax and cannot receive a skip edge.`
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
    if (id === from) return `Connecting ${describe(src)} to ${describe(dst)} would make a cycle.`
    if (seen.has(id)) continue
    seen.add(id)
    for (const next of outs.get(id) ?? []) stack.push(next)
  }
  return null
}
