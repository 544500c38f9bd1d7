import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { config, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { chartInstance, seriesItems } from './chartInstance'
import { h } from 'vue'
import type { SessionEvent } from '@engine/train/types'
import { useTrainingStore } from '@renderer/stores/training'
import { chartDraws } from '@renderer/charts/drawQueue'
import { createAppI18n } from '@renderer/i18n'
import { useWeightsStore } from '@renderer/stores/weights'
import ChartsPanel from '@renderer/components/charts/ChartsPanel.vue'
import LossChart from '@renderer/components/charts/LossChart.vue'
import irisRun from '../fixtures/progress/iris-tanh.json'
import chainRun from '../fixtures/progress/iris-sigmoid-chain.json'
import diabetesRun from '../fixtures/progress/diabetes-relu.json'

type Fixture = { events: unknown[] }
const eventsOf = (f: Fixture) => f.events as SessionEvent[]
/** Waits n frames (the store's redraw), Vue's flush, then until the charts' draw queue has drawn everything. */
const frames = async (n = 3) => {
  await new Promise<void>((resolve) => {
    const tick = (k: number) => (k === 0 ? resolve() : requestAnimationFrame(() => tick(k - 1)))
    tick(n)
  })
  await flushPromises()
  await chartDraws.idle()
}

/** The ECharts instance of the chart titled `title`. */
const instanceOf = (w: VueWrapper, title: string) => chartInstance(w, title)
/** Counts the setOption calls the chart titled `title` gets from now on. */
function countDraws(w: VueWrapper, title: string): { count: number } {
  const chart = instanceOf(w, title)
  const counter = { count: 0 }
  const original = chart.setOption.bind(chart) as (...a: unknown[]) => void
  ;(chart as unknown as { setOption: (...a: unknown[]) => void }).setOption = (...a) => {
    counter.count++
    original(...a)
  }
  return counter
}

type SeriesData = { id: string; name: string; data: [number, number][] }
/** The option ECharts is drawing right now in the chart titled `title`. */
function drawn(w: VueWrapper, title: string): { series: SeriesData[]; [k: string]: unknown } {
  return chartInstance(w, title).getOption() as never
}
const series = (w: VueWrapper, title: string, id: string) => {
  const s = drawn(w, title).series.find((x) => x.id === id)
  if (!s) throw new Error(`no series ${id} in "${title}"`)
  return seriesItems(s.data) as [number, number][]
}

// The charts speak through vue-i18n (English unless a test switches it).
const i18n = createAppI18n('en')
config.global.plugins = [i18n]

let wrapper: VueWrapper | null = null
beforeEach(() => {
  setActivePinia(createPinia())
  document.body.innerHTML = '<div id="host" style="width: 900px"></div>'
})
afterEach(() => {
  i18n.global.locale.value = 'en'
  wrapper?.unmount()
  wrapper = null
})

async function replay(events: SessionEvent[], upTo = events.length) {
  const store = useTrainingStore()
  for (const ev of events.slice(0, upTo)) store.handleEvent(ev)
  await frames()
  await flushPromises()
  await frames()
  return store
}

describe('live charts in Chromium, fed with recorded progress events', () => {
  it('draws the loss gaining points and falling, once per frame', async () => {
    const store = useTrainingStore()
    wrapper = mount(ChartsPanel, { attachTo: '#host' })
    const events = eventsOf(irisRun)
    await replay(events, 5)
    const early = series(wrapper, 'Loss', 'train')
    expect(early.length).toBeGreaterThan(10)
    const v1 = store.version
    for (const ev of events.slice(5)) store.handleEvent(ev)
    await frames()
    await flushPromises()
    await frames()
    // 29 more events, but only a frame's worth of redraws
    expect(store.version - v1).toBeLessThanOrEqual(2)
    const late = series(wrapper, 'Loss', 'train')
    expect(late.length).toBeGreaterThan(early.length)
    expect(late[late.length - 1][1]).toBeLessThan(early[0][1] / 5)
    expect(series(wrapper, 'Loss', 'validation').length).toBeGreaterThan(5)
    expect(wrapper.find('figure[aria-label="Loss"] .chart-summary').text()).toMatch(
      /^Train loss 0\.0\d+ at step 320/
    )
    // accuracy is shown for a classifier, bounded to [0, 1]
    const acc = series(wrapper, 'Accuracy', 'validation')
    expect(acc[acc.length - 1][1]).toBeGreaterThan(0.85)
  })

  it('redraws the live charts on new progress but not the confusion matrix, whose data did not change', async () => {
    useWeightsStore().evaluation = {
      task: 'classification',
      rows: 30,
      split: 'validation',
      confusion: {
        classes: ['a', 'b'],
        matrix: [
          [5, 1],
          [2, 7]
        ]
      }
    } as never
    wrapper = mount(ChartsPanel, { attachTo: '#host' })
    const events = eventsOf(irisRun)
    await replay(events, 5)
    const loss = countDraws(wrapper, 'Loss')
    const confusion = countDraws(wrapper, 'Confusion matrix')
    await replay(events.slice(5))
    expect(loss.count).toBeGreaterThan(0)
    expect(confusion.count).toBe(0)
    expect(wrapper.find('figure[aria-label="Confusion matrix"] .chart-summary').text()).toBe(
      'Validation accuracy 0.8 over 2 classes.'
    )
  })

  it('does not redraw the accuracy chart for progress without a finished epoch', async () => {
    wrapper = mount(ChartsPanel, { attachTo: '#host' })
    const events = eventsOf(irisRun)
    await replay(events, 5)
    const loss = countDraws(wrapper, 'Loss')
    const accuracy = countDraws(wrapper, 'Accuracy')
    const withoutEpochs = events
      .slice(5)
      .filter((ev) => ev.type === 'progress')
      .map((ev) => ({ ...ev, epochs: [] }))
    await replay(withoutEpochs)
    expect(loss.count).toBeGreaterThan(0)
    expect(accuracy.count).toBe(0)
  })

  it('draws one δ series per layer and a weight histogram with a layer selector', async () => {
    wrapper = mount(ChartsPanel, { attachTo: '#host' })
    useTrainingStore().layerNames = { h1: 'Hidden', out: 'Output' }
    await replay(eventsOf(irisRun))
    const delta = drawn(wrapper, 'Backpropagated error δ').series
    expect(delta.filter((s) => s.id.startsWith('delta:')).map((s) => s.name)).toEqual([
      'Hidden mean |δ|',
      'Output mean |δ|'
    ])
    expect(delta.filter((s) => s.id.startsWith('grad:'))).toHaveLength(2)
    expect(wrapper.findAll('table.units tbody tr')).toHaveLength(2)
    const hist = series(wrapper, 'Weight histogram', 'weights')
    // a 20-bin outline: 2 points per bin plus the two closing points
    expect(hist).toHaveLength(42)
    const total = hist.filter((_, i) => i % 2 === 1 && i < 41).reduce((s, p) => s + p[1], 0)
    expect(total).toBe(32) // w1 is 8×4
    const select = wrapper.find('select[aria-label="Histogram layer"]')
    await select.setValue('out')
    await frames()
    const outHist = series(wrapper, 'Weight histogram', 'weights')
    expect(outHist.filter((_, i) => i % 2 === 1 && i < 41).reduce((s, p) => s + p[1], 0)).toBe(24) // w2 is 3×8
    // A column per snapshot: its index and its 30 bins' counts.
    const heat = drawn(wrapper, 'Weights over time').series[0].data as number[][]
    expect(heat.length).toBeGreaterThan(5)
    expect(heat.every((column, x) => column.length === 31 && column[0] === x)).toBe(true)
  })

  it('counts saturation in hidden layers only, and speaks 简体中文', async () => {
    wrapper = mount(ChartsPanel, { attachTo: '#host' })
    await replay(eventsOf(irisRun))
    const rows = wrapper.findAll('table.units tbody tr')
    expect(rows[0].find('td.saturated').text()).toMatch(/^\d+%$/)
    expect(rows[rows.length - 1].find('td.saturated').text()).toBe('—')
    i18n.global.locale.value = 'zh-CN'
    await frames()
    expect(wrapper.find('figure[aria-label="反向传播误差 δ"]').exists()).toBe(true)
    expect(wrapper.find('figure[aria-label="损失"] .chart-summary').text()).toMatch(
      /^第 320 步训练损失 0\.0\d+/
    )
    expect(series(wrapper, '损失', 'train').length).toBeGreaterThan(10)
    expect(drawn(wrapper, '损失').series.find((s) => s.id === 'train')!.name).toBe('训练')
    expect(wrapper.find('button[aria-label="保存“损失”的 PNG"]').text()).toBe('保存 PNG')
  })

  it('warns about vanishing gradients in the deep sigmoid chain', async () => {
    wrapper = mount(ChartsPanel, { attachTo: '#host' })
    await replay(eventsOf(chainRun))
    expect(wrapper.find('.hint.vanishing').text()).toMatch(/^Vanishing gradients: mean \|δ\| in h1/)
    expect(
      drawn(wrapper, 'Backpropagated error δ').series.filter((s) => s.id.startsWith('delta:'))
    ).toHaveLength(6)
  })

  it('shows R² for regression', async () => {
    wrapper = mount(ChartsPanel, { attachTo: '#host' })
    await replay(eventsOf(diabetesRun))
    expect(wrapper.find('figure[aria-label="R²"]').exists()).toBe(true)
    const r2 = series(wrapper, 'R²', 'train')
    expect(r2[r2.length - 1][1]).toBeGreaterThan(0.3)
  })

  it('switches the loss to a log axis, smooths it, and saves PNG and CSV', async () => {
    wrapper = mount(LossChart, {
      attachTo: '#host',
      props: { buffers: useTrainingStore().buffers, version: 0 }
    })
    await replay(eventsOf(irisRun))
    await wrapper.setProps({ version: useTrainingStore().version })
    await frames()
    await wrapper.find('input[type="checkbox"]').setValue(true)
    await frames()
    expect((drawn(wrapper, 'Loss').yAxis as { type: string }[])[0].type).toBe('log')
    await wrapper.find('input[aria-label="Smoothing"]').setValue('0.9')
    await frames()
    const raw = series(wrapper, 'Loss', 'train-raw')
    const smooth = series(wrapper, 'Loss', 'train')
    expect(raw.length).toBe(smooth.length)
    // smoothing irons out batch-to-batch noise: the smoothed line has a smaller total variation
    const variation = (d: [number, number][]) =>
      d.slice(1).reduce((s, p, i) => s + Math.abs(p[1] - d[i][1]), 0)
    expect(variation(smooth)).toBeLessThan(variation(raw) * 0.8)

    const clicked: string[] = []
    const original = HTMLAnchorElement.prototype.click
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(`${this.download} ${this.href.slice(0, 22)}`)
    }
    try {
      await wrapper.find('button[aria-label="Save PNG of Loss"]').trigger('click')
      await wrapper.find('button[aria-label="Save CSV of Loss"]').trigger('click')
    } finally {
      HTMLAnchorElement.prototype.click = original
    }
    expect(clicked[0]).toBe('loss.png data:image/png;base64,')
    expect(clicked[1]).toMatch(/^loss\.csv blob:/)
  })
})

