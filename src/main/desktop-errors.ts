/**
 * Main's refusals as a code and params (issue 13). Electron's `ipcMain.handle` turns a thrown error
 * into a rejection that carries only an English message string, so the handlers answer with a
 * DesktopReply instead and the renderer words the code in the user's language; main's own boxes word
 * it from strings.ts. No Electron here, so tests load it.
 */
import type { DesktopErrorCode, DesktopFailure, DesktopReply } from '../preload/desktop-api'

export type DesktopParams = Record<string, string | number>

/** A refusal main words itself nowhere: `message` is the English sentence for its log. */
export class DesktopError extends Error {
  constructor(
    readonly code: DesktopErrorCode,
    readonly params: DesktopParams,
    message: string
  ) {
    super(message)
    this.name = 'DesktopError'
  }
}

/** The OS's code of a failed file system call (ENOENT, EACCES, …); 'unknown' when it has none. */
export function errnoOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : 'unknown'
}

/** The file system refusals worded on their own (`params.variant` of read-failed / write-failed). */
export type FsVariant = 'not-found' | 'permission-denied' | 'is-directory' | 'disk-full' | 'read-only'

/** The common codes get a sentence of their own; the rest are shown as the OS's code. */
const FS_VARIANTS: Record<string, FsVariant> = {
  ENOENT: 'not-found',
  ENOTDIR: 'not-found',
  EACCES: 'permission-denied',
  EPERM: 'permission-denied',
  EISDIR: 'is-directory',
  ENOSPC: 'disk-full',
  EROFS: 'read-only'
}

/** A failed read or write of `name` (a base name: no paths leave main), from the file system's error. */
export function fsError(code: 'read-failed' | 'write-failed', name: string, err: unknown): DesktopError {
  const params: DesktopParams = { name, errno: errnoOf(err) }
  const variant = FS_VARIANTS[params.errno]
  if (variant) params.variant = variant
  const verb = code === 'read-failed' ? 'read' : 'write'
  return new DesktopError(code, params, `Could not ${verb} ${name} (${params.errno})`)
}

/** True when a failure means the file is not there (moved, renamed, deleted). */
export const isNotFound = (err: unknown): boolean =>
  err instanceof DesktopError ? err.params.variant === 'not-found' : FS_VARIANTS[errnoOf(err)] === 'not-found'

/** Any error as the failure main sends: a DesktopError's code, anything else as `unexpected`. */
export function failureOf(err: unknown): DesktopFailure {
  if (err instanceof DesktopError)
    return { ok: false, code: err.code, params: { ...err.params }, message: err.message }
  const message = err instanceof Error ? err.message : String(err)
  return { ok: false, code: 'unexpected', params: { message }, message }
}

/** Runs a handler and answers with its value or, when it throws, the failure (never a rejection). */
export async function reply<T>(fn: () => T | Promise<T>): Promise<DesktopReply<T>> {
  try {
    return { ok: true, value: await fn() }
  } catch (err) {
    return failureOf(err)
  }
}
