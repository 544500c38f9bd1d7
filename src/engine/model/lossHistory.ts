/**
 * The loss history a model keeps for its weights file (`training.lossHistory`): bounded, evenly spread
 * over any run length, continued across runs. The downsampling is the engine's one `MeanSeries`
 * (strideBuckets.ts): each point is the mean loss of `stride` consecutive finite steps at the last of
 * those steps, the last point the steps since the last closed group.
 */
import { MeanSeries } from '../strideBuckets'

/** Most points kept in a model's loss history (the weights file's `training.lossHistory`); even. */
export const LOSS_HISTORY_POINTS = 300

export class LossHistory {
  private readonly series: MeanSeries

  /**
   * @param max the most points (even)
   * @param initial a saved history (a weights file's) to continue: each saved point re-enters as one
   *   item, so a file of at most `max` points comes back as it is, whichever version wrote it
   */
  constructor(max = LOSS_HISTORY_POINTS, initial: readonly [number, number][] = []) {
    this.series = new MeanSeries(max)
    for (const [step, loss] of initial) this.add(step, loss)
  }

  add(step: number, loss: number): void {
    // A failed step's NaN would poison the group's mean; the done event says what happened.
    if (!Number.isFinite(loss)) return
    this.series.push(step, loss)
  }

  /** The points, the open group (if any) as the last one. */
  toArray(): [number, number][] {
    return this.series.points()
  }
}
