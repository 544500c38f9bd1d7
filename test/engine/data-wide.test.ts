/**
 * "Thousands of columns of width" (issue 3): a 4,000-column CSV parses into the right shape, profiles,
 * prepares into a 4,000-wide input, and encodes a prediction row the same way as the training rows.
 */
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../src/engine/data/csv'
import { encodeRows, prepareData, profileTable } from '../../src/engine/data/preprocess'
import { createRng } from '../../src/engine/random'

const FEATURES = 4000
const ROWS = 60

/** Seeded numbers in every feature column; the label is the sign of the first feature. */
function wideCsv(): { text: string; cells: number[][] } {
  const rng = createRng(11)
  const header = [...Array.from({ length: FEATURES }, (_, j) => `f${j}`), 'label']
  const cells: number[][] = []
  const lines = [header.join(',')]
  for (let i = 0; i < ROWS; i++) {
    const row = Array.from({ length: FEATURES }, () => Math.round(rng.uniform(-1000, 1000)) / 100)
    cells.push(row)
    lines.push([...row, row[0] >= 0 ? 'pos' : 'neg'].join(','))
  }
  return { text: lines.join('\r\n') + '\r\n', cells }
}

describe('a CSV thousands of columns wide', () => {
  const { text, cells } = wideCsv()
  const table = parseCsv(text)

  it('parses to the right shape with numeric columns', () => {
    expect(table.rowCount).toBe(ROWS)
    expect(table.columns).toHaveLength(FEATURES + 1)
    expect(table.columns[FEATURES - 1].name).toBe(`f${FEATURES - 1}`)
    expect(table.columns[1234].kind).toBe('number')
  })

  it('profiles every column and picks the last as the target', () => {
    const profile = profileTable(table)
    expect(profile).toHaveLength(FEATURES + 1)
    expect(profile[FEATURES].defaultRole).toBe('target')
    expect(profile.slice(0, FEATURES).every((c) => c.type === 'numeric' && c.defaultRole === 'feature')).toBe(
      true
    )
  })

  it('prepares a 4,000-wide input and encodes a new row exactly like a training row', () => {
    const roles = Object.fromEntries(profileTable(table).map((c) => [c.name, c.defaultRole]))
    const prepared = prepareData(table, { roles, validationSplit: 0, seed: 3 })
    expect(prepared.summary.inputWidth).toBe(FEATURES)
    expect(prepared.summary.classes).toEqual(['neg', 'pos'])
    const { x, rows } = prepared.data.train
    expect(rows).toBe(ROWS)
    // Row order after the split is the engine's; find raw row 0 by its encoding instead of assuming it.
    const encoded = encodeRows(prepared.preprocessing, [
      Object.fromEntries(cells[0].map((v, j) => [`f${j}`, String(v)]))
    ])
    const matches = Array.from({ length: rows }, (_, r) =>
      encoded.every((v, j) => v === x[r * FEATURES + j])
    ).filter(Boolean)
    expect(matches).toHaveLength(1)
  })
})
