/**
 * The δ chart: one line per dense layer of mean |δ| over steps, and (dashed, same colour) its
 * ‖∂C/∂W‖, on a log axis — the vanishing / exploding gradient picture.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts'
import { ABS_DELTA, englishText, type ChartText } from './chartText'
import { formatValue, logTickLabel, stepTickLabel } from './format'
import { forScale } from './lossOptions'
import { categorical } from './palette'
import type { Point } from './seriesBuffer'

export interface LayerSeries {
  /** Layer (node) id: series ids derive from it so they stay stable while streaming. */
  id: string
  name: string
  meanAbsDelta: readonly Point[]
  gradNorm: readonly Point[]
}

export interface DeltaChartInput {
  layers: readonly LayerSeries[]
  /** Also draw ‖∂C/∂W‖ per layer (dashed). */
  showGradNorm: boolean
  xName?: string
}

export const deltaSeriesId = (layerId: string): string => `delta:${layerId}`
export const gradSeriesId = (layerId: string): string => `grad:${layerId}`

export function buildDeltaOption(input: DeltaChartInput, text: ChartText = englishText()): EChartsOption {
  const { t } = text
  const series: LineSeriesOption[] = []
  input.layers.forEach((layer, i) => {
    const color = categorical(i)
    const delta = forScale(layer.meanAbsDelta, 'log')
    const grad = forScale(layer.gradNorm, 'log')
    series.push({
      id: deltaSeriesId(layer.id),
      name: t('charts.series.meanDelta', { layer: layer.name, d: ABS_DELTA }),
      type: 'line',
      data: delta,
      color,
      // A run with one sample so far has no line to draw: its value shows as a dot.
      showSymbol: delta.length === 1,
      sampling: 'lttb',
      lineStyle: { width: 2 }
    })
    if (input.showGradNorm) {
      series.push({
        id: gradSeriesId(layer.id),
        name: t('charts.series.gradNorm', { layer: layer.name }),
        type: 'line',
        data: grad,
        color,
        showSymbol: grad.length === 1,
        sampling: 'lttb',
        lineStyle: { width: 1, type: 'dashed' }
      })
    }
  })
  return {
    animation: false,
    grid: { left: 64, right: 16, top: 48, bottom: 36 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? formatValue(v) : String(v)) },
    xAxis: {
      type: 'value',
      name: input.xName ?? t('charts.axis.step'),
      nameLocation: 'middle',
      nameGap: 22,
      min: 'dataMin',
      max: 'dataMax',
      axisLabel: { formatter: stepTickLabel(text.locale), hideOverlap: true }
    },
    yAxis: {
      type: 'log',
      name: t('charts.axis.magnitude'),
      axisLabel: { formatter: logTickLabel, hideOverlap: true }
    },
    dataZoom: [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' }],
    series
  }
}
