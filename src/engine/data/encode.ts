/**
 * The encoder: cells → the network's input x, target cells → y, outputs → predictions. One
 * implementation serves training (`prepareData` encodes its split with it), prediction from typed
 * rows, and prediction of a whole CSV, so a row is encoded the same way everywhere:
 *
 *   numeric feature   x = (v − center) / scale         (v = the imputation value when missing)
 *   one-hot feature   x_k = 1 for the row's category k (all zeros for a category never seen)
 *   classes target    y = one-hot over classes (softmax), or y = index ∈ {0, 1} (one sigmoid unit)
 *   numeric target    y = (v − center) / scale, decoded as v = y·scale + center
 */
import { dict, dictFrom } from '../objects'
import { DataError, placeText, quoteValue } from './errors'
import { categoryKey, DEFAULT_MISSING, isMissing, missingSet, parseNumber } from './numbers'
import type { FeatureEncoding, Prediction, Preprocessing, TargetEncoding } from './types'
import { columnIndex, type Column, type CsvTable } from './table'

const MISSING = missingSet(DEFAULT_MISSING)

/** Encoded width of one feature: 1 for numeric, one per category for one-hot. */
export const featureWidth = (f: FeatureEncoding): number => (f.kind === 'numeric' ? 1 : f.categories.length)
/** Output units of one target: 1 for numeric and sigmoid classes, one per class for softmax. */
export const targetWidth = (t: TargetEncoding): number =>
  t.kind === 'classes' && t.encoding === 'softmax' ? t.classes.length : 1

export const inputWidthOf = (p: Preprocessing): number => p.features.reduce((s, f) => s + featureWidth(f), 0)
export const outputWidthOf = (p: Preprocessing): number => p.targets.reduce((s, t) => s + targetWidth(t), 0)

/** Place of a cell for messages: "line 12, column 4 ("age")" in a file, or "row 3, column "age"" in typed rows. */
type Place = () => string

function notANumber(
  place: Place,
  value: string,
  line: number | null,
  column: number | null,
  name: string
): DataError {
  return new DataError(
    'non-numeric',
    `${place()}: ${quoteValue(value)} is not a number, but "${name}" is a numeric column. ` +
      'Correct the value, leave the cell empty to mark it missing, or treat the column as categorical.',
    { line, column, columnName: name },
    { value: quoteValue(value) }
  )
}

function missingWithoutImpute(
  place: Place,
  name: string,
  line: number | null,
  column: number | null
): DataError {
  return new DataError(
    'bad-spec',
    `${place()}: the value is missing, and the model was prepared with rows with missing values dropped, ` +
      `so it has no value to fill in for "${name}". Fill the cell in.`,
    { line, column, columnName: name },
    { variant: 'missing-not-imputed' }
  )
}

function noTarget(place: string, name: string, line: number, column: number): DataError {
  return new DataError(
    'bad-spec',
    `${place}: the target "${name}" is missing in this row.`,
    { line, column, columnName: name },
    { variant: 'missing-target' }
  )
}

/**
 * A column's cells as numbers, NaN where missing. Throws a 'non-numeric' DataError naming the line and
 * column of the first cell in `rows` (all rows when null) that holds a word.
 */
export function columnNumbers(
  table: CsvTable,
  index: number,
  rows: ArrayLike<number> | null = null
): Float64Array {
  const column = table.columns[index]
  if (column.kind === 'number') return column.values
  const parsed = column.dictionary.map(parseNumber)
  const values = new Float64Array(column.codes.length)
  const n = rows ? rows.length : column.codes.length
  for (let k = 0; k < n; k++) {
    const r = rows ? rows[k] : k
    const code = column.codes[r]
    if (code < 0) {
      values[r] = NaN
      continue
    }
    const v = parsed[code]
    if (v !== v) {
      const line = table.lines[r]
      throw notANumber(
        () => placeText(line, index + 1, column.name),
        column.dictionary[code],
        line,
        index + 1,
        column.name
      )
    }
    values[r] = v
  }
  return values
}

