/**
 * Issue 10, items 2 and 11 from the command line: `--out` never overwrites an input, prediction
 * columns cannot run as spreadsheet formulas, and `train --from` continues a weights file — a run that
 * meets a non-finite value exits non-zero, says where, and leaves the starting weights (not zeros).
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCsvRecords } from '../../src/engine/data/csv'
import { parseWeightsFile } from '../../src/engine/weights/file'
import { cli } from './cli-run'

const DATA = path.resolve(__dirname, '../fixtures/datasets')
const GRAPHS = path.join(__dirname, 'fixtures/graphs/cli')
const IRIS = path.join(DATA, 'iris.csv')
const MLP = path.join(GRAPHS, 'mlp32-softmax3.json')

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bps-cli-safety-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const tmp = (name: string): string => path.join(dir, name)

function trainIris(out: string): void {
  const r = cli(
    'train',
    '--graph',
    MLP,
    '--data',
    IRIS,
    '--target',
    'species',
    '--out',
    out,
    '--epochs',
    '60',
    '--quiet'
  )
  expect(r.code).toBe(0)
}

describe('--out is never one of the inputs', () => {
  it('predict --out = --data is refused and the CSV is unchanged', () => {
    const weights = tmp('iris.weights.json')
    trainIris(weights)
    const data = tmp('mine.csv')
    writeFileSync(data, readFileSync(IRIS))
    const before = readFileSync(data, 'utf8')
    const r = cli('predict', '--weights', weights, '--data', data, '--out', data)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`predict: --out ${data} is the same file as --data`)
    expect(readFileSync(data, 'utf8')).toBe(before)
    // Another name of the same file: a symlink, and a relative spelling.
    const link = tmp('link.csv')
    symlinkSync(data, link)
    expect(cli('predict', '--weights', weights, '--data', data, '--out', link).code).toBe(2)
    expect(
      cli('predict', '--weights', weights, '--data', data, '--out', path.relative(process.cwd(), data)).code
    ).toBe(2)
    expect(readFileSync(data, 'utf8')).toBe(before)
    // --out = --weights too.
    expect(cli('predict', '--weights', weights, '--data', data, '--out', weights).code).toBe(2)
  })

  it('train --out = --graph or --data, and grad --out = --weights, are refused', () => {
    const graphCopy = tmp('g.json')
    writeFileSync(graphCopy, readFileSync(MLP))
    const t = cli('train', '--graph', graphCopy, '--data', IRIS, '--target', 'species', '--out', graphCopy)
    expect(t.code).toBe(2)
    expect(t.stderr).toContain('is the same file as --graph')
    expect(readFileSync(graphCopy, 'utf8')).toBe(readFileSync(MLP, 'utf8'))
    const weights = tmp('w2.weights.json')
    trainIris(weights)
    const g = cli('grad', '--weights', weights, '--data', IRIS, '--out', weights)
    expect(g.code).toBe(2)
    expect(g.stderr).toContain('is the same file as --weights')
  })
})

describe('prediction columns are spreadsheet-safe (OWASP CSV injection)', () => {
  it('labels starting with = + - @ get a leading quote; numbers stay numbers', () => {
    // Iris with its species renamed to formula-like labels.
    const labels: Record<string, string> = {
      setosa: '=HYPERLINK("http://x")',
      versicolor: '+1+1',
      virginica: '@SUM(A1)'
    }
    const text = readFileSync(IRIS, 'utf8').replace(
      /setosa|versicolor|virginica/g,
      (m) => `"${labels[m].replace(/"/g, '""')}"`
    )
    const data = tmp('formula-iris.csv')
    writeFileSync(data, text)
    const weights = tmp('formula.weights.json')
    const t = cli(
      'train',
      '--graph',
      MLP,
      '--data',
      data,
      '--target',
      'species',
      '--out',
      weights,
      '--epochs',
      '80',
      '--quiet'
    )
    expect(t.code).toBe(0)
    const out = tmp('formula-predictions.csv')
    expect(cli('predict', '--weights', weights, '--data', data, '--out', out).code).toBe(0)
    const [header, ...rows] = parseCsvRecords(readFileSync(out, 'utf8'))
    const at = header.indexOf('predicted_species')
    const predicted = new Set(rows.map((r) => r[at]))
    expect(predicted.size).toBeGreaterThan(1)
    for (const label of predicted) {
      expect(label.startsWith("'")).toBe(true)
      expect(Object.values(labels)).toContain(label.slice(1))
    }
    // Probability columns are plain numbers.
    const p = header.findIndex((h) => h.startsWith('p_'))
    expect(rows.every((r) => Number.isFinite(Number(r[p])))).toBe(true)
    // The user's own cells are copied verbatim.
    expect(rows[0][header.indexOf('species')]).toBe(Object.values(labels)[0])
  })
})

describe('train --from continues a weights file', () => {
  it('continues from its weights and preprocessing, and adds up the training', () => {
    const first = tmp('first.weights.json')
    trainIris(first)
    const next = tmp('next.weights.json')
    const r = cli('train', '--from', first, '--data', IRIS, '--out', next, '--epochs', '5', '--quiet')
    expect(r.code).toBe(0)
    const a = parseWeightsFile(readFileSync(first, 'utf8'))
    const b = parseWeightsFile(readFileSync(next, 'utf8'))
    expect(b.preprocessing).toEqual(a.preprocessing)
    expect(b.graph).toEqual(a.graph)
    expect(b.training!.epochsRun).toBe(a.training!.epochsRun + 5)
    // Continued, not re-initialised: the loss starts where the first run ended.
    expect(b.training!.lossHistory[0][1]).toBe(a.training!.lossHistory[0][1])
    expect(b.training!.final!.train.loss).toBeLessThan(a.training!.lossHistory[0][1] / 2)
  })

  it('a non-finite first step (one 1e308 cell) exits 1, says where, and leaves the starting weights', () => {
    const start = tmp('good.weights.json')
    trainIris(start)
    const lines = readFileSync(IRIS, 'utf8').split('\n')
    const cells = lines[1].split(',')
    cells[0] = '1e308'
    lines[1] = cells.join(',')
    const bad = tmp('iris-1e308.csv')
    writeFileSync(bad, lines.join('\n'))
    const out = tmp('after.weights.json')
    // Full batch: the overflowing row is in the first step.
    const r = cli(
      'train',
      '--from',
      start,
      '--data',
      bad,
      '--out',
      out,
      '--batch',
      '0',
      '--epochs',
      '10',
      '--quiet'
    )
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/train: non-finite \w+ at layer \S+ in step 1; restored the last good weights/)
    expect(r.stderr).toContain(`holds the last good weights — those of ${start}`)
    expect(r.json.reason).toBe('non-finite')
    expect(r.json.nonFinite).toMatchObject({ step: 1 })
    const before = parseWeightsFile(readFileSync(start, 'utf8')).parameters
    const after = parseWeightsFile(readFileSync(out, 'utf8')).parameters
    expect(after).toEqual(before)
    expect(
      Object.values(after)
        .flat(2)
        .some((v) => v !== 0)
    ).toBe(true)
  })

  it('--from with --graph, or with --target, is a usage error', () => {
    const w = tmp('u.weights.json')
    trainIris(w)
    const both = cli('train', '--from', w, '--graph', MLP, '--data', IRIS, '--out', tmp('x.json'))
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('give either --graph G.json (train a new network) or --from W.weights.json')
    const target = cli('train', '--from', w, '--target', 'species', '--data', IRIS, '--out', tmp('y.json'))
    expect(target.code).toBe(2)
    expect(target.stderr).toContain('--target cannot be combined with --from')
  })
})

describe('metric keys name their units (issue 10, item 12)', () => {
  it('train on a regression: rmseStandardized for the sets, rmseTargetUnits for the holdout, no bare rmse', () => {
    const out = tmp('diabetes.weights.json')
    const r = cli(
      'train',
      '--graph',
      path.join(GRAPHS, 'mlp32-linear.json'),
      '--data',
      path.join(DATA, 'diabetes.csv'),
      '--target',
      'disease_progression',
      '--out',
      out,
      '--epochs',
      '30',
      '--quiet'
    )
    expect(r.code).toBe(0)
    const line = r.stdout.trimEnd().split('\n').at(-1)!
    expect(line).not.toMatch(/"rmse"/)
    const json = r.json as {
      validation: { rmseStandardized: number }
      holdout: { rmseTargetUnits: number; split: string }
    }
    expect(json.holdout.split).toBe('validation')
    // The same error in two units: the target's standard deviation apart.
    const file = parseWeightsFile(readFileSync(out, 'utf8'))
    const t = file.preprocessing!.targets[0]
    if (t.kind !== 'numeric') throw new Error('expected a numeric target')
    expect(json.holdout.rmseTargetUnits / t.scale).toBeCloseTo(json.validation.rmseStandardized, 4)
    expect(readFileSync(out, 'utf8')).toContain('"rmseStandardized"')
    // A file from before the rename (`rmse`) still reads, as rmseStandardized.
    const legacy = readFileSync(out, 'utf8').replace(/"rmseStandardized"/g, '"rmse"')
    expect(parseWeightsFile(legacy).training!.final!.validation!.rmseStandardized).toBe(
      file.training!.final!.validation!.rmseStandardized
    )
  })
})
