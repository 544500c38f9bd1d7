/**
 * Preprocessing: how the columns of a table become the network's x and y — and, stored in the
 * weights file, how a new row is encoded the same way.
 *
 *   profileTable(table)                 → ColumnSummary[]   (profile.ts: types, counts, default roles)
 *   prepareData(table, request)         → PreparedData      (roles and options → encoded train/validation split)
 *   encodeRows(preprocessing, rows)     → x                 (encode.ts: new rows, as cells by column name)
 *   decodeOutputs(preprocessing, out)   → Prediction        (encode.ts: label and probabilities, or values)
 *
 * Every statistic (normalisation, imputation values, categories) comes from the training split only,
 * so the validation rows are encoded exactly as a new row would be. Regression targets are
 * standardised (z-score with the training mean and standard deviation) so the network learns them at
 * the scale its initialisation assumes; predictions are decoded back to the target's own units.
 */
import { dict, own } from '../objects'
import type { Activation, LossKind, Task } from '../graph/types'
import { createRng } from '../random'
import type { Dataset, TrainData } from '../train/types'
import {
  columnCategories,
  columnNumbers,
  encodeTableFeatures,
  encodeTableTargets,
  featureWidth
} from './encode'
import { inputWidthOf, outputWidthOf } from './encode'
import { DataError } from './errors'
import { sortCategories } from './numbers'
import { columnKind, MAX_CATEGORIES, profileTable } from './profile'
import { columnIndex, type CsvTable } from './table'
import {
  DEFAULT_VALIDATION_SPLIT,
  MAX_VALIDATION_SPLIT,
  type FeatureEncoding,
  type PreparedData,
  type PrepareRequest,
  type Preprocessing,
  type TargetEncoding,
  type PreparedSummary,
  type DataNotice,
  type Normalization,
  type MissingPolicy
} from './types'

export { profileTable, columnKind } from './profile'
export {
  encodeRows,
  decodeOutputs,
  decodeRows,
  encodeTableFeatures,
  inputWidthOf,
  outputWidthOf
} from './encode'

export * from './types'

/** The loss and output activation that fit how the targets are encoded. */
export function lossFor(p: Pick<Preprocessing, 'task' | 'targets'>): {
  loss: LossKind
  outputActivation: Activation
} {
  if (p.task === 'regression') return { loss: 'squared-error', outputActivation: 'linear' }
  const t = p.targets[0]
  return t.kind === 'classes' && t.encoding === 'sigmoid'
    ? { loss: 'binary-cross-entropy', outputActivation: 'sigmoid' }
    : { loss: 'cross-entropy', outputActivation: 'softmax' }
}

/** The summary a preprocessing implies; the counts are those of a prepared split (zero for an imported model). */
export function summarizePreprocessing(
  p: Preprocessing,
  counts: Partial<
    Pick<PreparedSummary, 'trainRows' | 'validationRows' | 'droppedRows' | 'imputed' | 'notices'>
  > = {}
): PreparedSummary {
  const classTarget = p.targets.find((t) => t.kind === 'classes')
  return {
    inputWidth: inputWidthOf(p),
    outputWidth: outputWidthOf(p),
    task: p.task,
    targets: p.targets.map((t) => t.column),
    ...(classTarget?.kind === 'classes' ? { classes: [...classTarget.classes] } : {}),
    ...lossFor(p),
    featureColumns: p.features.map((f) => f.column),
    featureNames: [...p.featureNames],
    trainRows: counts.trainRows ?? 0,
    validationRows: counts.validationRows ?? 0,
    droppedRows: counts.droppedRows ?? 0,
    imputed: counts.imputed ?? {},
    notices: counts.notices ?? []
  }
}

/** A column as prepareData reads it. */
type Source =
  | { name: string; index: number; kind: 'numeric'; values: Float64Array }
  | { name: string; index: number; kind: 'categorical'; codes: Int32Array; labels: string[] }

const isMissingAt = (s: Source, r: number): boolean =>
  s.kind === 'numeric' ? s.values[r] !== s.values[r] : s.codes[r] < 0

/** A 'bad-spec' error; `variant` names which of the code's sentences it is (for the renderer's wording). */
function badSpec(
  variant: string,
  message: string,
  columnName: string | null = null,
  params: Record<string, string | number> = {}
): DataError {
  return new DataError('bad-spec', message, { columnName }, { variant, ...params })
}

