/**
 * Security policy as pure decisions; index.ts wires them to Electron's events. See the Electron
 * security checklist (docs/tutorial/security.md) and DESIGN §7.
 */
import { isTrustedSender, type ExpectedRenderer } from './ipc-guard'

/**
 * The renderer's Content-Security-Policy. `'unsafe-inline'` styles are needed because Vue Flow
 * positions nodes with inline `style`; scripts are never inline. In development the dev server's
 * websocket (hot reload) is allowed as well.
 */
export function contentSecurityPolicy(devOrigin?: string): string {
  const connect = ["'self'"]
  if (devOrigin) connect.push(devOrigin.replace(/^http/, 'ws'))
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'"
  ].join('; ')
}

/**
 * `will-navigate`: the app is a single page, so a navigation is a bug or an attack (a dropped file,
 * a link in a CSV cell). Only the app's own page may load (a reload during development).
 */
export function isNavigationAllowed(url: string, expected: ExpectedRenderer): boolean {
  return isTrustedSender(url, expected)
}

/** `setWindowOpenHandler`: no second windows and no pop-ups, ever. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' }
}

/** `setPermissionRequestHandler`: camera, notifications, geolocation… the app needs none of them. */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void
): void {
  callback(false)
}

/** `setPermissionCheckHandler`: the synchronous variant. */
export function denyPermissionCheck(): boolean {
  return false
}

/** Adds the CSP header to the response headers (dev server responses; file:// pages rely on the meta tag). */
export function withCspHeader(
  headers: Record<string, string[] | string> | undefined,
  csp: string
): Record<string, string[] | string> {
  const out: Record<string, string[] | string> = {}
  for (const [name, value] of Object.entries(headers ?? {}))
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value
  out['Content-Security-Policy'] = [csp]
  return out
}
