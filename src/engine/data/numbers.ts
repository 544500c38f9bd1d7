/**
 * What counts as a number and as a missing value in a CSV cell. One definition, used by the parser,
 * the profiler, the encoder and prediction, so a cell means the same thing everywhere.
 */

/** Cells that mean "no value" (compared after trimming). The empty cell is always missing. */
export const DEFAULT_MISSING: readonly string[] = ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', '?']

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 160

/**
 * The number a cell holds, or NaN when it is not a plain decimal number. Accepts `1`, `-0.5`, `.5`,
 * `+3.`, `1e-3`, surrounding spaces; refuses what `Number()` would also take but a CSV does not mean:
 * an empty or blank cell, hex/binary/octal (`0x1f`), and `Infinity`.
 */
export function parseNumber(cell: string): number {
  const len = cell.length
  if (len === 0) return NaN
  let i = 0
  while (i < len && isSpace(cell.charCodeAt(i))) i++
  if (i === len) return NaN
  const c0 = cell.charCodeAt(i)
  // First character must be a digit, '.', '+' or '-': rules out "Infinity" and other words cheaply.
  if (!((c0 >= 48 && c0 <= 57) || c0 === 46 || c0 === 43 || c0 === 45)) return NaN
  if (c0 === 48 && i + 1 < len) {
    const c1 = cell.charCodeAt(i + 1) | 32 // lower-case
    if (c1 === 120 || c1 === 98 || c1 === 111) return NaN // 0x 0b 0o
  }
  const n = Number(cell)
  return n - n === 0 ? n : NaN // finite check without a function call
}

/** A set of missing-value spellings for fast lookup. */
export function missingSet(spellings: readonly string[] = DEFAULT_MISSING): Set<string> {
  return new Set(['', ...spellings.map((s) => s.trim())])
}

/** True when the cell (trimmed) is one of the missing spellings. */
export function isMissing(cell: string, missing: Set<string>): boolean {
  if (cell.length === 0) return true
  return missing.has(cell.trim())
}

/**
 * The key a cell has as a category: trimmed, and numbers in canonical form so `1`, `1.0` and ` 1 `
 * are one category (the parser keeps numeric cells as numbers, so their original spelling is gone).
 */
export function categoryKey(cell: string): string {
  const n = parseNumber(cell)
  if (n === n) return String(n)
  return cell.trim()
}

/**
 * Sorts category labels: numerically when every label is a number (0, 1, 2, …, 10), otherwise by
 * code unit, which is locale-independent so the order is the same on every machine.
 */
export function sortCategories(labels: string[]): string[] {
  const allNumeric = labels.every((l) => parseNumber(l) === parseNumber(l))
  return allNumeric
    ? [...labels].sort((a, b) => parseNumber(a) - parseNumber(b))
    : [...labels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}
