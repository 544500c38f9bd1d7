/** The weights file (DESIGN §4) and the training summary it carries. */
import type { Preprocessing } from '../data/preprocess'
import type { GraphSpec, ParameterMap } from '../graph/types'
import type { EpochMetrics, TrainSettings } from '../train/types'

export const WEIGHTS_FORMAT = 'backprop-studio/weights'
/** Bumped for any change an older reader could misread; a reader refuses a newer version whole. */
export const WEIGHTS_VERSION = 1

export interface TrainingSummary {
  settings: TrainSettings
  seed: number
  epochsRun: number
  steps: number
  final: EpochMetrics | null
  /** The loss history, downsampled to at most a few hundred [step, loss] points. */
  lossHistory: [number, number][]
}

/** A weights file, read and checked: the graph, W per weighted edge, how to encode a row, how it was trained. */
export interface WeightsFile {
  format: typeof WEIGHTS_FORMAT
  version: number
  graph: GraphSpec
  parameters: ParameterMap
  /** null for a network never bound to data: its inputs are used as given. */
  preprocessing: Preprocessing | null
  /** null for a network that was never trained (e.g. weights set by hand). */
  training: TrainingSummary | null
}