/**
 * Encodes a table for training: roles and options → the train/validation split (seeded; stratified by
 * class for classification), the preprocessing that encodes a new row the same way, and a summary.
 *
 * Throws a DataError naming the column for: an unknown column in `roles`, no feature, no target, a
 * target with one class, several targets that are not all numeric, a word in a numeric column (with
 * its line), and no rows left after dropping missing values.
 */
export function prepareData(table: CsvTable, request: PrepareRequest): PreparedData {
  const normalization = request.normalization ?? 'z-score'
  const policy = request.missing ?? 'mean'
  const split = request.validationSplit ?? DEFAULT_VALIDATION_SPLIT
  if (!(split >= 0 && split <= MAX_VALIDATION_SPLIT))
    throw badSpec(
      'split',
      `The validation split must be between 0 and ${MAX_VALIDATION_SPLIT}, got ${split}.`,
      null,
      {
        max: MAX_VALIDATION_SPLIT,
        split
      }
    )
  for (const name of [...Object.keys(request.roles), ...Object.keys(request.types ?? {})])
    columnIndex(table, name)

  const profile = profileTable(table)
  const roles = profile.map((c) => own(request.roles, c.name) ?? c.defaultRole)
  const notices: DataNotice[] = []
  const featureIdx = roles.flatMap((r, i) => (r === 'feature' ? [i] : []))
  const targetIdx = roles.flatMap((r, i) => (r === 'target' ? [i] : []))
  if (targetIdx.length === 0)
    throw badSpec('no-target', 'No target column: mark the column to predict as the target.')
  if (featureIdx.length === 0)
    throw badSpec(
      'no-feature',
      'No feature column: mark at least one column other than the target as a feature.'
    )

  // Read each used column as numbers or categories (a word in a numeric column fails here, with its line).
  const read = (i: number, asTarget: boolean): Source => {
    const column = table.columns[i]
    const kind = columnKind(column)
    const override = own(request.types, column.name)
    const categorical =
      override === 'categorical' ||
      (override === undefined && (kind.type !== 'numeric' || (asTarget && kind.classCodes)))
    if (!categorical) return { name: column.name, index: i, kind: 'numeric', values: columnNumbers(table, i) }
    if (asTarget && override === undefined && kind.type === 'numeric') {
      notices.push({
        code: 'class-codes',
        message: `The target "${column.name}" holds few whole numbers, so each is a class; set its type to numeric for regression.`,
        column: column.name,
        params: { columnName: column.name }
      })
    }
    if (!asTarget && kind.type === 'text') {
      notices.push({
        code: 'many-categories',
        message: `The feature "${column.name}" has ${profile[i].distinct} distinct values (names, IDs or free text?); each becomes an input.`,
        column: column.name,
        params: { columnName: column.name, count: profile[i].distinct }
      })
    }
    return { name: column.name, index: i, kind: 'categorical', ...columnCategories(column) }
  }
  const targets = targetIdx.map((i) => read(i, true))
  const features = featureIdx.map((i) => read(i, false))
  const classTargets = targets.filter((t) => t.kind === 'categorical')
  if (classTargets.length > 0 && targets.length > 1) {
    throw badSpec(
      'several-class-targets',
      `Several targets (${targets.map((t) => `"${t.name}"`).join(', ')}) can only be numeric (regression); ` +
        `"${classTargets[0].name}" holds classes. Keep one class target, or make the others features or ignored.`,
      classTargets[0].name,
      { targets: targets.map((t) => `"${t.name}"`).join(', ') }
    )
  }

  // Rows: a missing target cannot be imputed, so such rows go under every policy; 'drop' also drops
  // rows with a missing feature.
  const kept: number[] = []
  let missingTarget = 0
  for (let r = 0; r < table.rowCount; r++) {
    if (targets.some((t) => isMissingAt(t, r))) missingTarget++
    else if (policy !== 'drop' || !features.some((f) => isMissingAt(f, r))) kept.push(r)
  }
  const droppedRows = table.rowCount - kept.length
  if (missingTarget > 0) {
    notices.push({
      code: 'missing-target',
      message: `${missingTarget} row${missingTarget === 1 ? '' : 's'} without a target value ${missingTarget === 1 ? 'was' : 'were'} left out.`,
      column: targets.find((t) => firstMissing(t, table.rowCount) >= 0)!.name,
      params: { count: missingTarget }
    })
  }
  if (kept.length === 0) {
    throw new DataError(
      'too-few-rows',
      policy === 'drop'
        ? 'No rows are left after dropping the rows with missing values; choose an imputation instead.'
        : 'No row has a value in the target column.',
      { columnName: targets[0].name },
      { variant: policy === 'drop' ? 'after-drop' : 'no-target-values' }
    )
  }

  // Classes come from every kept row (a class seen only in validation still needs an output unit).
  let task: Task = 'regression'
  let classOf: Int32Array | null = null
  let classes: string[] = []
  const classSource = classTargets[0]
  if (classSource?.kind === 'categorical') {
    const used = new Set<string>()
    for (const r of kept) used.add(classSource.labels[classSource.codes[r]])
    classes = sortCategories([...used])
    if (classes.length < 2) {
      throw new DataError(
        'one-class-target',
        `The target "${classSource.name}" has only one class (${JSON.stringify(classes[0])}) in the rows used: ` +
          'there is nothing to tell apart. Choose another target or add rows of other classes.',
        { column: classSource.index + 1, columnName: classSource.name },
        { className: classes[0] }
      )
    }
    task = classes.length === 2 ? 'binary' : 'multiclass'
    const position = new Map(classes.map((c, k) => [c, k]))
    classOf = Int32Array.from(classSource.labels, (l) => position.get(l) ?? -1)
  }

  const { train, validation } = splitRows(
    kept,
    split,
    request.seed ?? 1,
    classSource?.kind === 'categorical' ? (r) => classOf![classSource.codes[r]] : null
  )
  if (train.length === 0)
    throw new DataError(
      'too-few-rows',
      'No rows are left for training; lower the validation split.',
      {},
      { variant: 'no-training-rows' }
    )

  // Statistics of the training split only.
  const featureEncodings = features.map((f): FeatureEncoding => {
    if (f.kind === 'numeric') return numericEncoding(f, train, normalization, policy)
    const counts = new Map<string, number>()
    for (const r of train) {
      const code = f.codes[r]
      if (code >= 0) counts.set(f.labels[code], (counts.get(f.labels[code]) ?? 0) + 1)
    }
    if (counts.size === 0)
      throw badSpec('no-values', `The feature "${f.name}" has no values in the training rows.`, f.name)
    const categories = sortCategories([...counts.keys()])
    const impute =
      policy === 'drop' ? null : categories.reduce((a, b) => (counts.get(b)! > counts.get(a)! ? b : a))
    return { column: f.name, kind: 'one-hot', categories, impute }
  })
  const targetEncodings = targets.map((t): TargetEncoding => {
    if (t.kind === 'categorical') {
      const encoding = classes.length === 2 ? (request.binaryTarget ?? 'sigmoid') : 'softmax'
      return { column: t.name, kind: 'classes', classes, encoding }
    }
    const { mean, sd } = moments(t.values, train)
    if (sd === 0)
      notices.push({
        code: 'zero-variance',
        message: `The target "${t.name}" has the same value in every training row.`,
        column: t.name,
        params: { variant: 'target', columnName: t.name }
      })
    const scale = sd > 0 ? sd : 1
    assertScalable('target', t.name, t.values, train, mean, scale)
    return { column: t.name, kind: 'numeric', center: mean, scale }
  })
  const preprocessing: Preprocessing = {
    task,
    features: featureEncodings,
    targets: targetEncodings,
    featureNames: featureEncodings.flatMap((f) =>
      f.kind === 'numeric' ? [f.column] : f.categories.map((c) => `${f.column}=${c}`)
    ),
    missing: policy
  }

  // Notices: constant inputs, imputed cells, categories the training split never saw.
  const imputed = dict<number>()
  features.forEach((f, j) => {
    const enc = featureEncodings[j]
    if (
      (enc.kind === 'numeric' && constantIn(f, train)) ||
      (enc.kind === 'one-hot' && enc.categories.length === 1)
    ) {
      notices.push({
        code: 'zero-variance',
        message: `The feature "${f.name}" has the same value in every training row, so it cannot help the network; consider ignoring it.`,
        column: f.name,
        params: { variant: 'feature', columnName: f.name }
      })
    }
    if (policy !== 'drop') {
      let count = 0
      for (const r of kept) if (isMissingAt(f, r)) count++
      if (count > 0) imputed[f.name] = count
    }
    if (enc.kind === 'one-hot' && f.kind === 'categorical') {
      const known = new Set(enc.categories)
      let unseen = 0
      for (const r of validation) if (f.codes[r] >= 0 && !known.has(f.labels[f.codes[r]])) unseen++
      if (unseen > 0) {
        notices.push({
          code: 'unseen-category',
          message: `${unseen} validation row${unseen === 1 ? ' has' : 's have'} a "${f.name}" value the training rows never have; ${unseen === 1 ? 'it is' : 'they are'} encoded as all zeros.`,
          column: f.name,
          params: { count: unseen, columnName: f.name }
        })
      }
      if (enc.categories.length > MAX_CATEGORIES * 20) {
        throw badSpec(
          'too-many-categories',
          `The feature "${f.name}" has ${enc.categories.length} distinct values: too many to encode; ignore it.`,
          f.name,
          { count: enc.categories.length }
        )
      }
    }
  })
  const imputedTotal = Object.values(imputed).reduce((a, b) => a + b, 0)
  if (imputedTotal > 0) {
    // A category has no mean or median: one-hot columns are always filled with their most frequent value.
    const numericWord = { mean: 'mean', median: 'median', 'most-frequent': 'most frequent value', drop: '' }[
      policy
    ]
    const byWord = new Map<string, string[]>()
    features.forEach((f, j) => {
      const n = imputed[f.name]
      if (!n) return
      const word = featureEncodings[j].kind === 'numeric' ? numericWord : 'most frequent value'
      byWord.set(word, [...(byWord.get(word) ?? []), `${f.name}: ${n}`])
    })
    const how = [...byWord].map(([word, cols]) => `the training ${word} (${cols.join(', ')})`).join(' and ')
    notices.push({
      code: 'missing-values',
      message: `${imputedTotal} missing value${imputedTotal === 1 ? ' was' : 's were'} filled with ${how}.`,
      column: null,
      params: {
        variant: 'imputed',
        count: imputedTotal,
        columns: features
          .filter((f) => imputed[f.name])
          .map((f) => `${f.name}: ${imputed[f.name]}`)
          .join(', ')
      }
    })
  } else if (policy === 'drop' && droppedRows > missingTarget) {
    const n = droppedRows - missingTarget
    notices.push({
      code: 'missing-values',
      message: `${n} row${n === 1 ? '' : 's'} with missing values ${n === 1 ? 'was' : 'were'} dropped.`,
      column: null,
      params: { variant: 'dropped', count: n }
    })
  }

  const dataset = (rows: Int32Array): Dataset => ({
    x: encodeTableFeatures(preprocessing, table, rows),
    y: encodeTableTargets(preprocessing, table, rows),
    rows: rows.length
  })
  const data: TrainData = { train: dataset(train), task }
  if (validation.length > 0) data.validation = dataset(validation)
  return {
    summary: summarizePreprocessing(preprocessing, {
      trainRows: train.length,
      validationRows: validation.length,
      droppedRows,
      imputed,
      notices
    }),
    data,
    preprocessing,
    rows: { train, validation }
  }
}

