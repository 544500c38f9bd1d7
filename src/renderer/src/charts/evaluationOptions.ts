/**
 * Charts of how well the trained network does on the validation split: a confusion matrix
 * (classification), predicted vs actual (regression), and the decision boundary of a classifier with
 * two numeric features drawn under its data points (as TensorFlow Playground does).
 */
import type { EChartsOption, HeatmapSeriesOption, ScatterSeriesOption } from 'echarts'
import { englishText, integerIn, type ChartText } from './chartText'
import { formatValue } from './format'
import { categorical, mix, TRAIN } from './palette'
import type { BoundaryInput, EvaluatedSplit } from '@engine/index'

// The boundary's shape is defined once, beside the engine code that computes it.
export type { BoundaryInput, EvaluatedSplit } from '@engine/index'
export { gridCentres } from '@engine/index'

export interface ConfusionInput {
  classes: readonly string[]
  /** matrix[actual][predicted] counts */
  matrix: readonly (readonly number[])[]
  /** The rows counted (validation when not given). */
  split?: EvaluatedSplit
}

/**
 * "30 validation rows", or "4 training rows (none held out)": a chart of the training rows must not
 * pass for a validation result.
 */
export function splitRowsText(
  split: EvaluatedSplit | undefined,
  rows: number,
  text: ChartText = englishText()
): string {
  const kind = split === 'train' ? 'train' : 'validation'
  return text.t(`charts.rows.${kind}${rows === 1 ? 'One' : ''}`, { n: integerIn(text, rows) })
}

/** "Validation accuracy", or "Training accuracy" when no rows were held out. */
export function accuracyLabel(split: EvaluatedSplit | undefined, text: ChartText = englishText()): string {
  return text.t(split === 'train' ? 'charts.confusion.trainAccuracy' : 'charts.confusion.validationAccuracy')
}

export function checkConfusion(input: ConfusionInput): void {
  const k = input.classes.length
  if (input.matrix.length !== k)
    throw new Error(`confusion matrix has ${input.matrix.length} rows, expected ${k}`)
  input.matrix.forEach((row, i) => {
    if (row.length !== k) throw new Error(`confusion matrix row ${i} has ${row.length} cells, expected ${k}`)
  })
}

/** Rows = actual class (first class at the top), columns = predicted class; each cell labelled. */
export function buildConfusionOption(input: ConfusionInput, text: ChartText = englishText()): EChartsOption {
  checkConfusion(input)
  const { t } = text
  const data: [number, number, number][] = []
  let max = 0
  input.matrix.forEach((row, a) =>
    row.forEach((c, p) => {
      data.push([p, a, c])
      max = Math.max(max, c)
    })
  )
  const heatmap: HeatmapSeriesOption = {
    id: 'confusion',
    name: t('charts.series.confusion'),
    type: 'heatmap',
    data,
    label: { show: true }
  }
  return {
    animation: false,
    grid: { left: 88, right: 16, top: 16, bottom: 48 },
    tooltip: {
      formatter: (p: unknown) => {
        const [pred, actual, c] = (p as { value: [number, number, number] }).value
        return t('charts.tooltip.confusionCell', {
          actual: input.classes[actual],
          predicted: input.classes[pred],
          count: integerIn(text, c)
        })
      }
    },
    xAxis: {
      type: 'category',
      name: t('charts.axis.predicted'),
      nameLocation: 'middle',
      nameGap: 28,
      data: [...input.classes]
    },
    yAxis: { type: 'category', name: t('charts.axis.actual'), inverse: true, data: [...input.classes] },
    visualMap: { show: false, min: 0, max: Math.max(1, max), inRange: { color: ['#ffffff', TRAIN] } },
    series: [heatmap]
  }
}

/** Accuracy from a confusion matrix: the diagonal over the total. */
export function confusionAccuracy(matrix: readonly (readonly number[])[]): number {
  let hit = 0
  let all = 0
  matrix.forEach((row, i) =>
    row.forEach((c, j) => {
      all += c
      if (i === j) hit += c
    })
  )
  return all === 0 ? NaN : hit / all
}

export interface PredVsActualInput {
  targetName: string
  actual: readonly number[]
  predicted: readonly number[]
  /** The rows shown (validation when not given). */
  split?: EvaluatedSplit
}

/** One point per validation row, and the line y = x where a perfect model's points would lie. */
export function buildPredVsActualOption(
  input: PredVsActualInput,
  text: ChartText = englishText()
): EChartsOption {
  const { t } = text
  if (input.actual.length !== input.predicted.length) {
    throw new Error(`predicted has ${input.predicted.length} values, actual has ${input.actual.length}`)
  }
  const points = input.actual.map((a, i) => [a, input.predicted[i]] as [number, number])
  let lo = Infinity
  let hi = -Infinity
  for (const [a, p] of points) {
    lo = Math.min(lo, a, p)
    hi = Math.max(hi, a, p)
  }
  const diagonal = Number.isFinite(lo) ? [[lo, lo] as [number, number], [hi, hi] as [number, number]] : []
  return {
    animation: false,
    grid: { left: 56, right: 16, top: 16, bottom: 40 },
    tooltip: {
      formatter: (p: unknown) => {
        const [a, pr] = (p as { value: [number, number] }).value
        return t('charts.tooltip.predVsActual', { actual: formatValue(a), predicted: formatValue(pr) })
      }
    },
    xAxis: {
      type: 'value',
      name: t('charts.axis.actualOf', { name: input.targetName }),
      nameLocation: 'middle',
      nameGap: 24,
      scale: true
    },
    yAxis: { type: 'value', name: t('charts.axis.predicted'), scale: true },
    series: [
      {
        id: 'points',
        name: t(input.split === 'train' ? 'charts.series.trainingRows' : 'charts.series.validationRows'),
        type: 'scatter',
        data: points,
        symbolSize: 5,
        color: TRAIN
      },
      {
        id: 'diagonal',
        name: 'y = x',
        type: 'line',
        data: diagonal,
        showSymbol: false,
        color: '#888888',
        lineStyle: { type: 'dashed', width: 1 },
        tooltip: { show: false }
      }
    ]
  }
}

