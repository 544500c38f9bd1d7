import { describe, expect, it } from 'vitest'
import { APP_INDEX_URL } from '../../src/main/app-protocol'
import {
  assertTrustedSender,
  expectedRenderer,
  guarded,
  guardedListener,
  isTrustedSender,
  UntrustedSenderError
} from '../../src/main/ipc-guard'

describe('expectedRenderer', () => {
  it('uses the dev server origin when ELECTRON_RENDERER_URL is set', () => {
    expect(expectedRenderer('http://localhost:5173/')).toEqual({
      kind: 'dev',
      origin: 'http://localhost:5173'
    })
  })

  it('uses the app:// origin otherwise: no install path is part of it', () => {
    expect(expectedRenderer(undefined)).toEqual({ kind: 'app', origin: 'app://bundle' })
  })

  it('refuses a dev URL that is not http(s)', () => {
    expect(() => expectedRenderer('file:///etc/passwd')).toThrow(/http\(s\)/)
  })
})

describe('isTrustedSender', () => {
  const packaged = expectedRenderer(undefined)
  const dev = expectedRenderer('http://localhost:5173')

  it('trusts the packaged page, whatever its hash or query', () => {
    expect(isTrustedSender(APP_INDEX_URL, packaged)).toBe(true)
    expect(isTrustedSender('app://bundle/', packaged)).toBe(true)
    expect(isTrustedSender(`${APP_INDEX_URL}#/graph?x=1`, packaged)).toBe(true)
    expect(isTrustedSender(`${APP_INDEX_URL}?lang=zh`, packaged)).toBe(true)
  })

  it('distrusts file:// pages, other app:// hosts and pages, and remote hosts in production', () => {
    expect(isTrustedSender('file:///tmp/evil.html', packaged)).toBe(false)
    expect(isTrustedSender('file:///opt/app/out/renderer/index.html', packaged)).toBe(false)
    expect(isTrustedSender('app://bundle/other.html', packaged)).toBe(false)
    expect(isTrustedSender('app://bundle/assets/index.html', packaged)).toBe(false)
    expect(isTrustedSender('app://evil/index.html', packaged)).toBe(false)
    expect(isTrustedSender('app://user@bundle/index.html', packaged)).toBe(false)
    expect(isTrustedSender('app://bundle:8080/index.html', packaged)).toBe(false)
    expect(isTrustedSender('https://bundle/index.html', packaged)).toBe(false)
    expect(isTrustedSender('http://localhost:5173/', packaged)).toBe(false)
  })

  it('trusts the dev server origin only during development', () => {
    expect(isTrustedSender('http://localhost:5173/', dev)).toBe(true)
    expect(isTrustedSender('http://localhost:5173/index.html#x', dev)).toBe(true)
    expect(isTrustedSender('http://localhost:5174/', dev)).toBe(false)
    expect(isTrustedSender('https://localhost:5173/', dev)).toBe(false)
    expect(isTrustedSender('http://localhost.evil.com:5173/', dev)).toBe(false)
    expect(isTrustedSender(APP_INDEX_URL, dev)).toBe(false)
  })

  it('distrusts missing and unparsable URLs', () => {
    expect(isTrustedSender(undefined, packaged)).toBe(false)
    expect(isTrustedSender('', packaged)).toBe(false)
    expect(isTrustedSender('not a url', packaged)).toBe(false)
  })
})

describe('guarded IPC handlers', () => {
  const expected = expectedRenderer(undefined)
  const top = (url: string) => ({ senderFrame: { url, parent: null } })

  it('runs the handler for the app page’s top frame', () => {
    const handler = guarded('dialog:open-csv', expected, (_e, n: number) => n * 2)
    expect(handler(top(APP_INDEX_URL), 21)).toBe(42)
  })

  it('refuses other pages, sub-frames and destroyed frames, naming the channel', () => {
    let calls = 0
    const handler = guarded('dialog:open-csv', expected, () => ++calls)
    expect(() => handler(top('https://evil.example/'))).toThrow(UntrustedSenderError)
    expect(() => handler(top('https://evil.example/'))).toThrow(/dialog:open-csv.*evil\.example/)
    expect(() => handler({ senderFrame: { url: APP_INDEX_URL, parent: {} } })).toThrow(UntrustedSenderError)
    expect(() => handler({ senderFrame: null })).toThrow(/destroyed frame/)
    expect(calls).toBe(0)
  })

  it('assertTrustedSender passes silently for a trusted event', () => {
    expect(() => assertTrustedSender(top(APP_INDEX_URL), 'engine:connect', expected)).not.toThrow()
  })
})

describe('guarded ipcMain.on listeners', () => {
  const expected = expectedRenderer(undefined)
  const top = (url: string) => ({ senderFrame: { url, parent: null } })

  it('runs the listener for the app page and only logs a refusal (a throw there is a main-process dialog)', () => {
    const calls: string[] = []
    const logged: string[] = []
    const listener = guardedListener(
      'engine:connect',
      expected,
      (_e, id: string) => void calls.push(id),
      (m) => logged.push(m)
    )
    listener(top(APP_INDEX_URL), 'r1')
    expect(() =>
      listener(top('file:///Users/ann/Library/Mobile%20Documents/com~apple~CloudDocs/x.html'), 'r2')
    ).not.toThrow()
    expect(() => listener({ senderFrame: null }, 'r3')).not.toThrow()
    expect(calls).toEqual(['r1'])
    expect(logged).toHaveLength(2)
    expect(logged[0]).toMatch(/refused IPC "engine:connect"/)
  })

  it('logs, rather than throws, an error inside the listener', () => {
    const logged: string[] = []
    const listener = guardedListener(
      'engine:restart',
      expected,
      () => {
        throw new Error('boom')
      },
      (m) => logged.push(m)
    )
    expect(() => listener(top(APP_INDEX_URL))).not.toThrow()
    expect(logged).toEqual(['boom'])
  })
})
