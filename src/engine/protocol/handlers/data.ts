/**
 * The data commands, each one call into the connection's data model (model/data.ts):
 *
 *   data.load      a CSV (text or bytes) parsed off the UI thread in slices, with `data.progress`
 *                  events; `data.cancel` stops it. A bad file is refused and the dataset loaded
 *                  before stays (DESIGN §7).
 *   data.profile   per-column type, missing/distinct counts, statistics, histogram, default roles
 *   data.preview   rows of the loaded table as text
 *   data.prepare   roles and options → the encoded train/validation split the training commands use
 *   weights.export the current model as a weights file (docs/weights-format.md)
 *   weights.import a weights file becomes the model — all or nothing, a bad file changes nothing
 *   predict        predictions for rows typed as cells by column name
 *   predict.csv    a copy of a CSV file with prediction columns appended
 *   evaluate       the model on the prepared validation split (or the training split without one)
 */
import {
  BINARY_TARGET_ENCODINGS,
  COLUMN_ROLES,
  MAX_VALIDATION_SPLIT,
  MISSING_POLICIES,
  NORMALIZATIONS,
  TYPE_OVERRIDES,
  type DataProfile,
  type Prediction,
  type PreparedSummary,
  type PrepareRequest
} from '../../data/types'
import {
  createDataModel,
  MAX_CSV_BYTES,
  PREVIEW_ROWS,
  type DataSummary,
  type ImportedWeights,
  type LoadProgress,
  type LoadRequest
} from '../../model/data'
import type { Workspace } from '../../model/workspace'
import { DELIMITERS } from '../../data/sniff'
import { z } from '../../schema'
import type { Evaluation } from '../../weights/predict'
import { defineCommand, type CommandTable, type Connection } from '../server'
import { arrayOf, bytes, header, num, oneOf, payload, recordOf, str, validator } from '../schema'

declare module '../messages' {
  interface EngineCommands {
    /**
     * Parses a CSV file. `loadId` is chosen by the client so it can cancel before the reply; progress
     * arrives as `data.progress` events with that id. Replies when the table is ready.
     */
    'data.load': {
      payload: LoadRequest
      result: DataSummary
    }
    /** Cancels a running load; its `data.load` request then fails with code `cancelled`. */
    'data.cancel': { payload: { loadId: number }; result: { cancelled: boolean } }
    /** Per-column type, counts, statistics, histogram and default role of the loaded table. */
    'data.profile': { payload: Record<string, never>; result: DataProfile }
    /**
     * Roles and options → the encoded train/validation split, held in the engine for training.
     * Fails naming the column for a target with one class, no feature, a non-numeric value… .
     */
    'data.prepare': { payload: PrepareRequest; result: PreparedSummary }
    /** The current model (graph, parameters, preprocessing, training summary) as a weights file. */
    'weights.export': { payload: { name?: string }; result: { name: string; text: string } }
    /** Reads a weights file; it becomes the model (all or nothing: a bad file changes nothing). */
    'weights.import': { payload: { text: string }; result: ImportedWeights }
    /** The model's outputs for rows given as cells by column name (as typed or as in the CSV). */
    predict: { payload: { rows: Record<string, string>[] }; result: { predictions: Prediction[] } }
    /** A copy of a CSV with prediction columns added. */
    'predict.csv': {
      payload: { name: string; text?: string; bytes?: Uint8Array }
      result: { name: string; text: string; rows: number }
    }
    /**
     * The model on the validation split: confusion matrix (classification) or predicted vs actual;
     * for a classifier of exactly two numeric features also its decision boundary with the data.
     */
    evaluate: { payload: Record<string, never>; result: Evaluation }
    /** Rows [start, start + count) of the loaded table, every cell as text ('' when missing). */
    'data.preview': {
      payload: { start?: number; count?: number }
      result: { start: number; rows: string[][] }
    }
  }
  interface EngineEvents {
    'data.progress': LoadProgress
  }
}

/** Weights files are text; this bounds a hand-made message, far above any real network's file. */
const MAX_WEIGHTS_CHARS = 512 * 1024 * 1024
const MAX_PREDICT_ROWS = 100_000
const MAX_PREVIEW_ROWS = 1000

const schemas = {
  load: payload({
    loadId: num({ integer: true, min: 0 }),
    name: str({ maxLength: 1000 }),
    text: str({ maxLength: MAX_CSV_BYTES }).optional(),
    bytes: bytes().optional(),
    delimiter: oneOf([...DELIMITERS, 'auto']).optional(),
    header: header().optional()
  }) satisfies z.ZodType<LoadRequest>,
  cancel: payload({ loadId: num({ integer: true, min: 0 }) }),
  preview: payload({
    start: num({ integer: true, min: 0 }).optional(),
    count: num({ integer: true, min: 0, max: MAX_PREVIEW_ROWS }).optional()
  }),
  prepare: payload({
    roles: recordOf(oneOf(COLUMN_ROLES)),
    normalization: oneOf(NORMALIZATIONS).optional(),
    missing: oneOf(MISSING_POLICIES).optional(),
    binaryTarget: oneOf(BINARY_TARGET_ENCODINGS).optional(),
    validationSplit: num({ min: 0, max: MAX_VALIDATION_SPLIT }).optional(),
    seed: num().optional(),
    types: recordOf(oneOf(TYPE_OVERRIDES)).optional()
  }) satisfies z.ZodType<PrepareRequest>,
  export: payload({ name: str({ maxLength: 1000 }).optional() }),
  import: payload({ text: str({ maxLength: MAX_WEIGHTS_CHARS }) }),
  predict: payload({ rows: arrayOf(recordOf(str({ maxLength: 100_000 })), { maxLength: MAX_PREDICT_ROWS }) }),
  predictCsv: payload({
    name: str({ maxLength: 1000 }),
    text: str({ maxLength: MAX_CSV_BYTES }).optional(),
    bytes: bytes().optional()
  })
}

export function dataCommands(connection: Connection, ws: Workspace): CommandTable {
  const model = createDataModel(ws, (progress) => connection.emit('data.progress', progress))
  connection.onClose(() => model.cancelAll())
  const empty = validator(payload({}))
  return {
    'data.load': defineCommand('data.load', validator(schemas.load), (p) => model.load(p)),
    'data.cancel': defineCommand('data.cancel', validator(schemas.cancel), (p) => model.cancel(p.loadId)),
    'data.preview': defineCommand(
      'data.preview',
      validator(schemas.preview),
      ({ start = 0, count = PREVIEW_ROWS }) => model.preview(start, count)
    ),
    'data.profile': defineCommand('data.profile', empty, () => model.profile()),
    'data.prepare': defineCommand('data.prepare', validator(schemas.prepare), (p) => model.prepare(p)),
    'weights.export': defineCommand('weights.export', validator(schemas.export), (p) =>
      model.exportWeights(p.name)
    ),
    'weights.import': defineCommand('weights.import', validator(schemas.import), (p) =>
      model.importWeights(p.text)
    ),
    predict: defineCommand('predict', validator(schemas.predict), (p) => model.predict(p.rows)),
    'predict.csv': defineCommand('predict.csv', validator(schemas.predictCsv), (p) => model.predictCsv(p)),
    evaluate: defineCommand('evaluate', empty, () => model.evaluate())
  }
}
