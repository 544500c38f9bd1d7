/** The training summary a weights file carries (DESIGN §4). */
import type { EpochMetrics, TrainSettings } from '../train/types'

export interface TrainingSummary {
  settings: TrainSettings
  seed: number
  epochsRun: number
  steps: number
  final: EpochMetrics | null
  /** The loss history, downsampled to at most a few hundred [step, loss] points. */
  lossHistory: [number, number][]
}
