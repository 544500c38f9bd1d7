import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { ParameterMap, TrainSettings } from '@engine/index'
import { emptyGraph } from '@renderer/graph/edit'
import { templateById, templates } from '@renderer/graph/templates'
import {
  parseProject,
  projectFileName,
  serializeProject,
  type Project,
  type ProjectData,
  type ProjectModel,
  type ProjectTraining
} from '@renderer/project/file'
import { pruneParameters } from '@renderer/project/parameters'
import { defaultProjectTraining, projectTraining, settingsFromProject } from '@renderer/project/training'
import {
  RecentProjectGone,
  usePlatform,
  type Autosave,
  type OpenedFile,
  type RecentProject
} from '@renderer/platform'
import { useGraphStore } from './graph'
import { useUiStore } from './ui'
import { messages } from '@renderer/i18n'
import { engineMessageOf, englishText, notice, type Notice } from '@renderer/i18n/engineMessages'

/** Autosave at most this often while editing. */
const AUTOSAVE_DELAY_MS = 400

/**
 * A graph name the app gave (a template's or a lesson's, stored in English), as the key that words it
 * in the user's language now; null for any other name (one from a file: shown as it is).
 */
function givenName(name: string): Notice | null {
  const tpl = templates().find((t) => t.graph.name === name)
  if (tpl) return notice(`shell.templates.${tpl.id}.title`)
  // The lessons by their catalogue entries (lessons.<id>.title): the lessons themselves load with the
  // Learn panel, not with the app.
  const id = Object.keys(messages.en.lessons).find(
    (id) => englishText(notice(`lessons.${id}.title`)) === name
  )
  return id ? notice(`lessons.${id}.title`) : null
}

/** How the open project was replaced: the other stores start their state over from it. */
export type ReplaceKind = 'new' | 'template' | 'open' | 'recover' | 'import'

/**
 * Told synchronously when the project is replaced, before it counts as saved: whatever a listener
 * writes back into the project (its normalised training settings, say) is part of the saved state.
 */
export type ReplaceListener = (project: Project, kind: ReplaceKind) => void

/**
 * The open project: its file, what is saved, and everything around the graph (data settings, training
 * settings, weights). Handles New / Open / Save / Save As, recent files and crash recovery.
 */
