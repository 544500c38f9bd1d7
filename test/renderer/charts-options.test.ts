import { categorical } from '@renderer/charts/palette'
import { describe, expect, it } from 'vitest'
import type { EChartsOption, LineSeriesOption } from 'echarts'
import { englishText } from '@renderer/charts/chartText'
import { buildLossOption, buildMetricOption, forScale } from '@renderer/charts/lossOptions'
import { buildDeltaOption, deltaSeriesId, gradSeriesId } from '@renderer/charts/deltaOptions'
import {
  buildHistogramHistoryOption,
  buildHistogramOption,
  strideThinned,
  histogramHistoryGrid,
  historyPixels
} from '@renderer/charts/histogramOptions'
import {
  boundaryCells,
  buildConfusionOption,
  buildDecisionBoundaryOption,
  buildPredVsActualOption,
  confusionAccuracy,
  gridCentres
} from '@renderer/charts/evaluationOptions'
import { edgeWeightOverlay, strokeWidth, signColor } from '@renderer/charts/weightOverlay'
import { NEGATIVE, POSITIVE, mix, rgbOf } from '@renderer/charts/palette'
import type { Point } from '@renderer/charts/seriesBuffer'
import { SampledHistory } from '@engine/index'

type AnySeries = { id?: string; name?: string; type?: string; data?: unknown[]; [k: string]: unknown }
const seriesOf = (o: { series?: unknown }): AnySeries[] => o.series as AnySeries[]
const byId = (o: { series?: unknown }, id: string): AnySeries => {
  const s = seriesOf(o).find((x) => x.id === id)
  if (!s) throw new Error(`no series ${id}`)
  return s
}

const train: Point[] = [
  [1, 1.2],
  [2, 0.9],
  [3, 0],
  [4, 0.5]
]

describe('buildLossOption', () => {
  it('draws train and validation with stable ids and raw data when smoothing is 0', () => {
    const o = buildLossOption({ train, validation: [[4, 0.7]], scale: 'linear', smoothing: 0 })
    expect(seriesOf(o).map((s) => s.id)).toEqual(['train-raw', 'train', 'validation-raw', 'validation'])
    expect(byId(o, 'train').data).toEqual(train)
    expect(byId(o, 'train-raw').data).toEqual([])
    expect(byId(o, 'validation').data).toEqual([[4, 0.7]])
    expect((o.yAxis as { type: string }).type).toBe('value')
    expect(o.dataZoom).toEqual([expect.objectContaining({ type: 'inside' })])
  })

  it('smooths with the debiased EMA over faded raw data', () => {
    const o = buildLossOption({ train, validation: [], scale: 'linear', smoothing: 0.5 })
    expect(byId(o, 'train-raw').data).toEqual(train)
    const smoothed = byId(o, 'train').data as Point[]
    // t=1: y1; t=2: (0.5·0.5·1.2 + 0.5·0.9) / (1 − 0.25)
    expect(smoothed[0][1]).toBeCloseTo(1.2, 12)
    expect(smoothed[1][1]).toBeCloseTo((0.25 * 1.2 + 0.5 * 0.9) / 0.75, 12)
    expect((byId(o, 'train-raw').lineStyle as { opacity: number }).opacity).toBeLessThan(1)
  })

  it('uses a log axis and drops points a log axis cannot place', () => {
    const o = buildLossOption({ train, validation: [], scale: 'log', smoothing: 0 })
    expect((o.yAxis as { type: string }).type).toBe('log')
    expect(byId(o, 'train').data).toEqual([
      [1, 1.2],
      [2, 0.9],
      [4, 0.5]
    ])
    expect(
      forScale(
        [
          [1, NaN],
          [2, -1],
          [3, 2]
        ],
        'linear'
      )
    ).toHaveLength(3)
  })
})

