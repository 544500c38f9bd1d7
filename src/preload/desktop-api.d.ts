/**
 * The desktop bridge's types, shared by the preload (which implements it), main (which answers it)
 * and the renderer (which sees it as `window.desktop`, declared in ./index.d.ts).
 */

/** What the application menu asks the renderer to do; sent as IPC channel `menu:<action>`. */
export type MenuAction =
  | 'new'
  | 'open-project'
  | 'save-project'
  | 'save-project-as'
  | 'open-csv'
  | 'export-weights'
  | 'export-onnx'
  | 'export-pytorch'
  | 'import-weights'
  | 'undo'
  | 'redo'
  | 'fit-view'

/** The app's languages; main words its menu and dialogs in the one the renderer last sent. */
export type AppLocale = 'en' | 'zh-CN'

/** A file the user picked: its base name (never the path) and its text. */
export interface OpenedFile {
  name: string
  text: string
}

/** Where a save went: the base name the user chose. */
export interface SavedFile {
  name: string
}

/**
 * A recent project as the renderer sees it: an opaque id (valid while the app runs) to hand back to
 * `openRecent`, never the path.
 */
export interface RecentProjectEntry {
  id: string
  /** File name, e.g. "iris.bps.json". */
  name: string
  /** The folder, for display only (home shown as `~`). */
  dir: string
  /** When it was last opened or saved, ms since the epoch. */
  at: number
}

/** A missing or moved file is not an exception: main drops the entry and says why. */
export type OpenRecentResult =
  | { ok: true; file: OpenedFile }
  | {
      ok: false
      /** The sentence in English (main's log; a fallback when `code` is absent). */
      message: string
      /** What happened, worded by the renderer (notices.project.recent.<code>) with `params`. */
      code?: OpenRecentFailure
      params?: Record<string, string>
    }

/**
 * Why a recent project did not open: not in the list (any more), the file moved or was deleted (its
 * entry is dropped; params `name`, `dir`), or main has no recent list at all.
 */
export type OpenRecentFailure = 'not-recent' | 'moved' | 'unavailable'

export type EngineState = 'idle' | 'starting' | 'ready' | 'restarting' | 'failed' | 'stopped'

/** Sent on `engine:status` whenever the engine process changes state (once per change). */
export interface EngineStatus {
  state: EngineState
  /** The sentence in English (main's log; a fallback when `code` is absent). */
  message: string
  /** What it says as a code and params, worded by the renderer (notices.host.<code>). */
  code?: string
  params?: Record<string, string | number>
  /** How many times the engine has been started: the generation a `ready` is about. */
  starts: number
  restartInMs?: number
}

/**
 * The window message the preload posts with an engine port (`event.ports[0]`):
 * `requestId` is the one given to connectEngine, `generation` the engine's `starts` when it was made.
 */
export interface EnginePortEnvelope {
  type: 'engine:port'
  requestId: string
  generation: number
}

export interface DesktopApi {
  /** process.platform of the desktop app ('darwin', 'win32', 'linux'). */
  readonly platform: string
  /**
   * Asks main for a fresh engine connection. The port arrives as a window message whose data is an
   * EnginePortEnvelope with this `requestId` (letters, digits, `_`, `-`; at most 64). Main keeps it
   * until the engine is ready. Call it on load and once per new engine generation.
   */
  connectEngine(requestId: string): void
  /** The engine's status now. */
  engineStatus(): Promise<EngineStatus>
  /** The user's Restart engine (after `failed`, or any time): main starts a fresh engine process. */
  restartEngine(): void
  /** A weights file the OS opened with the app (double-click, second launch); returns the unsubscribe function. */
  onOpenWeights(listener: (file: OpenedFile) => void): () => void
  /** Native open dialogs; null when the user cancels. */
  openCsv(): Promise<OpenedFile | null>
  openProject(): Promise<OpenedFile | null>
  importWeights(): Promise<OpenedFile | null>
  /**
   * Saves a project (`*.bps.json`). Main remembers the file opened or saved last, so a plain save
   * writes there without asking; `saveAs` (or no file yet) shows the dialog. Null when cancelled.
   */
  saveProject(name: string, text: string, saveAs?: boolean): Promise<SavedFile | null>
  /** Forgets the remembered project file (File → New does this too). */
  newProject(): void
  /** Saves an exported weights file (`*.weights.json`) through a save dialog. Null when cancelled. */
  saveWeights(name: string, text: string): Promise<SavedFile | null>
  /** The recent projects main keeps (only files picked in its own dialogs), newest first. */
  recentProjects(): Promise<RecentProjectEntry[]>
  /**
   * Reopens a recent project by id: main re-reads the file and remembers it for Save, like Open.
   * The caller asks about unsaved work first.
   */
  openRecent(id: string): Promise<OpenRecentResult>
  /** File → Open Recent in the application menu picked `id`; returns the unsubscribe function. */
  onOpenRecent(listener: (id: string) => void): () => void
  /** Application-menu actions; returns the unsubscribe function. */
  onMenu(listener: (action: MenuAction) => void): () => void
  /**
   * The renderer's language, on start and on every switch: main rebuilds the application menu in it
   * and words later dialogs with it. Anything but 'en' | 'zh-CN' is ignored (and logged) by main.
   */
  setLocale(locale: AppLocale): void
  /** Engine process status changes (restart after a crash, …); returns the unsubscribe function. */
  onEngineStatus(listener: (status: EngineStatus) => void): () => void
}
