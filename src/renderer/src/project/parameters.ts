import type { GraphSpec, ParameterMap } from '@engine/index'
import { weightShape, type ShapeOptions } from '@renderer/graph/shapes'
import { notice, type Notice } from '@renderer/i18n/engineMessages'

/** A matrix of `rows` rows of equal length (any length when `cols` is undefined). */
function hasShape(matrix: number[][], rows: number, cols: number | undefined): boolean {
  const width = matrix[0]?.length
  return matrix.length === rows && matrix.every((row) => row.length === (cols ?? width))
}

/**
 * Keeps only the parameters that still fit the graph: an edge that was deleted, turned into a skip, or
 * whose layer changed width no longer owns a matrix. Stale weights would otherwise be saved and fail to
 * load into the engine.
 *
 * The input's width is the data's, and the data comes and goes (not loaded yet after Open, a prepare
 * that failed, an engine restart): the columns of an edge out of the input node are never a reason to
 * drop it — the weights stay with the project, and `fittingParameters` decides whether they can train.
 */
export function pruneParameters(
  spec: GraphSpec,
  parameters: ParameterMap | undefined
): ParameterMap | undefined {
  if (!parameters) return undefined
  const kept: ParameterMap = {}
  for (const edge of spec.edges) {
    const matrix = parameters[edge.id]
    if (!matrix) continue
    const fromInput = spec.nodes.find((n) => n.id === edge.from)?.kind === 'input'
    // A width no option gives still has its rows: take the matrix's own column count for the input.
    const shape = weightShape(spec, edge, fromInput ? { inputWidth: matrix[0]?.length } : {})
    if (shape && hasShape(matrix, shape[0], fromInput ? undefined : shape[1])) kept[edge.id] = matrix
  }
  return Object.keys(kept).length ? kept : undefined
}

/**
 * Why `parameters` cannot be the starting weights of `spec` on data of `options.inputWidth` (a notice
 * for the status line), or undefined.
 */
export function parametersMismatch(
  spec: GraphSpec,
  parameters: ParameterMap,
  options: ShapeOptions = {}
): Notice | undefined {
  for (const edge of spec.edges) {
    const shape = weightShape(spec, edge, options)
    if (!shape) continue
    const matrix = parameters[edge.id]
    if (!matrix) return notice('training.status.noWeightsFor', { edge: edge.id })
    if (!hasShape(matrix, shape[0], shape[1]))
      return notice('training.status.wrongShape', {
        edge: edge.id,
        rows: matrix.length,
        cols: matrix[0]?.length ?? 0,
        needRows: shape[0],
        needCols: shape[1]
      })
  }
  return undefined
}
