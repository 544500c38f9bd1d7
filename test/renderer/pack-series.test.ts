import { describe, expect, it } from 'vitest'
import type { EChartsOption } from 'echarts'
import { packLineSeries } from '@renderer/charts/packSeries'

describe('packLineSeries', () => {
  it('packs the numeric pairs of line series into one Float64Array and leaves everything else', () => {
    const option: EChartsOption = {
      title: { text: 'loss' },
      series: [
        {
          id: 'a',
          type: 'line',
          data: [
            [1, 2],
            [3, NaN]
          ]
        },
        { id: 'b', type: 'scatter', data: [[1, 2]] },
        { id: 'c', type: 'line', data: [{ value: [1, 2] }] },
        { id: 'd', type: 'line', data: [] }
      ]
    }
    const before = JSON.stringify(option)
    const packed = packLineSeries(option)
    const [a, b, c, d] = packed.series as { data: unknown; dimensions?: unknown }[]
    expect(a.data).toEqual(new Float64Array([1, 2, 3, NaN]))
    expect(a.dimensions).toEqual(['x', 'y'])
    const original = option.series as unknown[]
    expect([b, c, d]).toEqual([original[1], original[2], original[3]])
    expect(packed.title).toBe(option.title)
    expect(JSON.stringify(option)).toBe(before)
  })

  it('returns the option itself when there is nothing to pack', () => {
    const option: EChartsOption = { series: [{ type: 'heatmap', data: [[0, 0, 1]] }] }
    expect(packLineSeries(option)).toBe(option)
  })
})
