/**
 * Issue 10, items 10 and 12 (statistics): a column with values ≥ 1.3e154 used to get the scale ∞
 * (the squared deviations overflow), written as null, so the app wrote a weights file it could not
 * read. Values near 1e200 now get exact statistics; a column too wide to scale at all is refused by name.
 */
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../src/engine/data/csv'
import { DataError } from '../../src/engine/data/errors'
import { prepareData } from '../../src/engine/data/preprocess'
import { buildWeightsFile, parseWeightsFile } from '../../src/engine/weights/file'
import { createNetwork } from '../../src/engine/nn/network'
import { mlp } from './data-fixtures'

const csv = (values: string[]) =>
  ['size,kind', ...values.map((v, i) => `${v},${i % 2 ? 'a' : 'b'}`)].join('\n')

describe('statistics of huge values', () => {
  it('values near 1e200 get a finite mean and scale, equal to the scaled-down column’s × 1e200', () => {
    const values = ['1e200', '2e200', '3e200', '4e200', '5e200', '6e200', '7e200', '8e200']
    const big = prepareData(parseCsv(csv(values)), { roles: { kind: 'target' }, seed: 1, validationSplit: 0 })
    const small = prepareData(parseCsv(csv(values.map((v) => v.replace('e200', '')))), {
      roles: { kind: 'target' },
      seed: 1,
      validationSplit: 0
    })
    const f = big.preprocessing.features[0]
    const g = small.preprocessing.features[0]
    if (f.kind !== 'numeric' || g.kind !== 'numeric') throw new Error('expected numeric')
    expect(Number.isFinite(f.scale)).toBe(true)
    expect(f.center / 1e200).toBeCloseTo(g.center, 12)
    expect(f.scale / 1e200).toBeCloseTo(g.scale, 12)
    // The encoded inputs are the same z-scores.
    for (let i = 0; i < big.data.train.x.length; i++)
      expect(big.data.train.x[i]).toBeCloseTo(small.data.train.x[i], 12)
  })

  it('a model trained on values ≥ 1.3e154 exports a file that reads back', () => {
    const values = ['1.3e154', '2e154', '5e153', '1e154', '3e154', '7e153']
    const prepared = prepareData(parseCsv(csv(values)), {
      roles: { kind: 'target' },
      seed: 1,
      validationSplit: 0
    })
    const graph = mlp([], { units: 1, activation: 'sigmoid' }, 'binary-cross-entropy')
    const net = createNetwork(graph, { inputWidth: prepared.summary.inputWidth, seed: 1 })
    const text = buildWeightsFile({
      graph,
      parameters: net.getParameters(),
      preprocessing: prepared.preprocessing,
      training: null
    })
    const file = parseWeightsFile(text)
    const f = file.preprocessing!.features[0]
    expect(f.kind === 'numeric' && Number.isFinite(f.scale) && f.scale > 1e153).toBe(true)
    expect(file.preprocessing).toEqual(prepared.preprocessing)
  })

  it('±1e308 z-scores fine; min-max scaling of it (range 2e308 = ∞) is refused by name', () => {
    const table = parseCsv(csv(['1e308', '-1e308', '0', '1']))
    const z = prepareData(table, { roles: { kind: 'target' }, seed: 1, validationSplit: 0 })
    expect(Array.from(z.data.train.x).every(Number.isFinite)).toBe(true)
    let err: unknown
    try {
      prepareData(table, { roles: { kind: 'target' }, seed: 1, validationSplit: 0, normalization: 'min-max' })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(DataError)
    expect((err as DataError).columnName).toBe('size')
    expect((err as DataError).message).toMatch(
      /The feature "size" has values from -1e\+308 to 1e\+308, too far apart to scale/
    )
  })
})
