import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../src/engine/data/csv'
import { DataError } from '../../src/engine/data/errors'
import {
  decodeOutputs,
  encodeRows,
  prepareData,
  profileTable,
  splitRows,
  type PrepareRequest
} from '../../src/engine/data/preprocess'
import { cellText, type CsvTable } from '../../src/engine/data/table'
import { errorOf } from './thrown'
import { DATASET_NAMES, loadTable, type DatasetName } from './data-fixtures'

/** Every row of a table as cells by column name, as the prediction panel would send them. */
function rowCells(table: CsvTable, rows: ArrayLike<number>): Record<string, string>[] {
  return Array.from(rows, (r) => Object.fromEntries(table.columns.map((c) => [c.name, cellText(c, r)])))
}

const SHAPES: Record<
  DatasetName,
  { rows: number; cols: number; target: string; task: string; classes: number }
> = {
  iris: { rows: 150, cols: 5, target: 'species', task: 'multiclass', classes: 3 },
  wine: { rows: 178, cols: 14, target: 'cultivar', task: 'multiclass', classes: 3 },
  breast_cancer: { rows: 569, cols: 31, target: 'diagnosis', task: 'binary', classes: 2 },
  digits: { rows: 1797, cols: 65, target: 'digit', task: 'multiclass', classes: 10 },
  diabetes: { rows: 442, cols: 11, target: 'disease_progression', task: 'regression', classes: 0 },
  titanic_full: { rows: 1309, cols: 5, target: 'survived', task: 'binary', classes: 2 }
}

describe('profileTable on the real datasets', () => {
  it.each(DATASET_NAMES)('%s: shape, column types and default roles', (name) => {
    const table = loadTable(name)
    const shape = SHAPES[name]
    expect(table.rowCount).toBe(shape.rows)
    expect(table.columns.length).toBe(shape.cols)
    const profile = profileTable(table)
    const byName = Object.fromEntries(profile.map((c) => [c.name, c]))
    if (name === 'titanic_full') {
      expect(byName.name).toMatchObject({ type: 'text', defaultRole: 'ignored', missing: 0 })
      expect(byName.survived).toMatchObject({ type: 'categorical', distinct: 2 })
      expect(byName.sex).toMatchObject({ type: 'categorical', distinct: 2, defaultRole: 'feature' })
      expect(byName.sex.top).toEqual([
        { value: 'male', count: 843 },
        { value: 'female', count: 466 }
      ])
      expect(byName.age).toMatchObject({ type: 'numeric', missing: 263 })
      // The last usable column is the default target, here passengerClass (the user picks survived).
      expect(byName.passengerClass).toMatchObject({ type: 'categorical', defaultRole: 'target' })
      return
    }
    const target = byName[shape.target]
    expect(target.defaultRole).toBe('target')
    expect(target.type).toBe(name === 'digits' || name === 'diabetes' ? 'numeric' : 'categorical')
    for (const c of profile.slice(0, -1)) {
      expect(c).toMatchObject({ type: 'numeric', defaultRole: 'feature', missing: 0 })
      expect(c.histogram.reduce((a, b) => a + b)).toBe(shape.rows)
      expect(c.min).toBeLessThanOrEqual(c.mean!)
      expect(c.mean).toBeLessThanOrEqual(c.max!)
    }
  })

  it('gives iris statistics and a 10-bin histogram', () => {
    const [sepalLength] = profileTable(loadTable('iris'))
    expect(sepalLength).toMatchObject({ min: 4.3, max: 7.9, distinct: 35, missing: 0 })
    expect(sepalLength.mean).toBeCloseTo(5.843333, 5)
    expect(sepalLength.histogram).toHaveLength(10)
  })

  it('ignores an ID-like column of consecutive whole numbers and a free-text column', () => {
    const lines = ['id,comment,x,label']
    for (let i = 0; i < 30; i++) lines.push(`${i + 1},note number ${i},${i % 7},${i % 2 ? 'a' : 'b'}`)
    const profile = profileTable(parseCsv(lines.join('\n')))
    expect(profile.map((c) => [c.type, c.defaultRole])).toEqual([
      ['numeric', 'ignored'],
      ['text', 'ignored'],
      ['numeric', 'feature'],
      ['categorical', 'target']
    ])
    expect(profile[0].note).toMatch(/row number/)
  })
})

