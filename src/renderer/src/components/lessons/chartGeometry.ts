/**
 * Geometry of a lesson chart (pure, so it is tested without a DOM): a y axis that is logarithmic when
 * asked, bars grouped per category, polylines for curves.
 */
import type { LessonChart } from '@renderer/lessons/types'

/** Series colours: sigmoid blue, ReLU orange, skips green (colour-blind safe, Okabe–Ito). */
export const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7']

export interface ChartGeometry {
  left: number
  top: number
  bottom: number
  ticks: { value: number; y: number }[]
  categories: { label: string; x: number }[]
  bars: {
    series: number
    index: number
    x: number
    y: number
    width: number
    height: number
    value: number
  }[]
  lines: string[]
}

export function chartGeometry(chart: LessonChart, width: number, height: number): ChartGeometry {
  const left = 46
  const top = 6
  const bottom = height - 18
  const right = width - 6
  const all = chart.series.flatMap((s) => s.values).filter((v) => Number.isFinite(v))
  const max = Math.max(...all.map(Math.abs), 1e-300)
  // A log axis spans at most 12 decades below the largest value, so a loss of 10⁻³³ does not flatten the rest.
  const floor = chart.log ? Math.max(Math.min(...all.filter((v) => v > 0)), max * 1e-12) : 0
  // From the decade below the smallest value, so the smallest bar is still drawn.
  const lo = chart.log ? Math.ceil(Math.log10(floor)) - 1 : 0
  const hi = chart.log ? Math.log10(max) : max
  const span = hi - lo || 1
  const y = (v: number): number => {
    const u = chart.log ? Math.log10(Math.max(Math.abs(v), floor)) : v
    return bottom - ((u - lo) / span) * (bottom - top)
  }
  const ticks = chart.log
    ? Array.from({ length: Math.floor(hi) - Math.ceil(lo) + 1 }, (_, i) => 10 ** (Math.ceil(lo) + i))
        .filter((_, i, a) => a.length <= 6 || i % Math.ceil(a.length / 6) === 0)
        .map((value) => ({ value, y: y(value) }))
    : [0, max / 2, max].map((value) => ({ value, y: y(value) }))

  const out: ChartGeometry = { left, top, bottom, ticks, categories: [], bars: [], lines: [] }
  if (chart.kind === 'bars') {
    const n = Math.max(...chart.series.map((s) => s.values.length))
    const slot = (right - left) / n
    const barWidth = (slot * 0.8) / chart.series.length
    out.categories = (chart.labels ?? []).map((label, i) => ({ label, x: left + slot * (i + 0.5) }))
    chart.series.forEach((s, si) =>
      s.values.forEach((v, i) => {
        const x = left + slot * i + slot * 0.1 + si * barWidth
        const yy = y(v)
        out.bars.push({
          series: si,
          index: i,
          x,
          y: yy,
          width: barWidth,
          height: Math.max(0, bottom - yy),
          value: v
        })
      })
    )
  } else {
    out.lines = chart.series.map((s) => {
      const dx = (right - left) / Math.max(1, s.values.length - 1)
      return s.values.map((v, i) => `${(left + i * dx).toFixed(1)},${y(v).toFixed(1)}`).join(' ')
    })
  }
  return out
}
