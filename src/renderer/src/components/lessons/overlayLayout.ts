/**
 * Where the lesson's numbers go on the canvas (pure): one label per node under its card, one per edge
 * at the middle of the edge; edges between the same two nodes (weights and a skip) are stacked.
 */
import type { GraphEdge } from '@engine/index'
import type { Shown } from '@renderer/lessons/types'

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface PlacedLabel {
  key: string
  kind: 'node' | 'edge'
  x: number
  y: number
  items: { tex: string; value: number }[]
}

/** Height of one line of a label (KaTeX symbols are a little taller than text). */
const LINE = 24

export function placeLabels(
  shown: readonly Shown[],
  edges: readonly GraphEdge[],
  box: (nodeId: string) => Box | null
): PlacedLabel[] {
  const groups = new Map<string, { kind: 'node' | 'edge'; id: string; items: PlacedLabel['items'] }>()
  for (const s of shown) {
    const kind = 'node' in s.place ? 'node' : 'edge'
    const id = 'node' in s.place ? s.place.node : s.place.edge
    const key = `${kind}:${id}`
    const g = groups.get(key) ?? { kind, id, items: [] }
    g.items.push({ tex: s.tex, value: s.value })
    groups.set(key, g)
  }
  const out: PlacedLabel[] = []
  for (const [key, g] of groups) {
    if (g.kind === 'node') {
      const b = box(g.id)
      if (b) out.push({ key, kind: 'node', x: b.x, y: b.y + b.height + 6, items: g.items })
      continue
    }
    const e = edges.find((x) => x.id === g.id)
    const s = e && box(e.from)
    const t = e && box(e.to)
    if (!e || !s || !t) continue
    // Edges sharing both ends (W and a skip X → Y) get one row each, in the graph's order.
    const twins = edges.filter((x) => x.from === e.from && x.to === e.to)
    const row = twins.findIndex((x) => x.id === e.id)
    const x = (s.x + s.width + t.x) / 2 - 50
    const y =
      (s.y + s.height / 2 + t.y + t.height / 2) / 2 -
      (g.items.length * LINE) / 2 +
      row * (g.items.length * LINE + 70) -
      70
    out.push({ key, kind: 'edge', x, y, items: g.items })
  }
  return out
}
