/**
 * The parsed table, stored by column and compactly: a column of numbers is one Float64Array (NaN for a
 * missing cell); any other column is dictionary-encoded (one Int32Array of codes, −1 for missing, and
 * each distinct string once). A 50 MB numeric file thus costs about 8 bytes per cell, not a string each.
 */
import { DataError, placeText } from './errors'
import { categoryKey, parseNumber } from './numbers'
import type { CsvSink } from './csvScanner'
import { detectHeader } from './sniff'

export interface NumberColumn {
  kind: 'number'
  name: string
  /** One value per row; NaN where the cell is missing. */
  values: Float64Array
}

export interface StringColumn {
  kind: 'string'
  name: string
  /** One code per row: an index into `dictionary`, or −1 where the cell is missing. */
  codes: Int32Array
  /** Distinct values (trimmed; numbers in canonical form, see `categoryKey`) in order of first appearance. */
  dictionary: string[]
}

export type Column = NumberColumn | StringColumn

export interface CsvTable {
  columns: Column[]
  rowCount: number
  /** The 1-based line of the file on which each row starts [rowCount] (quoted fields may span lines). */
  lines: Uint32Array
  delimiter: string
  hasHeader: boolean
  /** Line of the header row, or null. */
  headerLine: number | null
  /**
   * With `keepSpans`: character offsets [start, end) of each row's record in the input text,
   * as pairs [2·rowCount], line end excluded; plus the header's. Used to copy rows verbatim.
   */
  spans: Float64Array | null
  headerSpan: [number, number] | null
}

/** How many rows are collected before the header guess is made. */
const PREAMBLE_ROWS = 50

/**
 * Rows a column store starts with; it doubles as rows arrive. Small, because a wide file has one per
 * column (10 000 columns × 1024 rows × 8 bytes was 80 MB before the first row).
 */
const INITIAL_ROWS = 64

class ColumnBuilder {
  private numbers: Float64Array | null = new Float64Array(INITIAL_ROWS)
  private codes: Int32Array | null = null
  private dict: Map<string, number> | null = null
  private dictionary: string[] = []
  length = 0

  constructor(
    readonly name: string,
    private readonly missing: Set<string>
  ) {}

  add(cell: string): void {
    if (this.numbers !== null) {
      let v = parseNumber(cell)
      if (v !== v && cell.length > 0 && !this.missing.has(cell.trim())) {
        // The first word in a column of numbers: from here on it is a column of strings.
        this.convertToStrings()
        this.addString(cell)
        return
      }
      if (this.length === this.numbers.length) this.numbers = grow(this.numbers)
      if (v !== v) v = NaN
      this.numbers[this.length++] = v
    } else {
      this.addString(cell)
    }
  }

  private addString(cell: string): void {
    if (this.length === this.codes!.length) this.codes = grow(this.codes!)
    if (cell.length === 0 || this.missing.has(cell.trim())) {
      this.codes![this.length++] = -1
      return
    }
    const key = categoryKey(cell)
    let code = this.dict!.get(key)
    if (code === undefined) {
      code = this.dictionary.length
      this.dictionary.push(key)
      this.dict!.set(key, code)
    }
    this.codes![this.length++] = code
  }

  private convertToStrings(): void {
    const numbers = this.numbers!
    this.numbers = null
    this.codes = new Int32Array(Math.max(INITIAL_ROWS, numbers.length))
    this.dict = new Map()
    const n = this.length
    this.length = 0
    for (let i = 0; i < n; i++) {
      const v = numbers[i]
      this.addString(v === v ? String(v) : '')
    }
  }

  finish(): Column {
    if (this.numbers !== null) {
      return { kind: 'number', name: this.name, values: this.numbers.slice(0, this.length) }
    }
    return {
      kind: 'string',
      name: this.name,
      codes: this.codes!.slice(0, this.length),
      dictionary: this.dictionary
    }
  }
}

function grow<T extends Float64Array | Int32Array | Uint32Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2)
  b.set(a)
  return b
}

export interface TableBuilderOptions {
  /** true / false, or 'auto' to guess from the first rows. */
  header: boolean | 'auto'
  missing: Set<string>
  keepSpans: boolean
  delimiter: string
}

/** Column names from a header row: trimmed, blanks named `column_N`, repeats suffixed `_2`, `_3`… */
export function uniqueNames(cells: readonly string[]): string[] {
  const used = new Set<string>()
  return cells.map((cell, i) => {
    const base = cell.trim() === '' ? `column_${i + 1}` : cell.trim()
    let name = base
    for (let k = 2; used.has(name); k++) name = `${base}_${k}`
    used.add(name)
    return name
  })
}

/** A CsvSink that fills the column stores, checking every row has the header's width. */
export class TableBuilder implements CsvSink {
  private preamble: { cells: string[]; line: number; start: number; end: number }[] | null = []
  private cells: string[] = []
  private columns: ColumnBuilder[] = []
  private width = 0
  private fieldCount = 0
  private lines = new Uint32Array(1024)
  private spans: Float64Array | null
  private rows = 0
  private hasHeader = false
  private headerLine: number | null = null
  private headerSpan: [number, number] | null = null
  /** Where the row width was fixed, for the ragged-row message. */
  private widthSource = ''
  /** The line of the first row when the file has no header (it fixes the width). */
  private widthLine: number | null = null

