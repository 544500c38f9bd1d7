/**
 * The desktop app's recent projects, kept by main alone. Only paths that main's own open/save dialogs
 * produced are ever added (see dialogs.ts `onProjectFile`), so a compromised renderer cannot plant a
 * path here; the renderer sees opaque ids with a name and a folder to show, and asks to open by id.
 *
 * Electron (app.getPath, app.addRecentDocument) and the file system are injected, so this is tested
 * with fakes in test/main/recent-projects.test.ts.
 */
import { basename, dirname, isAbsolute, sep } from 'node:path'
import type { OpenedFile, OpenRecentResult, RecentProjectEntry } from '../preload/desktop-api'
import { failureOf, isNotFound } from './desktop-errors'

export const RECENT_PROJECTS_LIMIT = 10
/** Ids are made here; anything longer than this from the renderer is not one of ours. */
const MAX_ID_LENGTH = 64
/** A longer path is not one a dialog returned; refuse it rather than persist it. */
const MAX_PATH_LENGTH = 4096
const FILE_VERSION = 1

export interface RecentProjectsDeps {
  /** The JSON file, e.g. join(app.getPath('userData'), 'recent-projects.json'). */
  file: string
  readText(path: string): Promise<string>
  writeText(path: string, text: string): Promise<void>
  /** The user's home folder, shown as `~` in folder labels. */
  homeDir?: string
  /** app.addRecentDocument on macOS and Windows (the Dock / jump list); absent elsewhere. */
  addRecentDocument?(path: string): void
  /** Told after every change, e.g. to rebuild the application menu. */
  onChange?(): void
  newId(): string
  now?(): number
}

interface Entry {
  id: string
  path: string
  at: number
}

export interface RecentProjects {
  /** Reads the persisted list; a missing or corrupt file means an empty list. */
  load(): Promise<void>
  /** Puts `path` first (keeping its id if it was there already) and persists. */
  add(path: string): Promise<void>
  /** What the renderer and the menu may see: no raw paths. */
  list(): RecentProjectEntry[]
  /** Main-side lookup of an id the renderer sent back. */
  pathOf(id: unknown): string | undefined
  remove(id: string): Promise<void>
  /** Resolves when every change so far is on disk (tests; quitting). */
  flush(): Promise<void>
}

/** `/home/ann/nets/iris.bps.json` → `~/nets`: enough to tell two `iris.bps.json` apart. */
export function folderLabel(path: string, homeDir?: string): string {
  const dir = dirname(path)
  if (homeDir && (dir === homeDir || dir.startsWith(homeDir + sep))) return '~' + dir.slice(homeDir.length)
  return dir
}

function isEntry(value: unknown): value is { path: string; at: number } {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.path === 'string' &&
    v.path.length <= MAX_PATH_LENGTH &&
    isAbsolute(v.path) &&
    typeof v.at === 'number' &&
    Number.isFinite(v.at)
  )
}

export function createRecentProjects(deps: RecentProjectsDeps): RecentProjects {
  const now = deps.now ?? Date.now
  let entries: Entry[] = []
  // Writes are chained so two quick changes cannot land on disk in the wrong order.
  let writing: Promise<void> = Promise.resolve()

  function persist(): Promise<void> {
    // Ids are not persisted: they only need to be stable while this process runs.
    const text = JSON.stringify({
      version: FILE_VERSION,
      entries: entries.map(({ path, at }) => ({ path, at }))
    })
    writing = writing
      .then(() => deps.writeText(deps.file, text))
      .catch((err: unknown) => {
        // The list still works for this session; losing it on disk is not worth an error dialog.
        console.warn(`could not save the recent projects: ${(err as Error).message}`)
      })
    deps.onChange?.()
    return writing
  }

  return {
    async load() {
      let parsed: unknown
      try {
        parsed = JSON.parse(await deps.readText(deps.file))
      } catch {
        // First run (no file) or a damaged file: start empty rather than refuse to start.
        parsed = null
      }
      const raw = (parsed as { entries?: unknown } | null)?.entries
      const seen = new Set<string>()
      entries = (Array.isArray(raw) ? raw : [])
        .filter(isEntry)
        .filter((e) => !seen.has(e.path) && seen.add(e.path))
        .slice(0, RECENT_PROJECTS_LIMIT)
        .map((e) => ({ id: deps.newId(), path: e.path, at: e.at }))
      deps.onChange?.()
    },

    add(path) {
      if (!isAbsolute(path) || path.length > MAX_PATH_LENGTH)
        return Promise.reject(new TypeError('recent projects: expected an absolute path from a dialog'))
      const old = entries.find((e) => e.path === path)
      entries = [
        { id: old?.id ?? deps.newId(), path, at: now() },
        ...entries.filter((e) => e.path !== path)
      ].slice(0, RECENT_PROJECTS_LIMIT)
      deps.addRecentDocument?.(path)
      return persist()
    },

    list: () =>
      entries.map(({ id, path, at }) => ({
        id,
        name: basename(path),
        dir: folderLabel(path, deps.homeDir),
        at
      })),

    pathOf(id) {
      if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) return undefined
      return entries.find((e) => e.id === id)?.path
    },

    remove(id) {
      const before = entries.length
      entries = entries.filter((e) => e.id !== id)
      return entries.length === before ? writing : persist()
    },

    flush: () => writing
  }
}

/** Errors that mean "the file is not there any more" rather than "could not read it". */

/**
 * The logic behind IPC `project:open-recent`, without Electron: looks the id up, re-reads the file
 * through the window's dialogs (which then remembers it, so Save writes back in place) and moves it to
 * the top. A missing or moved file is dropped from the list with a message the renderer shows.
 * Other failures (too large, no permission) throw, and the entry stays.
 */
export async function openRecentProject(
  recent: RecentProjects,
  id: unknown,
  openProjectFile: (path: string) => Promise<OpenedFile>
): Promise<OpenRecentResult> {
  const path = recent.pathOf(id)
  if (!path)
    return { ok: false, code: 'not-recent', message: 'That project is no longer in the recent list.' }
  try {
    const file = await openProjectFile(path)
    await recent.add(path)
    return { ok: true, file }
  } catch (err) {
    // Anything but a missing file (permission denied, too large) keeps the entry and says why.
    if (!isNotFound(err)) return failureOf(err)
    const entry = recent.list().find((e) => e.id === id)
    await recent.remove(id as string)
    // The entry was just listed; '…' only if it vanished meanwhile (never the raw path: no paths leave main).
    const params = { name: basename(path), dir: entry?.dir ?? '…' }
    return {
      ok: false,
      code: 'moved',
      params,
      message: `${params.name} is no longer in ${params.dir} (moved, renamed or deleted), so it was removed from the recent projects.`
    }
  }
}
