/**
 * Weight histograms of one layer: the current weights and biases, and the weights' evolution as a
 * heatmap of bins (rows) over report steps (columns), like TensorBoard's distributions seen from above.
 */
import type { CustomSeriesOption, EChartsOption, LineSeriesOption } from 'echarts'
import { evenEdges, histogramOutline, rebin, type Bins } from './histogram'
import { englishText, integerIn, type ChartText } from './chartText'
import { formatValue, stepTickLabel } from './format'
import { mixRgb, NEGATIVE, POSITIVE, rgbOf } from './palette'

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
  /** Where the cells are painted: the chart's own, kept across its redraws (a new one if not given). */
  canvas?: HistoryCanvas
}

/**
 * At most `max` of `items`: every k-th from the first (k a power of two, the smallest that fits) and
 * the last; the heatmap over time shows at most `max` columns (its CSV has them all). A stride keeps
 * the drawn columns where they are as snapshots are added — an even spread of n over max moved every
 * column with each one, and each move was a redraw — and a power of two keeps them across the
 * history's halving too (SampledHistory keeps every other snapshot then).
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

/** The heatmap's colour scale: white for no weight, the positive-weight blue for the fullest bin. */
const HISTORY_LOW = '#ffffff'

/**
 * The heatmap's cells as RGBA pixels, one per cell: `columns` wide, `rows` high, the highest bin in
 * the top row (the y axis grows upwards). A count's colour is HISTORY_LOW → POSITIVE at count / max,
 * the visual map's own linear scale, so the legend beside it reads true.
 */
export function historyPixels(
  counts: readonly (readonly number[])[],
  max: number
): Uint8ClampedArray<ArrayBuffer> {
  const columns = counts.length
  const rows = counts[0]?.length ?? 0
  const px = new Uint8ClampedArray(columns * rows * 4)
  const lo = rgbOf(HISTORY_LOW)
  const hi = rgbOf(POSITIVE)
  for (let x = 0; x < columns; x++)
    for (let y = 0; y < rows; y++) {
      const at = ((rows - 1 - y) * columns + x) * 4
      px.set(mixRgb(lo, hi, max > 0 ? counts[x][y] / max : 0), at)
      px[at + 3] = 255
    }
  return px
}

/** Source pixels per cell side: the image is scaled into the plot, and smoothing blurs only a cell's edge. */
const CELL_PX = 8

/**
 * The canvases the heatmap's cells are painted into (browser only), kept across redraws: a canvas's
 * pixels live outside the JS heap, and a new pair for every draw — several a second early in a run —
 * left their memory to the collector. A chart keeps one; the option painting into it is always the
 * one drawn last (it paints when ECharts first renders it, inside its setOption).
 */
export class HistoryCanvas {
  private small: HTMLCanvasElement | undefined
  private big: HTMLCanvasElement | undefined

  paint(counts: readonly (readonly number[])[], max: number): HTMLCanvasElement {
    const columns = Math.max(1, counts.length)
    const rows = Math.max(1, counts[0]?.length ?? 0)
    const small = (this.small ??= document.createElement('canvas'))
    const big = (this.big ??= document.createElement('canvas'))
    // Setting a canvas's size clears (and may reallocate) it: only when the grid's size changed.
    if (small.width !== columns || small.height !== rows) {
      small.width = columns
      small.height = rows
      big.width = columns * CELL_PX
      big.height = rows * CELL_PX
    }
    if (counts.length > 0 && counts[0].length > 0)
      small.getContext('2d')!.putImageData(new ImageData(historyPixels(counts, max), columns, rows), 0, 0)
    const ctx = big.getContext('2d')!
    ctx.imageSmoothingEnabled = false
    ctx.clearRect(0, 0, big.width, big.height)
    ctx.drawImage(small, 0, 0, big.width, big.height)
    return big
  }
}

/**
 * The weights' histogram over time: a column per snapshot, a row per bin. Drawn as **one image** of
 * the cells (a custom series), not as an ECharts heatmap: that made a rectangle per cell — 1,800 for
 * 60 snapshots × 30 bins — and was the dearest live draw (bench:ui: 12 ms mean, up to 46 ms, enough
 * beside a collection to make a long task). Each column is a data item `[x, count₀, …, countₙ₋₁]`,
 * so the axis tooltip names the hovered snapshot and its fullest bin, the cross pointer's label the
 * bin under the pointer, and the visual map stays as the colour legend (mapping no series).
 */
export function buildHistogramHistoryOption(
  input: HistogramHistoryInput,
  text: ChartText = englishText()
): EChartsOption {
  const { t } = text
  const { edges, counts } = histogramHistoryGrid(input.snapshots, input.rows ?? 30)
  let max = 0
  for (const column of counts) for (const c of column) max = Math.max(max, c)
  const scaleMax = Math.max(max, 1)
  const centres = edges.slice(0, -1).map((e, i) => formatValue((e + edges[i + 1]) / 2))
  let image: HTMLCanvasElement | undefined
  const history: CustomSeriesOption = {
    id: 'history',
    name: t('charts.axis.weights'),
    type: 'custom',
    data: counts.map((column, x) => [x, ...column]),
    encode: { x: 0, y: -1, tooltip: [] },
    // One element for the whole grid, drawn with the first item; the others carry the tooltip.
    renderItem: (params) => {
      if (params.dataIndex !== 0 || centres.length === 0) return null
      const box = params.coordSys as unknown as { x: number; y: number; width: number; height: number }
      image ??= (input.canvas ?? new HistoryCanvas()).paint(counts, scaleMax)
      return {
        type: 'image',
        silent: true,
        style: { image, x: box.x, y: box.y, width: box.width, height: box.height }
      }
    }
  }
  return {
    animation: false,
    grid: { left: 64, right: 16, top: 28, bottom: 56 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'cross' },
      // The chart is half a pane wide: keep the tooltip inside it.
      confine: true,
      formatter: (p: unknown) => {
        const v = (Array.isArray(p) ? p[0] : p) as { value?: number[] } | undefined
        const column = v?.value
        if (!column) return ''
        const at = input.snapshots[column[0]]?.step
        const step = t('charts.tooltip.historyStep', { step: at === undefined ? '' : integerIn(text, at) })
        let peak = 1
        for (let y = 2; y < column.length; y++) if (column[y] > column[peak]) peak = y
        const total = column.slice(1).reduce((a, b) => a + b, 0)
        return `${step}<br>${t('charts.tooltip.historyPeak', { w: centres[peak - 1], n: formatValue(column[peak]), total: formatValue(total) })}`
      }
    },
    xAxis: {
      type: 'category',
      name: t('charts.axis.step'),
      nameLocation: 'middle',
      nameGap: 22,
      data: input.snapshots.map((s) => String(s.step)),
      axisLabel: { formatter: stepTickLabel(text.locale) },
      axisPointer: { label: { formatter: (p: { value: unknown }) => integerIn(text, Number(p.value)) } }
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
      // The legend of the image's colours: it maps no series (the image has its colours already),
      // and there is nothing to explain before the first snapshot.
      seriesIndex: [],
      show: counts.length > 0,
      min: 0,
      max: scaleMax,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 80,
      calculable: false,
      inRange: { color: [HISTORY_LOW, POSITIVE] }
    },
    series: [history]
  }
}
