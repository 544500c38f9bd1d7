/**
 * The engine's one stride-doubling downsampler, for every series that must stay bounded however long
 * the run: the charts' series and snapshot histories (renderer, through `@engine/index`), the loss
 * points of each progress event (train/session.ts) and the loss history a weights file keeps
 * (model/lossHistory.ts).
 *
 * `StrideBuckets` is the bookkeeping: at most `capacity` buckets, each standing for `stride`
 * consecutive raw items. A bucket is *closed* when it holds `stride` items; only the last bucket can be
 * *open* (fewer items), and a new item opens a new bucket only once the last one is closed. When a
 * new bucket is needed and all `capacity` are in use (all closed, then), the caller merges neighbouring
 * pairs (2k, 2k+1) into k and the stride doubles — so memory stays fixed and the buckets always span
 * the run evenly. What a bucket holds (min and max, the first item, a mean) is the caller's; this class
 * only says when to open, add and merge.
 *
 * `MeanSeries` is the downsampler for loss curves built on it: each point is the mean of one bucket's
 * y values (weighted, when an item stands for several raw steps) at the x of its last item; the open
 * bucket is reported too (the mean of the items it holds so far), so every item pushed is in exactly
 * one point and the last x is always the last point's. Buckets are counted in items, not weights.
 *
 * `SampledHistory` keeps whole items, the first of each bucket, plus always the newest: the charts'
 * weight-histogram snapshots over a run, and the epochs' metrics a progress event carries.
 */
export class StrideBuckets {
  /** Raw items per closed bucket; doubles at each merge. */
  stride = 1
  /** Buckets in use (the last may be open). */
  buckets = 0
  /** Raw items in the last bucket (it is closed when fill = stride). */
  fill = 0

  /** @param capacity the most buckets; even, at least 2 */
  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 2 || capacity % 2 !== 0)
      throw new Error(`capacity must be an even integer ≥ 2, got ${capacity}`)
  }

  /**
   * Accounts for one more raw item: true when it opens a new bucket (index `buckets - 1`), false when
   * it joins the last one. `mergePairs` is called first when the buckets ran out; after it the
   * caller's buckets [0, capacity / 2) must hold the merged pairs.
   */
  next(mergePairs: () => void): boolean {
    if (this.buckets > 0 && this.fill < this.stride) {
      this.fill++
      return false
    }
    if (this.buckets === this.capacity) {
      mergePairs()
      this.buckets = this.capacity / 2
      this.stride *= 2
    }
    this.buckets++
    this.fill = 1
    return true
  }

  /** Raw items in bucket `b` (< buckets). */
  itemsIn(b: number): number {
    return b === this.buckets - 1 ? this.fill : this.stride
  }

  clear(): void {
    this.stride = 1
    this.buckets = 0
    this.fill = 0
  }
}

/**
 * At most `capacity` (x, y) points, each the mean y of consecutive raw items and the x of the last of
 * them (see the file comment). Typed arrays sized once: pushing allocates nothing. y values are taken
 * as they are: a NaN makes its point NaN (callers that want failed steps out drop them before pushing).
 */
export class MeanSeries {
  private readonly slots: StrideBuckets
  private readonly x: Float64Array
  /** Per bucket: the sum of weight · y, and of the weights; its first y (a one-item point is that, exactly). */
  private readonly sum: Float64Array
  private readonly weight: Float64Array
  private readonly first: Float64Array
  /** Bound once: a closure made per push would allocate on every training step. */
  private readonly merge = (): void => this.mergePairs()

  /** @param capacity the most points; even, at least 2 */
  constructor(readonly capacity: number) {
    this.slots = new StrideBuckets(capacity)
    this.x = new Float64Array(capacity)
    this.sum = new Float64Array(capacity)
    this.weight = new Float64Array(capacity)
    this.first = new Float64Array(capacity)
  }

  /** Points there are now (the open bucket included). */
  get length(): number {
    return this.slots.buckets
  }

  /** Items each closed point stands for now. */
  get stride(): number {
    return this.slots.stride
  }

  /** One item; `weight` is how many raw steps it stands for (an already averaged point), 1 by default. */
  push(x: number, y: number, weight = 1): void {
    if (this.slots.next(this.merge)) {
      const b = this.slots.buckets - 1
      this.x[b] = x
      this.sum[b] = weight * y
      this.weight[b] = weight
      this.first[b] = y
    } else {
      const b = this.slots.buckets - 1
      this.x[b] = x
      this.sum[b] += weight * y
      this.weight[b] += weight
    }
  }

  /** The points as [x, mean y] pairs, oldest first. */
  points(): [number, number][] {
    const out: [number, number][] = []
    for (let b = 0; b < this.slots.buckets; b++) out.push([this.x[b], this.mean(b)])
    return out
  }

  /** The points as two arrays (xs, mean ys), as progress events carry them. */
  columns(): [number[], number[]] {
    const n = this.slots.buckets
    const xs = new Array<number>(n)
    const ys = new Array<number>(n)
    for (let b = 0; b < n; b++) {
      xs[b] = this.x[b]
      ys[b] = this.mean(b)
    }
    return [xs, ys]
  }

  clear(): void {
    this.slots.clear()
  }

  /** A saved point given back (weight · y / weight can be an ulp off y) reads as it was. */
  private mean(b: number): number {
    return this.slots.itemsIn(b) === 1 ? this.first[b] : this.sum[b] / this.weight[b]
  }

  /** Pair (2k, 2k+1) into k: the merged point's mean is the mean over both points' items. */
  private mergePairs(): void {
    const half = this.capacity / 2
    for (let k = 0; k < half; k++) {
      this.x[k] = this.x[2 * k + 1]
      this.sum[k] = this.sum[2 * k] + this.sum[2 * k + 1]
      this.weight[k] = this.weight[2 * k] + this.weight[2 * k + 1]
    }
  }
}

/**
 * A bounded history of items (weight histograms over steps, epoch metrics): when full, every other
 * kept item is dropped and only every 2nd later one is kept, so the history always spans everything
 * pushed evenly with at most `capacity` entries, plus the newest, which is always kept as well (a chart
 * shows the present; a progress event's last epoch is the current one).
 */
export class SampledHistory<T> {
  private items: T[] = []
  private readonly slots: StrideBuckets
  private newest: T | null = null
  /** Bound once: no closure per push. */
  private readonly merge = (): void => void (this.items = this.items.filter((_, i) => i % 2 === 0))

  /** @param capacity the most items kept besides the newest; even, at least 2 */
  constructor(readonly capacity = 120) {
    this.slots = new StrideBuckets(capacity)
  }

  push(item: T): void {
    if (this.slots.next(this.merge)) this.items.push(item)
    this.newest = item
  }

  /** The kept items in order, ending with the newest one. */
  values(): T[] {
    if (this.newest === null || this.items[this.items.length - 1] === this.newest) return this.items.slice()
    return [...this.items, this.newest]
  }

  get latest(): T | null {
    return this.newest
  }

  clear(): void {
    this.items = []
    this.slots.clear()
    this.newest = null
  }
}
