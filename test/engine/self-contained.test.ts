// The repository stands alone: a clone anywhere passes `npm test`. No test, script or benchmark may
// read a file outside the checkout (the steering folder beside our own clones is for reading while we
// work, never for tests), and the datasets the tests use live in test/fixtures/datasets.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '../..')

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) yield* files(full)
    else if (/\.(ts|mts|mjs|js|vue)$/.test(name)) yield full
  }
}

describe('the repository is self-contained', () => {
  it('no test, script or benchmark names a path outside the checkout', () => {
    const outside = /\.\.\/(\.\.\/)*shared\/|['"`]\/work\//
    const offenders: string[] = []
    for (const dir of ['test', 'scripts', 'bench']) {
      for (const file of files(path.join(ROOT, dir))) {
        if (file === __filename) continue
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (outside.test(line)) offenders.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`)
          })
      }
    }
    expect(offenders).toEqual([])
  })

  it('keeps the datasets the tests read, with their sources and licences', () => {
    const dir = path.join(ROOT, 'test/fixtures/datasets')
    const sources = readFileSync(path.join(dir, 'SOURCES.md'), 'utf8')
    for (const csv of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
      expect(sources, `${csv} is described in SOURCES.md`).toContain(csv)
    }
    expect(sources).toMatch(/Licence/)
  })
})
