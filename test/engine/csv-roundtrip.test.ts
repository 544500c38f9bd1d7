/**
 * Property-style: random tables written as CSV — random quoting, delimiter `,` `;` or tab, CRLF or LF,
 * with or without a BOM and a final line end, cells holding quotes, delimiters, line ends, spaces,
 * non-ASCII text and numbers — parse back to the same table. 300 seeded cases, the same every run.
 */
import { describe, expect, it } from 'vitest'
import { parseCsv, parseCsvBytes, parseCsvRecords } from '../../src/engine/data/csv'
import { categoryKey, DEFAULT_MISSING, isMissing, missingSet } from '../../src/engine/data/numbers'
import type { Delimiter } from '../../src/engine/data/sniff'
import { cellText } from '../../src/engine/data/table'
import { createRng, type Rng } from '../../src/engine/random'

const PIECES = [
  'a',
  'b',
  'Zed',
  'é',
  '漢字',
  '😀',
  ' ',
  '"',
  '""',
  ',',
  ';',
  '\t',
  '\n',
  '\r\n',
  'NA',
  '0',
  '7',
  '.',
  '-'
]
const DELIMITERS: Delimiter[] = [',', ';', '\t']
const MISSING = missingSet(DEFAULT_MISSING)

function randomCell(rng: Rng, benign: boolean): string {
  const roll = rng.next()
  if (roll < 0.1) return ''
  if (roll < 0.35) return String(Math.round(rng.uniform(-1000, 1000)) / [1, 10, 100, 1000][rng.int(4)])
  if (roll < 0.4) return `${rng.int(9) + 1}e${rng.int(5)}`
  const pieces = benign ? PIECES.filter((p) => !/[,;\t]/.test(p)) : PIECES
  let s = ''
  for (let k = rng.int(5) + 1; k > 0; k--) s += pieces[rng.int(pieces.length)]
  return s
}

interface Written {
  text: string
  delimiter: Delimiter
  header: string[]
  rows: string[][]
}

function randomCsv(seed: number, benign: boolean): Written {
  const rng = createRng(seed)
  const delimiter = DELIMITERS[rng.int(3)]
  const cols = 2 + rng.int(5)
  const header = Array.from({ length: cols }, (_, j) => `col ${j}${rng.next() < 0.3 ? ' "q"' : ''}`)
  const rows = Array.from({ length: 1 + rng.int(25) }, () =>
    Array.from({ length: cols }, () => randomCell(rng, benign))
  )
  const alwaysQuote = rng.next() < 0.3
  const field = (s: string): string => {
    const must = /["\r\n]/.test(s) || s.includes(delimiter)
    return must || alwaysQuote || rng.next() < 0.2 ? `"${s.replace(/"/g, '""')}"` : s
  }
  const eol = rng.next() < 0.5 ? '\r\n' : '\n'
  const body = [header, ...rows].map((r) => r.map(field).join(delimiter)).join(eol)
  const text = (rng.next() < 0.3 ? '\uFEFF' : '') + body + (rng.next() < 0.7 ? eol : '')
  return { text, delimiter, header, rows }
}

describe('CSV round trip (random tables)', () => {
  it('the raw records come back exactly, field for field', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const w = randomCsv(seed, false)
      expect(parseCsvRecords(w.text, w.delimiter), `seed ${seed}`).toEqual([w.header, ...w.rows])
    }
  })

  it('the typed table holds every cell (trimmed, numbers canonical, missing empty), delimiter sniffed', () => {
    for (let seed = 1001; seed <= 1300; seed++) {
      const w = randomCsv(seed, true)
      const bytes = new TextEncoder().encode(w.text)
      for (const table of [parseCsv(w.text, { header: true }), parseCsvBytes(bytes, { header: true })]) {
        expect(table.delimiter, `seed ${seed}`).toBe(w.delimiter)
        expect(
          table.columns.map((c) => c.name),
          `seed ${seed}`
        ).toEqual(w.header.map((h) => h.trim()))
        expect(table.rowCount, `seed ${seed}`).toBe(w.rows.length)
        w.rows.forEach((row, r) =>
          row.forEach((cell, j) => {
            const expected = isMissing(cell, MISSING) ? '' : categoryKey(cell)
            expect(cellText(table.columns[j], r), `seed ${seed}, row ${r}, column ${j}`).toBe(expected)
          })
        )
      }
    }
  })
})
