/**
 * Option builders for the loss chart and the accuracy / R² chart. Pure: data in, ECharts option out,
 * with stable series ids so a streaming chart can setOption({ replaceMerge: ['series'] }) every frame.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts'
import { englishText, type ChartText } from './chartText'
import { formatValue, logTickLabel, stepTickLabel, tickFormatter, yRange } from './format'
import { TRAIN, VALIDATION } from './palette'
import type { Point } from './seriesBuffer'
import { emaSmoothPoints } from './smoothing'

export type AxisScale = 'linear' | 'log'

export interface LossChartInput {
  train: readonly Point[]
  validation: readonly Point[]
  scale: AxisScale
  /** EMA weight in [0, 1); 0 draws the raw data only. */
  smoothing: number
  /** What x counts, for the axis name. */
  xName?: string
}

/**
 * A log axis cannot place y ≤ 0 (or non-finite y): those points are left out, not clamped. On a linear
 * axis the caller's array is passed through, not copied: the charts hand over a fresh `points()` array
 * per redraw, and ECharts reads its series data without changing it (a copy was only garbage).
 */
export function forScale(points: readonly Point[], scale: AxisScale): Point[] {
  return scale === 'log' ? points.filter((p) => p[1] > 0 && Number.isFinite(p[1])) : (points as Point[])
}

function line(id: string, name: string, color: string, data: Point[], faded: boolean): LineSeriesOption {
  return {
    id,
    name,
    type: 'line',
    data,
    // A single point has no line to draw: show it as a dot.
    showSymbol: data.length === 1 && !faded,
    sampling: 'lttb',
    animation: false,
    color,
    lineStyle: { width: faded ? 1 : 2, opacity: faded ? 0.3 : 1 },
    emphasis: { disabled: true },
    z: faded ? 1 : 2
  }
}

/**
 * A smoothed line over its faded raw data (TensorBoard style). Both carry the same name so the legend
 * shows and hides them together; ids differ so each can be updated on its own.
 */
function smoothedPair(
  id: string,
  name: string,
  color: string,
  raw: Point[],
  smoothing: number
): LineSeriesOption[] {
  if (smoothing === 0) return [line(`${id}-raw`, name, color, [], true), line(id, name, color, raw, false)]
  return [
    line(`${id}-raw`, name, color, raw, true),
    line(id, name, color, emaSmoothPoints(raw, smoothing), false)
  ]
}

function baseOption(xName: string, yAxis: EChartsOption['yAxis'], text: ChartText): EChartsOption {
  return {
    animation: false,
    grid: { left: 56, right: 16, top: 28, bottom: 36 },
    legend: { top: 0, data: [text.t('charts.series.train'), text.t('charts.series.validation')] },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? formatValue(v) : String(v)) },
    xAxis: {
      type: 'value',
      name: xName,
      nameLocation: 'middle',
      nameGap: 22,
      min: 'dataMin',
      max: 'dataMax',
      axisLabel: { formatter: stepTickLabel(text.locale), hideOverlap: true }
    },
    yAxis,
    dataZoom: [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' }]
  }
}

export function buildLossOption(input: LossChartInput, text: ChartText = englishText()): EChartsOption {
  const { scale, smoothing } = input
  const { t } = text
  const [lo, hi] = yRange(input.train, input.validation)
  return {
    ...baseOption(
      input.xName ?? t('charts.axis.step'),
      {
        type: scale === 'log' ? 'log' : 'value',
        name: t('charts.axis.loss'),
        scale: true,
        // Log ticks are powers of ten (always distinct); linear ones can be 10⁻⁵ apart late in a run.
        axisLabel: {
          formatter: scale === 'log' ? logTickLabel : tickFormatter(lo, hi),
          hideOverlap: true
        }
      },
      text
    ),
    series: [
      ...smoothedPair('train', t('charts.series.train'), TRAIN, forScale(input.train, scale), smoothing),
      ...smoothedPair(
        'validation',
        t('charts.series.validation'),
        VALIDATION,
        forScale(input.validation, scale),
        smoothing
      )
    ]
  }
}

export type MetricKind = 'accuracy' | 'r2'

export interface MetricChartInput {
  kind: MetricKind
  train: readonly Point[]
  validation: readonly Point[]
  xName?: string
}

export function metricLabel(kind: MetricKind, text: ChartText = englishText()): string {
  return text.t(kind === 'accuracy' ? 'charts.metric.accuracy' : 'charts.metric.r2')
}

/** Accuracy lives in [0, 1]; R² is at most 1 but unbounded below (a bad start can be very negative). */
export function buildMetricOption(input: MetricChartInput, text: ChartText = englishText()): EChartsOption {
  const { t } = text
  const label = metricLabel(input.kind, text)
  return {
    ...baseOption(
      input.xName ?? t('charts.axis.step'),
      {
        type: 'value',
        name: label,
        max: 1,
        min: input.kind === 'accuracy' ? 0 : undefined,
        axisLabel: { formatter: (v: number) => formatValue(v) }
      },
      text
    ),
    series: [
      line('train', t('charts.series.train'), TRAIN, input.train as Point[], false),
      line('validation', t('charts.series.validation'), VALIDATION, input.validation as Point[], false)
    ]
  }
}
