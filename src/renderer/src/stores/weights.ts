/**
 * The trained model as the user handles it: export the engine's weights file (native save dialog in
 * the desktop app, a download in the browser), import one (the network opens in the editor with its
 * weights and preprocessing), predict rows or a whole CSV, and evaluate on the validation split.
 *
 * A weights file that cannot be read changes nothing: the engine refuses it whole, naming the field.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  predictionsFileName,
  weightsFileName,
  type ParameterMap,
  type EngineClient,
  type Evaluation,
  type ImportedWeights,
  type Prediction
} from '@engine/index'
import { usePlatform } from '@renderer/platform'
import { modelWeightsText, type Project, type ProjectModel } from '@renderer/project/file'
import { parametersMismatch } from '@renderer/project/parameters'
import { exportModel, type ModelExportFormat } from '@renderer/project/modelExport'
import { useDataStore } from './data'
import { useEngineStore } from './engine'
import { useGraphStore } from './graph'
import { useProjectStore } from './project'
import { useUiStore } from './ui'
import { englishText, engineMessageOf, notice, type Notice } from '@renderer/i18n/engineMessages'

export const useWeightsStore = defineStore('weights', () => {
  const engine = useEngineStore()
  const ui = useUiStore()

  /** What the last import brought: the columns a prediction row needs. */
  const imported = shallowRef<ImportedWeights | null>(null)
  /** Predictions of the last "Predict" (one per row asked). */
  const predictions = shallowRef<Prediction[]>([])
  /**
   * How the model does on the validation split (the Charts tab's confusion matrix, predicted vs actual
   * and decision boundary): evaluated by itself when a run ends or weights are imported, and on Evaluate.
   */
  const evaluation = shallowRef<Evaluation | null>(null)
  /** The last failure of an export, import or prediction (worded where shown); `error` is its English. */
  const errorNotice = shallowRef<Notice | null>(null)
  const error = computed(() => (errorNotice.value ? englishText(errorNotice.value) : ''))
  const busy = ref(false)
  /**
   * True while the engine's model is this project's (trained, imported or opened with it): predictions,
   * the evaluation and the export are of this network, never of the one before New or Open.
   */
  const hasModel = ref(false)
  const project = useProjectStore()
  /** The model capture in flight (Train waits for it, so a run starts from the weights the last one ended with). */
  let capturing: Promise<unknown> = Promise.resolve()

  function requireClient(): EngineClient {
    const client = engine.client
    if (!client) throw new Error(englishText(notice('notices.engine.notReady')))
    return client
  }

  /** `what` names the action ('notices.weights.…' and its params) in the failure's sentence. */
  async function run<T>(what: Notice, fn: (client: EngineClient) => Promise<T>): Promise<T | null> {
    busy.value = true
    try {
      const result = await fn(requireClient())
      errorNotice.value = null
      return result
    } catch (err) {
      fail(what, err)
      return null
    } finally {
      busy.value = false
    }
  }

  /** `what` failed: the engine's or the desktop app's reason, worded, kept and shown. */
  function fail(what: Notice, err: unknown): void {
    errorNotice.value = notice('notices.weights.failed', {
      what: { notice: what },
      error: { engine: engineMessageOf(err) }
    })
    ui.notify(errorNotice.value, 'error')
  }

  /** A platform call (a native dialog) whose refusal is reported as `what` failing; null then. */
  async function viaPlatform<T>(what: Notice, fn: () => Promise<T>): Promise<T | null> {
    try {
      return await fn()
    } catch (err) {
      fail(what, err)
      return null
    }
  }

  /** Why predictions and the export are not available yet, or null when they are. */
  function modelMissing(): Notice | null {
    return hasModel.value ? null : notice('notices.weights.noModel')
  }

  /** Writes the current model's weights file; true when it was saved (or downloaded). */
  async function exportWeights(): Promise<boolean> {
    if (refuseWithoutModel(notice('notices.weights.exportWeights'))) return false
    const project = useProjectStore()
    const graph = useGraphStore()
    const name = weightsFileName(project.fileName, graph.graph.name)
    const file = await run(notice('notices.weights.exportWeights'), (c) =>
      c.request('weights.export', { name })
    )
    if (!file) return false
    const saved = await viaPlatform(notice('notices.weights.exportWeights'), () =>
      usePlatform().saveWeights(file.text, file.name)
    )
    if (!saved) return false
    if (!saved.downloaded) ui.notify(notice('notices.weights.saved', { name: saved.name }), 'success')
    return true
  }

  /**
   * Export → ONNX… / PyTorch project…: the current model as a .onnx file or a .zip of the PyTorch
   * project, offered as a download (the desktop app turns it into a save dialog).
   */
  async function exportAs(format: ModelExportFormat): Promise<boolean> {
    const name = weightsFileName(useProjectStore().fileName, useGraphStore().graph.name)
    const what = notice(format === 'onnx' ? 'notices.weights.exportOnnx' : 'notices.weights.exportPytorch')
    const out = await run(what, async (c) => exportModel(format, await c.request('weights.export', { name })))
    if (!out) return false
    usePlatform().download(out.name, out.blob)
    ui.notify(notice('notices.weights.exported', { name: out.name }), 'success')
    return true
  }

  /** Reads a weights file's text into the engine and opens its network in the editor. */
  async function importText(text: string, name = 'weights file'): Promise<boolean> {
    const result = await run(notice('notices.weights.importing', { name }), (c) =>
      c.request('weights.import', { text })
    )
    if (!result) return false
    const graph = useGraphStore()
    const file = JSON.parse(text) as {
      preprocessing?: ProjectModel['preprocessing']
      training?: ProjectModel['training']
    }
    project.adoptImported(
      {
        graph: result.graph,
        training: project.training,
        parameters: result.parameters,
        model: { preprocessing: file.preprocessing ?? null, training: file.training ?? null }
      },
      `Import ${name}`
    )
    graph.inputWidth = result.prepared.inputWidth
    useDataStore().adoptPrepared(result.prepared)
    imported.value = result
    hasModel.value = true
    ui.notify(
      notice('notices.weights.imported', {
        name,
        inputs: result.prepared.inputWidth,
        task: result.prepared.task
      }),
      'success'
    )
    // The charts show how the imported weights do on the data already prepared (the training store's
    // start-over after the import refreshes the graph's weight overlay).
    void evaluateQuietly()
    return true
  }

  const importFile = async (file: File): Promise<boolean> => importText(await file.text(), file.name)

  /** The desktop app's native open dialog. */
  async function importFromDialog(): Promise<boolean> {
    const picked = await viaPlatform(notice('notices.weights.importWeights'), () =>
      usePlatform().importWeights()
    )
    return picked ? importText(picked.text, picked.name) : false
  }

  function refuseWithoutModel(what: Notice): boolean {
    const missing = modelMissing()
    if (!missing) return false
    errorNotice.value = notice('notices.weights.refused', {
      what: { notice: what },
      reason: { notice: missing }
    })
    ui.notify(errorNotice.value, 'error')
    return true
  }

  async function predict(rows: Record<string, string>[]): Promise<boolean> {
    if (refuseWithoutModel(notice('notices.weights.predict'))) return false
    const result = await run(notice('notices.weights.predict'), (c) => c.request('predict', { rows }))
    if (!result) return false
    predictions.value = result.predictions
    return true
  }

  /** Predicts every row of a CSV file and offers the copy with prediction columns. */
  async function predictCsv(file: File): Promise<boolean> {
    const predicting = notice('notices.weights.predicting', { name: file.name })
    if (refuseWithoutModel(predicting)) return false
    const bytes = new Uint8Array(await file.arrayBuffer())
    const result = await run(predicting, (c) =>
      c.request('predict.csv', { name: file.name, bytes }, { timeoutMs: 0 })
    )
    if (!result) return false
    // The desktop bridge has no CSV save dialog yet; Electron turns the download into one.
    usePlatform().download(predictionsFileName(file.name), result.text, 'text/csv')
    ui.notify(notice('notices.weights.predicted', { rows: result.rows, name: file.name }), 'success')
    return true
  }

  /** Numbers the evaluation requests, so only the newest answer reaches the charts. */
  let evaluationSeq = 0

  /**
   * One `evaluate` request whose answer goes to the charts (confusion matrix or predicted vs actual,
   * and the decision boundary when the engine sends one) — unless it is stale by the time it comes
   * back: a newer evaluation was asked for, or the evaluation was cleared meanwhile (the training store
   * clears it when a run starts, so its charts never show the previous weights' numbers; a run's end
   * asks for a newer one).
   */
  async function requestEvaluation(client: EngineClient): Promise<Evaluation | null> {
    const seq = ++evaluationSeq
    const result = await client.request('evaluate', {}, { timeoutMs: 0 })
    if (seq !== evaluationSeq) return null
    evaluation.value = result
    return result
  }

  /** The charts start over (a new run, new weights): any evaluation still in flight is dropped too. */
  function clearEvaluation(): void {
    evaluationSeq++
    evaluation.value = null
  }

  /** Evaluates on the validation split and hands the numbers to the charts (the Evaluate button). */
  async function evaluate(): Promise<boolean> {
    if (refuseWithoutModel(notice('notices.weights.evaluate'))) return false
    const result = await run(notice('notices.weights.evaluate'), requestEvaluation)
    return result !== null
  }

  /**
   * The evaluation the charts show without being asked: after a run ends and after weights are
   * imported. One request; nothing to say when it cannot be done (no data prepared for this model yet,
   * the engine restarting…) — the Evaluate button reports the reason when the user asks.
   */
  async function evaluateQuietly(): Promise<boolean> {
    const client = engine.client
    if (!client || client.closed || !hasModel.value) return false
    try {
      return (await requestEvaluation(client)) !== null
    } catch {
      return false
    }
  }

  /**
   * The engine's weights after a run (or a pause or reset) become the project's: Save writes them with
   * their preprocessing and training summary, and the next Train — or a restarted engine — starts from
   * them. Weights the engine cannot write (non-finite after a blow-up) leave the last good ones.
   */
  function captureModel(): Promise<boolean> {
    const client = engine.client
    if (!client || client.closed) return Promise.resolve(false)
    const generation = project.generation
    const done = (async () => {
      try {
        const file = await client.request('weights.export', {})
        // A project replaced meanwhile (New, Open) must not receive the old network's weights.
        if (project.generation !== generation) return false
        const parsed = JSON.parse(file.text) as {
          parameters: ParameterMap
          preprocessing: ProjectModel['preprocessing']
          training: ProjectModel['training']
        }
        project.setParameters(parsed.parameters, {
          preprocessing: parsed.preprocessing,
          training: parsed.training
        })
        hasModel.value = true
        return true
      } catch {
        return false
      }
    })()
    capturing = done
    return done
  }

  /** Resolves when no capture is in flight. */
  const settled = async (): Promise<void> => {
    await capturing
  }

  /**
   * The weights Train sends. None while the engine's model is this project's (it continues from it and
   * adds to its training summary); otherwise — after Open without a model, a template's weights, an
   * engine restart — the project's, when they fit the graph on the bound data (every weighted edge,
   * every shape); else none, and the engine starts fresh, which `note` explains.
   */
  function startingWeights(): { parameters?: ParameterMap; note?: Notice } {
    const parameters = project.parameters
    if (!parameters) return {}
    const graph = useGraphStore()
    const why = parametersMismatch(graph.graph, parameters, { inputWidth: graph.inputWidth })
    if (why) return { note: notice('training.status.freshWeights', { why: { notice: why } }) }
    if (hasModel.value) return {}
    return { parameters: JSON.parse(JSON.stringify(parameters)) as ParameterMap }
  }

  /** Reset weights without an engine network: the next Train starts fresh. */
  function forgetWeights(): void {
    project.setParameters(undefined)
    hasModel.value = false
  }

  /**
   * Gives the engine the project's model (weights + preprocessing) so predictions and the evaluation
   * are exactly those it was saved with, before any CSV is loaded. Weights never bound to data (a
   * template's gates) go in too when the graph says its input width, so Step and Train start from them.
   * Quiet: an engine that refuses them leaves a notice, and Train sends the weights itself.
   */
  async function loadProjectModel(): Promise<boolean> {
    const client = engine.client
    const parameters = project.parameters
    if (!client || client.closed || !parameters) return false
    const model = project.model ?? { preprocessing: null, training: null }
    const graph = useGraphStore()
    const generation = project.generation
    try {
      const text = modelWeightsText(graph.graph, parameters, model)
      const result = await client.request('weights.import', { text })
      if (project.generation !== generation) return false
      hasModel.value = true
      const data = useDataStore()
      // Without a CSV the network's own preprocessing says what a row is; a loaded one is prepared anew.
      if (!data.loaded && model.preprocessing) {
        graph.inputWidth = result.prepared.inputWidth
        data.adoptPrepared(result.prepared)
      }
      imported.value = result
      // The charts evaluate the opened weights on the data, if any (the caller refreshes the overlay).
      void evaluateQuietly()
      return true
    } catch (err) {
      if (model.preprocessing)
        ui.notify(
          notice('notices.weights.projectWeightsNotLoaded', { error: { engine: engineMessageOf(err) } }),
          'warning'
        )
      return false
    }
  }

  /**
   * A replaced project: what was shown of the old model goes. Its own model goes into the engine from
   * the training store's start-over (loadProjectModel), which also refreshes the overlay.
   */
  project.onReplace((_project: Project, kind) => {
    predictions.value = []
    clearEvaluation()
    errorNotice.value = null
    if (kind === 'import') return
    imported.value = null
    hasModel.value = false
  })

  /**
   * A new engine connection (engine/trainingEngine.ts calls this): a restarted engine has lost the
   * model, so it gets the project's again (or Train sends the weights). True when it took them.
   */
  function engineChanged(client: EngineClient | null): Promise<boolean> {
    hasModel.value = false
    return client ? loadProjectModel() : Promise.resolve(false)
  }

  return {
    hasModel,
    captureModel,
    settled,
    startingWeights,
    forgetWeights,
    loadProjectModel,
    imported,
    predictions,
    evaluation,
    error,
    errorNotice,
    busy,
    exportWeights,
    exportAs,
    importText,
    importFile,
    importFromDialog,
    predict,
    predictCsv,
    evaluate,
    evaluateQuietly,
    clearEvaluation,
    engineChanged
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useWeightsStore, import.meta.hot))
