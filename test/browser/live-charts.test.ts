/**
 * Issue 12 in Chromium: the weight histogram follows a long run (it froze at the step it first showed),
 * and a run that ends within one progress event still draws a δ curve from the engine's samples.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { config, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { chartInstance, seriesItems } from './chartInstance'
import type { Histogram, ProgressEvent, ProgressSample } from '@engine/train/types'
import type { LayerStats } from '@engine/nn/types'
import { useTrainingStore } from '@renderer/stores/training'
import { chartDraws } from '@renderer/charts/drawQueue'
import { createAppI18n } from '@renderer/i18n'
import ChartsPanel from '@renderer/components/charts/ChartsPanel.vue'

/** Waits n frames (the store's redraw), Vue's flush, then until the charts' draw queue has drawn everything. */
const frames = async (n = 3) => {
  await new Promise<void>((resolve) => {
    const tick = (k: number) => (k === 0 ? resolve() : requestAnimationFrame(() => tick(k - 1)))
    tick(n)
  })
  await flushPromises()
  await chartDraws.idle()
}

const stats = (id: string, d: number): LayerStats =>
  ({ id, meanAbsDelta: d, deltaNorm: d, gradNorm: d, deadFraction: 0, saturatedFraction: 0 }) as LayerStats
const histogram = (spread: number): Histogram => ({
  edgeId: 'w1',
  layer: 'h1',
  isBias: false,
  min: -spread,
  max: spread,
  counts: [1, 2, 3, 2]
})

function progress(step: number, extra: Partial<ProgressEvent> = {}): ProgressEvent {
  return {
    type: 'progress',
    state: 'running',
    epoch: 1,
    step,
    learningRate: 0.01,
    steps: [step],
    losses: [1 / step],
    epochs: [],
    layers: [stats('h1', 0.1)],
    samplesPerSecond: 100,
    ...extra
  }
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

function drawnSeries(title: string, id?: string): unknown[] {
  const series = (chartInstance(wrapper!, title).getOption() as { series: { id: string; data: unknown[] }[] })
    .series
  return seriesItems((id ? series.find((s) => s.id === id) : series[0])!.data)
}

describe('live charts keep up', () => {
  it('the weight histogram and its history follow the run instead of freezing at the first step', async () => {
    const store = useTrainingStore()
    wrapper = mount(ChartsPanel, { attachTo: '#host' })
    store.handleEvent(progress(10, { histograms: [histogram(1)] }))
    await frames()
    await flushPromises()
    const summary = () => wrapper!.find('figure[aria-label="Weight histogram"] .chart-summary').text()
    expect(summary()).toMatch(/at step 10\./)
    const columns = () => new Set((drawnSeries('Weights over time') as number[][]).map((c) => c[0])).size
    expect(columns()).toBe(1)
    for (let step = 20; step <= 200; step += 10) {
      store.handleEvent(progress(step, { histograms: [histogram(step / 10)] }))
      await frames(2)
    }
    await new Promise((r) => setTimeout(r, 300))
    store.handleEvent(progress(210, { histograms: [histogram(21)] }))
    await frames()
    await flushPromises()
    await frames()
    expect(summary()).toMatch(/at step 210\./)
    // the outline spans the latest range, ±21
    const outline = drawnSeries('Weight histogram', 'weights') as number[][]
    expect(outline[0][0]).toBe(-21)
    expect(columns()).toBeGreaterThan(10)
  })

  it('one progress event with 60 samples draws 60 δ points per layer and histogram columns', async () => {
    const store = useTrainingStore()
    wrapper = mount(ChartsPanel, { attachTo: '#host' })
    const samples: ProgressSample[] = Array.from({ length: 60 }, (_, i) => ({
      step: i + 1,
      layers: [stats('h1', 1 / (i + 1)), stats('out', 2 / (i + 1))],
      histograms: i % 8 === 0 ? [histogram(1 + i / 10)] : undefined
    }))
    store.handleEvent(progress(60, { state: 'done', samples, histograms: [histogram(7)] }))
    await frames()
    await flushPromises()
    await frames()
    const h1 = drawnSeries('Backpropagated error δ', 'delta:h1') as number[][]
    expect(h1.length).toBe(60)
    expect(h1[0]).toEqual([1, 1])
    // 8 sampled histograms (steps 1, 9, …, 57) and the event's own at step 60
    expect(new Set((drawnSeries('Weights over time') as number[][]).map((c) => c[0])).size).toBe(9)
  })
})