describe('loss axis labels', () => {
  it('differ from each other when the loss range is narrow', () => {
    const narrow: Point[] = [
      [1, 0.031204],
      [2, 0.0312],
      [3, 0.031201]
    ]
    const o = buildLossOption({ train: narrow, validation: [], scale: 'linear', smoothing: 0 })
    const format = (o.yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter
    // ECharts' ticks over that range, every 10⁻⁶: formatValue alone printed "0.0312" five times
    const labels = [0.0312, 0.031201, 0.031202, 0.031203, 0.031204].map((v) => format(v))
    expect(new Set(labels).size).toBe(5)
    expect(labels[1]).toBe('0.031201')
    // a wide range keeps the short labels
    const wide = buildLossOption({ train, validation: [], scale: 'linear', smoothing: 0 })
    expect(
      (wide.yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter(0.25)
    ).toBe('0.25')
  })
})

describe('log axis labels', () => {
  it('write powers of ten one way: plainly from 0.001 to 1000, as 1e-5 beyond (δ and loss alike)', () => {
    const delta = buildDeltaOption({
      layers: [{ id: 'h', name: 'h', meanAbsDelta: [[1, 0.01]], gradNorm: [[1, 0.2]] }],
      showGradNorm: false
    })
    const loss = buildLossOption({ train, validation: [], scale: 'log', smoothing: 0 })
    for (const o of [delta, loss]) {
      const format = (o.yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter
      expect([1e-7, 1e-5, 1e-3, 0.1, 1, 100, 1e4].map((v) => format(v))).toEqual([
        '1e-7',
        '1e-5',
        '0.001',
        '0.1',
        '1',
        '100',
        '1e4'
      ])
      expect(format(0.0123)).toBe('0.0123')
    }
  })
})

describe('step axis labels', () => {
  it("are short in the chart's language on the loss, metric, δ and heatmap charts: 1.5M, 150万", () => {
    const zh = { t: englishText().t, locale: 'zh-CN' }
    const delta = (text = englishText()) =>
      buildDeltaOption(
        {
          layers: [{ id: 'h', name: 'h', meanAbsDelta: [[1, 0.01]], gradNorm: [[1, 0.2]] }],
          showGradNorm: false
        },
        text
      )
    const loss = (text = englishText()) =>
      buildLossOption({ train, validation: [], scale: 'linear', smoothing: 0 }, text)
    const metric = (text = englishText()) =>
      buildMetricOption({ train, validation: [], kind: 'accuracy' }, text)
    const heat = (text = englishText()) =>
      buildHistogramHistoryOption(
        { layerName: 'h', snapshots: [{ step: 1_500_000, bins: { edges: [0, 1], counts: [1] } }] },
        text
      )
    const label = (o: EChartsOption) =>
      (o.xAxis as { axisLabel: { formatter: (v: number | string) => string } }).axisLabel.formatter
    for (const build of [delta, loss, metric, heat]) {
      expect([500, 1_500, 500_000, 1_000_000, 1_500_000].map((v) => label(build())(v))).toEqual([
        '500',
        '1.5K',
        '500K',
        '1M',
        '1.5M'
      ])
      expect([500_000, 1_500_000].map((v) => label(build(zh))(v))).toEqual(['50万', '150万'])
    }
    // The heatmap's categories stay the exact steps (its tooltip and CSV name them); only the label is short.
    expect((heat().xAxis as { data: string[] }).data).toEqual(['1500000'])
  })
})

describe('buildMetricOption', () => {
  it('bounds accuracy to [0, 1] and leaves R² unbounded below', () => {
    const acc = buildMetricOption({ kind: 'accuracy', train: [[1, 0.5]], validation: [[1, 0.4]] })
    expect(acc.yAxis).toMatchObject({ min: 0, max: 1, name: 'accuracy' })
    const r2 = buildMetricOption({ kind: 'r2', train: [[1, -3]], validation: [] })
    expect(r2.yAxis).toMatchObject({ max: 1, name: 'R²' })
    expect((r2.yAxis as { min?: number }).min).toBeUndefined()
    expect(byId(r2, 'train').data).toEqual([[1, -3]])
  })
})

describe('buildDeltaOption', () => {
  const layers = [
    {
      id: 'h1',
      name: 'hidden 1',
      meanAbsDelta: [
        [1, 0.01],
        [2, 0]
      ] as Point[],
      gradNorm: [[1, 0.2]] as Point[]
    },
    { id: 'out', name: 'output', meanAbsDelta: [[1, 0.3]] as Point[], gradNorm: [[1, 0.9]] as Point[] }
  ]

  it('has one mean |δ| series per layer and, on request, a dashed ‖∂C/∂W‖ in the same colour', () => {
    const o = buildDeltaOption({ layers, showGradNorm: true })
    expect(seriesOf(o).map((s) => s.id)).toEqual([
      deltaSeriesId('h1'),
      gradSeriesId('h1'),
      deltaSeriesId('out'),
      gradSeriesId('out')
    ])
    const d = byId(o, 'delta:h1') as LineSeriesOption
    const g = byId(o, 'grad:h1') as LineSeriesOption
    expect(d.color).toBe(g.color)
    expect(g.lineStyle?.type).toBe('dashed')
    expect(byId(o, 'delta:out').color).not.toBe(d.color)
    expect((o.yAxis as { type: string }).type).toBe('log')
    // a zero cannot sit on a log axis
    expect(d.data).toEqual([[1, 0.01]])
    expect(seriesOf(buildDeltaOption({ layers, showGradNorm: false }))).toHaveLength(2)
  })

  it('shows a layer with a single sample as a dot (a line of one point draws nothing)', () => {
    const o = buildDeltaOption({ layers, showGradNorm: true })
    expect(byId(o, 'delta:out').showSymbol).toBe(true)
    expect(byId(o, 'grad:out').showSymbol).toBe(true)
    const many = buildDeltaOption({
      layers: [
        {
          ...layers[1],
          meanAbsDelta: [
            [1, 0.3],
            [2, 0.2]
          ] as Point[]
        }
      ],
      showGradNorm: false
    })
    expect(byId(many, 'delta:out').showSymbol).toBe(false)
  })
})

describe('histogram options', () => {
  it('draws the weights and biases of the selected layer as outlines, biases on their own axis', () => {
    const o = buildHistogramOption({
      layerName: 'h1',
      weights: { edges: [-1, 0, 1], counts: [3, 5] },
      biases: { edges: [0, 0.1], counts: [4] }
    })
    expect(byId(o, 'weights').data).toEqual([
      [-1, 0],
      [-1, 3],
      [0, 3],
      [0, 5],
      [1, 5],
      [1, 0]
    ])
    expect(byId(o, 'biases').yAxisIndex).toBe(1)
    expect(
      byId(buildHistogramOption({ layerName: 'x', weights: null, biases: null }), 'weights').data
    ).toEqual([])
  })

  it('re-bins every snapshot onto one grid spanning all of them for the history heatmap', () => {
    const snapshots = [
      { step: 10, bins: { edges: [-1, 0, 1], counts: [2, 2] } },
      { step: 20, bins: { edges: [-2, 0, 2], counts: [1, 3] } }
    ]
    const grid = histogramHistoryGrid(snapshots, 4)
    expect(grid.edges).toEqual([-2, -1, 0, 1, 2])
    expect(grid.counts).toEqual([
      [0, 2, 2, 0],
      [0.5, 0.5, 1.5, 1.5]
    ])
    const o = buildHistogramHistoryOption({ layerName: 'h1', snapshots, rows: 4 })
    // A column per snapshot: its index, then its counts from the lowest bin up.
    expect(byId(o, 'history').data).toEqual([
      [0, 0, 2, 2, 0],
      [1, 0.5, 0.5, 1.5, 1.5]
    ])
    expect((o.xAxis as { data: string[] }).data).toEqual(['10', '20'])
    expect((o.yAxis as { data: string[] }).data).toEqual(['-1.5', '-0.5', '0.5', '1.5'])
    expect((o.visualMap as { max: number }).max).toBe(2)
    // The visual map is the legend only: the image has its colours.
    expect((o.visualMap as { seriesIndex: number[] }).seriesIndex).toEqual([])
    expect((o.visualMap as { show: boolean }).show).toBe(true)
    // No snapshot yet: an empty grid and no legend for it.
    const empty = buildHistogramHistoryOption({ layerName: 'h1', snapshots: [] })
    expect(byId(empty, 'history').data).toEqual([])
    expect((empty.visualMap as { show: boolean }).show).toBe(false)
    const tooltip = (o.tooltip as { formatter: (p: unknown) => string }).formatter
    expect(tooltip([{ value: [1, 0.5, 0.5, 1.5, 1.5] }])).toBe('step 20<br>most weights at w ≈ 0.5: 1.5 of 4')
  })

  it('paints the history cells as pixels on the legend’s scale, the highest bin in the top row', () => {
    // Two snapshots × two bins; the fullest cell (4) is the legend's top colour, 0 is white.
    const px = historyPixels(
      [
        [0, 4],
        [2, 1]
      ],
      4
    )
    const at = (x: number, row: number) => Array.from(px.slice((row * 2 + x) * 4, (row * 2 + x) * 4 + 4))
    const rgba = (hex: string) => [...rgbOf(hex), 255]
    expect(px).toHaveLength(2 * 2 * 4)
    expect(at(0, 0)).toEqual(rgba(POSITIVE)) // snapshot 0, top row = bin 1: count 4
    expect(at(0, 1)).toEqual(rgba('#ffffff')) // snapshot 0, bin 0: count 0
    expect(at(1, 1)).toEqual(rgba(mix('#ffffff', POSITIVE, 0.5))) // snapshot 1, bin 0: count 2
    expect(at(1, 0)).toEqual(rgba(mix('#ffffff', POSITIVE, 0.25)))
    expect(historyPixels([[0, 0]], 0).slice(0, 3)).toEqual(new Uint8ClampedArray([255, 255, 255]))
  })
})

describe('strideThinned', () => {
  it('keeps at most max items: every k-th from the first, and the newest', () => {
    const items = Array.from({ length: 120 }, (_, i) => i)
    const kept = strideThinned(items, 60)
    // 119 steps to the newest: k = 2 would need 61 columns, so k = 4 (0, 4, …, 116, then 119).
    expect(kept).toHaveLength(31)
    expect(kept.slice(0, 3)).toEqual([0, 4, 8])
    expect(kept.slice(-2)).toEqual([116, 119])
    expect(strideThinned([1, 2, 3], 60)).toEqual([1, 2, 3])
    expect(strideThinned([1, 2, 3], 1)).toEqual([3])
    for (let n = 1; n <= 500; n++) {
      const t = strideThinned(
        Array.from({ length: n }, (_, i) => i),
        60
      )
      expect(t.length).toBeLessThanOrEqual(60)
      expect(t[0]).toBe(0)
      expect(t.at(-1)).toBe(n - 1)
    }
  })

  it('leaves the drawn columns in place as a history grows and halves: a redraw only when one is added', () => {
    /**
     * A 5,000-step run through the charts' history (at most 120 kept snapshots plus the newest,
     * halved when full), thinned by `thin`: how often the heatmap redraws — when the columns that stay
     * while live (all but the newest, replaced by each histogram) or their number change, as
     * HistogramChart's key says — and how many of those redraws only appended a column.
     */
    const redraws = (thin: (items: readonly number[], max: number) => number[]) => {
      const history = new SampledHistory<number>(120)
      let before: number[] = []
      let changes = 0
      let added = 0
      for (let step = 1; step <= 5000; step++) {
        history.push(step)
        const cols = thin(history.values(), 60)
        const settled = cols.slice(0, -1)
        if (`${cols.length} ${settled.join()}` !== `${before.length + 1} ${before.join()}`) {
          changes++
          if (settled.slice(0, before.length).join() === before.join()) added++
        }
        before = settled
      }
      return { changes, added }
    }
    // The even spread over 60 (evenlyThinned, before).
    const evenly = (items: readonly number[], max: number): number[] => {
      if (items.length <= max) return items.slice()
      const last = items.length - 1
      return Array.from({ length: max }, (_, k) => items[Math.round((k * last) / (max - 1))])
    }
    const stride = redraws(strideThinned)
    const even = redraws(evenly)
    // Measured: 250 redraws, 243 of them a column appended; the even spread 444, 59 of them appends.
    expect(stride.changes).toBeLessThan(0.6 * even.changes)
    expect(stride.added / stride.changes).toBeGreaterThan(0.95)
    expect(even.added / even.changes).toBeLessThan(0.5)
  })
})

describe('evaluation options', () => {
  it('lays the confusion matrix out as actual rows × predicted columns and checks its shape', () => {
    const m = [
      [5, 1],
      [0, 4]
    ]
    const o = buildConfusionOption({ classes: ['a', 'b'], matrix: m })
    expect(byId(o, 'confusion').data).toContainEqual([1, 0, 1]) // predicted b, actual a
    expect(confusionAccuracy(m)).toBeCloseTo(0.9, 12)
    expect(() => buildConfusionOption({ classes: ['a', 'b'], matrix: [[1, 2]] })).toThrow(
      /1 rows, expected 2/
    )
  })

  it('plots predicted against actual with the y = x line across the data range', () => {
    const o = buildPredVsActualOption({ targetName: 'y', actual: [1, 3], predicted: [2, 0] })
    expect(byId(o, 'points').data).toEqual([
      [1, 2],
      [3, 0]
    ])
    expect(byId(o, 'diagonal').data).toEqual([
      [0, 0],
      [3, 3]
    ])
    expect(() => buildPredVsActualOption({ targetName: 'y', actual: [1], predicted: [] })).toThrow(
      /predicted has 0/
    )
  })

  it('colours each boundary cell by its winning class, paler when unsure, under the points', () => {
    const input = {
      xName: 'x1',
      yName: 'x2',
      classes: ['no', 'yes'],
      xs: [0, 1],
      ys: [0, 1],
      probs: [
        [0.9, 0.1],
        [0.5, 0.5],
        [0.2, 0.8],
        [0, 1]
      ],
      points: [
        { x: 0, y: 0, cls: 0 },
        { x: 1, y: 1, cls: 1 }
      ]
    }
    const cells = boundaryCells(input)
    expect(cells.map((c) => c.cls)).toEqual([0, 0, 1, 1])
    expect(cells[1].confidence).toBe(0)
    expect(cells[3].confidence).toBe(1)
    const o = buildDecisionBoundaryOption(input)
    expect((byId(o, 'boundary').data as unknown[])[3]).toMatchObject({ value: [1, 1, 1] })
    expect(byId(o, 'points:1').data).toEqual([[1, 1]])
    // points outlined in their class colour on white, not filled with the colour of their region
    const style = (byId(o, 'points:1') as { itemStyle?: { color?: string; borderColor?: string } }).itemStyle
    expect(style).toMatchObject({ color: '#ffffff', borderColor: categorical(1) })
    // the odd range ends (the cells' edges) get no label of their own, so labels cannot collide
    expect((o.xAxis as { axisLabel?: object }[])[1].axisLabel).toMatchObject({
      showMinLabel: false,
      showMaxLabel: false
    })
    // value axes span the outer cell edges so the two stacked grids agree
    expect((o.xAxis as { min?: number; max?: number }[])[1]).toMatchObject({ min: -0.5, max: 1.5 })
    expect(() => boundaryCells({ ...input, probs: [[1, 0]] })).toThrow(/1 cells, expected 2×2/)
    expect(gridCentres(0, 10, 4)).toHaveLength(4)
  })
})

describe('weight overlay', () => {
  it('draws each weight of a small W with width by |w| and colour by sign', () => {
    const o = edgeWeightOverlay([
      [0.5, -2],
      [0, 9]
    ])
    expect(o.mode).toBe('per-weight')
    expect(o.strokes.map((s) => [s.i, s.j, s.color])).toEqual([
      [0, 0, POSITIVE],
      [0, 1, NEGATIVE],
      [1, 0, signColor(0)],
      [1, 1, POSITIVE]
    ])
    expect(o.strokes[1].width).toBeGreaterThan(o.strokes[0].width)
    expect(o.strokes[3].width).toBe(strokeWidth(5)) // clamped like Playground
    expect(o.meanAbs).toBeCloseTo(11.5 / 4, 12)
    expect(o.positiveFraction).toBe(0.5)
  })

  it('summarises a large W in one stroke and rejects ragged matrices', () => {
    const W = Array.from({ length: 10 }, () => Array.from({ length: 10 }, () => -0.1))
    const o = edgeWeightOverlay(W, 64)
    expect(o.mode).toBe('summary')
    expect(o.strokes).toEqual([])
    expect(o.color).toBe(NEGATIVE)
    expect(o.label).toBe('W 10×10, mean |w| 0.1, 0% positive')
    expect(() => edgeWeightOverlay([[1, 2], [3]])).toThrow(/row 1 has 1 values, expected 2/)
  })
})
