/**
 * Weight histograms of one layer: the current weights and biases, and the weights' evolution as a
 * heatmap of bins (rows) over report steps (columns), like TensorBoard's distributions seen from above.
 */
import type { EChartsOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts'
import { evenEdges, histogramOutline, rebin, type Bins } from './histogram'
import { englishText, type ChartText } from './chartText'
import { formatValue, stepTickLabel } from './format'
import { NEGATIVE, POSITIVE } from './palette'

export interface HistogramInput {
  layerName: string
  weights: Bins | null
  biases: Bins | null
}

function outline(
  id: string,
  name: string,
  color: string,
  h: Bins | null,
  yAxisIndex: number
): LineSeriesOption {
  return {
    id,
    name,
    type: 'line',
    data: h ? histogramOutline(h) : [],
    yAxisIndex,
    color,
    showSymbol: false,
    lineStyle: { width: 1 },
    areaStyle: { opacity: 0.35 },
    emphasis: { disabled: true }
  }
}

/**
 * Weights and biases as filled outlines on one value axis (their bins differ, so bars on a category
 * axis would not line up). Biases are few, so their counts get their own axis on the right.
 */
export function buildHistogramOption(input: HistogramInput, text: ChartText = englishText()): EChartsOption {
  const { t } = text
  const weights = t('charts.axis.weights')
  const biases = t('charts.axis.biases')
  return {
    animation: false,
    // Room for the legend above the two axis names: on a narrow chart the centred legend sat on them.
    grid: { left: 48, right: 48, top: 54, bottom: 36 },
    legend: { top: 0, data: [weights, biases] },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? formatValue(v) : String(v)) },
    xAxis: { type: 'value', name: t('charts.axis.value'), nameLocation: 'middle', nameGap: 22, scale: true },
    yAxis: [
      { type: 'value', name: weights, minInterval: 1 },
      { type: 'value', name: biases, minInterval: 1, splitLine: { show: false } }
    ],
    series: [
      outline('weights', weights, POSITIVE, input.weights, 0),
      outline('biases', biases, NEGATIVE, input.biases, 1)
    ]
  }
}

export interface HistogramSnapshot {
  step: number
  bins: Bins
}

export interface HistogramHistoryInput {
  layerName: string
  snapshots: readonly HistogramSnapshot[]
  /** Rows of the heatmap: the common grid every snapshot is re-binned onto. */
  rows?: number
}

/**
 * At most `max` of `items`: every k-th from the first (k a power of two, the smallest that fits) and
 * the last. The heatmap over time draws a cell per snapshot and bin, and its cost grows with the cells
 * (a 120 × 30 heatmap was the dearest draw of the live charts: ~20 ms, up to 60 ms on a loaded
 * machine). A stride keeps the drawn columns where they are as snapshots are added — an even spread
 * of n over max moved every column with each one, and each move was a redraw — and a power of two
 * keeps them across the history's halving too (SampledHistory keeps every other snapshot then).
 */
export function strideThinned<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return items.slice()
  if (max < 2) return items.slice(-1)
  const last = items.length - 1
  let k = 1
  while (Math.ceil(last / k) + 1 > max) k *= 2
  const out: T[] = []
  for (let i = 0; i < last; i += k) out.push(items[i])
  out.push(items[last])
  return out
}

/** The common grid and the re-binned counts, exposed for the CSV export and tests. */
export function histogramHistoryGrid(
  snapshots: readonly HistogramSnapshot[],
  rows: number
): { edges: number[]; counts: number[][] } {
  if (snapshots.length === 0) return { edges: [], counts: [] }
  let lo = Infinity
  let hi = -Infinity
  for (const s of snapshots) {
    const n = s.bins.edges.length
    if (n === 0) continue
    lo = Math.min(lo, s.bins.edges[0])
    hi = Math.max(hi, s.bins.edges[n - 1])
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { edges: [], counts: [] }
  const edges = evenEdges(lo, hi, rows)
  return { edges, counts: snapshots.map((s) => rebin(s.bins, edges)) }
}

export function buildHistogramHistoryOption(
  input: HistogramHistoryInput,
  text: ChartText = englishText()
): EChartsOption {
  const { t } = text
  const { edges, counts } = histogramHistoryGrid(input.snapshots, input.rows ?? 30)
  const data: [number, number, number][] = []
  let max = 0
  counts.forEach((column, x) =>
    column.forEach((c, y) => {
      data.push([x, y, c])
      max = Math.max(max, c)
    })
  )
  const centres = edges.slice(0, -1).map((e, i) => formatValue((e + edges[i + 1]) / 2))
  const heatmap: HeatmapSeriesOption = {
    id: 'history',
    name: t('charts.axis.weights'),
    type: 'heatmap',
    data,
    progressive: 0
  }
  return {
    animation: false,
    grid: { left: 64, right: 16, top: 28, bottom: 56 },
    tooltip: {
      formatter: (p: unknown) => {
        const v = (p as { value: [number, number, number] }).value
        const step = t('charts.tooltip.historyStep', { step: input.snapshots[v[0]]?.step })
        return `${step}<br>w ≈ ${centres[v[1]]}: ${formatValue(v[2])}`
      }
    },
    xAxis: {
      type: 'category',
      name: t('charts.axis.step'),
      nameLocation: 'middle',
      nameGap: 22,
      data: input.snapshots.map((s) => String(s.step)),
      axisLabel: { formatter: stepTickLabel(text.locale) }
    },
    // Every bin is a row; label about eight of them so the labels do not overlap.
    yAxis: {
      type: 'category',
      name: t('charts.axis.weight'),
      data: centres,
      axisLabel: { interval: Math.ceil(centres.length / 8) - 1 }
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: Math.max(max, 1),
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 80,
      calculable: false,
      inRange: { color: ['#ffffff', POSITIVE] }
    },
    series: [heatmap]
  }
}
