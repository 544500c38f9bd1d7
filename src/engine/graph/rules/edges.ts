/**
 * The edge rules: what may connect to what. One list, read by validateGraph (for every edge of a
 * graph, naming the edge) and by canConnect (for the edge the user is about to draw, before it
 * exists). Each rule holds its condition once, with the sentence each caller says.
 */
import type { EdgeKind, GraphEdge, GraphNode } from '../types'
import type { MessageParams } from '../../messageParams'
import { describe, edgeLabel, nodeParams, nodeWidth } from './labels'

/** An edge's two ends (both nodes exist) and its kind. */
export interface EdgeEnds {
  from: GraphNode
  to: GraphNode
  kind: EdgeKind
}

export interface EdgeRuleContext {
  /** Encoded feature count of the bound data (the input's width), when known. */
  inputWidth?: number
  /** Another edge of the same kind already joins the same two nodes. */
  duplicate: boolean
}

export interface EdgeRule {
  /** The issue code validateGraph reports. */
  code: string
  /** A blocking rule keeps the edge out of the graph's signal flow (no further rule is checked). */
  blocking: boolean
  broken(e: EdgeEnds, ctx: EdgeRuleContext): boolean
  /** validateGraph's sentence for an existing edge; `node` when the issue belongs to a node. */
  issue(
    e: EdgeEnds,
    edge: GraphEdge,
    ctx: EdgeRuleContext
  ): { message: string; node?: GraphNode; params: MessageParams }
  /** canConnect's sentence for an edge not drawn yet, and its params (the code is the rule's). */
  refusal(e: EdgeEnds, ctx: EdgeRuleContext): Refusal
}

/** Why an edge may not be drawn: the English sentence and the params the renderer words it from. */
export interface Refusal {
  message: string
  params: MessageParams
}

const widths = ({ from, to }: EdgeEnds, ctx: EdgeRuleContext) => [
  nodeWidth(from, ctx.inputWidth),
  nodeWidth(to, ctx.inputWidth)
]

const skipIntoDense = (e: EdgeEnds) => e.kind === 'skip' && e.to.kind === 'dense'

