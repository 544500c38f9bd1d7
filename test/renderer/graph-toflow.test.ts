import { describe, expect, it } from 'vitest'
import type { GraphSpec } from '@engine/graph/types'
import { fromFlow, toFlowEdges, toFlowNodes } from '@renderer/graph/toFlow'
import { checkGraph, problemsByElement } from '@renderer/graph/validation'

/** DESIGN §2's example graph, with editor positions. */
const design = (): GraphSpec => ({
  format: 'backprop-studio/graph',
  version: 1,
  name: 'design example',
  nodes: [
    { id: 'x', kind: 'input', units: 4, position: { x: 0, y: 0 } },
    { id: 'one', kind: 'bias', position: { x: 0, y: 130 } },
    { id: 'h1', kind: 'dense', units: 8, activation: 'tanh', position: { x: 240, y: 0 } },
    { id: 'h2', kind: 'dense', units: 8, activation: 'tanh', name: 'second', position: { x: 480, y: 0 } },
    { id: 'out', kind: 'dense', units: 3, activation: 'softmax', position: { x: 720, y: 0 } },
    { id: 'cost', kind: 'loss', loss: 'cross-entropy', position: { x: 960, y: 0 } }
  ],
  edges: [
    { id: 'w1', from: 'x', to: 'h1' },
    { id: 'b1', from: 'one', to: 'h1' },
    { id: 'w2', from: 'h1', to: 'h2' },
    { id: 'r2', from: 'h1', to: 'h2', kind: 'skip' },
    { id: 'w3', from: 'h2', to: 'out' },
    { id: 'b3', from: 'one', to: 'out' },
    { id: 'c', from: 'out', to: 'cost' }
  ]
})

/** Vue Flow reads `selected` from the elements it is given, though its Node/Edge input types omit it. */
const isSelected = (element: object): boolean | undefined => (element as { selected?: boolean }).selected

describe('graph/toFlow', () => {
  it('maps every domain node to a Vue Flow node of its kind, at its position', () => {
    const nodes = toFlowNodes(design())
    expect(nodes.map((n) => [n.id, n.type])).toEqual([
      ['x', 'input'],
      ['one', 'bias'],
      ['h1', 'dense'],
      ['h2', 'dense'],
      ['out', 'dense'],
      ['cost', 'loss']
    ])
    expect(nodes[2].position).toEqual({ x: 240, y: 0 })
    expect(nodes[3].data?.title).toBe('second')
    expect(nodes[3].ariaLabel).toBe('Dense layer second')
  })

  it('shows W shapes as [target units × source units] and the bias vector as n×1, with parameter counts', () => {
    const byId = new Map(toFlowNodes(design()).map((n) => [n.id, n.data!]))
    expect(byId.get('h1')!.incoming.map((b) => b.label)).toEqual(['W 8×4', 'b 8×1'])
    expect(byId.get('h1')!.params).toBe(8 * 4 + 8)
    // the skip edge carries no weights, so h2 counts only W 8×8
    expect(byId.get('h2')!.incoming.map((b) => b.label)).toEqual(['W 8×8', 'skip from h1'])
    expect(byId.get('h2')!.params).toBe(64)
    expect(byId.get('out')!.params).toBe(3 * 8 + 3)
    expect(byId.get('cost')!.units).toBeUndefined()
  })

  it('lets bound data set the input width, and every shape follows it', () => {
    const byId = new Map(toFlowNodes(design(), { inputWidth: 7 }).map((n) => [n.id, n.data!]))
    expect(byId.get('x')!.features).toBe(7)
    expect(byId.get('x')!.units).toBe(7)
    expect(byId.get('h1')!.incoming[0].label).toBe('W 8×7')
  })

  it('draws skips with the dashed skip edge type and bias edges with their own class', () => {
    const edges = toFlowEdges(design())
    const r2 = edges.find((e) => e.id === 'r2')!
    expect(r2.type).toBe('skip')
    expect(r2.class).toContain('edge-skip')
    expect(r2.ariaLabel).toBe('Skip connection h1 to h2')
    const b1 = edges.find((e) => e.id === 'b1')!
    expect(b1.type).toBe('default')
    expect(b1.class).toContain('edge-bias')
    expect(edges.map((e) => [e.source, e.target])).toEqual(design().edges.map((e) => [e.from, e.to]))
  })

  it('marks selection and the problems the engine found on the nodes and edges they name', () => {
    const spec = design()
    spec.edges = spec.edges.filter((e) => e.id !== 'c') // the loss is now fed by nothing
    const { nodes: nodeProblems, edges: edgeProblems } = problemsByElement(checkGraph(spec))
    const nodes = toFlowNodes(spec, { nodeProblems, selectedNodes: new Set(['h1']) })
    const cost = nodes.find((n) => n.id === 'cost')!
    expect(cost.class).toBe('has-problem')
    expect(cost.data!.problems.length).toBeGreaterThan(0)
    expect(isSelected(nodes.find((n) => n.id === 'h1')!)).toBe(true)
    const flagged = nodes.filter((n) => n.class === 'has-problem').map((n) => n.id)
    expect(flagged.sort()).toEqual([...nodeProblems.keys()].sort())
    expect(flagged).not.toContain('one')
    const edges = toFlowEdges(spec, { edgeProblems, selectedEdges: new Set(['w2']) })
    expect(isSelected(edges.find((e) => e.id === 'w2')!)).toBe(true)
  })

  it('round-trips: fromFlow(toFlow(graph)) is the graph, and a moved flow node moves only its position', () => {
    const spec = design()
    const nodes = toFlowNodes(spec)
    const edges = toFlowEdges(spec)
    expect(fromFlow(nodes, edges, spec)).toEqual(spec)
    nodes[2] = { ...nodes[2], position: { x: 300, y: 40 } }
    const moved = fromFlow(nodes, edges, spec)
    expect(moved.nodes[2]).toEqual({ ...spec.nodes[2], position: { x: 300, y: 40 } })
    expect(moved.edges).toEqual(spec.edges)
  })
})
