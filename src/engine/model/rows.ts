/**
 * Rows of the prepared data as a given model sees them. A model trained on this data reads the
 * prepared encoding; a model imported with its own preprocessing encodes the same table rows its own
 * way (its own categories, centres and scales), so it can be evaluated and inspected on new data.
 */
import { encodeTableFeatures, encodeTableTargets } from '../data/encode'
import type { PreparedData, Preprocessing } from '../data/types'
import type { Dataset } from '../train/types'
import type { Workspace } from './workspace'

export type Split = 'train' | 'validation'

/**
 * The split's rows (all, or only its row `pick`) encoded with `pre`; null when `pre` is not the
 * prepared encoding and the table rows behind the split are not available to encode again.
 */
export function rowsForModel(
  ws: Workspace,
  prepared: PreparedData,
  pre: Preprocessing,
  split: Split,
  pick?: number
): Dataset | null {
  if (pre === prepared.preprocessing) {
    const set = split === 'validation' ? prepared.data.validation! : prepared.data.train
    if (pick === undefined) return set
    const width = set.x.length / Math.max(1, set.rows)
    const outWidth = set.y.length / Math.max(1, set.rows)
    return {
      x: set.x.slice(pick * width, (pick + 1) * width),
      y: set.y.slice(pick * outWidth, (pick + 1) * outWidth),
      rows: 1
    }
  }
  if (!ws.table || !prepared.rows) return null
  const all = prepared.rows[split]
  const rows = pick === undefined ? all : [all[pick]]
  return {
    x: encodeTableFeatures(pre, ws.table, rows),
    y: encodeTableTargets(pre, ws.table, rows),
    rows: rows.length
  }
}
