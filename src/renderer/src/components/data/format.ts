/** A statistic for a narrow table cell: up to 4 significant digits, '–' when absent. */
export function formatStat(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '–'
  if (v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)) return v.toExponential(2)
  return String(Number(v.toPrecision(4)))
}