  constructor(private readonly opts: TableBuilderOptions) {
    this.spans = opts.keepSpans ? new Float64Array(2048) : null
  }

  get rowCount(): number {
    return this.preamble ? this.preamble.length : this.rows
  }

  field(value: string): void {
    if (this.preamble) this.cells.push(value)
    else if (this.fieldCount < this.width) this.columns[this.fieldCount].add(value)
    this.fieldCount++
  }

  endRecord(line: number, start: number, end: number): void {
    if (this.preamble) {
      this.preamble.push({ cells: this.cells, line, start, end })
      this.cells = []
      this.fieldCount = 0
      if (this.preamble.length >= PREAMBLE_ROWS) this.commitPreamble()
      return
    }
    this.checkWidth(line)
    this.fieldCount = 0
    if (this.rows === this.lines.length) this.lines = grow(this.lines)
    this.lines[this.rows] = line
    if (this.spans) {
      if (2 * this.rows === this.spans.length) this.spans = grow(this.spans)
      this.spans[2 * this.rows] = start
      this.spans[2 * this.rows + 1] = end
    }
    this.rows++
  }

  private checkWidth(line: number): void {
    const found = this.fieldCount
    if (found === this.width) return
    const column = found < this.width ? found + 1 : this.width + 1
    const what =
      found < this.width ? `missing field ${found + 1} ("${this.columns[found].name}")` : 'extra fields'
    throw new DataError(
      'ragged-row',
      `${placeText(line, column)}: expected ${this.width} field${this.width === 1 ? '' : 's'} ` +
        `(${this.widthSource}), found ${found} — ${what}. ` +
        `Check for an unquoted ${this.opts.delimiter === '\t' ? 'tab' : `"${this.opts.delimiter}"`} in a value.`,
      { line, column },
      {
        expected: this.width,
        found,
        // Which row fixed the width: the header, or the first row of a headerless file.
        widthLine: this.headerLine ?? this.widthLine,
        widthFrom: this.hasHeader ? 'header' : 'first-row',
        variant: found < this.width ? 'missing' : 'extra',
        missingName: found < this.width ? this.columns[found].name : undefined,
        delimiter: this.opts.delimiter
      }
    )
  }

  /** Decides the header, fixes the width and moves the collected rows into the column stores. */
  private commitPreamble(): void {
    const rows = this.preamble
    if (rows === null) return
    this.preamble = null
    if (rows.length === 0) return
    const header = this.opts.header === 'auto' ? detectHeader(rows.map((r) => r.cells)) : this.opts.header
    const first = rows[0]
    this.width = first.cells.length
    const names = header ? uniqueNames(first.cells) : first.cells.map((_, i) => `column_${i + 1}`)
    this.columns = names.map((name) => new ColumnBuilder(name, this.opts.missing))
    this.hasHeader = header
    if (header) {
      this.headerLine = first.line
      this.headerSpan = [first.start, first.end]
      this.widthSource = `as in the header on line ${first.line}`
    } else {
      this.widthSource = `as in the first row, line ${first.line}`
      this.widthLine = first.line
    }
    for (let r = header ? 1 : 0; r < rows.length; r++) {
      const { cells, line, start, end } = rows[r]
      for (const cell of cells) this.field(cell)
      this.endRecord(line, start, end)
    }
  }

  finish(): CsvTable {
    this.commitPreamble()
    if (this.columns.length === 0) {
      throw new DataError('empty-file', 'The file is empty: expected a header row and at least one data row.')
    }
    if (this.rows === 0) {
      throw new DataError(
        'header-only',
        `${placeText(this.headerLine, null)}: the file has a header row but no data rows below it.`,
        { line: this.headerLine }
      )
    }
    return {
      columns: this.columns.map((c) => c.finish()),
      rowCount: this.rows,
      lines: this.lines.slice(0, this.rows),
      delimiter: this.opts.delimiter,
      hasHeader: this.hasHeader,
      headerLine: this.headerLine,
      spans: this.spans ? this.spans.slice(0, 2 * this.rows) : null,
      headerSpan: this.headerSpan
    }
  }
}

/** The index of the named column; throws naming the column and the ones that exist. */
export function columnIndex(table: CsvTable, name: string): number {
  const i = table.columns.findIndex((c) => c.name === name)
  if (i < 0) {
    const names = table.columns.map((c) => `"${c.name}"`)
    const shown = names.length > 12 ? names.slice(0, 12).join(', ') + ', …' : names.join(', ')
    throw new DataError(
      'unknown-column',
      `There is no column "${name}" (the columns are ${shown}).`,
      { columnName: name },
      { columns: shown }
    )
  }
  return i
}

/** The cell as text ('' when missing): numbers in canonical form. */
export function cellText(column: Column, row: number): string {
  if (column.kind === 'number') {
    const v = column.values[row]
    return v === v ? String(v) : ''
  }
  const code = column.codes[row]
  return code < 0 ? '' : column.dictionary[code]
}

export function isCellMissing(column: Column, row: number): boolean {
  return column.kind === 'number' ? column.values[row] !== column.values[row] : column.codes[row] < 0
}

/** Rows [start, start + count) as text, for a preview table. */
export function previewRows(table: CsvTable, start = 0, count = 20): string[][] {
  const out: string[][] = []
  const end = Math.min(table.rowCount, start + count)
  for (let r = start; r < end; r++) out.push(table.columns.map((c) => cellText(c, r)))
  return out
}
