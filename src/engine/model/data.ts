/**
 * The data model of one workspace: loading a CSV (in slices, cancellable), profiling and preparing it,
 * and the current model's weights file, predictions and evaluation. The protocol's data commands are
 * one call each into here (protocol/handlers/data.ts).
 */
import { chunksOf, parseCsvStream, type CsvProgress } from '../data/csv'
import { DataError } from '../data/errors'
import { prepareData, profileTable, summarizePreprocessing } from '../data/preprocess'
import type { Delimiter } from '../data/sniff'
import { previewRows, type CsvTable } from '../data/table'
import type {
  DataProfile,
  Prediction,
  PreparedData,
  PreparedSummary,
  PrepareRequest,
  Preprocessing
} from '../data/types'
import type { GraphSpec, ParameterMap } from '../graph/types'
import { createNetwork } from '../nn/network'
import type { Network } from '../nn/types'
import type { Dataset } from '../train/types'
import type { BoundaryInput } from '../weights/boundary'
import { buildWeightsFile, parseWeightsFile } from '../weights/file'
import { predictionsFileName, weightsFileName } from '../fileNames'
import {
  boundaryFeatures,
  boundaryOnTable,
  classesOf,
  evaluateModel,
  predictCsv,
  predictRows,
  type Evaluation
} from '../weights/predict'
import { ModelError } from './errors'
import { rowsForModel, type Split } from './rows'
import { requireModel, requirePreprocessing, requireTable, type Workspace } from './workspace'

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

export interface LoadRequest {
  /** Chosen by the client, so it can cancel before the reply. */
  loadId: number
  name: string
  text?: string
  bytes?: Uint8Array
  delimiter?: Delimiter | 'auto'
  header?: boolean | 'auto'
}

export interface LoadProgress {
  loadId: number
  bytes: number
  totalBytes: number
  rows: number
}

export interface ImportedWeights {
  graph: GraphSpec
  parameters: ParameterMap
  /** What the network expects as input and produces (from the file's preprocessing). */
  prepared: PreparedSummary
  epochs: number
}

/** A file larger than this is refused before parsing: far beyond what a browser tab can hold as a table. */
export const MAX_CSV_BYTES = 1024 * 1024 * 1024
/** Slice size of a streamed parse: big enough to be fast, small enough for ~10 progress events a second. */
const CHUNK_SIZE = 1024 * 1024
export const PREVIEW_ROWS = 20

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

export interface DataModel {
  load(request: LoadRequest): Promise<DataSummary>
  cancel(loadId: number): { cancelled: boolean }
  /** Stops every load (the client went away). */
  cancelAll(): void
  preview(start: number, count: number): { start: number; rows: string[][] }
  profile(): DataProfile
  prepare(request: PrepareRequest): PreparedSummary
  exportWeights(name?: string): { name: string; text: string }
  importWeights(text: string): ImportedWeights
  predict(rows: Record<string, string>[]): { predictions: Prediction[] }
  predictCsv(request: { name: string; text?: string; bytes?: Uint8Array }): {
    name: string
    text: string
    rows: number
  }
  evaluate(): Evaluation
}

export function createDataModel(ws: Workspace, onProgress: (p: LoadProgress) => void): DataModel {
  const running = new Map<number, AbortController>()

  async function load(p: LoadRequest): Promise<DataSummary> {
    const source = p.bytes ?? p.text
    if (source === undefined)
      throw new ModelError('bad-payload', 'give the file as "text" or "bytes"', { variant: 'no-file' })
    if (p.bytes !== undefined && p.text !== undefined)
      throw new ModelError('bad-payload', 'give the file as "text" or "bytes", not both', {
        variant: 'both-files'
      })
    if (source.length > MAX_CSV_BYTES)
      throw new DataError(
        'bad-input',
        `${p.name} is larger than ${MAX_CSV_BYTES / 2 ** 20} MB.`,
        {},
        { variant: 'too-large', name: p.name, megabytes: MAX_CSV_BYTES / 2 ** 20 }
      )
    if (running.has(p.loadId))
      throw new ModelError('bad-payload', `load ${p.loadId} is already running`, {
        variant: 'load-running',
        loadId: p.loadId
      })

    // One load at a time: a newer file replaces a load still in progress.
    for (const controller of running.values()) controller.abort()
    const controller = new AbortController()
    running.set(p.loadId, controller)
    // Characters and bytes differ only for text input, where the character count is the best measure.
    const totalBytes = source.length
    const progress = (at: CsvProgress): void =>
      onProgress({ loadId: p.loadId, bytes: p.bytes ? at.bytes : at.chars, totalBytes, rows: at.rows })
    try {
      const table = await parseCsvStream(chunksOf(source, CHUNK_SIZE), {
        delimiter: p.delimiter,
        header: p.header,
        onProgress: progress,
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

  function cancel(loadId: number): { cancelled: boolean } {
    const controller = running.get(loadId)
    if (!controller) return { cancelled: false }
    controller.abort()
    return { cancelled: true }
  }

  function prepare(request: PrepareRequest): PreparedSummary {
    // A failed prepare clears the split: training must not run on data encoded under other roles.
    ws.prepared = null
    ws.prepared = prepareData(requireTable(ws), request)
    return ws.prepared.summary
  }

  function exportWeights(name: string | undefined): { name: string; text: string } {
    const model = requireModel(ws)
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
    // The kernels a trained model runs on (model/network.ts), so an imported copy predicts bit for bit the same.
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
    const model = requireModel(ws)
    const prepared = ws.prepared
    if (!prepared)
      throw new ModelError(
        'not-found',
        'no prepared data to evaluate on: load and prepare a CSV file first',
        {
          variant: 'not-prepared'
        }
      )
    const p = model.preprocessing ?? prepared.preprocessing
    const split: Split =
      prepared.data.validation && prepared.data.validation.rows > 0 ? 'validation' : 'train'
    const set = rowsForModel(ws, prepared, p, split)
    if (!set)
      throw new ModelError('not-found', 'the prepared rows are not available: prepare the data again', {
        variant: 'rows-gone'
      })
    if (set.x.length !== set.rows * model.net.inputWidth)
      throw new ModelError(
        'bad-payload',
        `the model takes ${model.net.inputWidth} inputs, but the prepared data has ${set.x.length / Math.max(1, set.rows)}: prepare the data for this model`,
        {
          variant: 'input-width',
          inputs: model.net.inputWidth,
          features: set.x.length / Math.max(1, set.rows)
        }
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
    split: Split,
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
    load,
    cancel,
    cancelAll: () => {
      for (const controller of running.values()) controller.abort()
    },
    preview: (start, count) => ({ start, rows: previewRows(requireTable(ws), start, count) }),
    profile: () => {
      const table = requireTable(ws)
      return { name: ws.name, rows: table.rowCount, columns: profileTable(table) }
    },
    prepare,
    exportWeights,
    importWeights,
    predict: (rows) => {
      const model = requireModel(ws)
      return { predictions: predictRows(model.net, requirePreprocessing(model), rows) }
    },
    predictCsv: ({ name, text, bytes }) => {
      const source = bytes ?? text
      if (source === undefined || (bytes !== undefined && text !== undefined))
        throw new ModelError('bad-payload', 'give the file as "text" or "bytes" (one of them)', {
          variant: 'no-file'
        })
      const model = requireModel(ws)
      const result = predictCsv(model.net, requirePreprocessing(model), source)
      return { name: predictionsFileName(name), ...result }
    },
    evaluate
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
