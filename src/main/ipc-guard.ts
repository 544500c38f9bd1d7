/**
 * IPC sender validation (Electron security checklist item 17): main answers only the app's own page —
 * the dev server's origin during development, `app://bundle` otherwise (see app-protocol.ts) — and only
 * its top frame. The packaged page's URL never contains the install folder, so a path such as
 * `…/com~apple~CloudDocs/…` or one with spaces, `[ ] ^ | %` or non-ASCII letters cannot make the check
 * disagree with the URL Chromium reports.
 */
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './app-protocol'

export type ExpectedRenderer = { kind: 'dev'; origin: string } | { kind: 'app'; origin: typeof APP_ORIGIN }

/** Where the app's page comes from: `devUrl` is ELECTRON_RENDERER_URL (set by `electron-vite dev`). */
export function expectedRenderer(devUrl: string | undefined): ExpectedRenderer {
  if (devUrl) {
    const url = new URL(devUrl)
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`ELECTRON_RENDERER_URL must be an http(s) URL, got ${devUrl}`)
    return { kind: 'dev', origin: url.origin }
  }
  return { kind: 'app', origin: APP_ORIGIN }
}

/** True when `url` (a frame's URL) is the app's own page; query and hash do not matter. */
export function isTrustedSender(url: string | undefined | null, expected: ExpectedRenderer): boolean {
  if (!url) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (expected.kind === 'dev') return parsed.origin === expected.origin
  // A non-special scheme has an opaque `origin` in WHATWG URL, so compare its parts.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    (parsed.pathname === '/index.html' || parsed.pathname === '/')
  )
}

/** The part of an IpcMainEvent / IpcMainInvokeEvent the guard reads. */
export interface SenderEvent {
  senderFrame: { url: string; parent: unknown } | null
}

export class UntrustedSenderError extends Error {
  constructor(channel: string, url: string | undefined) {
    super(`refused IPC "${channel}" from ${url ?? 'a destroyed frame'}`)
    this.name = 'UntrustedSenderError'
  }
}

/** Throws unless the event comes from the app page's top frame. */
export function assertTrustedSender(event: SenderEvent, channel: string, expected: ExpectedRenderer): void {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null || !isTrustedSender(frame.url, expected))
    throw new UntrustedSenderError(channel, frame?.url)
}

/**
 * Wraps an `ipcMain.handle` handler so it runs only for trusted senders; a refusal rejects the
 * renderer's invoke() with the reason.
 */
export function guarded<E extends SenderEvent, A extends unknown[], R>(
  channel: string,
  expected: ExpectedRenderer,
  handler: (event: E, ...args: A) => R
): (event: E, ...args: A) => R {
  return (event, ...args) => {
    assertTrustedSender(event, channel, expected)
    return handler(event, ...args)
  }
}

/**
 * Wraps an `ipcMain.on` listener. There is no one to reject to: an exception thrown in such a
 * listener becomes main's uncaught-exception dialog, so a refusal (or a failure in the listener) is
 * reported to `log` and goes no further.
 */
export function guardedListener<E extends SenderEvent, A extends unknown[]>(
  channel: string,
  expected: ExpectedRenderer,
  listener: (event: E, ...args: A) => void,
  log: (message: string) => void = console.warn
): (event: E, ...args: A) => void {
  return (event, ...args) => {
    try {
      assertTrustedSender(event, channel, expected)
      listener(event, ...args)
    } catch (err) {
      log(err instanceof Error ? err.message : String(err))
    }
  }
}
