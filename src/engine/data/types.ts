/**
 * The data layer's types: how a table's columns are described (profile), requested (prepare) and
 * encoded (the preprocessing stored in the weights file). Kept apart from the code so that profile,
 * encode and preprocess all import downward from here. Every enum is defined once, as a const list.
 */
import type { MessageParams } from '../messageParams'
import type { Activation, LossKind, Task } from '../graph/types'
import type { TrainData } from '../train/types'

export const NORMALIZATIONS = ['z-score', 'min-max', 'none'] as const
export type Normalization = (typeof NORMALIZATIONS)[number]
export const MISSING_POLICIES = ['drop', 'mean', 'median', 'most-frequent'] as const
export type MissingPolicy = (typeof MISSING_POLICIES)[number]

/** How one feature column becomes one or more inputs: x = (v − center) / scale, or one-hot. */
export type FeatureEncoding =
  | {
      column: string
      kind: 'numeric'
      normalization: Normalization
      /** z-score: the training mean; min-max: the training minimum; none: 0 */
      center: number
      /** z-score: the training standard deviation (population); min-max: max − min; none: 1 (1 when 0) */
      scale: number
      /** The value a missing cell takes (before normalising), or null when rows with missing values were dropped. */
      impute: number | null
    }
  | {
      column: string
      kind: 'one-hot'
      /** Categories of the training split in input order (sorted; numbers numerically). */
      categories: string[]
      /** The category a missing cell takes, or null when rows with missing values were dropped. */
      impute: string | null
    }

/** How the target columns become the outputs. */
export type TargetEncoding =
  /** Regression: y = (v − center) / scale with the training mean and standard deviation. */
  | { column: string; kind: 'numeric'; center: number; scale: number }
  /**
   * Classification: `softmax` is one unit per class (one-hot y); `sigmoid` is one unit for two
   * classes, y = 1 for classes[1].
   */
  | { column: string; kind: 'classes'; classes: string[]; encoding: BinaryTargetEncoding }

export interface Preprocessing {
  task: Task
  features: FeatureEncoding[]
  targets: TargetEncoding[]
  /** Names of the encoded inputs in order, e.g. "sex=female". */
  featureNames: string[]
  missing: MissingPolicy
}

export const COLUMN_TYPES = ['numeric', 'categorical', 'text'] as const
export type ColumnType = (typeof COLUMN_TYPES)[number]
export const COLUMN_ROLES = ['feature', 'target', 'ignored'] as const
export type ColumnRole = (typeof COLUMN_ROLES)[number]
/** The types a user may force on a column (data.prepare's `types`). */
export const TYPE_OVERRIDES = ['numeric', 'categorical'] as const
export type TypeOverride = (typeof TYPE_OVERRIDES)[number]
/** A two-class target as one sigmoid unit (binary cross-entropy) or two softmax units (cross-entropy). */
export const BINARY_TARGET_ENCODINGS = ['sigmoid', 'softmax'] as const
export type BinaryTargetEncoding = (typeof BINARY_TARGET_ENCODINGS)[number]

/** One column as the data panel describes it. */
export interface ColumnSummary {
  name: string
  type: ColumnType
  missing: number
  distinct: number
  /** numeric columns */
  min?: number
  mean?: number
  max?: number
  /** categorical and text columns: the most frequent values, most frequent first */
  top?: { value: string; count: number }[]
  /** bar heights: equal-width bins over [min, max] (numeric) or the top categories' counts */
  histogram: number[]
  /** the engine's suggestion: last column target, ID-like and free text ignored */
  defaultRole: ColumnRole
  /** Why the type or role was chosen when it is not obvious (ID-like, stray words in numbers…). */
  note?: string
}

export interface DataProfile {
  name: string
  rows: number
  columns: ColumnSummary[]
}

export interface PrepareRequest {
  /** Role per column name; a column left out takes its default role from the profile. */
  roles: Record<string, ColumnRole>
  normalization?: Normalization
  missing?: MissingPolicy
  binaryTarget?: BinaryTargetEncoding
  /** Fraction of rows held out for validation, in [0, 0.9] (default 0.2). */
  validationSplit?: number
  seed?: number
  /**
   * Overrides of a column's profiled type: `categorical` one-hot encodes a numeric feature (codes such
   * as 1/2/3) or makes a numeric target classes; `numeric` makes a whole-number target (e.g. 0–9,
   * classes by default) a regression target.
   */
  types?: Record<string, TypeOverride>
}

/** Problems that do not stop training but the user should see (zero variance, imputed values…). */
export interface DataNotice {
  code: DataNoticeCode
  message: string
  column: string | null
  /** The values the message is built from (issue 13: the renderer words it in the user's language). */
  params?: MessageParams
}

/** Every data notice code, enumerable. */
export const DATA_NOTICE_CODES = [
  'class-codes',
  'many-categories',
  'missing-target',
  'zero-variance',
  'unseen-category',
  'missing-values'
] as const

export type DataNoticeCode = (typeof DATA_NOTICE_CODES)[number]

/** What the graph needs to follow the data, and the counts the panel shows. */
export interface PreparedSummary {
  /** encoded feature count: the input node's width */
  inputWidth: number
  /** output units the targets need */
  outputWidth: number
  task: Task
  targets: string[]
  /** class labels in output-unit order (classification) */
  classes?: string[]
  /** the loss and output activation that fit the task and encoding */
  loss: LossKind
  outputActivation: Activation
  /** the columns a prediction row needs, in file order */
  featureColumns: string[]
  /** names of the encoded features, e.g. "sex=female" */
  featureNames: string[]
  trainRows: number
  validationRows: number
  /** rows dropped for missing values (policy 'drop', and rows with a missing target under any policy) */
  droppedRows: number
  /** imputed cells per column (other policies) */
  imputed: Record<string, number>
  notices: DataNotice[]
}

/** One row's prediction: the output units, and for classification the label and class probabilities. */
export interface Prediction {
  outputs: number[]
  label?: string
  probabilities?: Record<string, number>
  /** regression: the predicted value per target column, in the target's own units */
  values?: Record<string, number>
}

/**
 * The encoded data, ready to train on: `data.prepare` builds it from the table and the roles;
 * the training commands read it.
 */
export interface PreparedData {
  summary: PreparedSummary
  /** Encoded rows: x [rows × inputWidth], y [rows × outputWidth], split into train / validation. */
  data: TrainData
  /** Everything needed to encode a new row the same way (stored in the weights file). */
  preprocessing: Preprocessing
  /** The table rows of each split (indices, ascending), e.g. to show a misclassified row. */
  rows?: { train: Int32Array; validation: Int32Array }
}

export const DEFAULT_VALIDATION_SPLIT = 0.2
/** The largest fraction of rows held out for validation (the data.prepare bound). */
export const MAX_VALIDATION_SPLIT = 0.9
