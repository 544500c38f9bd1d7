/**
 * The weights-over-time heatmap is the costliest live chart to draw (bench:ui's per-chart times), so
 * while a run trains it redraws only when a column is added or the columns move — not each time its
 * newest column is replaced by a newer histogram. When the run stops, the newest column is drawn.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { config, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import type { ECharts } from 'echarts/core'
import { chartInstance } from './chartInstance'
import { chartDraws } from '@renderer/charts/drawQueue'
import { historyPixels } from '@renderer/charts/histogramOptions'
import { RunBuffers } from '@renderer/charts/runBuffers'
import { createAppI18n } from '@renderer/i18n'
import HistogramChart from '@renderer/components/charts/HistogramChart.vue'

config.global.plugins = [createAppI18n('en')]

let wrapper: VueWrapper | null = null
beforeEach(() => {
  document.body.innerHTML = '<div id="host" style="width: 700px"></div>'
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

const bins = (spread: number) => ({ edges: [-spread, 0, spread], counts: [1, 2] })

/** The steps of the drawn columns (the heatmap's category axis). */
const columns = (chart: ECharts): string[] =>
  (chart.getOption() as { xAxis: { data: string[] }[] }).xAxis[0].data

/** The histogram charts at version 1, drawn, and their heatmap's ECharts instance. */
async function mountHeatmap(
  buffers: RunBuffers,
  live: boolean
): Promise<{ view: VueWrapper; chart: ECharts }> {
  const view = mount(HistogramChart, {
    attachTo: '#host',
    props: { buffers, version: 1, slowVersion: 1, live }
  })
  wrapper = view
  await flushPromises()
  await chartDraws.idle()
  return { view, chart: chartInstance(view, 'Weights over time') }
}

describe('the weights-over-time heatmap', () => {
  it('skips redraws that only replace its newest column while live, and draws it when the run stops', async () => {
    // History of 4 kept snapshots: after 18 steps the stride is 8 (kept 1, 9, 17, and 18 as the
    // newest), so the snapshots of steps 19 and 20 only replace the newest column.
    const buffers = new RunBuffers(256, 4)
    for (let step = 1; step <= 18; step++) buffers.addHistograms(step, 'h1', bins(step), null)
    const { view, chart } = await mountHeatmap(buffers, true)
    const setOption = vi.spyOn(chart, 'setOption')
    const before = columns(chart)
    expect(before).toEqual(['1', '9', '17', '18'])

    let version = 1
    for (const step of [19, 20]) {
      buffers.addHistograms(step, 'h1', bins(step), null)
      version++
      await view.setProps({ version, slowVersion: version })
      await flushPromises()
      await chartDraws.idle()
    }
    const heatmapDraws = () =>
      setOption.mock.calls.filter(([o]) => JSON.stringify(o).includes('"history"')).length
    expect(heatmapDraws()).toBe(0)
    expect(columns(chart)).toEqual(before)

    // The run stops: the newest column (step 20) is drawn.
    await view.setProps({ live: false, version: version + 1, slowVersion: version + 1 })
    await flushPromises()
    await chartDraws.idle()
    expect(heatmapDraws()).toBe(1)
    expect(columns(chart)).toEqual(['1', '9', '17', '20'])
  })
  it('draws its cells as one image in the legend’s colours, repainting the same canvas on a redraw', async () => {
    // Snapshots re-binned onto the common 30-row grid: the cells hold 0 or a share of a bin.
    const buffers = new RunBuffers(256, 8)
    buffers.addHistograms(1, 'h1', { edges: [-1, 0, 1], counts: [3, 0] }, null)
    buffers.addHistograms(2, 'h1', { edges: [-1, 0, 1], counts: [1, 2] }, null)
    const { view, chart } = await mountHeatmap(buffers, false)
    const images = () =>
      (
        chart.getZr() as unknown as {
          storage: { getDisplayList(): { type: string; style: { image: unknown } }[] }
        }
      ).storage
        .getDisplayList()
        .filter((el) => el.type === 'image')
    const canvas = view.find('figure[aria-label="Weights over time"] canvas').element as HTMLCanvasElement
    const ctx = canvas.getContext('2d')!

    /** Samples every column's bottom, top and fullest cells on the chart and compares them with historyPixels. */
    const checkCells = (): number => {
      const option = chart.getOption() as {
        series: { data: number[][] }[]
        yAxis: { data: string[] }[]
        visualMap: { max: number }[]
      }
      const rows = option.yAxis[0].data.length
      expect(rows).toBe(30)
      const counts = option.series[0].data.map((column) => column.slice(1))
      // The legend's scale: at least 1 (these re-binned shares are below it).
      expect(option.visualMap[0].max).toBe(1)
      const expected = historyPixels(counts, option.visualMap[0].max)
      const ratio = canvas.width / canvas.clientWidth
      let checked = 0
      counts.forEach((column, x) => {
        const fullest = column.indexOf(Math.max(...column))
        for (const y of [0, rows - 1, fullest]) {
          const [px, py] = chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [x, y]) as number[]
          const got = Array.from(ctx.getImageData(Math.round(px * ratio), Math.round(py * ratio), 1, 1).data)
          const at = ((rows - 1 - y) * counts.length + x) * 4
          const want = Array.from(expected.slice(at, at + 4))
          got.forEach((v, k) => expect(Math.abs(v - want[k])).toBeLessThanOrEqual(2))
          checked++
        }
      })
      return checked
    }

    // One image element for all the cells, not a rectangle per cell.
    expect(images()).toHaveLength(1)
    const first = images()[0].style.image
    expect(checkCells()).toBe(2 * 3)

    // A third snapshot, spread wider: the grid and every cell change, painted into the same canvas.
    buffers.addHistograms(3, 'h1', { edges: [-2, 0, 2], counts: [0, 3] }, null)
    await view.setProps({ version: 2, slowVersion: 2 })
    await flushPromises()
    await chartDraws.idle()
    expect(images()).toHaveLength(1)
    expect(images()[0].style.image).toBe(first)
    expect(checkCells()).toBe(3 * 3)
  })
})
