/**
 * The loss history a model keeps for its weights file (`training.lossHistory`): bounded, evenly spread
 * over any run length, continued across runs.
 */
/** Most points kept in a model's loss history (the weights file's `training.lossHistory`). */
export const LOSS_HISTORY_POINTS = 300
/**
 * A loss curve of bounded size for the weights file: points are averaged in groups of `stride` steps,
 * and when more than `max` points accumulate, neighbours are merged in pairs and the stride doubles —
 * so any run length fits in at most `max` points spread evenly over the run.
 */
export class LossHistory {
  private points: [number, number][] = []
  private stride = 1
  private sum = 0
  private count = 0
  private lastStep = 0

  constructor(
    private readonly max = LOSS_HISTORY_POINTS,
    initial: readonly [number, number][] = []
  ) {
    for (const [step, loss] of initial) this.add(step, loss)
  }

  add(step: number, loss: number): void {
    // A failed step's NaN would poison the group's mean; the done event says what happened.
    if (!Number.isFinite(loss)) return
    this.sum += loss
    this.count++
    this.lastStep = step
    if (this.count < this.stride) return
    this.points.push([step, this.sum / this.count])
    this.sum = 0
    this.count = 0
    if (this.points.length <= this.max) return
    const merged: [number, number][] = []
    for (let i = 0; i < this.points.length; i += 2) {
      const a = this.points[i]
      const b = this.points[i + 1]
      merged.push(b ? [b[0], (a[1] + b[1]) / 2] : a)
    }
    this.points = merged
    this.stride *= 2
  }

  /** The points, with the unfinished group as a last point. */
  toArray(): [number, number][] {
    const out = this.points.map((p): [number, number] => [p[0], p[1]])
    if (this.count > 0) out.push([this.lastStep, this.sum / this.count])
    return out
  }
}
