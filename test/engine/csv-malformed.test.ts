/**
 * Malformed files, table-driven: each one must be refused (or, for a zero-variance column, warned
 * about) with a message that names the right line and column. The protocol tests cover a ragged row
 * with a missing field, an unclosed quote and Latin-1 bytes over a MessageChannel; these cases go
 * through the parser and preprocessing directly, with other positions and the remaining kinds.
 */
import { describe, expect, it } from 'vitest'
import { parseCsv, parseCsvBytes } from '../../src/engine/data/csv'
import { DataError } from '../../src/engine/data/errors'
import { prepareData } from '../../src/engine/data/preprocess'

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const numbered = (n: number, row: (i: number) => string): string[] =>
  Array.from({ length: n }, (_, i) => row(i))

interface Case {
  name: string
  /** What is loaded: text, or bytes for encoding problems. */
  input: string | Uint8Array
  /** Prepare with default roles after loading (for problems found when encoding). */
  prepare?: boolean
  code: string
  message: RegExp
  line: number | null
  column: number | null
}

const cases: Case[] = [
  {
    name: 'a ragged row with an extra field',
    input: 'a,b,c\n1,2,3\n4,5,6,7\n',
    code: 'ragged-row',
    message: /^line 3, column 4: expected 3 fields \(as in the header on line 1\), found 4 — extra fields/,
    line: 3,
    column: 4
  },
  {
    name: 'a ragged row after a quoted field spanning lines',
    input: 'id,note,v\n1,"two\nlines",3\n2,short\n',
    code: 'ragged-row',
    message: /^line 4, column 3: expected 3 fields .*found 2 — missing field 3 \("v"\)/,
    line: 4,
    column: 3
  },
  {
    name: 'an unclosed quote in the middle column',
    input: 'a,b,c\n1,2,3\n4,"five,6\n7,8,9\n',
    code: 'unclosed-quote',
    message: /^line 3, column 2 \(character 3\): the quoted field opened here is never closed/,
    line: 3,
    column: 2
  },
  {
    name: 'text after a closing quote',
    input: 'a,b\n1,"x"y\n',
    code: 'unexpected-character',
    message:
      /^line 2, column 2 \(character 6\): expected the delimiter "," or the end of the line after the closing quote, found "y"/,
    line: 2,
    column: 2
  },
  {
    name: 'a word in a numeric column (line and column of the cell)',
    input: [
      'age,fare,survived',
      ...numbered(30, (i) => `${20 + i},${i === 21 ? 'n/a?' : 7.25 + i},${i % 2}`)
    ].join('\n'),
    prepare: true,
    code: 'non-numeric',
    message: /^line 23, column 2 \("fare"\): "n\/a\?" is not a number, but "fare" is a numeric column/,
    line: 23,
    column: 2
  },
  {
    name: 'an empty file (only a BOM and blank lines)',
    input: utf8('\uFEFF\n\n'),
    code: 'empty-file',
    message: /The file is empty/,
    line: null,
    column: null
  },
  {
    name: 'a header and no rows',
    input: 'sepal_length,species\n',
    code: 'header-only',
    message: /^line 1: the file has a header row but no data rows/,
    line: 1,
    column: null
  },
  {
    name: 'a binary file (NUL bytes)',
    input: new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0x00, 0x01, 0x0a]),
    code: 'binary',
    message: /^line 2, column 2 .*NUL byte/,
    line: 2,
    column: 2
  },
  {
    name: 'Windows-1252 bytes on line 3',
    input: new Uint8Array([...utf8('name,price\nA,1\nCaf'), 0xe9, ...utf8(',2\n')]),
    code: 'not-utf8',
    message: /^line 3, character 4 \(byte 18\): byte 0xe9 is not valid UTF-8 — expected a UTF-8 text file/,
    line: 3,
    column: null
  },
  {
    name: 'a target with one class',
    input: 'x,label\n1,spam\n2,spam\n3,spam\n',
    prepare: true,
    code: 'one-class-target',
    message: /The target "label" has only one class \("spam"\)/,
    line: null,
    column: 2
  }
]

describe('malformed CSV files', () => {
  it.each(cases)('$name', ({ input, prepare, code, message, line, column }) => {
    let error: unknown
    try {
      const table = typeof input === 'string' ? parseCsv(input) : parseCsvBytes(input)
      if (prepare) prepareData(table, { roles: {} })
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(DataError)
    const e = error as DataError
    expect(e.code).toBe(code)
    expect(e.message).toMatch(message)
    expect(e.line).toBe(line)
    if (column !== null) expect(e.column).toBe(column)
  })

  it('warns, without refusing, about a zero-variance column', () => {
    const text = ['x,constant,y', ...numbered(12, (i) => `${i},1.5,${i % 3 === 0 ? 'a' : 'b'}`)].join('\n')
    const { summary } = prepareData(parseCsv(text), { roles: {} })
    const notice = summary.notices.find((n) => n.code === 'zero-variance')
    expect(notice).toMatchObject({ column: 'constant' })
    expect(notice!.message).toMatch(/"constant" has the same value in every training row/)
    expect(summary.trainRows + summary.validationRows).toBe(12)
  })
})
