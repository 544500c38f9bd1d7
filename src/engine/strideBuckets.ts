/**
 * The bookkeeping every stride-doubling downsampler shares (the charts' series and snapshot
 * histories; the weights file's loss curve can use it too): at most `capacity` buckets, each standing
 * for `stride` consecutive raw items. When a new bucket is needed and all are used, the caller merges
 * neighbouring pairs (2k, 2k+1) into k and the stride doubles, so memory stays fixed however long the
 * run and the buckets always span it evenly. What a bucket holds (min and max, the first item, a
 * mean) is the caller's; this class only says when to open, add and merge.
 */
export class StrideBuckets {
  /** Raw items per bucket; doubles at each merge. */
  stride = 1
  /** Buckets in use (the last may be partial). */
  buckets = 0
  /** Raw items in the last bucket. */
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

  clear(): void {
    this.stride = 1
    this.buckets = 0
    this.fill = 0
  }
}
