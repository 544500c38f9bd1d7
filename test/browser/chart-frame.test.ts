import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { config, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { chartInstance, seriesItems } from './chartInstance'
import type { EChartsOption } from 'echarts'
import { nextTick, ref } from 'vue'
import { chartDraws } from '@renderer/charts/drawQueue'
import { createAppI18n } from '@renderer/i18n'
import ChartFrame from '@renderer/components/charts/ChartFrame.vue'

config.global.plugins = [createAppI18n('en')]

let wrapper: VueWrapper | null = null
beforeEach(() => {
  document.body.innerHTML = '<div id="host" style="width: 600px"></div>'
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

function drawnData(w: VueWrapper): number[] {
  const o = chartInstance(w).getOption() as { series: { data: unknown }[] }
  return (seriesItems(o.series[0].data) as [number, number][]).map((p) => p[1])
}

describe('ChartFrame builds its option in its draw-queue slot', () => {
  it('marks itself dirty on a data change and builds once, when the queue reaches it', async () => {
    const data = ref([1, 2, 3])
    let builds = 0
    const build = (): EChartsOption => {
      builds++
      return {
        xAxis: { type: 'value' },
        yAxis: { type: 'value' },
        series: [{ id: 's', type: 'line', data: data.value.map((v, i) => [i, v]) }]
      }
    }
    wrapper = mount(ChartFrame, { attachTo: '#host', props: { title: 'T', option: build } })
    await flushPromises()
    await chartDraws.idle()
    expect(builds).toBe(1)
    expect(drawnData(wrapper)).toEqual([1, 2, 3])

    // Two changes before the next frame: Vue's update pass builds nothing, the slot builds once.
    data.value = [4, 5]
    data.value = [6, 7, 8, 9]
    await nextTick()
    expect(builds).toBe(1)
    expect(chartDraws.size).toBe(1)
    await chartDraws.idle()
    expect(builds).toBe(2)
    expect(drawnData(wrapper)).toEqual([6, 7, 8, 9])
  })

  it('draws nothing when the builder returns the option it returned last time', async () => {
    const tick = ref(0)
    const same: EChartsOption = { xAxis: {}, yAxis: {}, series: [{ type: 'line', data: [[0, 1]] }] }
    wrapper = mount(ChartFrame, {
      attachTo: '#host',
      props: { title: 'T', option: () => (void tick.value, same) }
    })
    await flushPromises()
    await chartDraws.idle()
    const chart = chartInstance(wrapper)
    let draws = 0
    const original = chart.setOption.bind(chart) as (...a: unknown[]) => void
    ;(chart as unknown as { setOption: (...a: unknown[]) => void }).setOption = (...a) => {
      draws++
      original(...a)
    }
    tick.value++
    await chartDraws.idle()
    expect(draws).toBe(0)
  })
})

describe('line series reach ECharts packed', () => {
  it('draws the same points from a Float64Array as from pairs, and the option keeps its pairs', async () => {
    const pairs: [number, number][] = [
      [1, 0.5],
      [2, 0.25],
      [4, NaN],
      [8, 0.125]
    ]
    const option: EChartsOption = {
      // As the live charts' tooltips format it: the hovered y must still arrive as a number.
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => (typeof v === 'number' ? `y=${v}` : `not a number: ${String(v)}`)
      },
      xAxis: { type: 'value' },
      yAxis: { type: 'value' },
      series: [{ id: 's', type: 'line', data: pairs }]
    }
    wrapper = mount(ChartFrame, { attachTo: '#host', props: { title: 'T', option: () => option } })
    await flushPromises()
    await chartDraws.idle()
    const chart = chartInstance(wrapper) as unknown as {
      getModel(): {
        getSeriesByIndex(i: number): { getData(): { count(): number; getValues(i: number): number[] } }
      }
      getOption(): { series: { data: unknown }[] }
    }
    const data = chart.getModel().getSeriesByIndex(0).getData()
    expect(data.count()).toBe(4)
    expect([0, 1, 2, 3].map((i) => data.getValues(i))).toEqual([
      [1, 0.5],
      [2, 0.25],
      [4, NaN],
      [8, 0.125]
    ])
    expect(chart.getOption().series[0].data).toBeInstanceOf(Float64Array)
    ;(chart as unknown as { dispatchAction(a: object): void }).dispatchAction({
      type: 'showTip',
      seriesIndex: 0,
      dataIndex: 1
    })
    await new Promise((r) => setTimeout(r, 50))
    expect(document.body.textContent).toContain('y=0.25')
    // The builder's option is not changed by the packing.
    expect((option.series as { data: unknown }[])[0].data).toBe(pairs)
  })
})
