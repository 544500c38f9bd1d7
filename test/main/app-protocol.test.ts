import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { realpath, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  APP_INDEX_URL,
  createAppProtocolHandler,
  mimeType,
  resolveAppPath
} from '../../src/main/app-protocol'
import { expectedRenderer, isTrustedSender } from '../../src/main/ipc-guard'

const CSP = "default-src 'self'"
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'bps-app-protocol-')))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A built renderer folder under `install`, with a secret file beside it and symlinks out of it. */
function makeInstall(install: string): string {
  const root = join(scratch, install, 'out', 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><script type="module" src="./assets/index.js"></script>'
  )
  writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)')
  writeFileSync(join(root, 'assets', 'engine.wasm'), new Uint8Array([0, 97, 115, 109]))
  writeFileSync(join(scratch, install, 'secret.txt'), 'do not serve')
  symlinkSync(join(scratch, install, 'secret.txt'), join(root, 'assets', 'link-out.txt'))
  symlinkSync(join(scratch, install), join(root, 'dir-out'))
  symlinkSync(join(root, 'assets', 'index.js'), join(root, 'inside-link.js'))
  return root
}

const handlerFor = (root: string) =>
  createAppProtocolHandler({ root, csp: CSP, realpath, readFile: (p) => readFile(p) })

const get = (url: string, method = 'GET') => new Request(url, { method })

describe('resolveAppPath', () => {
  const root = '/opt/Backprop Studio/resources/app.asar/out/renderer'

  it('maps app://bundle paths into the renderer folder; / is index.html', () => {
    expect(resolveAppPath('app://bundle/index.html', root)).toEqual({ ok: true, path: `${root}/index.html` })
    expect(resolveAppPath('app://bundle/', root)).toEqual({ ok: true, path: `${root}/index.html` })
    expect(resolveAppPath('app://bundle/assets/index-AbC.js?v=1#x', root)).toEqual({
      ok: true,
      path: `${root}/assets/index-AbC.js`
    })
    expect(resolveAppPath('app://bundle/assets/a%20b%E4%B8%AD.js', root)).toEqual({
      ok: true,
      path: `${root}/assets/a b中.js`
    })
  })

  it('refuses `..` in every spelling', () => {
    for (const url of [
      'app://bundle/../secret.txt',
      'app://bundle/assets/../../secret.txt',
      'app://bundle/%2e%2e/secret.txt',
      'app://bundle/%2E%2E/%2e%2e/etc/passwd',
      'app://bundle/.%2e/secret.txt',
      'app://bundle/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://bundle/%252e%252e/secret.txt'
    ]) {
      const r = resolveAppPath(url, root)
      if (r.ok) expect(r.path.startsWith(`${root}/`), url).toBe(true)
      else expect(r.status, url).toBeGreaterThanOrEqual(400)
    }
    // The ones that decode to a `..` segment are refused outright, not just clamped.
    expect(resolveAppPath('app://bundle/assets/%2e%2e%2f%2e%2e%2fsecret.txt', root)).toMatchObject({
      ok: false,
      status: 403
    })
  })

  it('refuses absolute paths, backslashes, NUL and bad escapes', () => {
    expect(resolveAppPath('app://bundle//etc/passwd', root)).toMatchObject({ ok: false, status: 403 })
    expect(resolveAppPath('app://bundle/%2Fetc%2Fpasswd', root)).toMatchObject({ ok: false, status: 403 })
    expect(resolveAppPath('app://bundle/C:/Windows/win.ini', root)).toMatchObject({ ok: false, status: 403 })
    expect(resolveAppPath('app://bundle/..%5C..%5Csecret.txt', root)).toMatchObject({
      ok: false,
      status: 400
    })
    expect(resolveAppPath('app://bundle/a%00.js', root)).toMatchObject({ ok: false, status: 400 })
    expect(resolveAppPath('app://bundle/%E4%B8', root)).toMatchObject({ ok: false, status: 400 })
  })

  it('refuses other hosts and schemes', () => {
    expect(resolveAppPath('app://other/index.html', root)).toMatchObject({ ok: false, status: 403 })
    expect(resolveAppPath('file:///etc/passwd', root)).toMatchObject({ ok: false, status: 403 })
    expect(resolveAppPath('not a url', root)).toMatchObject({ ok: false, status: 400 })
  })
})

