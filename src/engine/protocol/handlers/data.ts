/**
 * The engine commands for the user's data, weights and predictions:
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
 *
 * The dataset lives in a per-connection workspace (see `dataWorkspace`), where the training commands
 * find the prepared train/validation split and where the model used for prediction is kept.
 */
import { dict } from '../../objects'
import { chunksOf, parseCsvStream, type CsvProgress } from '../../data/csv'
import { DataError } from '../../data/errors'
import type { Delimiter } from '../../data/sniff'
import { previewRows, type CsvTable } from '../../data/table'
import {
  COLUMN_ROLES,
  prepareData,
  profileTable,
  summarizePreprocessing,
  type DataProfile,
  type Prediction,
  type PreparedData,
  type PreparedSummary,
  type PrepareRequest,
  type Preprocessing
} from '../../data/preprocess'
import { encodeTableFeatures, encodeTableTargets } from '../../data/encode'
import { createNetwork } from '../../nn/network'
import type { Dataset } from '../../train/types'
import { buildWeightsFile, parseWeightsFile } from '../../weights/file'
import {
  boundaryFeatures,
  boundaryOnTable,
  classesOf,
  evaluateModel,
  predictCsv,
  predictRows,
  type BoundaryInput,
  type Evaluation
} from '../../weights/predict'
import type { GraphSpec, ParameterMap } from '../../graph/types'
import type { Network } from '../../nn/types'
import type { TrainingSummary } from '../../weights/types'
import { ProtocolError } from '../errors'
import { predictionsFileName, weightsFileName } from '../../fileNames'
import { defineCommand, type CommandTable, type Connection } from '../server'
import {
  arrayOf,
  describeValue,
  isRecord,
  num,
  oneOf,
  optional,
  payload,
  str,
  type Validator
} from '../validate'