export const useProjectStore = defineStore('project', () => {
  const graphStore = useGraphStore()
  const ui = useUiStore()
  const platform = usePlatform()

  /** File name shown in the title; undefined for a project never saved. */
  const fileName = ref<string | undefined>(undefined)
  /** Where the project lives on disk (desktop only). */
  const filePath = ref<string | undefined>(undefined)
  /** Data column settings; written by the data panel. */
  const data = ref<ProjectData>({})
  /** Training settings and the validation split; written by the training and data stores (setTraining). */
  const training = ref<ProjectTraining>(defaultProjectTraining())
  /** Trained or preloaded weights by edge id (kept out of deep reactivity: they can be large). */
  const parameters = shallowRef<ParameterMap | undefined>(undefined)
  /** How `parameters` encode a row (preprocessing, training summary), when they were trained on data. */
  const model = shallowRef<ProjectModel | undefined>(undefined)
  /** Counts project replacements (New, template, Open, recovery, weights import). */
  const generation = ref(0)
  const replaceListeners: ReplaceListener[] = []
  /** The serialized project as last opened or saved; `dirty` compares against it. */
  const savedText = ref('')
  /** A crash-recovery copy found at start-up, offered to the user until restored or discarded. */
  const recovery = ref<Autosave | null>(null)
  /** Newest first; filled in from the platform (desktop: main's list, over IPC) right after start. */
  const recent = ref<RecentProject[]>([])

  /** The project as it would be saved now; weights whose edge or layer is gone are dropped. */
  const current = computed<Project>(() => {
    const project: Project = { graph: graphStore.graph, data: data.value, training: training.value }
    const fitting = pruneParameters(graphStore.graph, parameters.value)
    if (fitting) {
      project.parameters = fitting
      if (model.value) project.model = model.value
    }
    return project
  })
  const text = computed(() => serializeProject(current.value))
  const dirty = computed(() => text.value !== savedText.value)
  /** The file's name once saved or opened; before that the graph's own name (a template's), else Untitled. */
  const displayNotice = computed<Notice>(() => {
    if (fileName.value) return { text: fileName.value }
    const name = graphStore.graph.name
    if (!name) return notice('shell.untitled')
    return givenName(name) ?? { text: name }
  })
  /** `displayNotice` in English (logs, tests). */
  const displayName = computed(() => englishText(displayNotice.value))
  /** "• iris.bps.json — Backprop Studio" while unsaved. */
  const windowTitle = computed(() => `${dirty.value ? '• ' : ''}${displayName.value} — Backprop Studio`)

  function apply(
    project: Project,
    name: string | undefined,
    path: string | undefined,
    label: string,
    kind: ReplaceKind
  ): void {
    graphStore.load(project.graph, label)
    data.value = project.data
    training.value = project.training
    parameters.value = project.parameters
    model.value = project.parameters ? project.model : undefined
    fileName.value = name
    filePath.value = path
    generation.value++
    for (const listener of replaceListeners) listener(project, kind)
  }

  /** Subscribes to project replacements; returns the unsubscribe function. */
  function onReplace(listener: ReplaceListener): () => void {
    replaceListeners.push(listener)
    return () => {
      const i = replaceListeners.indexOf(listener)
      if (i >= 0) replaceListeners.splice(i, 1)
    }
  }

  function markSaved(): void {
    savedText.value = text.value
    platform.autosave.clear()
  }

  /** Asks before `what` would throw away unsaved changes; true when it may go ahead. */
  async function confirmDiscard(what: 'newProject' | 'template' | 'open' | Notice): Promise<boolean> {
    if (!dirty.value) return true
    return ui.confirm(
      notice('shell.confirm.discardTitle'),
      notice('shell.confirm.discardMessage', {
        name: { notice: displayNotice.value },
        what: { notice: typeof what === 'string' ? notice(`shell.confirm.what.${what}`) : what }
      }),
      notice('shell.confirm.discard')
    )
  }

  async function newProject(): Promise<boolean> {
    if (!(await confirmDiscard('newProject'))) return false
    apply(
      { graph: emptyGraph(), data: {}, training: defaultProjectTraining() },
      undefined,
      undefined,
      'New project',
      'new'
    )
    platform.forgetFile()
    markSaved()
    return true
  }

  /** Starts an unsaved project from a template (with its preloaded weights, if any). */
  async function newFromTemplate(id: string): Promise<boolean> {
    const template = templateById(id)
    if (!template) {
      ui.notify(notice('notices.project.noTemplate', { id }), 'error')
      return false
    }
    if (!(await confirmDiscard('template'))) return false
    apply(
      {
        graph: template.graph,
        data: {},
        training: defaultProjectTraining(),
        parameters: template.parameters
      },
      undefined,
      undefined,
      `Template: ${template.graph.name ?? template.id}`,
      'template'
    )
    platform.forgetFile()
    // Unsaved but not "changed": the template is where this history starts.
    savedText.value = ''
    return true
  }

  async function refreshRecent(): Promise<void> {
    try {
      recent.value = await platform.recent.list()
    } catch {
      // The recent list is a convenience: without it the menu is just empty.
    }
  }

  /** After an open or save: the platform records it (browser: keeps a copy of the text). */
  async function rememberRecent(name: string, body: string): Promise<void> {
    try {
      recent.value = await platform.recent.remember({ name, text: body })
    } catch {
      // Same as above: never let the recent list turn a good open or save into an error.
    }
  }

  /** Parses and shows project text; a malformed or newer file is refused with the reason, and nothing is lost. */
  function load(name: string, body: string, path?: string): boolean {
    let project: Project
    try {
      project = parseProject(body)
    } catch (err) {
      ui.notify(
        notice('notices.project.couldNotOpen', { name, error: { engine: engineMessageOf(err) } }),
        'error'
      )
      return false
    }
    apply(project, name, path, `Open ${name}`, 'open')
    markSaved()
    ui.notify(notice('notices.project.opened', { name }), 'success')
    return true
  }

  /** Loads project text (no unsaved-work prompt: callers ask first) and adds it to the recent projects. */
  function openText(name: string, body: string, path?: string): boolean {
    if (!load(name, body, path)) return false
    void rememberRecent(name, body)
    return true
  }

  /** The one way a chosen file becomes the open project: Open and Open Recent both come through here. */
  async function loadAndRemember(file: OpenedFile | null): Promise<boolean> {
    if (!file || !load(file.name, file.text, file.path)) return false
    await rememberRecent(file.name, file.text)
    return true
  }

  async function open(): Promise<boolean> {
    if (!(await confirmDiscard('open'))) return false
    let file: OpenedFile | null
    try {
      file = await platform.openProject()
    } catch (err) {
      ui.notify(
        notice('notices.project.couldNotOpenProject', { error: { engine: engineMessageOf(err) } }),
        'error'
      )
      return false
    }
    return loadAndRemember(file)
  }

  /** Reopens a recent project itself (not a file dialog), after the same unsaved-work prompt as Open. */
  async function openRecent(entry: RecentProject): Promise<boolean> {
    if (!(await confirmDiscard('open'))) return false
    let file: OpenedFile | null
    try {
      file = await platform.recent.open(entry)
    } catch (err) {
      // A moved or deleted file: the platform has dropped the entry and its message says so.
      if (err instanceof RecentProjectGone) ui.notify(err.notice ?? err.message, 'error')
      else
        ui.notify(
          notice('notices.project.couldNotOpen', {
            name: entry.name,
            error: { engine: engineMessageOf(err) }
          }),
          'error'
        )
      await refreshRecent()
      return false
    }
    return loadAndRemember(file)
  }

  /** File → Open Recent (desktop menu) names an entry by id. */
  async function openRecentById(id: string): Promise<boolean> {
    let entry = recent.value.find((r) => r.id === id)
    if (!entry) {
      await refreshRecent()
      entry = recent.value.find((r) => r.id === id)
    }
    if (!entry) {
      ui.notify(notice('notices.project.notRecent'), 'error')
      return false
    }
    return openRecent(entry)
  }

  /**
   * `shownName`: the project's name as the user sees it now (`displayNotice` worded in their language,
   * by the caller, which has the i18n): a template's or lesson's name is stored in English.
   */
  async function write(asNew: boolean, shownName?: string): Promise<boolean> {
    const suggested = projectFileName(fileName.value ?? shownName ?? graphStore.graph.name ?? 'untitled')
    const body = text.value
    try {
      const saved = await platform.saveProject(body, suggested, { saveAs: asNew || !fileName.value })
      if (!saved) return false
      fileName.value = saved.name
      filePath.value = saved.path
      savedText.value = body
      platform.autosave.clear()
      await rememberRecent(saved.name, body)
      ui.notify(notice('notices.project.saved', { name: saved.name }), 'success')
      return true
    } catch (err) {
      // The project stays in memory and in the autosave: nothing is lost by a failed write.
      ui.notify(
        notice('notices.project.couldNotSave', { name: suggested, error: { engine: engineMessageOf(err) } }),
        'error'
      )
      return false
    }
  }

  const save = (shownName?: string): Promise<boolean> => write(false, shownName)
  const saveAs = (shownName?: string): Promise<boolean> => write(true, shownName)

  /**
   * The file's `training` section: the training store writes the settings, the data store the
   * validation split; the part not given stays as it is (normalised).
   */
  function setTraining(next: { settings?: TrainSettings; validationSplit?: number }): void {
    const current = settingsFromProject(training.value)
    training.value = projectTraining(
      next.settings ?? current.settings,
      next.validationSplit ?? current.validationSplit
    )
  }

  /** Replaces the weights (after training, a reset or a weights import) and what they were trained with. */
  function setParameters(next: ParameterMap | undefined, nextModel?: ProjectModel): void {
    parameters.value = next
    model.value = next ? nextModel : undefined
  }

  /**
   * An imported weights file's network and weights replace the project's (its file and data settings
   * stay; the change is unsaved). Every store starts its run state over, as after Open.
   */
  function adoptImported(project: Omit<Project, 'data'>, label: string): void {
    apply({ ...project, data: data.value }, fileName.value, filePath.value, label, 'import')
  }

  /** Looks for a crash-recovery copy left by a previous session that ended with unsaved changes. */
  function checkRecovery(): void {
    const found = platform.autosave.read()
    recovery.value = found && found.text !== text.value ? found : null
  }

  function restoreRecovery(): boolean {
    const found = recovery.value
    recovery.value = null
    if (!found) return false
    try {
      apply(parseProject(found.text), found.name, found.path, 'Recovered work', 'recover')
    } catch (err) {
      ui.notify(
        notice('notices.project.recoveredUnreadable', { error: { engine: engineMessageOf(err) } }),
        'error'
      )
      platform.autosave.clear()
      return false
    }
    // Recovered work is unsaved by definition.
    savedText.value = ''
    ui.notify(notice('notices.project.recovered'), 'success')
    return true
  }

  function discardRecovery(): void {
    recovery.value = null
    platform.autosave.clear()
  }

  /** Keeps the autosave in step with unsaved changes (cleared when everything is saved). */
  function startAutosave(): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined
    const stop = watch(text, () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        // Never overwrite an unclaimed recovery copy before the user has decided about it.
        if (recovery.value) return
        if (dirty.value)
          platform.autosave.write({
            text: text.value,
            name: fileName.value,
            path: filePath.value,
            at: Date.now()
          })
        else platform.autosave.clear()
      }, AUTOSAVE_DELAY_MS)
    })
    return () => {
      clearTimeout(timer)
      stop()
    }
  }

  // A fresh, empty project counts as saved.
  savedText.value = text.value
  void refreshRecent()
  // The store lives as long as the page, so this subscription needs no unsubscribe.
  platform.recent.onPick?.((id) => void openRecentById(id))

  return {
    fileName,
    filePath,
    data,
    training,
    parameters,
    model,
    generation,
    savedText,
    recovery,
    recent,
    current,
    text,
    dirty,
    displayName,
    displayNotice,
    windowTitle,
    confirmDiscard,
    newProject,
    newFromTemplate,
    openText,
    open,
    openRecent,
    openRecentById,
    refreshRecent,
    save,
    saveAs,
    setParameters,
    setTraining,
    adoptImported,
    onReplace,
    checkRecovery,
    restoreRecovery,
    discardRecovery,
    startAutosave
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useProjectStore, import.meta.hot))
