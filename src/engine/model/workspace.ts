/**
 * The workspace of one client: the loaded table, its prepared split and the current model. One per
 * engine connection (protocol/commands.ts creates it and hands it to the data and training models);
 * the CLI builds its own models without one.
 */
import type { CsvTable } from '../data/table'
import type { PreparedData, Preprocessing } from '../data/types'
import type { GraphSpec } from '../graph/types'
import type { Network } from '../nn/types'
import type { TrainingSummary } from '../weights/types'
import { ModelError } from './errors'

/**
 * The current model: the network being trained (or imported from a weights file) with the
 * preprocessing it was trained with and a summary of its training. Training creates and updates it;
 * export, predict and evaluate read it; an import replaces it.
 */
export interface Model {
  graph: GraphSpec
  net: Network
  preprocessing: Preprocessing | null
  training: TrainingSummary | null
}

export interface Workspace {
  /** The last table that loaded without error, and the file name it came from. */
  table: CsvTable | null
  name: string
  prepared: PreparedData | null
  model: Model | null
}

export function createWorkspace(): Workspace {
  return { table: null, name: '', prepared: null, model: null }
}

export function requireTable(ws: Workspace): CsvTable {
  if (!ws.table)
    throw new ModelError('not-found', 'no data is loaded: load a CSV file first', { variant: 'no-table' })
  return ws.table
}

export function requirePrepared(ws: Workspace): PreparedData {
  if (!ws.prepared)
    throw new ModelError(
      'no-data',
      'no data is prepared for training: load a CSV file and choose its feature and target columns first',
      { variant: 'not-prepared' }
    )
  return ws.prepared
}

export function requireModel(ws: Workspace): Model {
  if (!ws.model)
    throw new ModelError(
      'not-found',
      'there is no model yet: train a network or import a weights file first',
      {
        variant: 'no-model'
      }
    )
  return ws.model
}

export function requirePreprocessing(model: Model): Preprocessing {
  if (!model.preprocessing)
    throw new ModelError(
      'not-found',
      'the model was never bound to data, so it has no preprocessing to encode a row with: train it on a CSV file first',
      { variant: 'no-preprocessing' }
    )
  return model.preprocessing
}
