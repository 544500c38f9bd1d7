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

describe('the weights-over-time heatmap', () => {
  it('skips redraws that only replace its newest column while live, and draws it when the run stops', async () => {
    // History of 4 kept snapshots: after 18 steps the stride is 8 (kept 1, 9, 17, and 18 as the
    // newest), so the snapshots of steps 19 and 20 only replace the newest column.
    const buffers = new RunBuffers(256, 4)
    for (let step = 1; step <= 18; step++) buffers.addHistograms(step, 'h1', bins(step), null)
    wrapper = mount(HistogramChart, {
      attachTo: '#host',
      props: { buffers, version: 1, slowVersion: 1, live: true }
    })
    await flushPromises()
    await chartDraws.idle()
    const chart = chartInstance(wrapper, 'Weights over time')
    const setOption = vi.spyOn(chart, 'setOption')
    const before = columns(chart)
    expect(before).toEqual(['1', '9', '17', '18'])

    let version = 1
    for (const step of [19, 20]) {
      buffers.addHistograms(step, 'h1', bins(step), null)
      version++
      await wrapper.setProps({ version, slowVersion: version })
      await flushPromises()
      await chartDraws.idle()
    }
    const heatmapDraws = () =>
      setOption.mock.calls.filter(([o]) => JSON.stringify(o).includes('"heatmap"')).length
    expect(heatmapDraws()).toBe(0)
    expect(columns(chart)).toEqual(before)

    // The run stops: the newest column (step 20) is drawn.
    await wrapper.setProps({ live: false, version: version + 1, slowVersion: version + 1 })
    await flushPromises()
    await chartDraws.idle()
    expect(heatmapDraws()).toBe(1)
    expect(columns(chart)).toEqual(['1', '9', '17', '20'])
  })
})
