/**
 * The user's data as the data panel sees it: the loaded file's summary and column profile, the role of
 * each column, the preprocessing options and the prepared split the engine holds for training. Parsing
 * happens in the engine (a Worker or the engine process), never here; this store only sends the bytes.
 *
 * A file that fails to load changes nothing but `error`: the dataset, roles and graph stay as they were.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import {
  MAX_VALIDATION_SPLIT,
  type EngineClient,
  type BinaryTargetEncoding,
  type ColumnRole,
  type DataProfile,
  type DataSummary,
  type MissingPolicy,
  type Normalization,
  type PreparedSummary
} from '@engine/index'
import { findMismatch, lossPatch } from '@renderer/graph/dataBinding'
import { useEngineStore } from './engine'
import { useGraphStore } from './graph'
import { useProjectStore } from './project'
import { settingsFromProject } from '@renderer/project/training'
import { usePlatform } from '@renderer/platform'
import { useUiStore } from './ui'
import { englishText, engineMessageOf, notice, type Notice } from '@renderer/i18n/engineMessages'

export interface DataOptions {
  normalization: Normalization
  missing: MissingPolicy
  binaryTarget: BinaryTargetEncoding
  /** Seeds the train/validation split. */
  seed: number
}

export interface LoadProgress {
  loadId: number
  name: string
  bytes: number
  totalBytes: number
  rows: number
}

/** What was loaded last, kept to load it again into a restarted engine. */
interface Source {
  name: string
  text?: string
  bytes?: Uint8Array
}

export const defaultDataOptions = (): DataOptions => ({
  normalization: 'z-score',
  missing: 'mean',
  binaryTarget: 'sigmoid',
  seed: 1
})

/** A load that is cancelled rejects with this code; it is not an error to show. */
const CANCELLED = 'cancelled'

/** The engine is not there yet: a load or prepare cannot start. */
class EngineNotReady extends Error {
  readonly notice = notice('notices.engine.notReady')
  constructor() {
    super(englishText(notice('notices.engine.notReady')))
  }
}

/** A notice wording what went wrong: an engine error from its code and params. */
const failure = (err: unknown): Notice =>
  err instanceof EngineNotReady ? err.notice : { engine: engineMessageOf(err) }

