/**
 * A bounded buffer for one streaming (x, y) series: min/max decimation with a doubling stride.
 *
 * Every stored bucket summarises `stride` consecutive raw points by their minimum and maximum
 * (and, for the bucket still filling, its latest point). When all buckets are used, neighbouring
 * buckets are merged pairwise and the stride doubles. So memory is fixed at construction
 * (a 1,000,000-step run keeps at most 2·capacity + 2 points) and the series' extremes always survive:
 * the min of two buckets is the min of their mins, and likewise for the max. When to open and merge
 * buckets is the engine's StrideBuckets, shared with the histogram history.
 */
import { StrideBuckets } from '@engine/index'

/** A point as ECharts takes it on a value axis: [x, y]. */
export type Point = [number, number]

export class SeriesBuffer {
  /** Buckets in use, raw points per bucket (doubling whenever the buckets run out). */
  private readonly slots: StrideBuckets
  private readonly minX: Float64Array
  private readonly minY: Float64Array
  private readonly maxX: Float64Array
  private readonly maxY: Float64Array
  private firstX = NaN
  private firstY = NaN
  private lastX = NaN
  private lastY = NaN
  private total = 0
  private changes = 0

  /** @param capacity the most buckets kept (each emits at most two points); even, at least 2 */
  constructor(readonly capacity = 2048) {
    if (!Number.isInteger(capacity) || capacity < 2 || capacity % 2 !== 0) {
      throw new Error(`SeriesBuffer capacity must be an even integer ≥ 2, got ${capacity}`)
    }
    this.slots = new StrideBuckets(capacity)
    this.minX = new Float64Array(capacity)
    this.minY = new Float64Array(capacity)
    this.maxX = new Float64Array(capacity)
    this.maxY = new Float64Array(capacity)
  }

  /** Raw points pushed since the last clear. */
  get count(): number {
    return this.total
  }

  /** Changes every push and clear, and never repeats: a chart whose revisions did not move has nothing new. */
  get revision(): number {
    return this.changes
  }

  /** Raw points each stored bucket stands for now. */
  get currentStride(): number {
    return this.slots.stride
  }

  /** The latest raw point, or null when empty. */
  get last(): Point | null {
    return this.total === 0 ? null : [this.lastX, this.lastY]
  }

  clear(): void {
    this.changes++
    this.slots.clear()
    this.total = 0
    this.firstX = NaN
    this.firstY = NaN
    this.lastX = NaN
    this.lastY = NaN
  }

  /**
   * Adds one raw point. x must not decrease (steps); non-finite y values are kept as they are so a
   * NaN loss stays visible as a gap rather than disappearing.
   */
  push(x: number, y: number): void {
    if (this.slots.next(() => this.mergePairs())) this.open(x, y)
    else this.addToLast(x, y)
    if (this.total === 0) {
      this.firstX = x
      this.firstY = y
    }
    this.lastX = x
    this.lastY = y
    this.total++
    this.changes++
  }

  /**
   * The decimated series in x order: the first raw point (the initial loss matters), per bucket its
   * min and max (one point when they coincide), and the latest raw point so the live end is exact.
   */
  points(): Point[] {
    // Called on every redraw of every line chart: only the points themselves are allocated (no
    // per-bucket scratch arrays or tuples that are then dropped).
    const out: Point[] = []
    if (this.total > 0) out.push([this.firstX, this.firstY])
    const { minX, minY, maxX, maxY, firstX } = this
    for (let b = 0; b < this.slots.buckets; b++) {
      const x0 = minX[b]
      const x1 = maxX[b]
      if (x0 === x1) {
        if (x0 !== firstX) out.push([x0, minY[b]])
      } else if (x0 < x1) {
        if (x0 !== firstX) out.push([x0, minY[b]])
        if (x1 !== firstX) out.push([x1, maxY[b]])
      } else {
        if (x1 !== firstX) out.push([x1, maxY[b]])
        if (x0 !== firstX) out.push([x0, minY[b]])
      }
    }
    const tail = out[out.length - 1]
    if (this.total > 0 && (tail[0] !== this.lastX || !sameY(tail[1], this.lastY)))
      out.push([this.lastX, this.lastY])
    return out
  }

  /** Fills the bucket just opened (the last one). */
  private open(x: number, y: number): void {
    const b = this.slots.buckets - 1
    this.minX[b] = this.maxX[b] = x
    this.minY[b] = this.maxY[b] = y
  }

  private addToLast(x: number, y: number): void {
    const b = this.slots.buckets - 1
    // A NaN never wins a comparison, so keep it in the bucket explicitly: a diverged run must show.
    if (y < this.minY[b] || (Number.isNaN(y) && !Number.isNaN(this.minY[b]))) {
      this.minY[b] = y
      this.minX[b] = x
    }
    if (y > this.maxY[b]) {
      this.maxY[b] = y
      this.maxX[b] = x
    }
  }

  /** Merges bucket pairs (2k, 2k+1) into k (StrideBuckets doubles the stride). All buckets are full. */
  private mergePairs(): void {
    const n = this.capacity / 2
    for (let k = 0; k < n; k++) {
      const a = 2 * k
      const b = a + 1
      const minFromB = this.minY[b] < this.minY[a] || Number.isNaN(this.minY[b])
      this.minX[k] = minFromB ? this.minX[b] : this.minX[a]
      this.minY[k] = minFromB ? this.minY[b] : this.minY[a]
      const maxFromB = this.maxY[b] > this.maxY[a]
      this.maxX[k] = maxFromB ? this.maxX[b] : this.maxX[a]
      this.maxY[k] = maxFromB ? this.maxY[b] : this.maxY[a]
    }
  }
}

function sameY(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b))
}
