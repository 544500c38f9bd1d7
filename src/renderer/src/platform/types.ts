/**
 * What the renderer needs from its surroundings, with one implementation for the desktop app (native
 * dialogs through the preload's `window.desktop`) and one for the browser preview (file pickers,
 * downloads, localStorage).
 */

import type { MenuAction } from '../../../preload/desktop-api'

export interface OpenedFile {
  /** File name for titles, e.g. "iris.bps.json". */
  name: string
  text: string
  /** Absolute path (desktop only); lets Save write back in place. */
  path?: string
}

export interface SavedFile {
  name: string
  path?: string
  /** Offered as a download (the browser says so itself), not written through a dialog of ours. */
  downloaded?: boolean
}

/**
 * A recent project. Desktop: main keeps the list (only files picked in its own dialogs) and the id is
 * its opaque handle — the renderer never holds a path it could send back. Browser: the id keys a copy
 * of the project's text in localStorage.
 */
export interface RecentProject {
  id: string
  /** File name, e.g. "iris.bps.json". */
  name: string
  /** The folder, for display only (desktop). */
  dir?: string
  /** ms since the epoch. */
  at: number
  /**
   * Browser: characters of the kept copy; absent when the project was too large to keep, and picking it
   * then asks for the file.
   */
  size?: number
}

/**
 * A recent project that cannot be opened any more (moved, deleted). `message` says so in English (logs,
 * a fallback); `notice` is the same as a catalogue key and params, for the user in their language.
 */
export class RecentProjectGone extends Error {
  constructor(
    message: string,
    readonly notice?: { key: string; params?: Record<string, string> }
  ) {
    super(message)
    this.name = 'RecentProjectGone'
  }
}

/** The crash-recovery copy of the current project. */
export interface Autosave {
  text: string
  /** File name of the project it belongs to, if it had one. */
  name?: string
  path?: string
  at: number
}

export interface Platform {
  kind: 'desktop' | 'browser'
  /** Asks the user for a project file; null when they cancel. */
  openProject(): Promise<OpenedFile | null>
  /**
   * Writes a project. Desktop: Save writes in place to the file last opened or saved, Save As (or a
   * project never saved) asks where. Browser: always a download named `suggestedName`.
   * Null when the user cancels.
   */
  saveProject(text: string, suggestedName: string, options: { saveAs: boolean }): Promise<SavedFile | null>
  /** The project is no longer tied to a file (New, templates). */
  forgetFile(): void
  /** Desktop: the native Open CSV dialog. Browser: null (the data panel's file input opens CSVs). */
  openCsv(): Promise<OpenedFile | null>
  /** Desktop: the native Import weights dialog. Browser: null (the predict panel's file input). */
  importWeights(): Promise<OpenedFile | null>
  /** Writes an exported weights file: a save dialog (desktop), a download (browser). Null when cancelled. */
  saveWeights(text: string, name: string): Promise<SavedFile | null>
  /** Offers a file as a download (charts, predictions, ONNX, PyTorch; Electron shows a save dialog). */
  download(name: string, content: string | Blob, type?: string): void
  /** The desktop app's menu; the browser has none. Returns the unsubscribe function. */
  onMenu(listener: (action: MenuAction) => void): () => void
  /**
   * The user's language, on start and on every switch (followLocale in ./locale). Desktop: main words
   * the application menu and native dialogs in it. Browser: nothing to tell. Optional so a test's own
   * platform need not have it.
   */
  setLocale?(locale: string): void
  /** A weights file the OS opened with the desktop app. Returns the unsubscribe function. */
  onOpenWeights(listener: (file: OpenedFile) => void): () => void
  recent: {
    /** Newest first. */
    list(): Promise<RecentProject[]>
    /**
     * Called after a project was opened or saved. Desktop: main has already recorded the file from its
     * dialog, so this only reads the list back. Browser: keeps a copy of `text` (within size caps).
     */
    remember(project: { name: string; text: string }): Promise<RecentProject[]>
    /**
     * Reopens the project itself (desktop: main re-reads the file; browser: the kept copy). Null when
     * the user cancels a fallback file picker; throws RecentProjectGone when it is no longer there.
     */
    open(entry: RecentProject): Promise<OpenedFile | null>
    /** Desktop: File → Open Recent in the application menu picked this id. Returns the unsubscribe. */
    onPick?(listener: (id: string) => void): () => void
  }
  autosave: {
    write(autosave: Autosave): void
    read(): Autosave | null
    clear(): void
  }
}