export const useDataStore = defineStore('data', () => {
  const engine = useEngineStore()
  const graph = useGraphStore()
  const project = useProjectStore()

  /** The loaded file: name, counts, preview rows. Null until a file loads. */
  const summary = shallowRef<DataSummary | null>(null)
  const profile = shallowRef<DataProfile | null>(null)
  /** Role per column name. */
  const roles = ref<Record<string, ColumnRole>>({})
  const options = ref<DataOptions>(defaultDataOptions())
  /** Fraction of rows held out for validation, in [0, MAX_VALIDATION_SPLIT] (saved in the project's training section). */
  const validationSplit = ref(settingsFromProject(project.training).validationSplit)
  /** The engine's answer to the last successful prepare; what the graph follows. */
  const prepared = shallowRef<PreparedSummary | null>(null)
  /** The load in progress (for the progress bar), or null. */
  const loading = ref<LoadProgress | null>(null)
  /** Why the last load failed, naming line and column (worded where shown); null when it did not. */
  const loadNotice = shallowRef<Notice | null>(null)
  /** Why the last prepare failed (a target with one class, no feature…); null when it did not. */
  const prepareNotice = shallowRef<Notice | null>(null)
  /** The same in English ('' when none), for logs and tests. */
  const loadError = computed(() => (loadNotice.value ? englishText(loadNotice.value) : ''))
  const prepareError = computed(() => (prepareNotice.value ? englishText(prepareNotice.value) : ''))
  const preparing = ref(false)
  let source: Source | null = null
  let nextLoadId = 1
  /** Prepares are numbered so that a slow answer never overwrites a newer one. */
  let prepareSeq = 0

  const loaded = computed(() => summary.value !== null)
  const fraction = computed(() =>
    loading.value && loading.value.totalBytes > 0 ? loading.value.bytes / loading.value.totalBytes : 0
  )
  /** Where the output layer or loss does not fit the prepared data; null when it does. */
  const mismatch = computed(() => (prepared.value ? findMismatch(graph.graph, prepared.value) : null))

  function requireClient(): EngineClient {
    const client = engine.client
    if (!client) throw new EngineNotReady()
    return client
  }

  /** Loads a file picked or dropped in the browser (or the desktop app): its bytes go to the engine. */
  async function loadFile(file: File): Promise<boolean> {
    return load({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
  }

  /** Loads CSV text (the desktop app's native dialog returns text). */
  const loadText = (name: string, text: string): Promise<boolean> => load({ name, text })

  /** File → Open CSV… and the panel's button in the desktop app: the native dialog. */
  async function openFromDialog(): Promise<boolean> {
    let picked: { name: string; text: string } | null
    try {
      picked = await usePlatform().openCsv()
    } catch (err) {
      // Main refused (too large, permission denied): its reason, worded, where load errors show.
      loadNotice.value = notice('notices.data.couldNotOpenFile', { error: { notice: failure(err) } })
      return false
    }
    return picked ? loadText(picked.name, picked.text) : false
  }

  async function load(next: Source): Promise<boolean> {
    let client: EngineClient
    try {
      client = requireClient()
    } catch (err) {
      loadNotice.value = failure(err)
      return false
    }
    const loadId = nextLoadId++
    const size = next.bytes?.length ?? next.text?.length ?? 0
    loading.value = { loadId, name: next.name, bytes: 0, totalBytes: size, rows: 0 }
    const off = client.on('data.progress', (e) => {
      if (loading.value?.loadId === e.loadId) loading.value = { ...loading.value, ...e }
    })
    try {
      const result = await client.request('data.load', { loadId, ...next }, { timeoutMs: 0 })
      const nextProfile = await client.request('data.profile', {}, { timeoutMs: 0 })
      source = markRaw(next)
      summary.value = result
      profile.value = nextProfile
      loadNotice.value = null
      roles.value = initialRoles(nextProfile)
      prepared.value = null
      await prepare()
      return true
    } catch (err) {
      const code = (err as { code?: string }).code
      if (code !== CANCELLED)
        loadNotice.value = notice('notices.data.couldNotLoad', {
          name: next.name,
          error: { notice: failure(err) }
        })
      return false
    } finally {
      off()
      if (loading.value?.loadId === loadId) loading.value = null
    }
  }

  /** The roles saved with the project for this file when they fit its columns, else the engine's defaults. */
  function initialRoles(p: DataProfile): Record<string, ColumnRole> {
    const saved = project.data.fileName === p.name ? project.data.roles : undefined
    const out: Record<string, ColumnRole> = {}
    for (const c of p.columns) {
      const role = saved?.[c.name]
      out[c.name] = role === 'feature' || role === 'target' || role === 'ignored' ? role : c.defaultRole
    }
    return out
  }

  async function cancel(): Promise<void> {
    const current = loading.value
    if (!current || !engine.client) return
    await engine.client.request('data.cancel', { loadId: current.loadId })
  }

  /**
   * Asks the engine to encode and split the data with the current roles and options, then makes the
   * graph follow: the input width and the loss node's targets, task and classes.
   */
  async function prepare(): Promise<boolean> {
    if (!summary.value) return false
    const seq = ++prepareSeq
    preparing.value = true
    try {
      const result = await requireClient().request(
        'data.prepare',
        {
          roles: { ...roles.value },
          normalization: options.value.normalization,
          missing: options.value.missing,
          binaryTarget: options.value.binaryTarget,
          validationSplit: validationSplit.value,
          seed: options.value.seed
        },
        { timeoutMs: 0 }
      )
      if (seq !== prepareSeq) return false
      prepared.value = result
      prepareNotice.value = null
      bindGraph(result)
      project.data = {
        ...project.data,
        fileName: summary.value.name,
        roles: { ...roles.value },
        options: { ...options.value }
      }
      return true
    } catch (err) {
      if (seq !== prepareSeq) return false
      prepared.value = null
      prepareNotice.value = failure(err)
      // The graph keeps the width it was bound to: the input node, and the weights that fit it, stay
      // as they were until a prepare succeeds (the engine has no split to train on meanwhile).
      return false
    } finally {
      if (seq === prepareSeq) preparing.value = false
    }
  }

  function bindGraph(result: PreparedSummary): void {
    graph.inputWidth = result.inputWidth
    const loss = lossPatch(graph.graph, result)
    if (loss) graph.updateNode(loss.id, loss.patch, { key: 'shell.history.bindLoss' })
  }

  /**
   * A model's own preprocessing (from an imported weights file): the graph and the prediction panel
   * follow it; a dataset loaded later is prepared again with its own roles.
   */
  function adoptPrepared(result: PreparedSummary): void {
    prepareSeq++
    prepared.value = result
    prepareNotice.value = null
  }

  /**
   * One column's role. Choosing a new target replaces the old one (which becomes a feature, as it would
   * be by default); several targets are for several numeric columns, chosen with `keepOtherTargets`.
   */
  function setRole(column: string, role: ColumnRole, keepOtherTargets = false): Promise<boolean> {
    const next = { ...roles.value, [column]: role }
    if (role === 'target' && !keepOtherTargets)
      for (const [name, r] of Object.entries(next))
        if (r === 'target' && name !== column) next[name] = 'feature'
    roles.value = next
    return prepare()
  }

  function setOptions(patch: Partial<DataOptions>): Promise<boolean> {
    options.value = { ...options.value, ...patch }
    return prepare()
  }

  /** "Make output match data": output units and activation, and the loss, as the data needs. */
  function fixGraph(): boolean {
    const fix = mismatch.value?.fix
    if (!fix) return false
    const output = graph.graph.nodes.find((n) => n.id === fix.outputId)
    if (output?.kind === 'dense' && (output.units !== fix.units || output.activation !== fix.activation))
      graph.updateNode(
        fix.outputId,
        { units: fix.units, activation: fix.activation },
        'Make output match data'
      )
    const loss = graph.graph.nodes.find((n) => n.id === fix.lossId)
    if (loss?.kind === 'loss' && loss.loss !== fix.loss)
      graph.updateNode(fix.lossId, { loss: fix.loss }, { key: 'shell.history.matchOutput' })
    return true
  }

  /** A new validation fraction: a new split. Refused (false) outside [0, MAX_VALIDATION_SPLIT], the engine's bounds. */
  function setValidationSplit(fraction: number): boolean {
    if (!(fraction >= 0 && fraction <= MAX_VALIDATION_SPLIT)) return false
    validationSplit.value = fraction
    project.setTraining({ validationSplit: fraction })
    void prepare()
    return true
  }

  /** Data options saved in a project, when they are all valid. */
  function savedOptions(saved: unknown): DataOptions | undefined {
    if (typeof saved !== 'object' || saved === null) return undefined
    const o = { ...defaultDataOptions(), ...(saved as Partial<DataOptions>) }
    const ok =
      ['z-score', 'min-max', 'none'].includes(o.normalization) &&
      ['drop', 'mean', 'median', 'most-frequent'].includes(o.missing) &&
      ['sigmoid', 'softmax'].includes(o.binaryTarget) &&
      Number.isInteger(o.seed)
    return ok ? o : undefined
  }

  /** The renderer forgets the loaded file (the project that is opened names another one). */
  function unload(): void {
    source = null
    summary.value = null
    profile.value = null
    prepared.value = null
    roles.value = {}
    loadNotice.value = null
    prepareNotice.value = null
    prepareSeq++
    graph.inputWidth = undefined
  }

  /**
   * A replaced project and the loaded CSV. Open keeps the CSV only when it is the project's own file,
   * prepared again with the project's roles and options; New and templates keep it and bind the new graph
   * to it (the project records it, as part of its starting state); an import adopts the file's model.
   */
  project.onReplace((next, kind) => {
    if (kind === 'import') return
    // The project's validation split (the default for a new one), normalised into the file.
    const splitBefore = validationSplit.value
    validationSplit.value = settingsFromProject(next.training).validationSplit
    project.setTraining({ validationSplit: validationSplit.value })
    const splitChanged = validationSplit.value !== splitBefore
    if (kind === 'open' || kind === 'recover') {
      const before = JSON.stringify(options.value)
      const options_ = savedOptions(next.data.options)
      if (options_) options.value = options_
      if (!summary.value) return
      if (next.data.fileName !== summary.value.name) {
        unload()
        return
      }
      const saved = profile.value ? initialRoles(profile.value) : roles.value
      const same =
        !splitChanged &&
        prepared.value !== null &&
        JSON.stringify(saved) === JSON.stringify(roles.value) &&
        JSON.stringify(options.value) === before
      roles.value = saved
      if (same && prepared.value) bindGraph(prepared.value)
      else void prepare()
      return
    }
    if (!summary.value) return
    project.data = {
      fileName: summary.value.name,
      roles: { ...roles.value },
      options: { ...options.value }
    }
    if (splitChanged) void prepare()
    else if (prepared.value) bindGraph(prepared.value)
  })

  /**
   * A new engine connection (engine/trainingEngine.ts calls this). A restarted engine has lost the
   * data: load the same file again, quietly — unless the engine had given up (crashed again and again,
   * maybe on this very file): then ask first.
   */
  async function engineChanged(client: EngineClient | null): Promise<void> {
    const from = source
    if (!client || !from || loading.value) return
    if (
      engine.replay === 'ask' &&
      !(await useUiStore().confirm(
        notice('shell.confirm.reloadTitle'),
        notice('shell.confirm.reloadMessage', { name: from.name }),
        notice('shell.confirm.reload')
      ))
    )
      return
    if (engine.client === client) void reload(from)
  }

  async function reload(from: Source): Promise<void> {
    const keepRoles = { ...roles.value }
    if (await load(from)) {
      roles.value = keepRoles
      await prepare()
    }
  }

  return {
    summary,
    profile,
    roles,
    options,
    validationSplit,
    prepared,
    loading,
    loadError,
    prepareError,
    loadNotice,
    prepareNotice,
    preparing,
    loaded,
    fraction,
    mismatch,
    loadFile,
    loadText,
    openFromDialog,
    cancel,
    prepare,
    adoptPrepared,
    setRole,
    setOptions,
    setValidationSplit,
    fixGraph,
    engineChanged
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDataStore, import.meta.hot))
