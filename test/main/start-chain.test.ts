/**
 * `npm start` on a fresh install: Electron ≥ 42 has no postinstall, so `node_modules/electron` has no
 * binary and no path.txt until something fetches it, and `electron-vite preview` alone only throws
 * "Electron uninstall". The start chain must fetch it first. These tests run the real chain with npm
 * in a copy of a fresh install (the `electron` package as npm installs it, without path.txt), with
 * Electron's download pointed at a local server that records what is asked for and answers 404 — so
 * nothing is downloaded and the real node_modules is never touched.
 */
import { spawn } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyFromCheckout, electronPackage, repo, scratchDir } from './checkout'

const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
  engines: { node: string }
}

let server: Server
let mirror = ''
const requests: string[] = []
const scratch = scratchDir('bps-start-chain-')

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '')
    res.writeHead(404).end('not here')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})
afterAll(() => {
  server.close()
})

/**
 * A fresh install in a temp folder: our package.json and scripts, the `electron` package copied as npm
 * installs it (no dist/, no path.txt), its dependencies and electron-vite linked from this checkout.
 * `nodeRange` replaces Electron's engines.node, so the chain can be followed past the Node check on
 * the Node this test runs on.
 */
function freshInstall(name: string, nodeRange?: string): string {
  const dir = join(scratch, name)
  const modules = join(dir, 'node_modules')
  mkdirSync(join(modules, '.bin'), { recursive: true })
  copyFromCheckout(dir, ['package.json', 'scripts'])
  const electron = join(modules, 'electron')
  mkdirSync(electron)
  for (const file of ['package.json', 'install.js', 'cli.js', 'index.js', 'checksums.json'])
    copyFileSync(join(repo, 'node_modules/electron', file), join(electron, file))
  expect(existsSync(join(electron, 'path.txt'))).toBe(false)
  if (nodeRange) {
    const copy = { ...electronPackage, engines: { node: nodeRange } }
    writeFileSync(join(electron, 'package.json'), JSON.stringify(copy))
  }
  for (const dep of ['@electron', '@electron-internal', 'electron-vite'])
    symlinkSync(join(repo, 'node_modules', dep), join(modules, dep))
  symlinkSync('../electron/install.js', join(modules, '.bin/install-electron'))
  symlinkSync('../electron-vite/bin/electron-vite.js', join(modules, '.bin/electron-vite'))
  chmodSync(join(electron, 'install.js'), 0o755)
  return dir
}

function npm(cwd: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn('npm', args, {
      cwd,
      env: {
        ...process.env,
        ELECTRON_MIRROR: mirror,
        electron_config_cache: join(cwd, '.electron-cache'),
        ELECTRON_GET_USE_PROXY: '',
        npm_config_update_notifier: 'false',
        npm_config_fund: 'false'
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.on('close', (code) => done({ code, output }))
  })
}

describe('the start chain', () => {
  it('fetches Electron before starting: prestart and predev check Node, then run install-electron', () => {
    for (const script of ['prestart', 'predev'])
      expect(pkg.scripts[script]).toBe('node scripts/check-node.cjs && install-electron')
    expect(pkg.scripts.start).toBe('electron-vite preview')
    expect(pkg.scripts.dev).toBe('electron-vite dev')
    // `engines` names the Node the desktop app needs, the same as Electron's own.
    expect(pkg.engines.node.replace(/\s/g, '')).toBe(
      electronPackage.engines.node.replace(/\s/g, '').replace(/\.0$/, '')
    )
  })

  it("a fresh install's `npm start` reaches Electron's binary download when path.txt is missing", async () => {
    const dir = freshInstall('fresh', `>= ${process.versions.node}`)
    requests.length = 0
    const { code, output } = await npm(dir, ['start'])
    const zip = `electron-v${electronPackage.version}-${process.platform}-${process.arch}.zip`
    expect(
      requests.some((r) => r.endsWith(zip)),
      `asked the mirror for ${zip}; got ${requests.join(', ')}`
    ).toBe(true)
    // The download failed (404), so the chain stopped there: electron-vite never ran.
    expect(code).not.toBe(0)
    expect(output).not.toContain('Electron uninstall')
    expect(output).not.toMatch(/electron-vite preview\n/)
    expect(existsSync(join(dir, 'node_modules/electron/path.txt'))).toBe(false)
  }, 120_000)

  it('`npm run dev` takes the same path', async () => {
    const dir = freshInstall('fresh-dev', `>= ${process.versions.node}`)
    requests.length = 0
    const { code } = await npm(dir, ['run', 'dev'])
    expect(code).not.toBe(0)
    expect(requests.some((r) => r.includes(`electron-v${electronPackage.version}-`))).toBe(true)
  }, 120_000)

  it('on a Node older than Electron needs, says so in one sentence and downloads nothing', async () => {
    // Electron's range raised past this Node, whichever Node runs the test.
    const [major] = process.versions.node.split('.').map(Number)
    const dir = freshInstall('old-node', `>= ${major + 1}.0.0`)
    requests.length = 0
    const { code, output } = await npm(dir, ['start', '--silent'])
    expect(code).toBe(1)
    const lines = output
      .trim()
      .split('\n')
      .filter((l) => !/^npm (warn|notice)/i.test(l))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      new RegExp(`needs Node\\.js ${major + 1}\\.0\\.0 or newer.*this is Node\\.js ${process.versions.node}`)
    )
    expect(output).not.toMatch(/\n\s+at /)
    expect(requests).toEqual([])
  }, 120_000)
})
