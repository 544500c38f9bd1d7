/**
 * A bounded history of snapshots (e.g. weight histograms over steps). When full, every other
 * snapshot is dropped and only every 2nd later one is kept, so the history always spans the whole run
 * evenly with at most `capacity` entries, however long the run. The newest snapshot is always kept
 * as well, so the chart shows the present. When to keep and merge is the engine's StrideBuckets
 * (a bucket here is the first snapshot of its stride), shared with the charts' series.
 */
import { StrideBuckets } from '@engine/index'

export class SampledHistory<T> {
  private items: T[] = []
  private readonly slots: StrideBuckets
  private newest: T | null = null

  /** @param capacity the most snapshots kept besides the newest; even, at least 2 */
  constructor(readonly capacity = 120) {
    if (!Number.isInteger(capacity) || capacity < 2 || capacity % 2 !== 0)
      throw new Error(`capacity must be an even integer ≥ 2, got ${capacity}`)
    this.slots = new StrideBuckets(capacity)
  }

  push(item: T): void {
    if (this.slots.next(() => (this.items = this.items.filter((_, i) => i % 2 === 0)))) this.items.push(item)
    this.newest = item
  }

  /** The kept snapshots in order, ending with the newest one. */
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
