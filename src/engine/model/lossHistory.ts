/**
 * The loss history a model keeps for its weights file (`training.lossHistory`): bounded, evenly spread
 * over any run length, continued across runs. The downsampling is the engine's one `MeanSeries`
 * (strideBuckets.ts). What it is given are points [step, loss] where a point may already be the mean of
 * the steps since the previous point (the progress events' points, a saved file's points), so each is
 * weighted by the steps it stands for — its step minus the previous point's — and every point of the
 * history is the mean loss over the steps it covers, at the last of them; the last point is the open
 * group. A failed point (NaN, ±Infinity) is left out, its steps with it.
 */
import { MeanSeries } from '../strideBuckets'

/** Most points kept in a model's loss history (the weights file's `training.lossHistory`); even. */
export const LOSS_HISTORY_POINTS = 300

export class LossHistory {
  private readonly series: MeanSeries
  /** The step of the last point given (a run starts at step 0). */
  private lastStep = 0

  /**
   * @param max the most points (even)
   * @param initial a saved history (a weights file's) to continue, given point by point as a run's are;
   *   a file of at most `max` points comes back as it is, whichever version wrote it
   */
  constructor(max = LOSS_HISTORY_POINTS, initial: readonly [number, number][] = []) {
    this.series = new MeanSeries(max)
    for (const [step, loss] of initial) this.add(step, loss)
  }

  /** A point: the loss at `step`, or the mean loss of the steps since the previous point. */
  add(step: number, loss: number): void {
    // Steps that do not move forward (a history that restarts) count as one step.
    const steps = step > this.lastStep ? step - this.lastStep : 1
    this.lastStep = step
    // A failed step's NaN would poison the group's mean; the done event says what happened.
    if (!Number.isFinite(loss)) return
    this.series.push(step, loss, steps)
  }

  /** The points, the open group (if any) as the last one. */
  toArray(): [number, number][] {
    return this.series.points()
  }
}