/**
 * Seeded split of `rows` into train and validation, each in file order. With `classOf`, each class is
 * split on its own (stratified) so both splits keep the class proportions; a class keeps at least one
 * training row.
 */
export function splitRows(
  rows: readonly number[],
  fraction: number,
  seed: number,
  classOf: ((row: number) => number) | null
): { train: Int32Array; validation: Int32Array } {
  const rng = createRng(seed)
  const groups = new Map<number, number[]>()
  for (const r of rows) {
    const key = classOf ? classOf(r) : 0
    let group = groups.get(key)
    if (!group) groups.set(key, (group = []))
    group.push(r)
  }
  const train: number[] = []
  const validation: number[] = []
  // Groups in a fixed order (by class index), so the split does not depend on which class comes first.
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const group = rng.shuffle(groups.get(key)!)
    const n = Math.min(group.length - 1, Math.round(group.length * fraction))
    for (let k = 0; k < group.length; k++) (k < n ? validation : train).push(group[k])
  }
  const sorted = (a: number[]): Int32Array => Int32Array.from(a).sort()
  return { train: sorted(train), validation: sorted(validation) }
}

/**
 * Mean and (population) standard deviation of the present values. The values are divided by a power
 * of two near the largest magnitude first — exact, so ordinary data gets the same bits as before —
 * because the squared deviations of values from about 1.3e154 up overflow to ∞ (issue 10: a scale of
 * ∞ was written as null and the file could not be read back).
 */
