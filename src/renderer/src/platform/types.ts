/**
 * What the renderer needs from its surroundings, with one implementation for the desktop app (native
 * dialogs through the preload's `window.desktop`) and one for the browser preview (file pickers,
 * downloads, localStorage).
 */

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
}

export interface RecentProject {
  name: string
  path?: string
  /** ms since the epoch. */
  at: number
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
  /** Reopens a recent project (desktop: by path; browser: asks again, files cannot be reopened by name). */
  openRecent(recent: RecentProject): Promise<OpenedFile | null>
  /**
   * Writes a project. Desktop: Save writes in place to the file last opened or saved, Save As (or a
   * project never saved) asks where. Browser: always a download named `suggestedName`.
   * Null when the user cancels.
   */
  saveProject(text: string, suggestedName: string, options: { saveAs: boolean }): Promise<SavedFile | null>
  /** The project is no longer tied to a file (New, templates). */
  forgetFile(): void
  recent: {
    list(): RecentProject[]
    add(project: Omit<RecentProject, 'at'>): RecentProject[]
  }
  autosave: {
    write(autosave: Autosave): void
    read(): Autosave | null
    clear(): void
  }
}
