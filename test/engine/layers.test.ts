/**
 * The engine's layers import downward only (docs: src/engine/index.ts):
 *   hosts → protocol → model → weights, train, data, nn, graph, math, schema
 * The model layer and everything below it never reach up into the protocol or the hosts, and no
 * module imports the CLI. A protocol handler holds no domain logic of its own: it imports the model.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ENGINE = path.resolve(__dirname, '../../src/engine')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })
}

/** The engine folders (first path segment under src/engine) a file imports from. */
function importedAreas(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const out: string[] = []
  for (const m of text.matchAll(/from '(\.[^']*)'/g)) {
    const target = path.relative(ENGINE, path.resolve(path.dirname(file), m[1]))
    if (!target.startsWith('..')) out.push(target.split(path.sep)[0])
  }
  return out
}

const area = (file: string) => path.relative(ENGINE, file).split(path.sep)[0]
const BELOW_PROTOCOL = [
  'model',
  'weights',
  'train',
  'data',
  'nn',
  'graph',
  'math',
  'schema',
  'project',
  'export',
  'wasm'
]

describe('engine layers', () => {
  const all = files(ENGINE)

  it.each(BELOW_PROTOCOL)('%s imports neither the protocol, the hosts nor the CLI', (layer) => {
    const offending = all
      .filter((f) => area(f) === layer)
      .flatMap((f) =>
        importedAreas(f)
          .filter((a) => ['protocol', 'hosts', 'cli'].includes(a))
          .map((a) => `${path.relative(ENGINE, f)} → ${a}`)
      )
    expect(offending).toEqual([])
  })

  it('nothing in the engine imports the CLI but the CLI itself', () => {
    const offending = all.filter((f) => area(f) !== 'cli' && importedAreas(f).includes('cli'))
    expect(offending.map((f) => path.relative(ENGINE, f))).toEqual([])
  })

  it('the CLI calls the model layer, never a protocol handler', () => {
    const cli = all.filter((f) => area(f) === 'cli')
    expect(
      cli.filter((f) => importedAreas(f).includes('protocol')).map((f) => path.relative(ENGINE, f))
    ).toEqual([])
  })
})
