/**
 * The trained model as the user handles it: export the engine's weights file (native save dialog in
 * the desktop app, a download in the browser), import one (the network opens in the editor with its
 * weights and preprocessing), predict rows or a whole CSV, and evaluate on the validation split.
 *
 * A weights file that cannot be read changes nothing: the engine refuses it whole, naming the field.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { EngineClient } from '@engine/protocol/client'
import type { Evaluation, ImportedWeights, Prediction } from '@engine/protocol/handlers/data'
import { downloadText } from '@renderer/platform/browser'
import { exportModel, type ModelExportFormat } from '@renderer/project/modelExport'
import { useDataStore } from './data'
import { useEngineStore } from './engine'
import { useGraphStore } from './graph'
import { useProjectStore } from './project'
import { useTrainingStore, type Evaluation as ChartEvaluation } from './training'
import { useUiStore } from './ui'

export const WEIGHTS_EXTENSION = '.weights.json'

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** "iris.bps.json" → "iris.weights.json"; a graph name or "network" when there is no file. */
export function weightsFileName(projectName: string | undefined, graphName: string | undefined): string {
  const base =
    (projectName ?? graphName ?? 'network').replace(/\.bps\.json$|\.json$/i, '').trim() || 'network'
  return base.replace(/[\\/:*?"<>|]+/g, '_') + WEIGHTS_EXTENSION
}

/** What the Charts tab draws from an engine evaluation. */
export function toChartEvaluation(result: Evaluation): ChartEvaluation {
  const out: ChartEvaluation = {}
  // The split travels with each chart so its summary can say which rows it counts.
  if (result.confusion) out.confusion = { ...result.confusion, split: result.split }
  if (result.predVsActual) out.predVsActual = { ...result.predVsActual, split: result.split }
  if (result.boundary) out.boundary = result.boundary
  return out
}

/** "iris.csv" → "iris.predictions.csv". */
export function predictionsFileName(csvName: string): string {
  return csvName.replace(/\.(csv|tsv|txt)$/i, '') + '.predictions.csv'
}

export const useWeightsStore = defineStore('weights', () => {
  const engine = useEngineStore()
  const ui = useUiStore()

  /** What the last import brought: the columns a prediction row needs. */
  const imported = shallowRef<ImportedWeights | null>(null)
  /** Predictions of the last "Predict" (one per row asked). */
  const predictions = shallowRef<Prediction[]>([])
  const evaluation = shallowRef<Evaluation | null>(null)
  /** The last failure of an export, import or prediction, as a sentence. */
  const error = ref('')
  const busy = ref(false)

  function requireClient(): EngineClient {
    const client = engine.client
    if (!client) throw new Error('The engine is not ready yet; try again in a moment.')
    return client
  }

  async function run<T>(what: string, fn: (client: EngineClient) => Promise<T>): Promise<T | null> {
    busy.value = true
    try {
      const result = await fn(requireClient())
      error.value = ''
      return result
    } catch (err) {
      error.value = `${what} failed: ${message(err)}`
      ui.notify(error.value, 'error')
      return null
    } finally {
      busy.value = false
    }
  }

  /** Writes the current model's weights file; true when it was saved (or downloaded). */
  async function exportWeights(): Promise<boolean> {
    const project = useProjectStore()
    const graph = useGraphStore()
    const name = weightsFileName(project.fileName, graph.graph.name)
    const file = await run('Export weights', (c) => c.request('weights.export', { name }))
    if (!file) return false
    if (window.desktop) {
      const saved = await window.desktop.saveWeights(file.name, file.text)
      if (!saved) return false
      ui.notify(`Saved ${saved.name}`, 'success')
    } else {
      downloadText(file.text, file.name)
    }
    return true
  }

  /**
   * Export → ONNX… / PyTorch project…: the current model as a .onnx file or a .zip of the PyTorch
   * project, offered as a download (the desktop app turns it into a save dialog).
   */
  async function exportAs(format: ModelExportFormat): Promise<boolean> {
    const name = weightsFileName(useProjectStore().fileName, useGraphStore().graph.name)
    const what = format === 'onnx' ? 'Export ONNX' : 'Export PyTorch project'
    const out = await run(what, async (c) => exportModel(format, await c.request('weights.export', { name })))
    if (!out) return false
    downloadText(out.blob, out.name)
    ui.notify(`Exported ${out.name}`, 'success')
    return true
  }

  /** Reads a weights file's text into the engine and opens its network in the editor. */
  async function importText(text: string, name = 'weights file'): Promise<boolean> {
    const result = await run(`Importing ${name}`, (c) => c.request('weights.import', { text }))
    if (!result) return false
    const graph = useGraphStore()
    graph.load(result.graph, `Import ${name}`)
    graph.inputWidth = result.prepared.inputWidth
    useProjectStore().setParameters(result.parameters)
    useDataStore().adoptPrepared(result.prepared)
    imported.value = result
    predictions.value = []
    ui.notify(`Imported ${name}: ${result.prepared.inputWidth} inputs, ${result.prepared.task}.`, 'success')
    // The charts show how the imported weights do on the data already prepared, if it fits them.
    void evaluateQuietly()
    return true
  }

  const importFile = async (file: File): Promise<boolean> => importText(await file.text(), file.name)

  /** The desktop app's native open dialog. */
  async function importFromDialog(): Promise<boolean> {
    const picked = await window.desktop?.importWeights()
    return picked ? importText(picked.text, picked.name) : false
  }

  async function predict(rows: Record<string, string>[]): Promise<boolean> {
    const result = await run('Predict', (c) => c.request('predict', { rows }))
    if (!result) return false
    predictions.value = result.predictions
    return true
  }

  /** Predicts every row of a CSV file and offers the copy with prediction columns. */
  async function predictCsv(file: File): Promise<boolean> {
    const bytes = new Uint8Array(await file.arrayBuffer())
    const result = await run(`Predicting ${file.name}`, (c) =>
      c.request('predict.csv', { name: file.name, bytes }, { timeoutMs: 0 })
    )
    if (!result) return false
    // The desktop bridge has no CSV save dialog yet; Electron turns the download into one.
    downloadText(result.text, predictionsFileName(file.name), 'text/csv')
    ui.notify(`Predicted ${result.rows} rows of ${file.name}.`, 'success')
    return true
  }

  /** Numbers the evaluation requests, so only the newest answer reaches the charts. */
  let evaluationSeq = 0

  /**
   * One `evaluate` request whose answer goes to the charts (confusion matrix or predicted vs actual,
   * and the decision boundary when the engine sends one) — unless it is stale by the time it comes
   * back: a newer evaluation was asked for, or a run started or ended meanwhile (its charts must not
   * show the previous weights' numbers).
   */
  async function requestEvaluation(client: EngineClient): Promise<Evaluation | null> {
    const training = useTrainingStore()
    const seq = ++evaluationSeq
    const run = training.lastDone
    const wasRunning = training.isRunning
    const result = await client.request('evaluate', {}, { timeoutMs: 0 })
    if (seq !== evaluationSeq || training.lastDone !== run || (training.isRunning && !wasRunning)) return null
    evaluation.value = result
    training.evaluation = toChartEvaluation(result)
    return result
  }

  /** Evaluates on the validation split and hands the numbers to the charts (the Evaluate button). */
  async function evaluate(): Promise<boolean> {
    const result = await run('Evaluate', requestEvaluation)
    return result !== null
  }

  /**
   * The evaluation the charts show without being asked: after a run ends and after weights are
   * imported. One request; nothing to say when it cannot be done (no data prepared for this model yet,
   * the engine restarting…) — the Evaluate button reports the reason when the user asks.
   */
  async function evaluateQuietly(): Promise<boolean> {
    const client = engine.client
    if (!client || client.closed) return false
    try {
      return (await requestEvaluation(client)) !== null
    } catch {
      return false
    }
  }

  return {
    imported,
    predictions,
    evaluation,
    error,
    busy,
    exportWeights,
    exportAs,
    importText,
    importFile,
    importFromDialog,
    predict,
    predictCsv,
    evaluate,
    evaluateQuietly
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useWeightsStore, import.meta.hot))