declare module '../messages' {
  interface EngineCommands {
    /**
     * Parses a CSV file. `loadId` is chosen by the client so it can cancel before the reply; progress
     * arrives as `data.progress` events with that id. Replies when the table is ready.
     */
    'data.load': {
      payload: {
        loadId: number
        name: string
        text?: string
        bytes?: Uint8Array
        delimiter?: Delimiter | 'auto'
        header?: boolean | 'auto'
      }
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
    'data.progress': { loadId: number; bytes: number; totalBytes: number; rows: number }
  }
}

/** What the data panel shows right after a load. */
export interface DataSummary {
  name: string
  rows: number
  columns: string[]
  delimiter: string
  hasHeader: boolean
  /** The first rows as text, for the preview table. */
  preview: string[][]
}

// The data types live beside the code that builds them; re-exported here for the protocol's users.
export {
  COLUMN_ROLES,
  type ColumnType,
  type ColumnRole,
  type Normalization,
  type MissingPolicy,
  type BinaryTargetEncoding,
  type ColumnSummary,
  type DataProfile,
  type PrepareRequest,
  type DataNotice,
  type PreparedSummary,
  type Prediction,
  type PreparedData
} from '../../data/preprocess'

export interface ImportedWeights {
  graph: GraphSpec
  parameters: ParameterMap
  /** What the network expects as input and produces (from the file's preprocessing). */
  prepared: PreparedSummary
  epochs: number
}

export type { BoundaryInput, Evaluation } from '../../weights/predict'

/**
 * The model of one connection: the network being trained (or imported from a weights file) with
 * the preprocessing it was trained with and a summary of its training. `train.*` creates and
 * updates it; `weights.export`, `predict`, `predict.csv` and `evaluate` read it; `weights.import`
 * replaces it.
 */
export interface Model {
  graph: GraphSpec
  net: Network
  preprocessing: Preprocessing | null
  training: TrainingSummary | null
}

/** The data of one connection: the loaded table, its prepared split and the current model. */
export interface DataWorkspace {
  /** The last table that loaded without error, and the file name it came from. */
  table: CsvTable | null
  name: string
  prepared: PreparedData | null
  model: Model | null
}

const workspaces = new WeakMap<Connection, DataWorkspace>()

/** The connection's data workspace (created on first use), shared by the data and training commands. */
export function dataWorkspace(connection: Connection): DataWorkspace {
  let ws = workspaces.get(connection)
  if (!ws) {
    ws = { table: null, name: '', prepared: null, model: null }
    workspaces.set(connection, ws)
  }
  return ws
}

/** A file larger than this is refused before parsing: far beyond what a browser tab can hold as a table. */
export const MAX_CSV_BYTES = 1024 * 1024 * 1024
/** Slice size of a streamed parse: big enough to be fast, small enough for ~10 progress events a second. */
const CHUNK_SIZE = 1024 * 1024
const PREVIEW_ROWS = 20
const MAX_PREVIEW_ROWS = 1000

const bytesValidator: Validator<Uint8Array | undefined> = (value, field) => {
  if (value === undefined) return undefined
  if (value instanceof Uint8Array) return value
  if (value instanceof ArrayBuffer) return new Uint8Array(value)
  throw new ProtocolError(
    'bad-payload',
    `field "${field}" must be a Uint8Array or an ArrayBuffer, got ${describeValue(value)}`
  )
}

const headerValidator: Validator<boolean | 'auto' | undefined> = (value, field) => {
  if (value === undefined || value === true || value === false || value === 'auto') return value
  throw new ProtocolError(
    'bad-payload',
    `field "${field}" must be true, false or "auto", got ${describeValue(value)}`
  )
}

const loadPayload = payload({
  loadId: num({ integer: true, min: 0 }),
  name: str({ maxLength: 1000 }),
  text: optional(str({ maxLength: MAX_CSV_BYTES })),
  bytes: bytesValidator,
  delimiter: optional(oneOf(',', ';', '\t', 'auto')),
  header: headerValidator
})

/** Weights files are text; this bounds a hand-made message, far above any real network's file. */
const MAX_WEIGHTS_CHARS = 512 * 1024 * 1024
const MAX_PREDICT_ROWS = 100_000

/** An object whose values all pass `inner` (keys are free: column names). */
function recordOf<T>(inner: Validator<T>): Validator<Record<string, T>> {
  return (value, field) => {
    if (!isRecord(value))
      throw new ProtocolError(
        'bad-payload',
        `field "${field}" must be an object, got ${describeValue(value)}`
      )
    const out = dict<T>()
    for (const [k, v] of Object.entries(value)) out[k] = inner(v, `${field}.${k}`)
    return out
  }
}

const cellsValidator = recordOf(str({ maxLength: 100_000 }))

const preparePayload = payload({
  roles: recordOf(oneOf(...COLUMN_ROLES)),
  normalization: optional(oneOf('z-score', 'min-max', 'none')),
  missing: optional(oneOf('drop', 'mean', 'median', 'most-frequent')),
  binaryTarget: optional(oneOf('sigmoid', 'softmax')),
  validationSplit: optional(num({ min: 0, max: 0.9 })),
  seed: optional(num()),
  types: optional(recordOf(oneOf('numeric', 'categorical')))
})

export function summarize(table: CsvTable, name: string): DataSummary {
  return {
    name,
    rows: table.rowCount,
    columns: table.columns.map((c) => c.name),
    delimiter: table.delimiter,
    hasHeader: table.hasHeader,
    preview: previewRows(table, 0, PREVIEW_ROWS)
  }
}

export function dataCommands(connection: Connection): CommandTable {
  const ws = dataWorkspace(connection)
  const running = new Map<number, AbortController>()

  connection.onClose(() => {
    for (const controller of running.values()) controller.abort()
  })

  async function load(p: {
    loadId: number
    name: string
    text?: string
    bytes?: Uint8Array
    delimiter?: Delimiter | 'auto'
    header?: boolean | 'auto'
  }): Promise<DataSummary> {
    const source = p.bytes ?? p.text
    if (source === undefined)
      throw new ProtocolError('bad-payload', 'data.load: give the file as "text" or "bytes"')
    if (p.bytes !== undefined && p.text !== undefined)
      throw new ProtocolError('bad-payload', 'data.load: give the file as "text" or "bytes", not both')
    if (source.length > MAX_CSV_BYTES)
      throw new DataError('bad-input', `${p.name} is larger than ${MAX_CSV_BYTES / 2 ** 20} MB.`)
    if (running.has(p.loadId))
      throw new ProtocolError('bad-payload', `data.load: load ${p.loadId} is already running`)

    // One load at a time: a newer file replaces a load still in progress.
    for (const controller of running.values()) controller.abort()
    const controller = new AbortController()
    running.set(p.loadId, controller)
    // Characters and bytes differ only for text input, where the character count is the best measure.
    const totalBytes = source.length
    const onProgress = (progress: CsvProgress): void =>
      connection.emit('data.progress', {
        loadId: p.loadId,
        bytes: p.bytes ? progress.bytes : progress.chars,
        totalBytes,
        rows: progress.rows
      })
    try {
      const table = await parseCsvStream(chunksOf(source, CHUNK_SIZE), {
        delimiter: p.delimiter,
        header: p.header,
        onProgress,
        signal: controller.signal
      })
      // Only a table that parsed completely replaces the one loaded before.
      ws.table = table
      ws.name = p.name
      // The split of the previous table no longer matches what is loaded.
      ws.prepared = null
      return summarize(table, p.name)
    } finally {
      running.delete(p.loadId)
    }
  }

  function requireTable(): CsvTable {
    if (!ws.table) throw new ProtocolError('not-found', 'no data is loaded: load a CSV file first')
    return ws.table
  }

  function requireModel(): Model {
    if (!ws.model)
      throw new ProtocolError(
        'not-found',
        'there is no model yet: train a network or import a weights file first'
      )
    return ws.model
  }

  function requirePreprocessing(model: Model): Preprocessing {
    if (!model.preprocessing)
      throw new ProtocolError(
        'not-found',
        'the model was never bound to data, so it has no preprocessing to encode a row with: train it on a CSV file first'
      )
    return model.preprocessing
  }

  function prepare(request: PrepareRequest): PreparedSummary {
    // A failed prepare clears the split: training must not run on data encoded under other roles.
    ws.prepared = null
    ws.prepared = prepareData(requireTable(), request)
    return ws.prepared.summary
  }

  function exportWeights(name: string | undefined): { name: string; text: string } {
    const model = requireModel()
    const { net } = model
    // The network's own graph (the one its parameters belong to), with the input's width written in so
    // the file is self-contained even for a network whose width came from the data.
    const graph = structuredClone(net.spec)
    for (const node of graph.nodes) if (node.kind === 'input') node.units = net.inputWidth
    const text = buildWeightsFile({
      graph,
      parameters: net.getParameters(),
      preprocessing: model.preprocessing,
      training: model.training
    })
    return { name: name ?? weightsFileName(undefined, graph.name), text }
  }

  function importWeights(text: string): ImportedWeights {
    // Read, build and fill the network before touching the workspace: a bad file changes nothing.
    const file = parseWeightsFile(text)
    // The kernels a trained model runs on (train.ts), so an imported copy predicts bit for bit the same.
    const net = createNetwork(file.graph, {
      inputWidth: file.preprocessing ? summarizePreprocessing(file.preprocessing).inputWidth : undefined,
      kernels: 'auto'
    })
    net.setParameters(file.parameters)
    ws.model = { graph: file.graph, net, preprocessing: file.preprocessing, training: file.training }
    return {
      graph: file.graph,
      parameters: file.parameters,
      prepared: file.preprocessing ? summarizePreprocessing(file.preprocessing) : bareSummary(net),
      epochs: file.training?.epochsRun ?? 0
    }
  }

  function evaluate(): Evaluation {
    const model = requireModel()
    const prepared = ws.prepared
    if (!prepared)
      throw new ProtocolError(
        'not-found',
        'no prepared data to evaluate on: load and prepare a CSV file first'
      )
    const p = model.preprocessing ?? prepared.preprocessing
    const split = prepared.data.validation && prepared.data.validation.rows > 0 ? 'validation' : 'train'
    let set: Dataset = split === 'validation' ? prepared.data.validation! : prepared.data.train
    if (p !== prepared.preprocessing) {
      // A model trained elsewhere (imported) encodes the same rows its own way.
      if (!ws.table || !prepared.rows)
        throw new ProtocolError('not-found', 'the prepared rows are not available: prepare the data again')
      const rows = prepared.rows[split]
      set = {
        x: encodeTableFeatures(p, ws.table, rows),
        y: encodeTableTargets(p, ws.table, rows),
        rows: rows.length
      }
    }
    if (set.x.length !== set.rows * model.net.inputWidth)
      throw new ProtocolError(
        'bad-payload',
        `the model takes ${model.net.inputWidth} inputs, but the prepared data has ${set.x.length / Math.max(1, set.rows)}: prepare the data for this model`
      )
    const evaluation: Evaluation = { ...evaluateModel(model.net, p, set), split }
    const boundary = boundaryOf(model.net, p, set, split, prepared)
    if (boundary) evaluation.boundary = { ...boundary, split }
    return evaluation
  }

  /**
   * The decision boundary for a classifier of two numeric features, over the prepared rows of the
   * loaded table (raw values need the table: the encoded split has lost the file's units).
   */
  function boundaryOf(
    net: Network,
    p: Preprocessing,
    set: Dataset,
    split: 'validation' | 'train',
    prepared: PreparedData
  ): BoundaryInput | null {
    if (!boundaryFeatures(p) || !ws.table || !prepared.rows) return null
    const { train, validation } = prepared.rows
    const all = new Int32Array(train.length + validation.length)
    all.set(train)
    all.set(validation, train.length)
    return boundaryOnTable(net, p, ws.table, all, prepared.rows[split], classesOf(p, set.y, set.rows))
  }

  return {
    'data.load': defineCommand('data.load', loadPayload, (p) => load(p)),
    'data.cancel': defineCommand(
      'data.cancel',
      payload({ loadId: num({ integer: true, min: 0 }) }),
      ({ loadId }) => {
        const controller = running.get(loadId)
        if (!controller) return { cancelled: false }
        controller.abort()
        return { cancelled: true }
      }
    ),
    'data.preview': defineCommand(
      'data.preview',
      payload({
        start: optional(num({ integer: true, min: 0 })),
        count: optional(num({ integer: true, min: 0, max: MAX_PREVIEW_ROWS }))
      }),
      ({ start = 0, count = PREVIEW_ROWS }) => ({ start, rows: previewRows(requireTable(), start, count) })
    ),
    'data.profile': defineCommand('data.profile', payload({}), () => {
      const table = requireTable()
      return { name: ws.name, rows: table.rowCount, columns: profileTable(table) }
    }),
    'data.prepare': defineCommand('data.prepare', preparePayload, (p) => prepare(p)),
    'weights.export': defineCommand(
      'weights.export',
      payload({ name: optional(str({ maxLength: 1000 })) }),
      ({ name }) => exportWeights(name)
    ),
    'weights.import': defineCommand(
      'weights.import',
      payload({ text: str({ maxLength: MAX_WEIGHTS_CHARS }) }),
      ({ text }) => importWeights(text)
    ),
    predict: defineCommand(
      'predict',
      payload({ rows: arrayOf(cellsValidator, { maxLength: MAX_PREDICT_ROWS }) }),
      ({ rows }) => {
        const model = requireModel()
        return { predictions: predictRows(model.net, requirePreprocessing(model), rows) }
      }
    ),
    'predict.csv': defineCommand(
      'predict.csv',
      payload({
        name: str({ maxLength: 1000 }),
        text: optional(str({ maxLength: MAX_CSV_BYTES })),
        bytes: bytesValidator
      }),
      ({ name, text, bytes }) => {
        const source = bytes ?? text
        if (source === undefined || (bytes !== undefined && text !== undefined))
          throw new ProtocolError(
            'bad-payload',
            'predict.csv: give the file as "text" or "bytes" (one of them)'
          )
        const model = requireModel()
        const result = predictCsv(model.net, requirePreprocessing(model), source)
        return { name: predictionsFileName(name), ...result }
      }
    ),
    evaluate: defineCommand('evaluate', payload({}), () => evaluate())
  }
}

/** A weights file with no preprocessing: the summary the network itself implies (inputs used as given). */
function bareSummary(net: Network): PreparedSummary {
  const loss = net.lossKind
  const task: PreparedSummary['task'] =
    loss === 'cross-entropy' ? 'multiclass' : loss === 'binary-cross-entropy' ? 'binary' : 'regression'
  const names = Array.from({ length: net.inputWidth }, (_, i) => `x${i + 1}`)
  return {
    inputWidth: net.inputWidth,
    outputWidth: net.outputWidth,
    task,
    targets: [],
    loss,
    outputActivation: net.layers[net.layers.length - 1].activation,
    featureColumns: names,
    featureNames: names,
    trainRows: 0,
    validationRows: 0,
    droppedRows: 0,
    imputed: {},
    notices: []
  }
}
