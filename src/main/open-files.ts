/**
 * Files the operating system asks the app to open: a `.bps.json` or `.weights.json` double-clicked
 * (file associations), given on the command line, or handed over by a second launch (the
 * single-instance lock). Pure: which arguments are files, and what to do with each, with the
 * Electron side injected.
 */
import { basename, isAbsolute, resolve } from 'node:path'
import type { DesktopFailure } from '../preload/desktop-api'
import { failureOf } from './desktop-errors'
import { PROJECT_SUFFIX, WEIGHTS_SUFFIX } from './dialogs'

export type OpenKind = 'project' | 'weights'

export interface OpenRequest {
  kind: OpenKind
  /** Absolute. */
  path: string
}

export function openKind(path: string): OpenKind | null {
  const lower = path.toLowerCase()
  if (lower.endsWith(PROJECT_SUFFIX)) return 'project'
  if (lower.endsWith(WEIGHTS_SUFFIX)) return 'weights'
  return null
}

/**
 * The files among a command line's arguments, resolved against `cwd`. Flags (Chromium adds some, such
 * as `--original-process-start-time=…`, and a second instance's argv may be reordered), the
 * executable, and the app folder of `electron .` are not files we open, so anything that does not end
 * in one of our suffixes is ignored. Each file once, in order.
 */
export function openRequestsFromArgv(argv: readonly string[], cwd: string): OpenRequest[] {
  const out: OpenRequest[] = []
  const seen = new Set<string>()
  for (const arg of argv) {
    if (arg.startsWith('-') || arg.includes('\0')) continue
    const kind = openKind(arg)
    if (!kind) continue
    const path = isAbsolute(arg) ? resolve(arg) : resolve(cwd, arg)
    if (seen.has(path)) continue
    seen.add(path)
    out.push({ kind, path })
  }
  return out
}

/** What a launch passes to requestSingleInstanceLock, so the first instance gets exact paths. */
export interface SecondInstanceData {
  files: string[]
}

export function secondInstanceData(argv: readonly string[], cwd: string): SecondInstanceData {
  return { files: openRequestsFromArgv(argv, cwd).map((r) => r.path) }
}

/**
 * The `second-instance` event's files: from `additionalData` when it is ours (Electron's argv may be
 * reordered or have Chromium flags added), else from its argv and working directory.
 */
export function openRequestsFromSecondInstance(
  argv: readonly string[],
  workingDirectory: string,
  additionalData: unknown
): OpenRequest[] {
  const files = (additionalData as Partial<SecondInstanceData> | null | undefined)?.files
  if (Array.isArray(files) && files.every((f) => typeof f === 'string' && isAbsolute(f)))
    return openRequestsFromArgv(files, workingDirectory)
  return openRequestsFromArgv(argv, workingDirectory)
}

export interface OpenFileDeps {
  /** Records a project in the recent list (main's own list) and returns its id. */
  rememberProject(path: string): Promise<string>
  /** The renderer opens the recent entry `id` after its usual unsaved-work question. */
  openProject(id: string): void
  readWeights(path: string): Promise<{ name: string; text: string }>
  /** The renderer imports these weights. */
  openWeights(file: { name: string; text: string }): void
  /**
   * The file cannot be opened: `message` is the English sentence for main's log; `name` (the base name)
   * and `failure` (a code and params) let main word the user's box in their language.
   */
  report(message: string, detail: { name: string; failure: DesktopFailure }): void
}

/** Hands one file to the renderer; failures are reported, never thrown (this runs from OS events). */
export async function deliverOpenRequest(request: OpenRequest, deps: OpenFileDeps): Promise<void> {
  try {
    if (request.kind === 'project') deps.openProject(await deps.rememberProject(request.path))
    else deps.openWeights(await deps.readWeights(request.path))
  } catch (err) {
    const failure = failureOf(err)
    deps.report(`Could not open ${request.path}: ${failure.message}`, {
      name: basename(request.path),
      failure
    })
  }
}

/**
 * Requests that arrive before the window can take them (macOS sends `open-file` before `ready`; the
 * first launch's own argv) wait here and go out, in order, once the page is loaded.
 */
export function createOpenQueue(deliver: (request: OpenRequest) => void): {
  push(request: OpenRequest): void
  /** The page can take requests now (and from now on). */
  open(): void
  /** The page went away (a reload); hold requests again until `open`. */
  hold(): void
  readonly pending: number
} {
  let isOpen = false
  const queue: OpenRequest[] = []
  return {
    push(request) {
      if (isOpen) deliver(request)
      else queue.push(request)
    },
    open() {
      isOpen = true
      for (const request of queue.splice(0)) deliver(request)
    },
    hold() {
      isOpen = false
    },
    get pending() {
      return queue.length
    }
  }
}
