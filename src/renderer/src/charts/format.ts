/** Number formatting for chart labels and tooltips. */

/** Up to 4 significant digits, exponent form for very small or large magnitudes. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v)
  if (v === 0) return '0'
  const a = Math.abs(v)
  if (a < 1e-3 || a >= 1e5) return v.toExponential(2)
  return String(Number(v.toPrecision(4)))
}
