/**
 * The native file dialogs behind the preload's openCsv / openProject / importWeights / saveProject /
 * saveWeights. Electron's dialog and the file system are injected, so this is tested with fakes.
 * The renderer never sees a path: it gets a base name and the text, and main remembers the project file.
 */
import { basename } from 'node:path'
import type { OpenedFile, SavedFile } from '../preload/desktop-api'
import { DesktopError, fsError } from './desktop-errors'
import { mainText, type MainStrings } from './strings'

export interface FileFilter {
  name: string
  extensions: string[]
}

/** The subset of Electron's dialog (bound to a window) and fs that the handlers use. */
export interface DialogDeps {
  showOpenDialog(options: {
    title: string
    filters: FileFilter[]
    properties: ['openFile']
  }): Promise<{ canceled: boolean; filePaths: string[] }>
  showSaveDialog(options: {
    title: string
    defaultPath: string
    filters: FileFilter[]
  }): Promise<{ canceled: boolean; filePath?: string }>
  fileSize(path: string): Promise<number>
  readText(path: string): Promise<string>
  writeText(path: string, text: string): Promise<void>
  /**
   * Told about every project file the user picked in an open or save dialog here: the only source of
   * paths for the recent projects list.
   */
  onProjectFile?(path: string): void
  /**
   * The dialogs' titles and filter names in the renderer's language now (asked at each dialog, so a
   * switch applies to the next one); English without it.
   */
  text?(): MainStrings['dialogs']
}

/** Larger files would freeze the renderer anyway; say so instead of trying. */
export const MAX_OPEN_BYTES = 200 * 1024 * 1024
export const MAX_SAVE_CHARS = 200 * 1024 * 1024
const MAX_NAME_LENGTH = 200

const csvFilters = (t: MainStrings['dialogs']): FileFilter[] => [
  { name: t.csvFilter, extensions: ['csv', 'tsv', 'txt'] },
  { name: t.allFilesFilter, extensions: ['*'] }
]
const projectFilters = (t: MainStrings['dialogs']): FileFilter[] => [
  { name: t.projectFilter, extensions: ['json'] }
]
const weightsFilters = (t: MainStrings['dialogs']): FileFilter[] => [
  { name: t.weightsFilter, extensions: ['json'] }
]

export const PROJECT_SUFFIX = '.bps.json'
export const WEIGHTS_SUFFIX = '.weights.json'

/**
 * Checks the renderer's arguments to a save: a plain file name (no folders: the user picks the folder)
 * and the text to write. Throws a DesktopError whose code names the argument and what is wrong.
 */
export function validateSaveArgs(name: unknown, text: unknown): { name: string; text: string } {
  if (typeof name !== 'string' || name.trim() === '')
    throw new DesktopError('name-empty', {}, 'save: "name" must be a non-empty string')
  if (name.length > MAX_NAME_LENGTH)
    throw new DesktopError(
      'name-too-long',
      { max: MAX_NAME_LENGTH },
      `save: "name" must be at most ${MAX_NAME_LENGTH} characters`
    )
  if (/[/\\\0]/.test(name) || name === '.' || name === '..')
    throw new DesktopError(
      'name-has-folders',
      // The name as typed, minus NULs (they would end the string in a dialog or a log).
      { name: name.replace(/\0/g, '') },
      `save: "name" must be a file name without folders, got ${JSON.stringify(name)}`
    )
  if (typeof text !== 'string') throw new DesktopError('text-not-string', {}, 'save: "text" must be a string')
  if (text.length > MAX_SAVE_CHARS)
    throw new DesktopError(
      'text-too-large',
      { max: MAX_SAVE_CHARS },
      `save: "text" is larger than ${MAX_SAVE_CHARS} characters`
    )
  return { name: name.trim(), text }
}

/** `iris` → `iris.bps.json`; a name that already ends in the suffix is kept. */
export function withSuffix(name: string, suffix: string): string {
  if (name.endsWith(suffix)) return name
  const plain = name.endsWith('.json') ? name.slice(0, -'.json'.length) : name
  return plain + suffix
}

