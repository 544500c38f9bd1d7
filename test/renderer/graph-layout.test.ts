import { describe, expect, it } from 'vitest'
import type { GraphSpec } from '@engine/graph/types'
import { autoLayout, columnsOf, snapPosition, withAutoLayout } from '@renderer/graph/layout'
import { templates } from '@renderer/graph/templates'

const spec = (edges: GraphSpec['edges'], extra: GraphSpec['nodes'] = []): GraphSpec => ({
  format: 'backprop-studio/graph',
  version: 1,
  nodes: [
    { id: 'cost', kind: 'loss', loss: 'squared-error', position: { x: -500, y: 9 } },
    { id: 'out', kind: 'dense', units: 1, activation: 'linear' },
    { id: 'h2', kind: 'dense', units: 4, activation: 'relu' },
    { id: 'h1', kind: 'dense', units: 4, activation: 'relu' },
    { id: 'one', kind: 'bias' },
    { id: 'x', kind: 'input', units: 2 },
    ...extra
  ],
  edges
})

const chain: GraphSpec['edges'] = [
  { id: 'w1', from: 'x', to: 'h1' },
  { id: 'b1', from: 'one', to: 'h1' },
  { id: 'w2', from: 'h1', to: 'h2' },
  { id: 'r2', from: 'h1', to: 'h2', kind: 'skip' },
  { id: 'b2', from: 'one', to: 'h2' },
  { id: 'w3', from: 'h2', to: 'out' },
  { id: 'b3', from: 'one', to: 'out' },
  { id: 'c', from: 'out', to: 'cost' }
]

describe('graph/layout', () => {
  it('puts the input left, the loss at the right end, each layer one column after its furthest source', () => {
    const columns = columnsOf(spec(chain))
    expect(Object.fromEntries(columns)).toEqual({ x: 0, h1: 1, h2: 2, out: 3, cost: 4, one: 0 })
  })

  it('lets a skip that jumps layers push its target right of both sources', () => {
    const edges = [...chain, { id: 'r3', from: 'x', to: 'out', kind: 'skip' as const }]
    expect(columnsOf(spec(edges)).get('out')).toBe(3)
    const long = [
      { id: 'w1', from: 'x', to: 'h1' },
      { id: 'w2', from: 'h1', to: 'h2' },
      { id: 'w3', from: 'x', to: 'h2' },
      { id: 'w4', from: 'h2', to: 'out' }
    ]
    expect(columnsOf(spec(long)).get('h2')).toBe(2)
  })

  it('places x strictly left to right and every edge pointing right', () => {
    const s = spec(chain)
    const positions = autoLayout(s)
    for (const e of s.edges) {
      if (e.from === 'one') continue
      expect(positions[e.to].x, `${e.id}`).toBeGreaterThan(positions[e.from].x)
    }
    // bias and input share the first column, the bias below
    expect(positions.one.x).toBe(positions.x.x)
    expect(positions.one.y).toBeGreaterThan(positions.x.y)
  })

  it('is stable: arranging twice gives the same positions', () => {
    const once = withAutoLayout(spec(chain))
    expect(autoLayout(once)).toEqual(autoLayout(withAutoLayout(once)))
  })

  it('does not loop on a cycle being edited; the cycle goes after everything else', () => {
    const cyclic = [...chain, { id: 'back', from: 'out', to: 'h1' }]
    const columns = columnsOf(spec(cyclic))
    expect(columns.get('x')).toBe(0)
    expect(columns.get('h1')).toBeGreaterThan(0)
    expect(Object.keys(autoLayout(spec(cyclic)))).toHaveLength(6)
  })

  it('lays out every template left to right', () => {
    for (const t of templates()) {
      const xs = new Map(t.graph.nodes.map((n) => [n.id, n.position!.x]))
      const loss = t.graph.nodes.find((n) => n.kind === 'loss')!
      expect(Math.max(...xs.values()), t.id).toBe(xs.get(loss.id))
    }
  })
})

describe('snapPosition', () => {
  it('rounds to the nearest point of the 20 px grid', () => {
    expect(snapPosition({ x: 29, y: -31 })).toEqual({ x: 20, y: -40 })
    expect(snapPosition({ x: 30, y: 10 }, 10)).toEqual({ x: 30, y: 10 })
  })
})

describe('autoLayout with the nodes as drawn', () => {
  // A layer expanded into its units is far taller than a card (58 px header + 20 px a unit).
  const column: GraphSpec = {
    format: 'backprop-studio/graph',
    version: 1,
    nodes: [
      { id: 'x', kind: 'input', units: 2 },
      { id: 'a', kind: 'dense', units: 16, activation: 'relu', position: { x: 0, y: 0 } },
      { id: 'b', kind: 'dense', units: 4, activation: 'relu', position: { x: 0, y: 10 } },
      { id: 'c', kind: 'dense', units: 4, activation: 'relu', position: { x: 0, y: 20 } },
      { id: 'cost', kind: 'loss', loss: 'squared-error' }
    ],
    edges: [
      { id: 'wa', from: 'x', to: 'a' },
      { id: 'wb', from: 'x', to: 'b' },
      { id: 'wc', from: 'x', to: 'c' },
      { id: 'ac', from: 'a', to: 'cost' },
      { id: 'bc', from: 'b', to: 'cost' },
      { id: 'cc', from: 'c', to: 'cost' }
    ]
  }
  const heights = { x: 100, a: 58 + 16 * 20 + 6, b: 110, c: 58 + 4 * 20 + 6, cost: 90 }

  it('leaves no node of a column overlapping the next when one is expanded', () => {
    const p = autoLayout(column, { heights })
    const ordered = ['a', 'b', 'c'].sort((u, v) => p[u].y - p[v].y)
    expect(ordered).toEqual(['a', 'b', 'c'])
    for (let i = 0; i + 1 < ordered.length; i++) {
      const [upper, lower] = [ordered[i], ordered[i + 1]]
      expect(p[lower].y, `${lower} below ${upper}`).toBeGreaterThanOrEqual(
        p[upper].y + heights[upper as keyof typeof heights]
      )
    }
    expect(new Set(['a', 'b', 'c'].map((id) => p[id].x)).size).toBe(1)
  })

  it('spaces cards that fit in the row as before, and stays centred and stable', () => {
    const plain = autoLayout(column)
    const small = autoLayout(column, { heights: { a: 100, b: 100, c: 100 } })
    expect(small).toEqual(plain)
    expect(plain.b.y - plain.a.y).toBe(130)
    expect(plain.a.y + plain.c.y).toBe(0)
    const once = withAutoLayout(column, { heights })
    expect(autoLayout(once, { heights })).toEqual(autoLayout(withAutoLayout(once, { heights }), { heights }))
  })
})