/** A column's cells as categories: a code per row (−1 where missing) into `labels` (numbers in canonical form). */
export function columnCategories(column: Column): { codes: Int32Array; labels: string[] } {
  if (column.kind === 'string') return { codes: column.codes, labels: column.dictionary }
  const codes = new Int32Array(column.values.length)
  const labels: string[] = []
  const index = new Map<number, number>()
  for (let r = 0; r < codes.length; r++) {
    const v = column.values[r]
    if (v !== v) {
      codes[r] = -1
      continue
    }
    let code = index.get(v)
    if (code === undefined) {
      code = labels.length
      labels.push(String(v))
      index.set(v, code)
    }
    codes[r] = code
  }
  return { codes, labels }
}

/** For each label of a column, the index of the same category in `categories` (−1 when unseen). */
function categoryIndex(labels: readonly string[], categories: readonly string[]): Int32Array {
  const position = new Map(categories.map((c, k) => [c, k]))
  return Int32Array.from(labels, (l) => position.get(l) ?? -1)
}

/**
 * The features of `rows` (indices into the table, all rows when null) as x [rows × inputWidth].
 * Columns are found by name; a missing cell takes the feature's imputation value.
 */
export function encodeTableFeatures(
  p: Preprocessing,
  table: CsvTable,
  rows: ArrayLike<number> | null = null
): Float64Array {
  const width = inputWidthOf(p)
  const n = rows ? rows.length : table.rowCount
  const x = new Float64Array(n * width)
  let offset = 0
  for (const f of p.features) {
    const index = columnIndex(table, f.column)
    const column = table.columns[index]
    const place =
      (r: number): Place =>
      () =>
        placeText(table.lines[r], index + 1, column.name)
    if (f.kind === 'numeric') {
      const values = columnNumbers(table, index, rows)
      for (let k = 0; k < n; k++) {
        const r = rows ? rows[k] : k
        let v = values[r]
        if (v !== v) {
          if (f.impute === null) throw missingWithoutImpute(place(r), f.column, table.lines[r], index + 1)
          v = f.impute
        }
        x[k * width + offset] = (v - f.center) / f.scale
      }
    } else {
      const { codes, labels } = columnCategories(column)
      const toCategory = categoryIndex(labels, f.categories)
      const imputed = f.impute === null ? -1 : f.categories.indexOf(f.impute)
      for (let k = 0; k < n; k++) {
        const r = rows ? rows[k] : k
        const code = codes[r]
        if (code < 0 && f.impute === null)
          throw missingWithoutImpute(place(r), f.column, table.lines[r], index + 1)
        const c = code < 0 ? imputed : toCategory[code]
        if (c >= 0) x[k * width + offset + c] = 1
      }
    }
    offset += featureWidth(f)
  }
  return x
}

/**
 * Rows typed by hand or read elsewhere, as cells by column name, encoded as x [rows × inputWidth].
 * Throws a DataError naming the row and column for an absent column or a word in a numeric column.
 */
export function encodeRows(p: Preprocessing, rows: readonly Record<string, string>[]): Float64Array {
  const width = inputWidthOf(p)
  const x = new Float64Array(rows.length * width)
  const positions = p.features.map((f) =>
    f.kind === 'one-hot' ? new Map(f.categories.map((c, k) => [c, k])) : null
  )
  rows.forEach((row, i) => {
    let offset = 0
    p.features.forEach((f, j) => {
      const place: Place = () => `row ${i + 1}, column "${f.column}"`
      const cell = Object.hasOwn(row, f.column) ? row[f.column] : undefined
      if (typeof cell !== 'string') {
        throw new DataError(
          'unknown-column',
          `row ${i + 1} has no value for "${f.column}"; the model needs ${p.features.map((g) => `"${g.column}"`).join(', ')}.`,
          { columnName: f.column },
          {
            variant: 'row-without-value',
            row: i + 1,
            needed: p.features.map((g) => `"${g.column}"`).join(', ')
          }
        )
      }
      const missing = isMissing(cell, MISSING)
      if (f.kind === 'numeric') {
        let v = missing ? NaN : parseNumber(cell)
        if (!missing && v !== v) throw notANumber(place, cell, null, null, f.column)
        if (missing) {
          if (f.impute === null) throw missingWithoutImpute(place, f.column, null, null)
          v = f.impute
        }
        x[i * width + offset] = (v - f.center) / f.scale
      } else {
        if (missing && f.impute === null) throw missingWithoutImpute(place, f.column, null, null)
        const c = positions[j]!.get(missing ? f.impute! : categoryKey(cell)) ?? -1
        if (c >= 0) x[i * width + offset + c] = 1
      }
      offset += featureWidth(f)
    })
  })
  return x
}