describe('the app:// handler over a real folder', () => {
  const root = makeInstall('plain')
  const handle = handlerFor(root)

  it('serves the page and its assets with their type and the CSP header', async () => {
    const page = await handle(get(APP_INDEX_URL))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CSP)
    expect(await page.text()).toContain('<script type="module"')
    const js = await handle(get('app://bundle/assets/index.js'))
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await js.text()).toBe('console.log(1)')
    const wasm = await handle(get('app://bundle/assets/engine.wasm'))
    expect(wasm.headers.get('content-type')).toBe('application/wasm')
  })

  it('sends the CSP with refusals and misses too', async () => {
    for (const url of ['app://bundle/nope.js', 'app://bundle/%2e%2e/secret.txt', 'app://bundle/assets'])
      expect((await handle(get(url))).headers.get('content-security-policy'), url).toBe(CSP)
  })

  it('never serves a file outside the folder, through `..`, `%2e%2e` or a symlink', async () => {
    for (const url of [
      'app://bundle/../../secret.txt',
      'app://bundle/%2e%2e/%2e%2e/secret.txt',
      'app://bundle/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://bundle/assets/link-out.txt',
      'app://bundle/dir-out/secret.txt'
    ]) {
      const r = await handle(get(url))
      expect(r.status, url).toBeGreaterThanOrEqual(400)
      expect(await r.text(), url).not.toContain('do not serve')
    }
    expect((await handle(get('app://bundle/assets/link-out.txt'))).status).toBe(403)
  })

  it('follows a symlink that stays inside', async () => {
    const r = await handle(get('app://bundle/inside-link.js'))
    expect(r.status).toBe(200)
    expect(await r.text()).toBe('console.log(1)')
  })

  it('answers 404 for missing files and folders, 405 for writes', async () => {
    expect((await handle(get('app://bundle/missing.js'))).status).toBe(404)
    expect((await handle(get('app://bundle/assets/'))).status).toBe(404)
    expect((await handle(new Request('app://bundle/index.html', { method: 'POST', body: 'x' }))).status).toBe(
      405
    )
  })
})

describe('install folders with characters a file:// URL would percent-encode', () => {
  // macOS iCloud Drive is …/com~apple~CloudDocs/…; the rest is what users name folders.
  const installs = [
    'Library/Mobile Documents/com~apple~CloudDocs/Backprop Studio',
    'tools [beta]/a^b|c',
    'percent 100% sure',
    '神经网络/Études/Ωmega'
  ]

  for (const install of installs)
    it(`serves and trusts the page installed under "${install}"`, async () => {
      const root = makeInstall(install)
      const handle = handlerFor(root)
      const page = await handle(get(APP_INDEX_URL))
      expect(page.status).toBe(200)
      expect((await handle(get('app://bundle/assets/index.js'))).status).toBe(200)
      // The URL Chromium reports for that page is the one main loaded: the sender check accepts it,
      // so IPC works from such a folder.
      expect(isTrustedSender(APP_INDEX_URL, expectedRenderer(undefined))).toBe(true)
      const out = await handle(get('app://bundle/%2e%2e/%2e%2e/secret.txt'))
      expect(out.status).toBe(404)
      expect(await out.text()).not.toContain('do not serve')
    })
})

describe('mimeType', () => {
  it('knows the types a Vite build emits and falls back to octet-stream', () => {
    expect(mimeType('a.CSS')).toBe('text/css; charset=utf-8')
    expect(mimeType('font.woff2')).toBe('font/woff2')
    expect(mimeType('x.unknown')).toBe('application/octet-stream')
  })
})
