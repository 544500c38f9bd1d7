/**
 * A statistic for a narrow table cell: up to 4 significant digits, exponent form (9.30e-4) for the
 * very small and very large, '–' when absent. The digits are the locale's (decimal separator), but
 * never grouped, so a cell stays as narrow as in English, and English reads exactly as before.
 */
export function formatStat(v: number | undefined, locale = 'en'): string {
  if (v === undefined || !Number.isFinite(v)) return '–'
  if (v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)) return formatExponent(v, locale)
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 4, useGrouping: false }).format(v)
}

/** A whole number for reading (counts of rows, samples): grouped in the locale's way. */
export function formatCount(n: number, locale = 'en'): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n)
}

/** Exponent form with 3 significant digits (3.00e-9), the mantissa's decimal separator the locale's. */
export function formatExponent(v: number, locale = 'en'): string {
  if (!Number.isFinite(v)) return String(v)
  const decimal = new Intl.NumberFormat(locale).formatToParts(0.5).find((p) => p.type === 'decimal')
  return v.toExponential(2).replace('.', decimal?.value ?? '.')
}