/**
 * The targets of `rows` as y [rows × outputWidth]. A missing target or a class the preprocessing does
 * not know is an error naming its line (prepareData leaves rows without a target out before this).
 */
export function encodeTableTargets(p: Preprocessing, table: CsvTable, rows: ArrayLike<number>): Float64Array {
  const width = outputWidthOf(p)
  const n = rows.length
  const y = new Float64Array(n * width)
  let offset = 0
  for (const t of p.targets) {
    const index = columnIndex(table, t.column)
    const column = table.columns[index]
    const place = (r: number): string => placeText(table.lines[r], index + 1, column.name)
    if (t.kind === 'numeric') {
      const values = columnNumbers(table, index, rows)
      for (let k = 0; k < n; k++) {
        const v = values[rows[k]]
        if (v !== v) throw noTarget(place(rows[k]), t.column, table.lines[rows[k]], index + 1)
        y[k * width + offset] = (v - t.center) / t.scale
      }
    } else {
      const { codes, labels } = columnCategories(column)
      const toClass = categoryIndex(labels, t.classes)
      const softmax = t.encoding === 'softmax'
      for (let k = 0; k < n; k++) {
        const r = rows[k]
        if (codes[r] < 0) throw noTarget(place(r), t.column, table.lines[r], index + 1)
        const c = toClass[codes[r]]
        if (c < 0) {
          throw new DataError(
            'bad-spec',
            `${place(r)}: ${quoteValue(labels[codes[r]])} is not one of the model's classes (${t.classes.map((l) => JSON.stringify(l)).join(', ')}).`,
            { line: table.lines[r], column: index + 1, columnName: column.name },
            {
              variant: 'unknown-class',
              value: quoteValue(labels[codes[r]]),
              classes: t.classes.map((l) => JSON.stringify(l)).join(', ')
            }
          )
        }
        if (softmax) y[k * width + offset + c] = 1
        else y[k * width + offset] = c
      }
    }
    offset += targetWidth(t)
  }
  return y
}

/**
 * One row's outputs as a prediction: classification → the label (largest probability; for one
 * sigmoid unit, the second class when p ≥ 0.5) and the class probabilities; regression → each target
 * in its own units.
 */
export function decodeOutputs(p: Preprocessing, outputs: ArrayLike<number>): Prediction {
  const prediction: Prediction = { outputs: Array.from(outputs) }
  let offset = 0
  for (const t of p.targets) {
    if (t.kind === 'numeric') {
      prediction.values ??= dict()
      prediction.values[t.column] = outputs[offset] * t.scale + t.center
    } else if (t.encoding === 'sigmoid') {
      const pPositive = outputs[offset]
      prediction.probabilities = dictFrom([
        [t.classes[0], 1 - pPositive],
        [t.classes[1], pPositive]
      ])
      prediction.label = t.classes[pPositive >= 0.5 ? 1 : 0]
    } else {
      prediction.probabilities = dict()
      let best = 0
      t.classes.forEach((c, k) => {
        prediction.probabilities![c] = outputs[offset + k]
        if (outputs[offset + k] > outputs[offset + best]) best = k
      })
      prediction.label = t.classes[best]
    }
    offset += targetWidth(t)
  }
  return prediction
}

/** Every row of an [rows × outputWidth] output matrix, decoded. */
export function decodeRows(p: Preprocessing, outputs: Float64Array, rows: number): Prediction[] {
  const width = outputWidthOf(p)
  const out: Prediction[] = new Array(rows)
  for (let r = 0; r < rows; r++) out[r] = decodeOutputs(p, outputs.subarray(r * width, (r + 1) * width))
  return out
}