function moments(values: Float64Array, rows: ArrayLike<number>): { mean: number; sd: number; n: number } {
  let n = 0
  let big = 0
  for (let k = 0; k < rows.length; k++) {
    const v = values[rows[k]]
    if (v === v) {
      n++
      const a = Math.abs(v)
      if (a > big) big = a
    }
  }
  if (n === 0) return { mean: NaN, sd: NaN, n }
  const unit = big > 0 && Number.isFinite(big) ? 2 ** Math.floor(Math.log2(big)) : 1
  let sum = 0
  for (let k = 0; k < rows.length; k++) {
    const v = values[rows[k]]
    if (v === v) sum += v / unit
  }
  const mean = sum / n
  // Two passes: the sum of squared deviations is exact enough where E[v²] − mean² would cancel.
  let ss = 0
  for (let k = 0; k < rows.length; k++) {
    const v = values[rows[k]]
    if (v === v) ss += (v / unit - mean) * (v / unit - mean)
  }
  return { mean: mean * unit, sd: Math.sqrt(ss / n) * unit, n }
}

/**
 * A column whose encoding would not be finite — (v − center) / scale overflows, as for values spanning
 * ±1e308 — is refused by name rather than turned into ∞ inputs or a file that cannot be read back.
 */
function assertScalable(
  what: 'feature' | 'target',
  name: string,
  values: Float64Array,
  rows: ArrayLike<number>,
  center: number,
  scale: number
): void {
  let min = Infinity
  let max = -Infinity
  for (let k = 0; k < rows.length; k++) {
    const v = values[rows[k]]
    if (v < min) min = v
    if (v > max) max = v
  }
  const ok = [center, scale, (max - center) / scale, (min - center) / scale].every(Number.isFinite)
  if (!ok)
    throw badSpec(
      'unscalable',
      `The ${what} "${name}" has values from ${min} to ${max}, too far apart to scale in floating point; rescale the column (other units) or ignore it.`,
      name,
      { min, max }
    )
}

