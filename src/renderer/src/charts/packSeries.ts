/**
 * Line series' [x, y] pairs handed to ECharts as one flat Float64Array [x0, y0, x1, y1, …]. ECharts
 * deep-clones every option it is given, twice per setOption (OptionManager), except a series' data
 * that is a typed array, which it takes as it is: with the live charts redrawing several times a
 * second, the clones of the pairs were the UI thread's largest allocation during a run (bench:ui
 * --allocations: ~10 of 43 MB/s), and what the collector's pauses are made of. The option builders
 * keep producing plain pairs (readable, tested as they are); the chart frame packs just before drawing.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts'

type Series = NonNullable<EChartsOption['series']>

function isPairs(data: unknown): data is [number, number][] {
  if (!Array.isArray(data) || data.length === 0) return false
  for (const p of data)
    if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number')
      return false
  return true
}

function pack(pairs: readonly [number, number][]): Float64Array {
  const out = new Float64Array(pairs.length * 2)
  for (let i = 0; i < pairs.length; i++) {
    out[2 * i] = pairs[i][0]
    out[2 * i + 1] = pairs[i][1]
  }
  return out
}

/** The option with each line series' numeric pairs packed (a shallow copy; the option is not changed). */
export function packLineSeries(option: EChartsOption): EChartsOption {
  const series = option.series
  if (!Array.isArray(series) || !series.some((s) => s?.type === 'line' && isPairs(s.data))) return option
  const packed = (series as Series[]).map((s) => {
    const line = s as LineSeriesOption
    return line?.type === 'line' && isPairs(line.data)
      ? ({
          ...line,
          // A typed array does not say how many numbers make an item: ECharts needs the dimensions.
          dimensions: line.dimensions ?? ['x', 'y'],
          data: pack(line.data) as unknown as LineSeriesOption['data']
        } as LineSeriesOption)
      : s
  })
  return { ...option, series: packed as EChartsOption['series'] }
}
