import { describe, expect, it } from 'vitest'
import { pathToFileURL } from 'node:url'
import {
  assertTrustedSender,
  expectedRenderer,
  guarded,
  isTrustedSender,
  UntrustedSenderError
} from '../../src/main/ipc-guard'

const indexHtml = '/opt/Backprop Studio/resources/app/out/renderer/index.html'
const indexUrl = pathToFileURL(indexHtml).href

describe('expectedRenderer', () => {
  it('uses the dev server origin when ELECTRON_RENDERER_URL is set', () => {
    expect(expectedRenderer('http://localhost:5173/', indexHtml)).toEqual({
      kind: 'dev',
      origin: 'http://localhost:5173'
    })
  })

  it('uses the packaged index.html otherwise', () => {
    expect(expectedRenderer(undefined, indexHtml)).toEqual({
      kind: 'file',
      pathname: '/opt/Backprop%20Studio/resources/app/out/renderer/index.html'
    })
  })

  it('refuses a dev URL that is not http(s)', () => {
    expect(() => expectedRenderer('file:///etc/passwd', indexHtml)).toThrow(/http\(s\)/)
  })
})

describe('isTrustedSender', () => {
  const packaged = expectedRenderer(undefined, indexHtml)
  const dev = expectedRenderer('http://localhost:5173', indexHtml)

  it('trusts the packaged page, whatever its hash or query', () => {
    expect(isTrustedSender(indexUrl, packaged)).toBe(true)
    expect(isTrustedSender(`${indexUrl}#/graph?x=1`, packaged)).toBe(true)
  })

  it('distrusts other files, other schemes and remote hosts in production', () => {
    expect(isTrustedSender('file:///tmp/evil.html', packaged)).toBe(false)
    expect(isTrustedSender(indexUrl.replace('index.html', 'other.html'), packaged)).toBe(false)
    expect(isTrustedSender(indexUrl.replace('file:///', 'file://attacker/'), packaged)).toBe(false)
    expect(isTrustedSender('https://example.com/out/renderer/index.html', packaged)).toBe(false)
    expect(isTrustedSender('http://localhost:5173/', packaged)).toBe(false)
  })

  it('trusts only the dev server origin in development', () => {
    expect(isTrustedSender('http://localhost:5173/', dev)).toBe(true)
    expect(isTrustedSender('http://localhost:5173/index.html#x', dev)).toBe(true)
    expect(isTrustedSender('http://localhost:5174/', dev)).toBe(false)
    expect(isTrustedSender('https://localhost:5173/', dev)).toBe(false)
    expect(isTrustedSender('http://localhost.evil.com:5173/', dev)).toBe(false)
    expect(isTrustedSender(indexUrl, dev)).toBe(false)
  })

  it('distrusts missing and unparsable URLs', () => {
    expect(isTrustedSender(undefined, packaged)).toBe(false)
    expect(isTrustedSender('', packaged)).toBe(false)
    expect(isTrustedSender('not a url', packaged)).toBe(false)
  })
})

describe('guarded IPC handlers', () => {
  const expected = expectedRenderer(undefined, indexHtml)
  const top = (url: string) => ({ senderFrame: { url, parent: null } })

  it('runs the handler for the app page’s top frame', () => {
    const handler = guarded('dialog:open-csv', expected, (_e, n: number) => n * 2)
    expect(handler(top(indexUrl), 21)).toBe(42)
  })

  it('refuses other pages, sub-frames and destroyed frames, naming the channel', () => {
    let calls = 0
    const handler = guarded('dialog:open-csv', expected, () => ++calls)
    expect(() => handler(top('https://evil.example/'))).toThrow(UntrustedSenderError)
    expect(() => handler(top('https://evil.example/'))).toThrow(/dialog:open-csv.*evil\.example/)
    expect(() => handler({ senderFrame: { url: indexUrl, parent: {} } })).toThrow(UntrustedSenderError)
    expect(() => handler({ senderFrame: null })).toThrow(/destroyed frame/)
    expect(calls).toBe(0)
  })

  it('assertTrustedSender passes silently for a trusted event', () => {
    expect(() => assertTrustedSender(top(indexUrl), 'engine:connect', expected)).not.toThrow()
  })
})