describe('prepareData on the real datasets', () => {
  const rolesFor = (name: DatasetName): PrepareRequest['roles'] =>
    name === 'titanic_full' ? { survived: 'target', passengerClass: 'feature' } : {}

  it.each(DATASET_NAMES)('%s: task, widths, a stratified 80/20 split and encodings', (name) => {
    const shape = SHAPES[name]
    const prepared = prepareData(loadTable(name), { roles: rolesFor(name), seed: 3 })
    const s = prepared.summary
    expect(s.task).toBe(shape.task)
    expect(s.targets).toEqual([shape.target])
    expect(s.trainRows + s.validationRows).toBe(shape.rows)
    expect(s.validationRows).toBeGreaterThanOrEqual(Math.floor(shape.rows * 0.2) - shape.classes)
    expect(s.validationRows).toBeLessThanOrEqual(Math.ceil(shape.rows * 0.2) + shape.classes)
    const { train, validation } = prepared.data
    expect(train.x.length).toBe(train.rows * s.inputWidth)
    expect(train.y.length).toBe(train.rows * s.outputWidth)
    expect(validation!.rows).toBe(s.validationRows)
    expect(s.featureNames).toHaveLength(s.inputWidth)
    if (shape.task === 'multiclass') {
      expect(s.classes).toHaveLength(shape.classes)
      expect(s).toMatchObject({
        loss: 'cross-entropy',
        outputActivation: 'softmax',
        outputWidth: shape.classes
      })
      // Stratified: each class keeps about its share in the validation rows.
      const perClass = new Array(shape.classes).fill(0)
      for (let r = 0; r < validation!.rows; r++)
        perClass[validation!.y.subarray(r * shape.classes, (r + 1) * shape.classes).indexOf(1)]++
      const total = new Array(shape.classes).fill(0)
      for (let r = 0; r < train.rows; r++)
        total[train.y.subarray(r * shape.classes, (r + 1) * shape.classes).indexOf(1)]++
      perClass.forEach((v, k) => expect(Math.abs(v - 0.2 * (v + total[k]))).toBeLessThanOrEqual(1))
    } else if (shape.task === 'binary') {
      expect(s).toMatchObject({ loss: 'binary-cross-entropy', outputActivation: 'sigmoid', outputWidth: 1 })
    } else {
      expect(s).toMatchObject({ loss: 'squared-error', outputActivation: 'linear', outputWidth: 1 })
    }
    // z-score statistics come from the training rows: each numeric input has mean 0 and sd 1 there.
    prepared.preprocessing.features.forEach((f, j) => {
      if (f.kind !== 'numeric' || f.scale === 1) return
      let sum = 0
      let sq = 0
      for (let r = 0; r < train.rows; r++) sum += train.x[r * s.inputWidth + j]
      for (let r = 0; r < train.rows; r++) sq += (train.x[r * s.inputWidth + j] - sum / train.rows) ** 2
      if (s.imputed[f.column]) return // imputed cells pull the sd below 1
      expect(sum / train.rows).toBeCloseTo(0, 9)
      expect(Math.sqrt(sq / train.rows)).toBeCloseTo(1, 9)
    })
  })

  it('titanic: imputes and counts the missing ages, one-hot encodes sex and class, ignores name', () => {
    const prepared = prepareData(loadTable('titanic_full'), {
      roles: { survived: 'target', passengerClass: 'feature' },
      missing: 'median'
    })
    const s = prepared.summary
    expect(s.featureColumns).toEqual(['sex', 'age', 'passengerClass'])
    expect(s.featureNames).toEqual([
      'sex=female',
      'sex=male',
      'age',
      'passengerClass=1st',
      'passengerClass=2nd',
      'passengerClass=3rd'
    ])
    expect(s.classes).toEqual(['no', 'yes'])
    expect(s.imputed).toEqual({ age: 263 })
    expect(s.droppedRows).toBe(0)
    expect(s.notices.find((n) => n.code === 'missing-values')?.message).toMatch(/263 missing values.*median/)
    const age = prepared.preprocessing.features[1]
    expect(age.kind === 'numeric' && age.impute).toBe(28) // the median age of the training rows
    // One-hot rows have exactly one 1 per categorical feature.
    const { x, rows } = prepared.data.train
    for (let r = 0; r < rows; r++) {
      expect(x[r * 6] + x[r * 6 + 1]).toBe(1)
      expect(x[r * 6 + 3] + x[r * 6 + 4] + x[r * 6 + 5]).toBe(1)
    }
  })

  it('says a categorical column is filled with its most frequent value, not the training mean or median', () => {
    const table = parseCsv('size,colour,y\n1,red,0\n,red,1\n3,,0\n4,blue,1\n5,red,0\n6,red,1\n')
    for (const missing of ['mean', 'median'] as const) {
      const s = prepareData(table, { roles: { y: 'target' }, missing, validationSplit: 0 }).summary
      const notice = s.notices.find((n) => n.code === 'missing-values')?.message
      expect(notice).toBe(
        `2 missing values were filled with the training ${missing} (size: 1) and the training most frequent value (colour: 1).`
      )
    }
  })

  it('titanic with missing "drop": the rows without an age go, and say so', () => {
    const s = prepareData(loadTable('titanic_full'), {
      roles: { survived: 'target', passengerClass: 'feature' },
      missing: 'drop'
    }).summary
    expect(s.droppedRows).toBe(263)
    expect(s.trainRows + s.validationRows).toBe(1046)
    expect(s.imputed).toEqual({})
    expect(s.notices.find((n) => n.code === 'missing-values')?.message).toMatch(/263 rows/)
  })

  it('digits: whole-number labels 0–9 are classes, unless the type says numeric', () => {
    const table = loadTable('digits')
    const classes = prepareData(table, { roles: {} }).summary
    expect(classes.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
    expect(classes.notices.some((n) => n.code === 'class-codes' && n.column === 'digit')).toBe(true)
    // pixel_0_0 is 0 in every row: a constant input cannot help.
    expect(classes.notices.some((n) => n.code === 'zero-variance' && n.column === 'pixel_0_0')).toBe(true)
    const regression = prepareData(table, { roles: {}, types: { digit: 'numeric' } }).summary
    expect(regression).toMatchObject({ task: 'regression', outputWidth: 1 })
  })

  it('breast cancer with binaryTarget softmax: two units and cross-entropy', () => {
    const s = prepareData(loadTable('breast_cancer'), { roles: {}, binaryTarget: 'softmax' }).summary
    expect(s).toMatchObject({
      task: 'binary',
      outputWidth: 2,
      loss: 'cross-entropy',
      outputActivation: 'softmax'
    })
    expect(s.classes).toEqual(['benign', 'malignant'])
  })

  it('diabetes: min-max features in [0, 1] on the training rows; the target standardised and decoded back', () => {
    const table = loadTable('diabetes')
    const prepared = prepareData(table, { roles: {}, normalization: 'min-max', seed: 9 })
    const { train } = prepared.data
    expect(Math.min(...train.x)).toBe(0)
    expect(Math.max(...train.x)).toBe(1)
    const t = prepared.preprocessing.targets[0]
    expect(t.kind).toBe('numeric')
    // y = (v − mean)/sd; decoding a y gives the table's value back.
    const r0 = prepared.rows!.train[0]
    const value = Number(cellText(table.columns[10], r0))
    expect(decodeOutputs(prepared.preprocessing, [train.y[0]]).values!.disease_progression).toBeCloseTo(
      value,
      9
    )
  })

  it('several numeric targets make a multi-output regression', () => {
    const s = prepareData(loadTable('diabetes'), { roles: { s5: 'target', s6: 'target' } }).summary
    expect(s).toMatchObject({
      task: 'regression',
      outputWidth: 3,
      targets: ['s5', 's6', 'disease_progression']
    })
  })

  it('a numeric code column typed categorical is one-hot (diabetes sex 1/2)', () => {
    const s = prepareData(loadTable('diabetes'), { roles: {}, types: { sex: 'categorical' } }).summary
    expect(s.featureNames.slice(0, 4)).toEqual(['age', 'sex=1', 'sex=2', 'bmi'])
    expect(s.inputWidth).toBe(11)
  })

  it('leaves out rows without a target under every policy, and says how many', () => {
    const lines = [
      'x,y',
      ...Array.from({ length: 12 }, (_, i) => `${i},${i === 4 || i === 9 ? '' : i % 2 ? 'a' : 'b'}`)
    ]
    const s = prepareData(parseCsv(lines.join('\n')), { roles: {}, missing: 'mean' }).summary
    expect(s.droppedRows).toBe(2)
    expect(s.trainRows + s.validationRows).toBe(10)
    expect(s.notices).toContainEqual(expect.objectContaining({ code: 'missing-target', column: 'y' }))
  })

  it('is seeded: the same seed gives the same split, another seed another', () => {
    const table = loadTable('iris')
    const a = prepareData(table, { roles: {}, seed: 1 }).rows!.validation
    const b = prepareData(table, { roles: {}, seed: 1 }).rows!.validation
    const c = prepareData(table, { roles: {}, seed: 2 }).rows!.validation
    expect(b).toEqual(a)
    expect(c).not.toEqual(a)
    expect(prepareData(table, { roles: {}, validationSplit: 0 }).data.validation).toBeUndefined()
  })

  it('splitRows keeps at least one training row per class', () => {
    const { train, validation } = splitRows([0, 1, 2, 3, 4], 0.9, 1, (r) => (r === 4 ? 1 : 0))
    expect([...train]).toContain(4)
    expect(train.length + validation.length).toBe(5)
  })

  it('encodes a typed row exactly as the training rows were encoded', () => {
    const table = loadTable('titanic_full')
    const prepared = prepareData(table, { roles: { survived: 'target', passengerClass: 'feature' } })
    const rows = prepared.rows!.train.subarray(0, 40)
    const x = encodeRows(prepared.preprocessing, rowCells(table, rows))
    expect(x).toEqual(prepared.data.train.x.subarray(0, 40 * prepared.summary.inputWidth))
  })
})

describe('prepareData refuses what cannot be trained, naming the column', () => {
  const csv = (lines: string[]): CsvTable => parseCsv(lines.join('\n') + '\n')

  it('a target with one class', () => {
    const err = errorOf(DataError, () => prepareData(csv(['x,label', '1,a', '2,a', '3,a']), { roles: {} }))
    expect(err.code).toBe('one-class-target')
    expect(err.message).toMatch(/"label" has only one class \("a"\)/)
    expect(err.columnName).toBe('label')
  })

  it('no feature, no target, an unknown column', () => {
    const table = csv(['x,y', '1,a', '2,b'])
    expect(errorOf(DataError, () => prepareData(table, { roles: { x: 'ignored' } })).message).toMatch(
      /No feature column/
    )
    expect(errorOf(DataError, () => prepareData(table, { roles: { y: 'feature' } })).message).toMatch(
      /No target column/
    )
    const unknown = errorOf(DataError, () => prepareData(table, { roles: { z: 'feature' } }))
    expect(unknown.code).toBe('unknown-column')
    expect(unknown.message).toMatch(/no column "z"/)
  })

  it('a word in a numeric column, with its line and column', () => {
    const lines = ['a,b,label']
    for (let i = 0; i < 20; i++) lines.push(`${i},${i === 13 ? 'twelve' : i * 2},${i % 2}`)
    const err = errorOf(DataError, () => prepareData(csv(lines), { roles: {} }))
    expect(err.code).toBe('non-numeric')
    expect(err.message).toMatch(/^line 15, column 2 \("b"\): "twelve" is not a number/)
    expect([err.line, err.column, err.columnName]).toEqual([15, 2, 'b'])
  })

  it('a column forced numeric that holds words', () => {
    const err = errorOf(DataError, () =>
      prepareData(csv(['x,y', '1,a', '2,b', '3,a']), { roles: {}, types: { y: 'numeric' } })
    )
    expect(err.message).toMatch(/^line 2, column 2 \("y"\): "a" is not a number/)
  })

  it('several targets where one holds classes', () => {
    const err = errorOf(DataError, () =>
      prepareData(csv(['x,y,z', '1,a,1', '2,b,2']), { roles: { y: 'target', z: 'target' } })
    )
    expect(err.code).toBe('bad-spec')
    expect(err.message).toMatch(/"y" holds classes/)
  })

  it('a zero-variance feature is a warning, not an error', () => {
    const s = prepareData(csv(['x,c,y', '1,5,a', '2,5,b', '3,5,a', '4,5,b']), { roles: {} }).summary
    expect(s.notices).toContainEqual(expect.objectContaining({ code: 'zero-variance', column: 'c' }))
    expect(s.inputWidth).toBe(2)
  })
})

describe('encodeRows and decodeOutputs', () => {
  const prepared = prepareData(loadTable('titanic_full'), {
    roles: { survived: 'target', passengerClass: 'feature' }
  })
  const p = prepared.preprocessing

  it('imputes a missing cell and zeros an unseen category', () => {
    const [x0, x1] = [
      encodeRows(p, [{ sex: 'female', age: '', passengerClass: '1st' }]),
      encodeRows(p, [{ sex: 'other', age: '30', passengerClass: '2nd' }])
    ]
    const age = p.features[1]
    expect(age.kind === 'numeric' && x0[2]).toBeCloseTo(
      age.kind === 'numeric' ? (age.impute! - age.center) / age.scale : 0,
      12
    )
    expect([x1[0], x1[1]]).toEqual([0, 0])
  })

  it('names the row and column of a bad cell or an absent column', () => {
    const word = errorOf(DataError, () =>
      encodeRows(p, [
        { sex: 'male', age: '30', passengerClass: '1st' },
        { sex: 'male', age: 'old', passengerClass: '1st' }
      ])
    )
    expect(word.message).toMatch(/^row 2, column "age": "old" is not a number/)
    const absent = errorOf(DataError, () => encodeRows(p, [{ sex: 'male', passengerClass: '1st' }]))
    expect(absent.code).toBe('unknown-column')
    expect(absent.message).toMatch(/row 1 has no value for "age"/)
  })

  it('decodes a sigmoid output to a label and both probabilities', () => {
    expect(decodeOutputs(p, [0.75])).toEqual({
      outputs: [0.75],
      label: 'yes',
      probabilities: { no: 0.25, yes: 0.75 }
    })
    expect(decodeOutputs(p, [0.25]).label).toBe('no')
  })
})
