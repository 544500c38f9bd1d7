import type { Autosave, RecentProject } from './types'

/**
 * Recent projects and the crash-recovery autosave in Web Storage. The desktop app uses it too: the
 * renderer's localStorage persists in Electron's app data folder, which is the "app storage" we need.
 */

const RECENT_KEY = 'backprop-studio.recent'
const AUTOSAVE_KEY = 'backprop-studio.autosave'
export const RECENT_LIMIT = 8

function readJson(storage: Storage, key: string): unknown {
  try {
    const text = storage.getItem(key)
    return text === null ? null : JSON.parse(text)
  } catch {
    // A corrupt entry is as good as none: never let storage stop the app from starting.
    return null
  }
}

export function listRecent(storage: Storage): RecentProject[] {
  const value = readJson(storage, RECENT_KEY)
  if (!Array.isArray(value)) return []
  return value.filter(
    (r): r is RecentProject =>
      typeof r === 'object' && r !== null && typeof r.name === 'string' && typeof r.at === 'number'
  )
}

/** Puts `project` first, without duplicates (same path, or same name when there is no path). */
export function addRecent(
  storage: Storage,
  project: Omit<RecentProject, 'at'>,
  now = Date.now()
): RecentProject[] {
  const same = (r: RecentProject) =>
    project.path ? r.path === project.path : !r.path && r.name === project.name
  const next = [{ ...project, at: now }, ...listRecent(storage).filter((r) => !same(r))].slice(
    0,
    RECENT_LIMIT
  )
  storage.setItem(RECENT_KEY, JSON.stringify(next))
  return next
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
