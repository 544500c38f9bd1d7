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

/**
 * Why main refused or could not do what the renderer asked (issue 13: worded by the renderer as
 * `engine.desktop.<code>`, in the user's language, from `params`):
 * - `file-too-large`: `name`, `sizeMb`, `maxMb`;
 * - `read-failed`, `write-failed`: the file system said no; `name`, `errno` (the OS's code, ENOENT,
 *   EACCES, …) and, for the common ones, `variant` ('not-found', 'permission-denied', 'is-directory',
 *   'disk-full', 'read-only');
 * - `name-empty`, `name-too-long` (`max`), `name-has-folders` (`name`), `text-not-string`,
 *   `text-too-large` (`max`): a save's arguments;
 * - `window-gone`: the window that asked has closed; `recent-unavailable`: main has no recent list;
 *   `not-recorded`: a file could not be added to it (`name`);
 * - `unexpected`: anything else (`message`, English).
 */
export type DesktopErrorCode =
  | 'file-too-large'
  | 'read-failed'
  | 'write-failed'
  | 'name-empty'
  | 'name-too-long'
  | 'name-has-folders'
  | 'text-not-string'
  | 'text-too-large'
  | 'window-gone'
  | 'recent-unavailable'
  | 'not-recorded'
  | 'unexpected'

/**
 * A refusal as main sends it. Electron's invoke rejections carry only a message string, so main answers
 * with this instead of throwing.
 */
export interface DesktopFailure {
  ok: false
  code: DesktopErrorCode
  params: Record<string, string | number>
  /** The sentence in English: main's log, and a fallback. */
  message: string
}

/** What a dialog call answers: its value, or why not. */
export type DesktopReply<T> = { ok: true; value: T } | DesktopFailure

/**
 * A missing or moved file is not an exception: main drops the entry and says why. Any other failure
 * (permission denied, too large) is a DesktopFailure.
 */
export type OpenRecentResult =
  | { ok: true; file: OpenedFile }
  | DesktopFailure
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
  /** Native open dialogs; null when the user cancels; a DesktopFailure when the file cannot be read. */
  openCsv(): Promise<DesktopReply<OpenedFile | null>>
  openProject(): Promise<DesktopReply<OpenedFile | null>>
  importWeights(): Promise<DesktopReply<OpenedFile | null>>
  /**
   * Saves a project (`*.bps.json`). Main remembers the file opened or saved last, so a plain save
   * writes there without asking; `saveAs` (or no file yet) shows the dialog. Null when cancelled.
   */
  saveProject(name: string, text: string, saveAs?: boolean): Promise<DesktopReply<SavedFile | null>>
  /** Forgets the remembered project file (File → New does this too). */
  newProject(): void
  /** Saves an exported weights file (`*.weights.json`) through a save dialog. Null when cancelled. */
  saveWeights(name: string, text: string): Promise<DesktopReply<SavedFile | null>>
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
