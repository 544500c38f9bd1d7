/**
 * The structure the whole-graph rules read (adjacency over the allowed edges), and the rules on it
 * that need nothing else: cycles, disconnected nodes, the inputs of each dense layer.
 */
import type { GraphEdge, GraphNode } from '../types'
import { cycleText, findCycles } from './cycles'
import { describe, nodeParams } from './labels'
import type { Report, Reporter } from './report'

export interface Structure {
  byId: ReadonlyMap<string, GraphNode>
  inputs: readonly GraphNode[]
  losses: readonly GraphNode[]
  /** Allowed edges out of / into each node. */
  outs: ReadonlyMap<string, GraphEdge[]>
  ins: ReadonlyMap<string, GraphEdge[]>
}

/** Out- and in-edges of every node over the allowed edges. */
export function adjacency(
  byId: ReadonlyMap<string, GraphNode>,
  flow: readonly GraphEdge[]
): Pick<Structure, 'outs' | 'ins'> {
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
  return { outs, ins }
}

/** Signal flows one way: every cycle is an error (the first few named). */
export function checkCycles(s: Structure, error: Report): void {
  const { cycles, more } = findCycles(s.byId, s.outs)
  for (const cycle of cycles) {
    error(
      'cycle',
      `The graph has a cycle: ${cycleText(cycle, s.byId)}.`,
      { nodeId: cycle[0] },
      { variant: 'path', path: cycleText(cycle, s.byId) }
    )
  }
  if (more > 0) {
    error(
      'cycle',
      `…and ${more} more edge${more === 1 ? '' : 's'} closing a cycle.`,
      {},
      { variant: 'more', count: more }
    )
  }
}

/**
 * A node without any edge is an error (a warning for a bias unit; a loss is reported by its fan-in
 * rule). Returns the disconnected nodes, which the later rules skip.
 */
export function checkConnected(s: Structure, touched: ReadonlySet<string>, report: Reporter): Set<string> {
  const disconnected = new Set<string>()
  for (const node of s.byId.values()) {
    if (touched.has(node.id) || node.kind === 'loss') continue
    disconnected.add(node.id)
    const msg = `${describe(node)} is not connected to anything.`
    if (node.kind === 'bias') report.warn('disconnected', msg, { nodeId: node.id }, nodeParams(node))
    else report.error('disconnected', msg, { nodeId: node.id }, nodeParams(node))
  }
  return disconnected
}

/** A dense layer needs a weighted input that is not a bias unit; more than one bias edge is a warning. */
export function checkDenseInputs(s: Structure, disconnected: ReadonlySet<string>, report: Reporter): void {
  for (const node of s.byId.values()) {
    if (node.kind !== 'dense' || disconnected.has(node.id)) continue
    const inEdges = s.ins.get(node.id)!
    const weighted = inEdges.filter(
      (e) => (e.kind ?? 'weights') === 'weights' && s.byId.get(e.from)!.kind !== 'bias'
    )
    if (weighted.length === 0) {
      report.error(
        'no-weighted-input',
        `${describe(node)} has no weighted input edge from the input or another layer.`,
        { nodeId: node.id },
        nodeParams(node)
      )
    }
    const biasEdges = inEdges.filter((e) => s.byId.get(e.from)!.kind === 'bias')
    if (biasEdges.length > 1) {
      report.warn(
        'multiple-bias',
        `${describe(node)} has ${biasEdges.length} bias edges; their biases add up.`,
        { nodeId: node.id, edgeId: biasEdges[1].id },
        { ...nodeParams(node), count: biasEdges.length }
      )
    }
  }
}