function firstMissing(s: Source, rows: number): number {
  for (let r = 0; r < rows; r++) if (isMissingAt(s, r)) return r
  return -1
}

function constantIn(f: Source, rows: ArrayLike<number>): boolean {
  if (f.kind !== 'numeric') return false
  let first = NaN
  for (let k = 0; k < rows.length; k++) {
    const v = f.values[rows[k]]
    if (v !== v) continue
    if (first !== first) first = v
    else if (v !== first) return false
  }
  return true
}

function numericEncoding(
  f: Extract<Source, { kind: 'numeric' }>,
  train: Int32Array,
  normalization: Normalization,
  policy: MissingPolicy
): FeatureEncoding {
  const present: number[] = []
  for (const r of train) if (f.values[r] === f.values[r]) present.push(f.values[r])
  if (present.length === 0)
    throw badSpec('no-values', `The feature "${f.name}" has no values in the training rows.`, f.name)
  const { mean, sd } = moments(f.values, train)
  let min = Infinity
  let max = -Infinity
  for (const v of present) {
    if (v < min) min = v
    if (v > max) max = v
  }
  let center = 0
  let scale = 1
  if (normalization === 'z-score') {
    center = mean
    scale = sd > 0 ? sd : 1
  } else if (normalization === 'min-max') {
    center = min
    scale = max > min ? max - min : 1
  }
  assertScalable('feature', f.name, f.values, train, center, scale)
  let impute: number | null = null
  if (policy === 'mean') impute = mean
  else if (policy === 'median') {
    const s = Float64Array.from(present).sort()
    const mid = s.length >> 1
    impute = s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
  } else if (policy === 'most-frequent') {
    // The most frequent value; ties go to the smallest, so the choice does not depend on row order.
    const counts = new Map<number, number>()
    for (const v of present) counts.set(v, (counts.get(v) ?? 0) + 1)
    let best = NaN
    let bestCount = 0
    for (const [v, c] of counts) {
      if (c > bestCount || (c === bestCount && v < best)) {
        best = v
        bestCount = c
      }
    }
    impute = best
  }
  return { column: f.name, kind: 'numeric', normalization, center, scale, impute }
}

/** Width of each feature's inputs (re-exported for callers that lay out the input vector). */
export { featureWidth }