describe('evaluation charts in Chromium', () => {
  it('draws the decision regions under the data points, and the confusion matrix', async () => {
    const { default: DecisionBoundaryChart } =
      await import('@renderer/components/charts/DecisionBoundaryChart.vue')
    const { default: ConfusionChart } = await import('@renderer/components/charts/ConfusionChart.vue')
    const xs = Array.from({ length: 20 }, (_, i) => -2 + i * 0.2)
    // p(class 1) rises across the line x = y
    const probs = xs.flatMap((yv) =>
      xs.map((xv) => {
        const p = 1 / (1 + Math.exp(-4 * (xv - yv)))
        return [1 - p, p]
      })
    )
    const b = {
      xName: 'x1',
      yName: 'x2',
      classes: ['a', 'b'],
      xs,
      ys: xs,
      probs,
      points: [
        { x: -1, y: 1, cls: 0 },
        { x: 1, y: -1, cls: 1 }
      ]
    }
    const c = {
      classes: ['a', 'b'],
      matrix: [
        [5, 1],
        [2, 7]
      ]
    }
    wrapper = mount(
      { render: () => h('div', [h(DecisionBoundaryChart, { data: b }), h(ConfusionChart, { data: c })]) },
      {
        attachTo: '#host'
      }
    )
    await frames(4)
    const boundary = drawn(wrapper, 'Decision boundary')
    const cells = boundary.series[0].data as unknown as { value: number[]; itemStyle: { color: string } }[]
    expect(cells).toHaveLength(400)
    // bottom-right (x large, y small) is class b, top-left class a
    expect(cells[19].value).toEqual([19, 0, 1])
    expect(cells[380].value).toEqual([0, 19, 0])
    expect(cells[19].itemStyle.color).not.toBe(cells[380].itemStyle.color)
    expect(boundary.series.find((s) => s.id === 'points:1')!.data).toEqual([[1, -1]])
    expect(wrapper.find('figure[aria-label="Confusion matrix"] .chart-summary').text()).toBe(
      'Validation accuracy 0.8 over 2 classes.'
    )
  })
})
