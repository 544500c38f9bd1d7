/**
 * English: the data panel: loading a CSV, columns, roles, encodings, the split. The enums' wording
 * (types, roles, normalisations, missing-value policies, binary encodings, tasks) is keyed by the
 * engine's values; test/renderer/i18n-enums.test.ts checks every value has its words.
 */
const data = {
  title: 'Data',
  open: 'Open CSV…',
  csvFile: 'CSV file',
  fileInfo: '— {rows} rows × {columns} columns',
  hint: 'Open a CSV file or drop one on the window.',
  loading: 'Loading {name}…',
  loadingProgress: 'Loading progress',
  rowsRead: '{rows} rows',
  cancel: 'Cancel',
  columns: 'Columns',
  head: {
    column: 'Column',
    type: 'Type',
    missing: 'Missing',
    distinct: 'Distinct',
    stats: 'Min / mean / max or top values',
    histogram: 'Histogram',
    role: 'Role'
  },
  histogramOf: 'Histogram of {column}',
  roleOf: 'Role of {column}',
  topValue: '{value} ({count})',
  list: ', ',
  types: {
    numeric: 'numeric',
    categorical: 'categorical',
    text: 'text'
  },
  roles: {
    feature: 'feature',
    target: 'target',
    ignored: 'ignored'
  },
  normalization: 'Normalisation',
  normalizations: {
    'z-score': 'z-score',
    'min-max': 'min–max',
    none: 'none'
  },
  missing: 'Missing values ({n})',
  missingPolicies: {
    drop: 'drop the row',
    mean: 'mean',
    median: 'median',
    'most-frequent': 'most frequent'
  },
  binaryTarget: 'Binary target',
  binaryTargets: {
    sigmoid: 'one sigmoid unit',
    softmax: 'two softmax units'
  },
  validationSplit: 'Validation split (%)',
  splitSeed: 'Split seed',
  prepared: 'Prepared data',
  inputWidth: 'Input width {n}',
  tasks: {
    regression: 'regression',
    binary: 'binary',
    multiclass: 'multiclass'
  },
  taskClasses: '{task} ({classes})',
  targets: 'targets {targets}',
  split: '{train} training / {validation} validation rows',
  droppedOne: '1 row dropped',
  dropped: '{n} rows dropped',
  imputedIn: '{n} in {column}',
  imputed: 'imputed: {list}',
  noMissing: 'no missing values in the columns used',
  fixGraph: 'Make output match data',
  preview: 'Preview'
}
export default data