/** In the order they are checked; the first broken rule is the one reported for an edge. */
export const EDGE_RULES: readonly EdgeRule[] = [
  {
    code: 'cycle',
    blocking: true,
    broken: ({ from, to }) => from.id === to.id,
    issue: ({ from }, edge) => ({
      message: `Edge ${edgeLabel(edge)} connects ${describe(from)} to itself.`,
      node: from,
      params: { variant: 'self-loop', edge: edgeLabel(edge), ...nodeParams(from) }
    }),
    refusal: ({ from }) => ({
      message: `${describe(from)} cannot connect to itself.`,
      params: { variant: 'self-loop', ...nodeParams(from) }
    })
  },
  {
    code: 'edge-into-input',
    blocking: true,
    broken: ({ to }) => to.kind === 'input',
    issue: ({ to }, edge) => ({
      message: `Edge ${edgeLabel(edge)} flows into ${describe(to)}; nothing can feed an input.`,
      params: { edge: edgeLabel(edge), ...nodeParams(to) }
    }),
    refusal: ({ to }) => ({ message: `Nothing can flow into ${describe(to)}.`, params: nodeParams(to) })
  },
  {
    code: 'edge-into-bias',
    blocking: true,
    broken: ({ to }) => to.kind === 'bias',
    issue: ({ to }, edge) => ({
      message: `Edge ${edgeLabel(edge)} flows into ${describe(to)}, whose output is always 1.`,
      params: { edge: edgeLabel(edge), ...nodeParams(to) }
    }),
    refusal: ({ to }) => ({
      message: `Nothing can flow into ${describe(to)}; its output is always 1.`,
      params: nodeParams(to)
    })
  },
  {
    code: 'edge-out-of-loss',
    blocking: true,
    broken: ({ from }) => from.kind === 'loss',
    issue: ({ from }, edge) => ({
      message: `Edge ${edgeLabel(edge)} leaves ${describe(from)}; a loss is the end of the graph.`,
      params: { edge: edgeLabel(edge), ...nodeParams(from) }
    }),
    refusal: ({ from }) => ({
      message: `${describe(from)} is the end of the graph; it has no outputs.`,
      params: nodeParams(from)
    })
  },
  {
    code: 'duplicate-edge',
    blocking: true,
    broken: (_e, ctx) => ctx.duplicate,
    issue: ({ kind }, edge) => ({
      message: `Edge ${edgeLabel(edge)} repeats another ${kind} edge between the same nodes.`,
      params: { edge: edgeLabel(edge), edgeKind: kind }
    }),
    refusal: ({ from, to, kind }) => ({
      message: `${describe(from)} is already connected to ${describe(to)} by a ${kind} edge.`,
      params: { variant: kind, ...nodeParams(from, 'from'), ...nodeParams(to), edgeKind: kind }
    })
  },
  {
    code: 'skip-into-loss',
    blocking: false,
    broken: ({ to, kind }) => to.kind === 'loss' && kind === 'skip',
    issue: ({ to }, edge) => ({
      message: `Edge ${edgeLabel(edge)} is a skip edge into ${describe(to)}; use a plain edge.`,
      params: { edge: edgeLabel(edge), ...nodeParams(to) }
    }),
    refusal: ({ to }) => ({
      message: `A skip edge cannot feed ${describe(to)}; use a plain edge.`,
      params: nodeParams(to)
    })
  },
  {
    code: 'loss-source-not-dense',
    blocking: false,
    broken: ({ from, to }) => to.kind === 'loss' && from.kind !== 'dense',
    issue: ({ from, to }) => ({
      message: `${describe(to)} is fed by ${describe(from)}; a loss must be fed by a dense layer.`,
      node: to,
      params: { ...nodeParams(to), ...nodeParams(from, 'from') }
    }),
    refusal: ({ from, to }) => ({
      message: `${describe(to)} must be fed by a dense layer, not ${describe(from)}.`,
      params: { ...nodeParams(to), ...nodeParams(from, 'from') }
    })
  },
  {
    code: 'skip-from-bias',
    blocking: false,
    broken: (e) => skipIntoDense(e) && e.from.kind === 'bias',
    issue: ({ from }, edge) => ({
      message: `Skip edge ${edgeLabel(edge)} starts at ${describe(from)}; use a weights edge.`,
      params: { edge: edgeLabel(edge), ...nodeParams(from) }
    }),
    refusal: ({ from }) => ({
      message: `A skip edge cannot start at ${describe(from)}; use a weights edge.`,
      params: nodeParams(from)
    })
  },
  {
    code: 'skip-width-mismatch',
    blocking: false,
    broken: (e, ctx) => {
      if (!skipIntoDense(e) || e.from.kind === 'bias') return false
      const [wf, wt] = widths(e, ctx)
      return wf !== undefined && wt !== undefined && wf !== wt
    },
    issue: (e, edge, ctx) => {
      const [wf, wt] = widths(e, ctx)
      return {
        message: `Skip edge ${edgeLabel(edge)} joins ${wf} units to ${wt} units; a skip edge needs equal widths.`,
        params: { edge: edgeLabel(edge), fromUnits: wf ?? null, toUnits: wt ?? null }
      }
    },
    refusal: (e, ctx) => {
      const [wf, wt] = widths(e, ctx)
      return {
        message: `A skip edge needs equal widths, but ${describe(e.from)} has ${wf} units and ${describe(e.to)} has ${wt}.`,
        params: {
          ...nodeParams(e.from, 'from'),
          ...nodeParams(e.to),
          fromUnits: wf ?? null,
          toUnits: wt ?? null
        }
      }
    }
  }
]

/**
 * The rules an edge breaks, in order: stops after the first blocking one (validateGraph reports them
 * all; canConnect the first).
 */
export function brokenEdgeRules(e: EdgeEnds, ctx: EdgeRuleContext): EdgeRule[] {
  const out: EdgeRule[] = []
  for (const rule of EDGE_RULES) {
    if (!rule.broken(e, ctx)) continue
    out.push(rule)
    if (rule.blocking) break
  }
  return out
}
