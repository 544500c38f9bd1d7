/**
 * A bounded history of snapshots (e.g. weight histograms over steps). When full, every other
 * snapshot is dropped and only every 2nd later one is kept, so the history always spans the whole run
 * evenly with at most `capacity` entries, however long the run. The newest snapshot is always kept
 * as well, so the chart shows the present.
 */
export class SampledHistory<T> {
  private items: T[] = []
  private stride = 1
  private seen = 0
  private newest: T | null = null

  constructor(readonly capacity = 120) {
    if (!Number.isInteger(capacity) || capacity < 2)
      throw new Error(`capacity must be an integer ≥ 2, got ${capacity}`)
  }

  push(item: T): void {
    if (this.seen % this.stride === 0) {
      if (this.items.length === this.capacity) {
        this.items = this.items.filter((_, i) => i % 2 === 0)
        this.stride *= 2
      }
      if (this.seen % this.stride === 0) this.items.push(item)
    }
    this.seen++
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
    this.stride = 1
    this.seen = 0
    this.newest = null
  }
}
