/**
 * Issue 10, item 8: files that exhausted the engine are refused early with the line and column —
 * a one-line file of 500 000 fields (each column used to preallocate, 8.6 GB), a field of megabytes
 * (an unclosed quote swallows the rest of the file) — and the caps leave real files alone.
 */
import { describe, expect, it } from 'vitest'
import { createCsvParser, parseCsv } from '../../src/engine/data/csv'
import { MAX_COLUMNS, MAX_FIELD_CHARS } from '../../src/engine/data/csvScanner'
import { DataError } from '../../src/engine/data/errors'
import { errorOf } from './thrown'

describe('CSV caps', () => {
  it('a 1 MB one-line file of 500 000 fields is refused at field 10 001 of line 1', () => {
    const line = Array.from({ length: 500_000 }, () => '1').join(',')
    const err = errorOf(DataError, () => parseCsv(line))
    expect(err.code).toBe('too-many-columns')
    expect(err.line).toBe(1)
    expect(err.column).toBe(MAX_COLUMNS + 1)
    expect(err.message).toContain(`at most ${MAX_COLUMNS} columns`)
  })

  it('a wide but legal file (785 columns, as MNIST) loads', () => {
    const header = Array.from({ length: 785 }, (_, j) => `p${j}`).join(',')
    const row = Array.from({ length: 785 }, (_, j) => String(j % 7)).join(',')
    const t = parseCsv([header, row, row].join('\n'))
    expect(t.columns.length).toBe(785)
    expect(t.rowCount).toBe(2)
  })

  it('a field longer than the cap is refused with its line, also when it arrives in chunks', () => {
    const big = 'x'.repeat(MAX_FIELD_CHARS + 1)
    const whole = errorOf(DataError, () => parseCsv(`a,b\n1,2\n3,${big}\n`))
    expect(whole.code).toBe('field-too-long')
    expect(whole.line).toBe(3)
    expect(whole.column).toBe(2)
    // An unclosed quote on line 2 swallows everything after it: refused once the field is too long.
    const parser = createCsvParser({ delimiter: ',' })
    const err = errorOf(DataError, () => {
      parser.push('a,b\n1,"never closed\n')
      for (let i = 0; i < 50; i++) parser.push('y,'.repeat(5000) + '\n')
    })
    expect(err.code).toBe('field-too-long')
    expect(err.line).toBe(2)
    expect(err.message).toMatch(/is a quote left open\?/)
  })

  it('a field of exactly the cap is accepted', () => {
    const t = parseCsv(`a,b\n1,${'z'.repeat(MAX_FIELD_CHARS)}\n2,w\n`)
    expect(t.rowCount).toBe(2)
  })
})
