/**
 * IPC sender validation (Electron security checklist item 17): main answers only the app's own page —
 * the dev server's origin during development, the packaged index.html file otherwise — and only its
 * top frame.
 */
import { pathToFileURL } from 'node:url'

export type ExpectedRenderer = { kind: 'dev'; origin: string } | { kind: 'file'; pathname: string }

/**
 * Where the app's page comes from: `devUrl` is ELECTRON_RENDERER_URL (set by `electron-vite dev`),
 * `indexHtml` the absolute path of the built out/renderer/index.html.
 */
export function expectedRenderer(devUrl: string | undefined, indexHtml: string): ExpectedRenderer {
  if (devUrl) {
    const url = new URL(devUrl)
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`ELECTRON_RENDERER_URL must be an http(s) URL, got ${devUrl}`)
    return { kind: 'dev', origin: url.origin }
  }
  return { kind: 'file', pathname: pathToFileURL(indexHtml).pathname }
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
  return parsed.protocol === 'file:' && parsed.host === '' && parsed.pathname === expected.pathname
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

/** Wraps an IPC handler so it runs only for trusted senders. */
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
