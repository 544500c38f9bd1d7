/**
 * What each column of a table looks like: its type (numeric, categorical, or text such as names and
 * IDs), missing and distinct counts, statistics, a small histogram, and the role the engine suggests.
 * The same typing decides how `prepareData` encodes a column, so the panel and the encoder agree.
 */
import { histogramCounts } from '../histogram'
import { parseNumber } from './numbers'
import type { ColumnRole, ColumnSummary, ColumnType } from './types'
import type { Column, CsvTable } from './table'

/** A string column with more distinct values than this is text (names, IDs, comments), not categories. */
export const MAX_CATEGORIES = 50
/**
 * A column with at least this many values in which more than half the values are distinct is text:
 * categories repeat. (Below it, too few rows to tell; small tables stay categorical.)
 */
export const TEXT_MIN_ROWS = 20
/** A string column whose values are at least this fraction numbers is numeric with stray words (typos). */
export const NUMERIC_FRACTION = 0.9
/** A numeric target with at most this many whole-number values (e.g. digits 0–9) is a class label. */
export const MAX_CLASS_CODES = 20
/**
 * Bars in a numeric column's histogram (counted by the engine's one rule, ../histogram.ts: missing cells
 * in no bar, a constant column in the centre bar), and categories shown in a categorical one's.
 */
export const COLUMN_HISTOGRAM_BINS = 10
const TOP_VALUES = 5

/** How a column is read: its type, and the facts behind the choice. */
export interface ColumnKind {
  type: ColumnType
  /** A numeric column of distinct whole numbers named or laid out like a row number. */
  idLike: boolean
  /** Whole numbers only, with at most MAX_CLASS_CODES distinct values (a class code when a target). */
  classCodes: boolean
  /** String column read as numeric: the first cell that is not a number (row index and text), else null. */
  firstNonNumeric: { row: number; value: string } | null
}

const ID_NAME = /^(id|index|idx|row|rownum|row_?number)$|[_\s-]id$|^id[_\s-]/i

/** The type of a column as `profileTable` reports it and `prepareData` encodes it by default. */
export function columnKind(column: Column): ColumnKind {
  if (column.kind === 'number') {
    const { distinct, whole, nonMissing, min, max } = numberFacts(column.values)
    const allDistinct = distinct === nonMissing
    const idLike =
      whole &&
      allDistinct &&
      nonMissing >= TEXT_MIN_ROWS &&
      (ID_NAME.test(column.name) || max - min === nonMissing - 1)
    return {
      type: 'numeric',
      idLike,
      classCodes: whole && distinct <= MAX_CLASS_CODES,
      firstNonNumeric: null
    }
  }
  const { codes, dictionary } = column
  const counts = codeCounts(codes, dictionary.length)
  let nonMissing = 0
  let numeric = 0
  for (let k = 0; k < dictionary.length; k++) {
    nonMissing += counts[k]
    if (parseNumber(dictionary[k]) === parseNumber(dictionary[k])) numeric += counts[k]
  }
  if (nonMissing > 0 && numeric < nonMissing && numeric >= NUMERIC_FRACTION * nonMissing) {
    let row = 0
    while (codes[row] < 0 || parseNumber(dictionary[codes[row]]) === parseNumber(dictionary[codes[row]]))
      row++
    return {
      type: 'numeric',
      idLike: false,
      classCodes: false,
      firstNonNumeric: { row, value: dictionary[codes[row]] }
    }
  }
  const distinct = dictionary.length
  const text = distinct > MAX_CATEGORIES || (nonMissing >= TEXT_MIN_ROWS && distinct > nonMissing / 2)
  return { type: text ? 'text' : 'categorical', idLike: false, classCodes: false, firstNonNumeric: null }
}

/** The role a column gets before the user changes it: text and ID-like columns are ignored. */
function usable(kind: ColumnKind, missing: number, rows: number): boolean {
  return kind.type !== 'text' && !kind.idLike && missing < rows
}

/**
 * Profiles every column. Default roles: the last usable column is the target, the other usable ones
 * features; text (names, free text), ID-like and all-missing columns are ignored.
 */
