/**
 * The renderer is served from `app://bundle/…`, a privileged custom scheme answered by
 * `protocol.handle`, instead of `file://` (Electron security checklist item 18: a `file://` page may
 * read any local file). The handler below maps a URL to a file strictly inside the built renderer
 * folder and sends the CSP as a header on every response. Pure apart from the injected file system,
 * so the path rules are unit-tested without Electron.
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

export const APP_SCHEME = 'app'
/** One fixed host: the page's origin is then `app://bundle`, whatever folder the app is installed in. */
export const APP_HOST = 'bundle'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/**
 * For protocol.registerSchemesAsPrivileged (before `ready`). `standard` gives the page a real origin
 * (relative URLs, localStorage), `secure` makes it a secure context, `supportFetchAPI` lets module
 * scripts and `fetch` load from it; `codeCache` keeps start-up fast. CSP is not bypassed.
 */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true }
} as const

export type Resolution = { ok: true; path: string } | { ok: false; status: 400 | 403 | 404; reason: string }

/** True when `child` is `root` itself or lies inside it (both absolute, already normalised). */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && rel.split(sep)[0] !== '..')
}

/**
 * The file an `app://bundle/…` URL names inside `root`, by its text alone (symlinks are checked by
 * the handler). Refuses another scheme or host, a path that is absolute once decoded (a drive letter,
 * a UNC or doubled slash), a NUL or backslash, and any `..` segment, whether written as `..`,
 * `%2e%2e` or `%2E.`: WHATWG URL parsing already folds the plain and percent-encoded dot segments,
 * and the decoded path is checked again so nothing that parsing leaves encoded can climb out.
 */
export function resolveAppPath(url: string, root: string): Resolution {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' }
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST)
    return { ok: false, status: 403, reason: `not ${APP_ORIGIN}` }
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' }
  }
  if (path === '/' || path === '') path = '/index.html'
  if (path.includes('\0') || path.includes('\\')) return { ok: false, status: 400, reason: 'bad character' }
  const segments = path.split('/').slice(1)
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403, reason: 'dot segment' }
  if (segments[0] === '' || /^[a-zA-Z]:$/.test(segments[0] ?? ''))
    return { ok: false, status: 403, reason: 'absolute path' }
  const full = resolve(root, ...segments)
  if (!isInside(root, full) || full === root) return { ok: false, status: 403, reason: 'outside the app' }
  return { ok: true, path: full }
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8'
}

export function mimeType(path: string): string {
  return mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

export interface AppProtocolDeps {
  /** The built renderer folder (out/renderer), absolute; inside app.asar when packaged. */
  root: string
  csp: string
  /** fs.realpath: symlinks are followed and the target must still be inside the real root. */
  realpath(path: string): Promise<string>
  readFile(path: string): Promise<Uint8Array>
}

/** The `protocol.handle(APP_SCHEME, …)` handler. Every answer, errors included, carries the CSP. */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  let realRoot: Promise<string> | null = null
  const headers = (type: string) => ({
    'Content-Type': type,
    'Content-Security-Policy': deps.csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache'
  })
  const refuse = (status: number, reason: string) =>
    new Response(`${status} ${reason}`, { status, headers: headers('text/plain; charset=utf-8') })

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'method not allowed')
    const resolved = resolveAppPath(request.url, deps.root)
    if (!resolved.ok) return refuse(resolved.status, resolved.reason)
    let file: string
    try {
      realRoot ??= deps.realpath(deps.root)
      const [rootReal, fileReal] = await Promise.all([realRoot, deps.realpath(resolved.path)])
      if (!isInside(rootReal, fileReal)) return refuse(403, 'outside the app')
      file = fileReal
    } catch {
      return refuse(404, 'not found')
    }
    let body: Uint8Array
    try {
      body = await deps.readFile(file)
    } catch {
      // A folder, or a file removed since: either way there is nothing to serve.
      return refuse(404, 'not found')
    }
    return new Response(request.method === 'HEAD' ? null : (body as BodyInit), {
      status: 200,
      headers: headers(mimeType(file))
    })
  }
}
