/**
 * Snapshot undo/redo, pure and immutable: every function returns a new History.
 * Entries carry a label ("Add Dense layer") so the toolbar can say what Undo will undo.
 */

/**
 * What a step is called: words already in the reader's language, or a catalogue key (with its
 * parameters) that the toolbar words in the current one — so a label recorded in English reads in
 * Chinese after a switch.
 */
export type HistoryLabel = string | { key: string; params?: Record<string, string | number> }

export interface Entry<T> {
  state: T
  label: HistoryLabel
}

export interface History<T> {
  past: Entry<T>[]
  present: Entry<T>
  future: Entry<T>[]
  /** Coalescing key and time of the last record, so a burst of the same edit becomes one step. */
  lastKey?: string
  lastAt?: number
}

export interface RecordOptions {
  /** Oldest entries are dropped beyond this many undo steps. */
  cap?: number
  /** Records with the same key within `windowMs` replace the present instead of adding a step. */
  coalesceKey?: string
  windowMs?: number
  /** Injected clock for tests. */
  now?: number
}

export const DEFAULT_CAP = 100
const DEFAULT_WINDOW_MS = 1000

export function createHistory<T>(state: T, label: HistoryLabel = 'Start'): History<T> {
  return { past: [], present: { state, label }, future: [] }
}

/** Makes `state` the present; the redo branch is discarded, as in every editor. */
export function record<T>(
  history: History<T>,
  state: T,
  label: HistoryLabel,
  options: RecordOptions = {}
): History<T> {
  const now = options.now ?? Date.now()
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS
  const coalesce =
    options.coalesceKey !== undefined &&
    history.lastKey === options.coalesceKey &&
    history.lastAt !== undefined &&
    now - history.lastAt <= windowMs &&
    history.future.length === 0
  if (coalesce) {
    return { ...history, present: { state, label }, lastAt: now }
  }
  const cap = options.cap ?? DEFAULT_CAP
  const past = [...history.past, history.present]
  return {
    past: past.length > cap ? past.slice(past.length - cap) : past,
    present: { state, label },
    future: [],
    lastKey: options.coalesceKey,
    lastAt: now
  }
}

export const canUndo = <T>(history: History<T>): boolean => history.past.length > 0
export const canRedo = <T>(history: History<T>): boolean => history.future.length > 0

/** Steps back one entry; a no-op at the start. Breaks any coalescing run. */
export function undo<T>(history: History<T>): History<T> {
  if (!canUndo(history)) return history
  const previous = history.past[history.past.length - 1]
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] }
}

/** Steps forward one entry; a no-op at the end. */
export function redo<T>(history: History<T>): History<T> {
  if (!canRedo(history)) return history
  const [next, ...rest] = history.future
  return { past: [...history.past, history.present], present: next, future: rest }
}

/** Label of the step Undo would revert (the present's label), or undefined at the start. */
export const undoLabel = <T>(history: History<T>): HistoryLabel | undefined =>
  canUndo(history) ? history.present.label : undefined

/** Label of the step Redo would re-apply. */
export const redoLabel = <T>(history: History<T>): HistoryLabel | undefined =>
  canRedo(history) ? history.future[0].label : undefined
