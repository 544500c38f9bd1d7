import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useGraphStore } from '@renderer/stores/graph'

/** The editor's actions as a person performs them: add, connect, skip, edit, undo, copy, delete. */
describe('graph store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  function build() {
    const g = useGraphStore()
    const x = g.addNode('input', { x: 0, y: 0 })
    const h1 = g.addNode('dense', { x: 200, y: 0 })
    const h2 = g.addNode('dense', { x: 400, y: 0 })
    const one = g.addNode('bias', { x: 0, y: 150 })
    const cost = g.addNode('loss', { x: 600, y: 0 })
    return { g, x, h1, h2, one, cost }
  }

  it('names new nodes as DESIGN §2 does and starts with the editor defaults', () => {
    const { g, x, h1, h2, one, cost } = build()
    expect([x, h1, h2, one, cost]).toEqual(['x', 'h1', 'h2', 'one', 'cost'])
    expect(g.graph.nodes.find((n) => n.id === 'h1')).toMatchObject({ units: 4, activation: 'tanh' })
    expect(g.selectedNodeIds).toEqual(['cost'])
  })

  it('connects with the engine’s rules: a refused connection gives the reason and changes nothing', () => {
    const { g } = build()
    expect(g.connect('x', 'h1')).toMatchObject({ ok: true, edgeId: 'w1' })
    expect(g.connect('one', 'h1')).toMatchObject({ ok: true, edgeId: 'b1' })
    const before = g.graph
    const refused = g.connect('h1', 'x')
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.reason).toMatch(/Nothing can flow into/)
    expect(g.graph).toBe(before)
    expect(g.connectionProblem('h1', 'h1', 'weights')).toMatch(/itself/)
  })

  it('refuses a skip between different widths and accepts it once they match', () => {
    const { g } = build()
    g.connect('x', 'h1')
    g.connect('h1', 'h2')
    g.updateNode('h2', { units: 6 })
    const refused = g.connect('h1', 'h2', 'skip')
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.reason).toMatch(/equal widths/)
    g.updateNode('h2', { units: 4 })
    expect(g.connect('h1', 'h2', 'skip')).toMatchObject({ ok: true, edgeId: 'r1' })
    expect(g.graph.edges.find((e) => e.id === 'r1')).toEqual({ id: 'r1', from: 'h1', to: 'h2', kind: 'skip' })
  })

  it('turns a weighted edge into a skip from the inspector only when the rules allow it', () => {
    const { g } = build()
    g.connect('x', 'h1')
    g.connect('h1', 'h2')
    // x has 2 units, h1 has 4: a skip is refused and the edge stays weighted
    expect(g.setEdgeKind('w1', 'skip').ok).toBe(false)
    expect(g.graph.edges.find((e) => e.id === 'w1')!.kind).toBeUndefined()
    expect(g.setEdgeKind('w2', 'skip').ok).toBe(true)
    expect(g.graph.edges.find((e) => e.id === 'w2')!.kind).toBe('skip')
  })

  it('validates as you edit: problems, Train blocked with the reason, until the graph is whole', () => {
    const { g } = build()
    expect(g.isValid).toBe(false)
    expect(g.trainBlockedReason).toBeTruthy()
    g.connect('x', 'h1')
    g.connect('one', 'h1')
    g.connect('h1', 'h2')
    g.connect('h2', 'cost')
    expect(g.errors).toEqual([])
    expect(g.trainBlockedReason).toBeUndefined()
    expect(g.parameterTotal).toBe(4 * 2 + 4 + 4 * 4)
    expect(g.flowNodes.every((n) => n.class === undefined)).toBe(true)
    g.removeElements([], [g.graph.edges.find((e) => e.to === 'cost')!.id])
    expect(g.trainBlockedReason).toBeTruthy()
    expect(g.flowNodes.find((n) => n.id === 'cost')!.class).toBe('has-problem')
  })

  it('undoes and redoes every edit, one step each, and names it', () => {
    const { g } = build()
    g.connect('x', 'h1')
    expect(g.nextUndoLabel).toEqual({ key: 'shell.history.connect' })
    g.undo()
    expect(g.graph.edges).toHaveLength(0)
    expect(g.nextRedoLabel).toEqual({ key: 'shell.history.connect' })
    g.redo()
    expect(g.graph.edges).toHaveLength(1)
    for (let i = 0; i < 6; i++) g.undo()
    expect(g.graph.nodes).toHaveLength(0)
    expect(g.undoable).toBe(false)
  })

  it('merges a drag into one undo step and edits of one field into one step', () => {
    const { g } = build()
    g.moveLive({ h1: { x: 210, y: 5 } })
    g.moveLive({ h1: { x: 220, y: 10 } })
    g.commitMove({ h1: { x: 220, y: 10 } })
    g.updateNode('h1', { units: 5 })
    g.updateNode('h1', { units: 6 })
    expect(g.graph.nodes.find((n) => n.id === 'h1')).toMatchObject({ units: 6, position: { x: 220, y: 10 } })
    g.undo()
    expect(g.graph.nodes.find((n) => n.id === 'h1')).toMatchObject({ units: 4, position: { x: 220, y: 10 } })
    g.undo()
    expect(g.graph.nodes.find((n) => n.id === 'h1')!.position).toEqual({ x: 200, y: 0 })
  })

  it('copies, pastes and duplicates the selection with fresh ids and the edges among it', () => {
    const { g } = build()
    g.connect('h1', 'h2')
    g.select(['h1', 'h2'])
    expect(g.copy()).toBe(true)
    expect(g.paste()).toBe(true)
    expect(g.selectedNodeIds).toEqual(['h3', 'h4'])
    expect(g.graph.edges.map((e) => [e.from, e.to])).toEqual([
      ['h1', 'h2'],
      ['h3', 'h4']
    ])
    expect(g.graph.nodes.find((n) => n.id === 'h3')!.position).toEqual({ x: 240, y: 40 })
    g.select(['x'])
    expect(g.duplicate()).toBe(true)
    expect(g.selectedNodeIds).toEqual(['x2'])
    expect(g.clipboard!.nodes.map((n) => n.id)).toEqual(['h1', 'h2'])
  })

  it('deletes the selection with every edge that touches it, as one undo step', () => {
    const { g } = build()
    g.connect('x', 'h1')
    g.connect('h1', 'h2')
    g.connect('h2', 'cost')
    g.select(['h1'], ['w3'])
    g.removeSelected()
    expect(g.graph.nodes.map((n) => n.id)).toEqual(['x', 'h2', 'one', 'cost'])
    expect(g.graph.edges).toEqual([])
    expect(g.selectedNodeIds).toEqual([])
    g.undo()
    expect(g.graph.edges).toHaveLength(3)
  })

  it('auto-arranges left to right as one undoable step', () => {
    const { g } = build()
    g.connect('x', 'h1')
    g.connect('h1', 'h2')
    g.connect('h2', 'cost')
    g.commitMove({ cost: { x: -900, y: 0 } })
    g.autoArrange()
    const x = (id: string) => g.graph.nodes.find((n) => n.id === id)!.position!.x
    expect(x('x')).toBeLessThan(x('h1'))
    expect(x('h2')).toBeLessThan(x('cost'))
    expect(g.nextUndoLabel).toEqual({ key: 'shell.history.autoArrange' })
  })
})
