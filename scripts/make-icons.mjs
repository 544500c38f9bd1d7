#!/usr/bin/env node
// The app icons electron-builder packs, all rendered from resources/icon.svg (the one source):
// build/icons/<n>x<n>.png for n in ICON_SIZES. Linux takes the folder as its icon set (hicolor
// sizes); macOS (.icns) and Windows (.ico) are made by electron-builder from the 1024 px and 256 px
// images. Run by `npm run dist` (as `npm run icons`); the output is generated, not committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Resvg } from '@resvg/resvg-js'

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

/** Renders `svg` at each size; returns { size: pngBytes }. */
export function renderIcons(svg, sizes = ICON_SIZES) {
  const out = {}
  for (const size of sizes) {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' })
      .render()
      .asPng()
    out[size] = png
  }
  return out
}

export function writeIcons(root, outDir = join(root, 'build', 'icons')) {
  const svg = readFileSync(join(root, 'resources', 'icon.svg'))
  mkdirSync(outDir, { recursive: true })
  const written = []
  for (const [size, png] of Object.entries(renderIcons(svg))) {
    const file = join(outDir, `${size}x${size}.png`)
    writeFileSync(file, png)
    written.push(file)
  }
  return written
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  const files = writeIcons(root)
  console.log(`wrote ${files.length} icons to ${join('build', 'icons')}`)
}
