import type { Autosave, RecentProject } from './types'

/**
 * The browser preview's recent projects (with a copy of each project's text, since a page cannot reopen
 * a file by name) and the crash-recovery autosave, in Web Storage. The desktop app uses the autosave
 * too — its localStorage persists in Electron's app data folder — but its recent list lives in main.
 */

const RECENT_KEY = 'backprop-studio.recent'
const AUTOSAVE_KEY = 'backprop-studio.autosave'
/** Each kept copy lives under its own key, so the list stays small to read and a copy can be dropped alone. */
const recentTextKey = (id: string): string => `${RECENT_KEY}.${id}`
export const RECENT_LIMIT = 8
/**
 * Characters of project text kept for all recent projects together. localStorage holds about 5 M
 * characters per origin and the crash-recovery autosave needs room too, so recent copies get well under half.
 */
export const RECENT_TEXT_BUDGET = 2_000_000

function readJson(storage: Storage, key: string): unknown {
  try {
    const text = storage.getItem(key)
    return text === null ? null : JSON.parse(text)
  } catch {
    // A corrupt entry is as good as none: never let storage stop the app from starting.
    return null
  }
}

function isRecent(r: unknown): r is RecentProject {
  if (typeof r !== 'object' || r === null) return false
  const v = r as Record<string, unknown>
  return (
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.at === 'number' &&
    (v.size === undefined || typeof v.size === 'number')
  )
}

/** Newest first. Entries from older versions (names only, no id) are not reopenable and are left out. */
export function listRecent(storage: Storage): RecentProject[] {
  const value = readJson(storage, RECENT_KEY)
  return Array.isArray(value) ? value.filter(isRecent) : []
}

const newRecentId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

/**
 * Puts `project` first with a copy of its text, replacing an entry of the same name (the browser has no
 * paths, so the name is all that identifies a file). Keeps at most RECENT_LIMIT entries and
 * RECENT_TEXT_BUDGET characters of copies, dropping the oldest; a project larger than the whole budget,
 * or one that does not fit in what storage has left, is listed without a copy.
 */
export function rememberRecent(
  storage: Storage,
  project: { name: string; text: string },
  now = Date.now(),
  newId: () => string = newRecentId
): RecentProject[] {
  const before = listRecent(storage)
  const id = before.find((r) => r.name === project.name)?.id ?? newId()
  const fits = project.text.length <= RECENT_TEXT_BUDGET
  const head: RecentProject = {
    id,
    name: project.name,
    at: now,
    ...(fits ? { size: project.text.length } : {})
  }
  let kept = [head, ...before.filter((r) => r.id !== id)].slice(0, RECENT_LIMIT)

  let total = 0
  kept = kept.filter((r, i) => {
    total += r.size ?? 0
    return i === 0 || total <= RECENT_TEXT_BUDGET
  })

  const dropCopy = (r: RecentProject) => {
    try {
      storage.removeItem(recentTextKey(r.id))
    } catch {
      // Nothing useful to do: the entry is gone from the list either way.
    }
  }
  if (fits) {
    // Storage may be fuller than our budget says (the autosave, other data): make room oldest first.
    for (;;) {
      try {
        storage.setItem(recentTextKey(id), project.text)
        break
      } catch {
        let oldest = kept.length - 1
        while (oldest > 0 && kept[oldest].size === undefined) oldest--
        if (oldest === 0) {
          delete head.size
          dropCopy(head)
          break
        }
        dropCopy(kept[oldest])
        kept.splice(oldest, 1)
      }
    }
  } else dropCopy(head)

  for (const r of before) if (!kept.some((k) => k.id === r.id)) dropCopy(r)
  try {
    storage.setItem(RECENT_KEY, JSON.stringify(kept))
  } catch {
    // Quota: the list is small, so this is unlikely; the copies written stay reachable next time it works.
  }
  return kept
}

/** The kept copy of a recent project's text; null when there is none. */
export function readRecentText(storage: Storage, id: string): string | null {
  try {
    return storage.getItem(recentTextKey(id))
  } catch {
    return null
  }
}

/** Drops an entry and its copy (e.g. when the copy turned out to be missing). */
export function forgetRecent(storage: Storage, id: string): RecentProject[] {
  const kept = listRecent(storage).filter((r) => r.id !== id)
  try {
    storage.removeItem(recentTextKey(id))
    storage.setItem(RECENT_KEY, JSON.stringify(kept))
  } catch {
    // Best effort, as everywhere in this file.
  }
  return kept
}

export function writeAutosave(storage: Storage, autosave: Autosave): void {
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(autosave))
  } catch {
    // Quota exceeded (very large weights): recovery is best effort and must not break editing.
  }
}

export function readAutosave(storage: Storage): Autosave | null {
  const value = readJson(storage, AUTOSAVE_KEY)
  if (typeof value !== 'object' || value === null) return null
  const a = value as Partial<Autosave>
  return typeof a.text === 'string' && typeof a.at === 'number' ? (a as Autosave) : null
}

export const clearAutosave = (storage: Storage): void => storage.removeItem(AUTOSAVE_KEY)
