import { computed, type ComputedRef, type Ref } from 'vue'

/**
 * A chart option rebuilt on each `version` only when `key()` changed since the last build: otherwise
 * the computed returns the very same object, so neither the chart component nor ECharts redraws.
 * `key` names everything the option depends on (series lengths, settings), cheaply.
 */
export function unchangedUntil<T>(
  key: () => string,
  build: () => T,
  version: Ref<number> | ComputedRef<number>
): ComputedRef<T> {
  let lastKey: string | undefined
  let last: T
  return computed(() => {
    void version.value
    const k = key()
    if (k !== lastKey) {
      lastKey = k
      last = build()
    }
    return last
  })
}
