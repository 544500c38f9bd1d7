/** Number formatting for chart labels and tooltips. */

/** Up to 4 significant digits, exponent form for very small or large magnitudes. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v)
  if (v === 0) return '0'
  const a = Math.abs(v)
  if (a < 1e-3 || a >= 1e5) return v.toExponential(2)
  return String(Number(v.toPrecision(4)))
}

/**
 * A log axis's tick label. ECharts puts those ticks on powers of ten; formatValue printed them as
 * "0.1", "0.001", "1.00e-5" side by side. A power of ten is written plainly from 0.001 to 1000 and as
 * 1e−5 beyond; anything else as formatValue does.
 */
export function logTickLabel(v: number): string {
  if (!(v > 0) || !Number.isFinite(v)) return formatValue(v)
  const e = Math.round(Math.log10(v))
  if (Math.abs(v / 10 ** e - 1) > 1e-9) return formatValue(v)
  return Math.abs(e) <= 3 ? String(Number(v.toPrecision(1))) : `1e${e}`
}

/**
 * Tick labels for a linear axis over [lo, hi] that differ from each other: formatValue's 4 significant
 * digits print 0.03120, 0.03121 and 0.03122 all as "0.0312" when the loss range is narrow, so the
 * digits grow with value ÷ tick step (`ticks` is an upper bound on how many ticks the axis shows).
 */
export function tickFormatter(lo: number, hi: number, ticks = 10): (v: number) => string {
  const step = (hi - lo) / ticks
  if (!(step > 0) || !Number.isFinite(step)) return formatValue
  return (v) => {
    if (!Number.isFinite(v) || v === 0) return formatValue(v)
    const digits = Math.ceil(Math.log10(Math.abs(v) / step)) + 1
    if (digits <= 4) return formatValue(v)
    const p = Math.min(digits, 15)
    const a = Math.abs(v)
    return a < 1e-3 || a >= 1e5 ? v.toExponential(p - 1) : String(Number(v.toPrecision(p)))
  }
}

const compact = new Map<string, Intl.NumberFormat>()

/**
 * A step (or epoch) axis's tick label, short in the user's language: 500K, 1.5M (en), 50万, 150万
 * (zh-CN). Written out, "1,000,000" and "1,500,000" ran into each other on a half-width chart.
 */
export function stepTickLabel(locale: string): (v: number | string) => string {
  let f = compact.get(locale)
  if (!f) {
    f = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 })
    compact.set(locale, f)
  }
  const format = f
  return (v) => {
    const n = Number(v)
    return Number.isFinite(n) ? format.format(n) : String(v)
  }
}

/** The smallest and largest finite y of some point lists ([NaN, NaN] when there is none). */
export function yRange(...lists: readonly (readonly (readonly [number, number])[])[]): [number, number] {
  let lo = Infinity
  let hi = -Infinity
  for (const l of lists)
    for (const p of l) {
      const y = p[1]
      if (y < lo) lo = y
      if (y > hi) hi = y
    }
  return lo <= hi ? [lo, hi] : [NaN, NaN]
}
