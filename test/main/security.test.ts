import { describe, expect, it } from 'vitest'
import { pathToFileURL } from 'node:url'
import { expectedRenderer } from '../../src/main/ipc-guard'
import {
  contentSecurityPolicy,
  denyPermissionCheck,
  denyPermissionRequest,
  isNavigationAllowed,
  windowOpenDecision,
  withCspHeader
} from '../../src/main/security'

/** `script-src 'self'` → { 'script-src': ["'self'"] } */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/)
      return [name, values]
    })
  )
}

describe('contentSecurityPolicy', () => {
  it('allows only the app’s own scripts, never inline or eval', () => {
    const csp = directives(contentSecurityPolicy())
    expect(csp['default-src']).toEqual(["'self'"])
    expect(csp['script-src']).toEqual(["'self'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-eval/)
    // Vue Flow positions nodes with inline styles; that is the one inline allowance.
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"])
  })

  it('opens the dev server websocket only in development', () => {
    expect(directives(contentSecurityPolicy())['connect-src']).toEqual(["'self'"])
    expect(directives(contentSecurityPolicy('http://localhost:5173'))['connect-src']).toEqual([
      "'self'",
      'ws://localhost:5173'
    ])
  })
})

describe('navigation and windows', () => {
  const expected = expectedRenderer(undefined)

  it('blocks every navigation away from the app page', () => {
    expect(isNavigationAllowed('https://example.com/', expected)).toBe(false)
    expect(isNavigationAllowed('file:///home/user/data.csv', expected)).toBe(false)
    expect(isNavigationAllowed('javascript:alert(1)', expected)).toBe(false)
    // The page is served as app://bundle; its file:// twin is no longer the app.
    expect(isNavigationAllowed(pathToFileURL('/app/out/renderer/index.html').href, expected)).toBe(false)
    expect(isNavigationAllowed('app://bundle/index.html', expected)).toBe(true)
    expect(isNavigationAllowed('app://other/index.html', expected)).toBe(false)
  })

  it('denies every new window', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' })
  })
})

describe('permissions', () => {
  it('denies every permission request and check', () => {
    const answers: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read'])
      denyPermissionRequest({}, permission, (granted) => answers.push(granted))
    expect(answers).toEqual([false, false, false, false])
    expect(denyPermissionCheck()).toBe(false)
  })
})

describe('withCspHeader', () => {
  it('replaces any CSP the server sent and keeps the other headers', () => {
    const out = withCspHeader(
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      "default-src 'self'"
    )
    expect(out).toEqual({ 'Content-Security-Policy': ["default-src 'self'"], 'Content-Type': ['text/html'] })
  })
})
