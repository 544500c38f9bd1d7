/**
 * The packaging config (electron-builder.yml) against electron-builder's own validator and JSON
 * schema (app-builder-lib's scheme.json), what the issue asks of it, and a real electron-builder run
 * on the real build output: the fuses it flips and the files it packs into app.asar are the ones the
 * code loads (main, the utility-process chunk, the preload, the renderer). Electron's own
 * distribution cannot be downloaded here, so that run packs a stand-in binary carrying Electron's
 * fuse wire; the installers themselves (`npm run dist`) are not built.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, posix } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { extractFile, listPackage } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { Arch, build as buildApp, Platform } from 'electron-builder'
// electron-builder's own config loader and validator (the code `electron-builder` runs first).
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import { DESKTOP_DEV_PORT } from '../../electron.vite.config'
import { ICON_SIZES, renderIcons, writeIcons } from '../../scripts/make-icons.mjs'
import { copyFromCheckout, electronPackage, repo, scratchDir } from './checkout'

const electronVersion = electronPackage.version
/** @electron/fuses' marker in the Electron binary, followed by the fuse wire. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
type Config = Awaited<ReturnType<typeof getConfig>>
let config: Config
const scratch = scratchDir('bps-builder-')

beforeAll(async () => {
  config = await getConfig(repo, null, null)
})

const validate = (c: unknown) => validateConfiguration(c as Config, new DebugLogger(false))

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validate(config)).resolves.toBeUndefined()
  })

  it('the same validation refuses a wrong option (so the check above can fail)', async () => {
    await expect(validate({ ...config, electronFuses: { runAsNodee: false } })).rejects.toThrow(
      /configuration\.electronFuses/
    )
    await expect(validate({ ...config, nsis: { ...config.nsis, oneClick: 'yes' } })).rejects.toThrow(
      /nsis\.oneClick/
    )
  })

  it('names the app and builds AppImage + deb, dmg and NSIS', () => {
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/)
    expect(config.productName).toBe('Backprop Studio')
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.mac?.target).toEqual(['dmg'])
    expect(config.win?.target).toEqual(['nsis'])
    expect(config.asar).toBe(true)
  })

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('associates .bps.json and .weights.json with the app', () => {
    const assoc = [config.fileAssociations].flat().filter(Boolean) as { ext: string; mimeType?: string }[]
    expect(assoc.map((a) => a.ext)).toEqual(['bps.json', 'weights.json'])
    expect(assoc.every((a) => a.mimeType)).toBe(true)
  })

  it('takes every icon from resources/icon.svg, at the sizes each platform uses', () => {
    const icons = renderIcons(readFileSync(join(repo, 'resources/icon.svg')))
    const dims = (png: Uint8Array) => {
      const view = new DataView(png.buffer, png.byteOffset)
      return [view.getUint32(16), view.getUint32(20)]
    }
    for (const size of ICON_SIZES) expect(dims(icons[size]), `${size} px`).toEqual([size, size])
    const named = [config.icon, config.mac?.icon, config.win?.icon].filter(Boolean) as string[]
    for (const path of named) {
      const m = /build\/icons\/(\d+)x\1\.png$/.exec(path)
      expect(m, path).not.toBeNull()
      expect(ICON_SIZES).toContain(Number(m![1]))
    }
    // macOS needs ≥ 512 px to make its .icns, Windows ≥ 256 px for its .ico.
    expect(Number(/(\d+)x/.exec(config.mac!.icon as string)![1])).toBeGreaterThanOrEqual(512)
    expect(Number(/(\d+)x/.exec(config.win!.icon as string)![1])).toBeGreaterThanOrEqual(256)
    expect(config.linux?.icon).toBe('build/icons')
    expect(config.directories?.buildResources).toBe('build')
  })
})

describe('npm run dev and npm run web', () => {
  it('use different ports, and the desktop one is strict (electron-vite passes the configured port on)', async () => {
    const web = (await import('../../vite.web.config')).default as { server?: { port?: number } }
    const desktop = (await import('../../electron.vite.config')).default as {
      renderer?: { server?: { port?: number; strictPort?: boolean } }
    }
    expect(desktop.renderer?.server?.port).toBe(DESKTOP_DEV_PORT)
    expect(desktop.renderer?.server?.strictPort).toBe(true)
    expect(web.server?.port).not.toBe(DESKTOP_DEV_PORT)
  })
})

/**
 * A stand-in for the Electron distribution electron-builder would download: a tiny "binary" that
 * carries the real fuse wire layout (sentinel, version 1, eight fuses at Electron's defaults), so
 * electron-builder's fuse step flips it exactly as it flips a real one.
 */
function standInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  const wire = Buffer.from([1, 8, ...'10110001'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))))
  writeFileSync(
    join(dir, 'electron'),
    Buffer.concat([Buffer.from('#!/bin/sh\n# '), Buffer.from(FUSE_SENTINEL), wire]),
    {
      mode: 0o755
    }
  )
  writeFileSync(join(dir, 'chrome-sandbox'), '')
  writeFileSync(join(dir, 'version'), electronVersion)
  writeFileSync(join(dir, 'LICENSE'), 'MIT')
}

describe('the packaged app (electron-builder on the real build, with a stand-in Electron)', () => {
  let appDir = ''
  let archive = ''
  let inAsar: string[] = []

  beforeAll(async () => {
    // A project folder like the checkout: package.json, electron-builder.yml, the real electron-vite
    // build, node_modules (electron-builder looks at it), and the icons `npm run dist` renders.
    const project = join(scratch, 'project')
    mkdirSync(project, { recursive: true })
    copyFromCheckout(project, ['package.json', 'electron-builder.yml', 'resources'])
    symlinkSync(join(repo, 'node_modules'), join(project, 'node_modules'))
    const build = spawnSync(
      join(repo, 'node_modules/.bin/electron-vite'),
      ['build', '--outDir', join(project, 'out')],
      {
        cwd: repo,
        encoding: 'utf8'
      }
    )
    expect(build.status, build.stderr).toBe(0)
    writeIcons(project)
    const electronDist = join(scratch, 'electron-dist')
    standInElectron(electronDist)
    await buildApp({
      projectDir: project,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      config: { electronDist, electronVersion, directories: { output: join(scratch, 'dist') } }
    })
    appDir = join(scratch, 'dist', 'linux-unpacked')
    archive = join(appDir, 'resources', 'app.asar')
    inAsar = listPackage(archive, { isPack: false }).map((p) => p.split('\\').join('/').replace(/^\//, ''))
  }, 240_000)

  const read = (path: string) => extractFile(archive, path).toString('utf8')

  it('flips the fuses in the packaged binary', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'backprop-studio'))
    const on = (fuse: FuseV1Options) => wire[fuse] === 49
    expect(on(FuseV1Options.RunAsNode)).toBe(false)
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false)
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false)
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe(true)
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true)
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true)
    expect(on(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(false)
  })

  it('packs main, preload, renderer and package.json into app.asar, and no sources, maps or node_modules', () => {
    expect(inAsar).toContain('package.json')
    expect(inAsar).toContain('out/main/index.js')
    expect(inAsar).toContain('out/preload/index.js')
    expect(inAsar).toContain('out/renderer/index.html')
    expect(
      inAsar.some((p) => p.startsWith('src/') || p.startsWith('node_modules/') || p.endsWith('.map'))
    ).toBe(false)
    // Nothing is unpacked beside the archive, and the samples ship as resources.
    expect(readdirSync(join(appDir, 'resources')).sort()).toEqual(['app.asar', 'samples'])
    expect(readdirSync(join(appDir, 'resources', 'samples'))).toContain('iris.csv')
  })

  it("package.json's main is inside the archive", () => {
    const main = (JSON.parse(read('package.json')) as { main: string }).main
    expect(inAsar).toContain(posix.normalize(main))
  })

  it('the utility-process entry main forks resolves to a file inside the archive', () => {
    const main = read('out/main/index.js')
    const chunk = /join\)\(__dirname, "(\.\/chunks\/utility-[\w-]+\.js)"\)/.exec(main)
    expect(chunk, 'the ?modulePath join in out/main/index.js').not.toBeNull()
    const target = posix.join('out/main', chunk![1])
    expect(inAsar).toContain(target)
    // It is the engine host: it reads process.parentPort and serves the engine.
    expect(read(target)).toContain('parentPort')
  })

  it('main, the engine host and the preload need no npm package at run time (none is packed)', () => {
    const required = (path: string) => [...read(path).matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])
    const files = inAsar.filter((p) => /^out\/(main|preload)\/.*\.js$/.test(p))
    expect(files.length).toBeGreaterThanOrEqual(3)
    for (const file of files)
      for (const name of required(file))
        expect(
          name === 'electron' || name.startsWith('node:') || builtinModules.includes(name),
          `${file}: ${name}`
        ).toBe(true)
    // The sandboxed preload may only require electron (and a few builtins it does not use).
    expect(required('out/preload/index.js')).toEqual(['electron'])
  })

  it('the preload and the renderer folder main names resolve inside the archive', () => {
    const main = read('out/main/index.js')
    expect(main).toContain('"../preload/index.js"')
    expect(main).toContain('"../renderer"')
    expect(inAsar).toContain(posix.join('out/main', '../preload/index.js'))
    // Every script and stylesheet the page asks for is packed too.
    const html = read('out/renderer/index.html')
    const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1])
    expect(assets.length).toBeGreaterThan(0)
    for (const asset of assets) expect(inAsar).toContain(`out/renderer/${asset}`)
  })
})
