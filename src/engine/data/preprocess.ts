/**
 * Preprocessing: how the columns of a table become the network's x and y — and, stored in the
 * weights file, how a new row is encoded the same way. (Contract; the encoder lives here too.)
 */
import type { Task } from '../graph/types'

/** How one feature column becomes one or more inputs. */
export type FeatureEncoding =
  | {
      column: string
      kind: 'numeric'
      normalization: 'z-score' | 'min-max' | 'none'
      center: number
      scale: number
      impute: number | null
    }
  | { column: string; kind: 'one-hot'; categories: string[]; impute: string | null }

/** How the target columns become the outputs. */
export type TargetEncoding =
  | { column: string; kind: 'numeric'; center: number; scale: number }
  | { column: string; kind: 'classes'; classes: string[]; encoding: 'sigmoid' | 'softmax' }

export interface Preprocessing {
  task: Task
  features: FeatureEncoding[]
  targets: TargetEncoding[]
  /** Names of the encoded inputs in order, e.g. "sex=female". */
  featureNames: string[]
  missing: 'drop' | 'mean' | 'median' | 'most-frequent'
}