/** The winning class of each cell and the colour it gets: the class colour, paler when unsure. */
export function boundaryCells(input: BoundaryInput): { cls: number; confidence: number; color: string }[] {
  const nx = input.xs.length
  const ny = input.ys.length
  if (input.probs.length !== nx * ny) {
    throw new Error(`decision grid has ${input.probs.length} cells, expected ${nx}×${ny} = ${nx * ny}`)
  }
  const k = Math.max(2, input.classes.length)
  return input.probs.map((p) => {
    let cls = 0
    for (let c = 1; c < p.length; c++) if (p[c] > p[cls]) cls = c
    // Rescale so a uniform guess (1/k) is white and certainty is the full class colour.
    const confidence = Math.max(0, (p[cls] - 1 / k) / (1 - 1 / k))
    return { cls, confidence, color: mix('#ffffff', categorical(cls), 0.15 + 0.6 * confidence) }
  })
}

/**
 * Two grids stacked exactly on top of each other: the heatmap needs category axes (cells), the data
 * points need value axes. The value axes span the cells' outer edges, so both agree on positions.
 */
export function buildDecisionBoundaryOption(
  input: BoundaryInput,
  text: ChartText = englishText()
): EChartsOption {
  const cells = boundaryCells(input)
  const nx = input.xs.length
  const dx = nx > 1 ? input.xs[1] - input.xs[0] : 1
  const dy = input.ys.length > 1 ? input.ys[1] - input.ys[0] : 1
  const grid = { left: 56, right: 16, top: 16, bottom: 40 }
  const heatmap: HeatmapSeriesOption = {
    id: 'boundary',
    name: text.t('charts.series.decision'),
    type: 'heatmap',
    xAxisIndex: 0,
    yAxisIndex: 0,
    silent: true,
    progressive: 0,
    data: cells.map((c, i) => ({ value: [i % nx, Math.floor(i / nx), c.cls], itemStyle: { color: c.color } }))
  }
  const scatter: ScatterSeriesOption[] = input.classes.map((name, cls) => ({
    id: `points:${cls}`,
    name,
    type: 'scatter',
    xAxisIndex: 1,
    yAxisIndex: 1,
    // Outlined in the class colour on a white fill, so a point stands out from a region of its own colour.
    symbolSize: 7,
    color: categorical(cls),
    itemStyle: { color: '#ffffff', borderColor: categorical(cls), borderWidth: 2 },
    data: input.points.filter((p) => p.cls === cls).map((p) => [p.x, p.y])
  }))
  return {
    animation: false,
    grid: [grid, grid],
    legend: { top: 0, data: [...input.classes] },
    tooltip: { trigger: 'item' },
    // A heatmap needs a visualMap (ECharts checks it); this one maps opacity only, so the per-cell
    // colours (class hue, paler when unsure) stay as computed above.
    visualMap: {
      show: false,
      seriesIndex: 0,
      dimension: 2,
      min: 0,
      max: Math.max(1, input.classes.length - 1),
      inRange: { opacity: [1, 1] }
    },
    xAxis: [
      { type: 'category', gridIndex: 0, data: input.xs.map(String), show: false },
      {
        type: 'value',
        gridIndex: 1,
        name: input.xName,
        nameLocation: 'middle',
        nameGap: 24,
        min: input.xs[0] - dx / 2,
        max: input.xs[nx - 1] + dx / 2,
        splitLine: { show: false },
        // The range ends at the cells' edges (e.g. 77.195): only the nice ticks get labels.
        axisLabel: {
          formatter: (v: number) => formatValue(v),
          showMinLabel: false,
          showMaxLabel: false,
          hideOverlap: true
        }
      }
    ],
    yAxis: [
      { type: 'category', gridIndex: 0, data: input.ys.map(String), show: false },
      {
        type: 'value',
        gridIndex: 1,
        name: input.yName,
        min: input.ys[0] - dy / 2,
        max: input.ys[input.ys.length - 1] + dy / 2,
        splitLine: { show: false },
        // The range ends at the cells' edges (e.g. 77.195): only the nice ticks get labels.
        axisLabel: {
          formatter: (v: number) => formatValue(v),
          showMinLabel: false,
          showMaxLabel: false,
          hideOverlap: true
        }
      }
    ],
    series: [heatmap, ...scatter]
  }
}
