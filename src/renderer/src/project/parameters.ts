import type { GraphSpec, ParameterMap } from '@engine/graph/types'
import { weightShape, type ShapeOptions } from '@renderer/graph/shapes'

/**
 * Keeps only the parameters that still fit the graph: an edge that was deleted, turned into a skip, or
 * whose layers changed width no longer owns a matrix. Stale weights would otherwise be saved and fail
 * to load into the engine.
 */
export function pruneParameters(
  spec: GraphSpec,
  parameters: ParameterMap | undefined,
  options: ShapeOptions = {}
): ParameterMap | undefined {
  if (!parameters) return undefined
  const kept: ParameterMap = {}
  for (const edge of spec.edges) {
    const matrix = parameters[edge.id]
    const shape = weightShape(spec, edge, options)
    if (!matrix || !shape) continue
    if (matrix.length === shape[0] && matrix.every((row) => row.length === shape[1])) kept[edge.id] = matrix
  }
  return Object.keys(kept).length ? kept : undefined
}
