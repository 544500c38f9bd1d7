/**
 * The packaging config (electron-builder.yml) against electron-builder's own validator and JSON
 * schema (app-builder-lib's scheme.json), what the issue asks of it, and the real build output: the
 * files it packs into app.asar are the ones the code loads (main, the utility-process chunk, the
 * preload, the renderer). `npm run dist` itself downloads Electron and cannot run here.
 */
import { spawnSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  cpSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, posix, relative, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPackage, extractFile, listPackage } from '@electron/asar'
import { minimatch } from 'minimatch'
// electron-builder's own config loader and validator (the code `electron-builder` runs first).
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import { DESKTOP_DEV_PORT } from '../../electron.vite.config'
import { ICON_SIZES, renderIcons } from '../../scripts/make-icons.mjs'

const repo = resolve(__dirname, '../..')
type Config = Awaited<ReturnType<typeof getConfig>>
let config: Config
const scratch = mkdtempSync(join(tmpdir(), 'bps-builder-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

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

/** Every file under `dir`, as posix paths relative to it. */
function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? walk(full, base) : [relative(base, full).split('\\').join('/')]
  })
}

/** electron-builder's `files`: a file is packed when a pattern takes it and no `!` pattern drops it. */
function packed(files: string[], patterns: string[]): string[] {
  const take = patterns.filter((p) => !p.startsWith('!'))
  const drop = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1))
  return files.filter(
    (f) =>
      take.some((p) => minimatch(f, p, { dot: true })) && !drop.some((p) => minimatch(f, p, { dot: true }))
  )
}

describe('the packaged layout', () => {
  let archive = ''
  let inAsar: string[] = []

  beforeAll(() => {
    // A real electron-vite build into a scratch app folder, then app.asar from the config's `files`.
    const app = join(scratch, 'app')
    mkdirSync(app, { recursive: true })
    const build = spawnSync(
      join(repo, 'node_modules/.bin/electron-vite'),
      ['build', '--outDir', join(app, 'out')],
      {
        cwd: repo,
        encoding: 'utf8'
      }
    )
    expect(build.status, build.stderr).toBe(0)
    writeFileSync(join(app, 'package.json'), readFileSync(join(repo, 'package.json')))
    // getConfig normalises `files` to [{ filter: [...] }].
    const patterns = [config.files]
      .flat()
      .flatMap((f) =>
        typeof f === 'string'
          ? [f]
          : ([(f as { filter?: string | string[] }).filter ?? []].flat() as string[])
      )
    expect(patterns).toContain('out/main/**')
    const stage = join(scratch, 'stage')
    for (const file of packed(walk(app), patterns)) {
      mkdirSync(dirname(join(stage, file)), { recursive: true })
      cpSync(join(app, file), join(stage, file))
    }
    archive = join(scratch, 'app.asar')
    return createPackage(stage, archive).then(() => {
      inAsar = listPackage(archive, { isPack: false }).map((p) => p.split('\\').join('/').replace(/^\//, ''))
    })
  }, 180_000)

  const read = (path: string) => extractFile(archive, path).toString('utf8')

  it('packs main, preload, renderer and package.json, and no sources, maps or node_modules', () => {
    expect(inAsar).toContain('package.json')
    expect(inAsar).toContain('out/main/index.js')
    expect(inAsar).toContain('out/preload/index.js')
    expect(inAsar).toContain('out/renderer/index.html')
    expect(
      inAsar.some((p) => p.startsWith('src/') || p.startsWith('node_modules/') || p.endsWith('.map'))
    ).toBe(false)
    expect(config.asarUnpack ?? []).toEqual([])
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
