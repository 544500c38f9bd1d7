/**
 * Objects keyed by names the user chooses (node and edge ids, column names). A plain `{}` inherits
 * `__proto__`, `constructor`, `toString`, `valueOf`…: reading `o[id]` for such an id finds the
 * prototype's value, and writing `o['__proto__'] = v` replaces the prototype instead of storing `v`.
 * So: write into `dict()` (no prototype), read with `own()` (own properties only). JSON.stringify and
 * structured clone treat a null-prototype object like any other.
 */

/** An empty object without a prototype, for user-chosen keys. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

/** `o[key]` when `key` is o's own property, else undefined (never an inherited member). */
export function own<T>(o: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return o != null && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined
}

/** A copy of `entries` as a null-prototype object (Object.fromEntries would inherit from Object). */
export function dictFrom<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = dict<T>()
  for (const [k, v] of entries) out[k] = v
  return out
}
