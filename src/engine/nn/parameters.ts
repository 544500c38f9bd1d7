/**
 * Moving parameters between the network's contiguous vector and the by-edge map of the graph and
 * weights files (W as [out][in], rows = target units; a bias edge is n×1).
 */
import type { ParameterMap } from '../graph/types'
import { dict, own } from '../objects'
import type { ParamSlice } from './types'

/** Bad parameters for a network; `edgeId` names the offending edge when there is one. */
export class ParameterError extends Error {
  readonly code = 'bad-parameters'
  readonly edgeId?: string
  constructor(message: string, edgeId?: string) {
    super(message)
    this.name = 'ParameterError'
    this.edgeId = edgeId
  }
}

const sliceLabel = (s: ParamSlice): string => `edge "${s.edgeId}" (${s.from} → ${s.to})`

/** The parameters as plain nested arrays by edge id (exact: doubles survive the copy unchanged). */
export function parametersToMap(slices: readonly ParamSlice[], params: Float64Array): ParameterMap {
  const out: ParameterMap = dict()
  for (const s of slices) {
    const rows: number[][] = new Array(s.rows)
    for (let i = 0; i < s.rows; i++) {
      const start = s.offset + i * s.cols
      rows[i] = Array.from(params.subarray(start, start + s.cols))
    }
    out[s.edgeId] = rows
  }
  return out
}

/**
 * Writes a parameter map into `params`, all or nothing: every edge must be present with the shape
 * [rows][cols] of finite numbers, and no unknown edge may appear. Throws a ParameterError naming the edge.
 */
export function parametersFromMap(
  slices: readonly ParamSlice[],
  map: ParameterMap,
  params: Float64Array
): void {
  if (map === null || typeof map !== 'object' || Array.isArray(map)) {
    throw new ParameterError('Parameters must be an object of matrices keyed by edge id.')
  }
  const known = new Set(slices.map((s) => s.edgeId))
  for (const key of Object.keys(map)) {
    if (!known.has(key))
      throw new ParameterError(`Parameters name edge "${key}", which has no weights in this graph.`, key)
  }
  const next = new Float64Array(params.length)
  for (const s of slices) {
    const W = own(map, s.edgeId)
    const shape = `${s.rows}×${s.cols} (${s.rows} row${s.rows > 1 ? 's' : ''} = units of ${s.to}, ${s.cols} column${s.cols > 1 ? 's' : ''} = ${s.isBias ? 'the bias unit' : `units of ${s.from}`})`
    if (W === undefined)
      throw new ParameterError(`Parameters for ${sliceLabel(s)} are missing; expected ${shape}.`, s.edgeId)
    if (!Array.isArray(W) || W.length !== s.rows) {
      const got = Array.isArray(W) ? `${W.length} rows` : typeof W
      throw new ParameterError(`Parameters for ${sliceLabel(s)} have ${got}; expected ${shape}.`, s.edgeId)
    }
    for (let i = 0; i < s.rows; i++) {
      const row = W[i]
      if (!Array.isArray(row) || row.length !== s.cols) {
        const got = Array.isArray(row) ? `${row.length} columns` : typeof row
        throw new ParameterError(
          `Parameters for ${sliceLabel(s)}, row ${i}, have ${got}; expected ${shape}.`,
          s.edgeId
        )
      }
      for (let j = 0; j < s.cols; j++) {
        const v = row[j]
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new ParameterError(
            `Parameters for ${sliceLabel(s)}, row ${i}, column ${j}, is ${String(v)}; expected a finite number.`,
            s.edgeId
          )
        }
        next[s.offset + i * s.cols + j] = v
      }
    }
  }
  params.set(next)
}
