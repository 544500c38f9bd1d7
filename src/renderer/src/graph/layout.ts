import type { GraphSpec, Position } from '@engine/index'

/**
 * Auto-arrange into layers left to right, the way the seeds draw networks: input at the left, the loss at
 * the right end, every node one column right of its furthest predecessor, bias units just left of the
 * earliest layer they feed (at the bottom of that column).
 */

export interface LayoutOptions {
  /** Horizontal distance between columns. */
  dx?: number
  /** Vertical distance between nodes in a column (between their tops), when they are not taller. */
  dy?: number
  origin?: Position
  /**
   * Heights of the nodes as drawn, px, where known (the canvas measures them): a node taller than
   * `dy - gap` (a layer expanded into its units) pushes the ones below it down instead of overlapping.
   */
  heights?: Readonly<Record<string, number>>
  /** The least free space below a node in a column, px. */
  gap?: number
}

/**
 * Column of each node: the longest path from a source, over all edges (skips included, so a skip always
 * points right). Bias units sit one column before the earliest node they feed. Nodes caught in a cycle
 * (an invalid graph being edited) go one column after everything else instead of looping.
 */
export function columnsOf(spec: GraphSpec): Map<string, number> {
  const ids = spec.nodes.map((n) => n.id)
  const isBias = new Set(spec.nodes.filter((n) => n.kind === 'bias').map((n) => n.id))
  const known = new Set(ids)
  // Bias edges are left out of the ordering so a shared bias unit does not push layers right.
  const edges = spec.edges.filter((e) => known.has(e.from) && known.has(e.to) && !isBias.has(e.from))
  const indegree = new Map(ids.map((id) => [id, 0]))
  for (const e of edges) indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1)
  const column = new Map<string, number>()
  const queue = ids.filter((id) => indegree.get(id) === 0 && !isBias.has(id))
  for (const id of queue) column.set(id, 0)
  while (queue.length) {
    const id = queue.shift()!
    for (const e of edges.filter((edge) => edge.from === id)) {
      column.set(e.to, Math.max(column.get(e.to) ?? 0, (column.get(id) ?? 0) + 1))
      indegree.set(e.to, (indegree.get(e.to) ?? 0) - 1)
      if (indegree.get(e.to) === 0) queue.push(e.to)
    }
  }
  const last = Math.max(0, ...column.values())
  for (const id of ids) if (!isBias.has(id) && !column.has(id)) column.set(id, last + 1)
  for (const id of isBias) {
    const targets = spec.edges.filter((e) => e.from === id).map((e) => column.get(e.to) ?? 1)
    column.set(id, Math.max(0, Math.min(...targets, last + 1) - 1))
  }
  return column
}

/** New positions for every node; order within a column follows current y so arranging twice is stable. */
export function autoLayout(spec: GraphSpec, options: LayoutOptions = {}): Record<string, Position> {
  const dx = options.dx ?? 240
  const dy = options.dy ?? 130
  const gap = options.gap ?? 24
  const slot = (id: string): number => Math.max(dy, (options.heights?.[id] ?? 0) + gap)
  const origin = options.origin ?? { x: 0, y: 0 }
  const columns = columnsOf(spec)
  const byColumn = new Map<number, typeof spec.nodes>()
  for (const node of spec.nodes) {
    const c = columns.get(node.id) ?? 0
    byColumn.set(c, [...(byColumn.get(c) ?? []), node])
  }
  const positions: Record<string, Position> = {}
  for (const [c, nodes] of byColumn) {
    const ordered = [...nodes].sort((a, b) => {
      const biasOrder = Number(a.kind === 'bias') - Number(b.kind === 'bias')
      return biasOrder || (a.position?.y ?? 0) - (b.position?.y ?? 0)
    })
    // Centred on origin.y as a uniform column of n nodes is: its first top at −(n − 1)·dy/2.
    const slots = ordered.map((node) => slot(node.id))
    let y = origin.y - (slots.reduce((a, b) => a + b, 0) - dy) / 2
    ordered.forEach((node, i) => {
      positions[node.id] = { x: origin.x + c * dx, y }
      y += slots[i]
    })
  }
  return positions
}

/** The graph with auto-arranged positions written into its nodes. */
export function withAutoLayout(spec: GraphSpec, options: LayoutOptions = {}): GraphSpec {
  const positions = autoLayout(spec, options)
  return { ...spec, nodes: spec.nodes.map((n) => ({ ...n, position: positions[n.id] })) }
}

/** The editor's grid: the canvas background's dot spacing. */
export const GRID_SIZE = 20

/** `position` rounded to the nearest grid point (what Vue Flow's snap-to-grid does while dragging). */
export const snapPosition = (position: Position, grid = GRID_SIZE): Position => ({
  x: Math.round(position.x / grid) * grid,
  y: Math.round(position.y / grid) * grid
})
