/** Finding and naming the cycles of a graph (a network must be acyclic to compile). */
import type { GraphEdge, GraphNode } from '../types'
import { nodeLabel } from './labels'

/** Most cycles reported one by one; the rest are counted in one more issue. */
export const MAX_CYCLE_REPORTS = 10
/** Most nodes a cycle's message names; a longer cycle shows its first and last few. */
export const MAX_CYCLE_NAMES = 12

/**
 * Cycles found by one iterative DFS (an explicit stack, so a 100 000-layer chain cannot overflow the
 * call stack): one per back edge, the first MAX_CYCLE_REPORTS with their nodes (each path cut to
 * MAX_CYCLE_NAMES names), and how many more there were. Time and output stay linear in the graph:
 * a back edge past the reported ones costs O(1).
 */
export function findCycles(
  byId: ReadonlyMap<string, GraphNode>,
  outs: ReadonlyMap<string, GraphEdge[]>
): { cycles: string[][]; more: number } {
  const state = new Map<string, 1 | 2>() // 1 = on the DFS path, 2 = done
  const depth = new Map<string, number>() // position on the path while on it
  const path: string[] = []
  const next: number[] = [] // per path entry: the index of the out-edge to look at next
  const cycles: string[][] = []
  let more = 0
  for (const root of byId.keys()) {
    if (state.has(root)) continue
    state.set(root, 1)
    depth.set(root, 0)
    path.push(root)
    next.push(0)
    while (path.length) {
      const top = path.length - 1
      const id = path[top]
      const edges = outs.get(id)!
      if (next[top] < edges.length) {
        const to = edges[next[top]++].to
        const s = state.get(to)
        if (s === 1) {
          if (cycles.length < MAX_CYCLE_REPORTS) cycles.push(path.slice(depth.get(to)!))
          else more++
        } else if (s === undefined) {
          state.set(to, 1)
          depth.set(to, path.length)
          path.push(to)
          next.push(0)
        }
        continue
      }
      state.set(id, 2)
      depth.delete(id)
      path.pop()
      next.pop()
    }
  }
  return { cycles, more }
}

/** A cycle's nodes as `"a" → "b" → … → "a"`, at most MAX_CYCLE_NAMES of them named. */
export function cycleText(ids: string[], byId: ReadonlyMap<string, GraphNode>): string {
  const label = (id: string) => nodeLabel(byId.get(id)!)
  const shown =
    ids.length <= MAX_CYCLE_NAMES
      ? ids.map(label)
      : [
          ...ids.slice(0, MAX_CYCLE_NAMES - 3).map(label),
          `… ${ids.length - MAX_CYCLE_NAMES + 1} more …`,
          ...ids.slice(-2).map(label)
        ]
  return `${shown.join(' → ')} → ${label(ids[0])}`
}
