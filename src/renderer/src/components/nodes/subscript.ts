/** "x" and 3 → "x₃": unit names as the tutorials write them. */
const DIGITS = '₀₁₂₃₄₅₆₇₈₉'
export function subscripted(base: string, k: number): string {
  return base + String(k).replace(/\d/g, (d) => DIGITS[Number(d)])
}

/** Names of n units, 1-based: x₁…xₙ. */
export function unitNames(base: string, n: number): string[] {
  return Array.from({ length: n }, (_, k) => subscripted(base, k + 1))
}