export interface FileDialogs {
  openCsv(): Promise<OpenedFile | null>
  openProject(): Promise<OpenedFile | null>
  importWeights(): Promise<OpenedFile | null>
  saveProject(name: unknown, text: unknown, saveAs?: unknown): Promise<SavedFile | null>
  saveWeights(name: unknown, text: unknown): Promise<SavedFile | null>
  newProject(): void
  /**
   * Reads a project at a path main already knows (a recent project) and makes it this window's file.
   * Never call it with a path from the renderer.
   */
  openProjectFile(path: string): Promise<OpenedFile>
  /** Reads a weights file the OS asked the app to open (a file association); same size limit. */
  readWeightsFile(path: string): Promise<OpenedFile>
}

/** One set per window: each window remembers its own project file. */
export function createFileDialogs(deps: DialogDeps): FileDialogs {
  let projectPath: string | null = null
  const words = (): MainStrings['dialogs'] => deps.text?.() ?? mainText('en').dialogs

  async function open(
    title: string,
    filters: FileFilter[]
  ): Promise<{ path: string; file: OpenedFile } | null> {
    const choice = await deps.showOpenDialog({ title, filters, properties: ['openFile'] })
    const path = choice.filePaths[0]
    if (choice.canceled || !path) return null
    return { path, file: await read(path) }
  }

  /** The file's base name and text; the file system's refusal as `read-failed` with its OS code. */
  async function read(path: string): Promise<OpenedFile> {
    const name = basename(path)
    let size: number
    try {
      size = await deps.fileSize(path)
    } catch (err) {
      throw fsError('read-failed', name, err)
    }
    if (size > MAX_OPEN_BYTES) {
      const params = { name, sizeMb: Math.round(size / 1024 / 1024), maxMb: MAX_OPEN_BYTES / 1024 / 1024 }
      throw new DesktopError(
        'file-too-large',
        params,
        `${name} is ${params.sizeMb} MB; files up to ${params.maxMb} MB can be opened`
      )
    }
    try {
      return { name, text: await deps.readText(path) }
    } catch (err) {
      throw fsError('read-failed', name, err)
    }
  }

  async function save(
    title: string,
    path: string | null,
    defaultPath: string,
    filters: FileFilter[],
    text: string
  ) {
    let target = path
    if (!target) {
      const choice = await deps.showSaveDialog({ title, defaultPath, filters })
      if (choice.canceled || !choice.filePath) return null
      target = choice.filePath
    }
    try {
      await deps.writeText(target, text)
    } catch (err) {
      throw fsError('write-failed', basename(target), err)
    }
    return target
  }

  return {
    openCsv: async () => (await open(words().openCsv, csvFilters(words())))?.file ?? null,
    async openProject() {
      const opened = await open(words().openProject, projectFilters(words()))
      if (!opened) return null
      projectPath = opened.path
      deps.onProjectFile?.(opened.path)
      return opened.file
    },
    importWeights: async () => (await open(words().importWeights, weightsFilters(words())))?.file ?? null,
    async saveProject(name, text, saveAs = false) {
      const args = validateSaveArgs(name, text)
      const reuse = saveAs === true ? null : projectPath
      const target = await save(
        words().saveProject,
        reuse,
        withSuffix(args.name, PROJECT_SUFFIX),
        projectFilters(words()),
        args.text
      )
      if (!target) return null
      projectPath = target
      deps.onProjectFile?.(target)
      return { name: basename(target) }
    },
    async saveWeights(name, text) {
      const args = validateSaveArgs(name, text)
      const target = await save(
        words().exportWeights,
        null,
        withSuffix(args.name, WEIGHTS_SUFFIX),
        weightsFilters(words()),
        args.text
      )
      return target ? { name: basename(target) } : null
    },
    newProject() {
      projectPath = null
    },
    async openProjectFile(path) {
      const file = await read(path)
      projectPath = path
      return file
    },
    readWeightsFile: (path) => read(path)
  }
}