export function profileTable(table: CsvTable): ColumnSummary[] {
  const kinds = table.columns.map(columnKind)
  const summaries = table.columns.map((c, i) => summarizeColumn(c, kinds[i]))
  let target = -1
  for (let i = summaries.length - 1; i >= 0 && target < 0; i--) {
    if (usable(kinds[i], summaries[i].missing, table.rowCount)) target = i
  }
  summaries.forEach((s, i) => {
    s.defaultRole =
      i === target ? 'target' : usable(kinds[i], s.missing, table.rowCount) ? 'feature' : 'ignored'
  })
  return summaries
}

function summarizeColumn(column: Column, kind: ColumnKind): ColumnSummary {
  const role: ColumnRole = 'ignored' // set by profileTable once every column is known
  if (column.kind === 'number') {
    const { distinct, nonMissing, min, max, sum } = numberFacts(column.values)
    const summary: ColumnSummary = {
      name: column.name,
      type: kind.type,
      missing: column.values.length - nonMissing,
      distinct,
      histogram: [],
      defaultRole: role
    }
    if (nonMissing > 0) {
      Object.assign(summary, { min, mean: sum / nonMissing, max })
      summary.histogram = histogramCounts(column.values, COLUMN_HISTOGRAM_BINS).counts
    }
    if (kind.idLike) summary.note = 'distinct whole numbers like a row number: ignored by default'
    return summary
  }
  const counts = codeCounts(column.codes, column.dictionary.length)
  let missing = 0
  for (let r = 0; r < column.codes.length; r++) if (column.codes[r] < 0) missing++
  const summary: ColumnSummary = {
    name: column.name,
    type: kind.type,
    missing,
    distinct: column.dictionary.length,
    histogram: [],
    defaultRole: role
  }
  if (kind.type === 'numeric') {
    // Numbers with a few stray words: statistics of the numbers, and a note on the first word.
    const values = new Float64Array(column.codes.length)
    const parsed = column.dictionary.map(parseNumber)
    for (let r = 0; r < values.length; r++) values[r] = column.codes[r] < 0 ? NaN : parsed[column.codes[r]]
    const f = numberFacts(values)
    if (f.nonMissing > 0) {
      Object.assign(summary, { min: f.min, mean: f.sum / f.nonMissing, max: f.max })
      summary.histogram = histogramCounts(values, COLUMN_HISTOGRAM_BINS).counts
    }
    const bad = kind.firstNonNumeric!
    summary.note = `mostly numbers, but row ${bad.row + 1} holds ${JSON.stringify(bad.value)}`
    return summary
  }
  // Most frequent first; ties in order of first appearance, so the order is the same every time.
  const order = counts.map((_, k) => k).sort((a, b) => counts[b] - counts[a] || a - b)
  summary.top = order.slice(0, TOP_VALUES).map((k) => ({ value: column.dictionary[k], count: counts[k] }))
  summary.histogram = order.slice(0, COLUMN_HISTOGRAM_BINS).map((k) => counts[k])
  if (kind.type === 'text')
    summary.note = 'many distinct values (names, IDs or free text): ignored by default'
  return summary
}

interface NumberFacts {
  nonMissing: number
  distinct: number
  whole: boolean
  min: number
  max: number
  sum: number
}

function numberFacts(values: Float64Array): NumberFacts {
  const seen = new Set<number>()
  let nonMissing = 0
  let whole = true
  let min = Infinity
  let max = -Infinity
  let sum = 0
  for (let r = 0; r < values.length; r++) {
    const v = values[r]
    if (v !== v) continue
    nonMissing++
    seen.add(v)
    if (!Number.isInteger(v)) whole = false
    if (v < min) min = v
    if (v > max) max = v
    sum += v
  }
  return { nonMissing, distinct: seen.size, whole: whole && nonMissing > 0, min, max, sum }
}

function codeCounts(codes: Int32Array, size: number): number[] {
  const counts = new Array<number>(size).fill(0)
  for (let r = 0; r < codes.length; r++) if (codes[r] >= 0) counts[codes[r]]++
  return counts
}
