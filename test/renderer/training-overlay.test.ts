import { useUiStore } from '@renderer/stores/ui'
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { ProgressEvent } from '@engine/train/types'
import { useTrainingStore } from '@renderer/stores/training'
import { useTrainingOverlay } from '@renderer/components/training/useTrainingOverlay'
import DeltaBadge from '@renderer/components/training/DeltaBadge.vue'
import {
  edgeWeightOverlay,
  histogramOverlay,
  overlayPaths,
  strokeWidth
} from '@renderer/charts/weightOverlay'
import { NEGATIVE, POSITIVE } from '@renderer/charts/palette'
import { createAppI18n } from '@renderer/i18n'

const frame = () => new Promise((r) => setTimeout(r, 40))

const event: ProgressEvent = {
  type: 'progress',
  state: 'running',
  epoch: 1,
  step: 3,
  learningRate: 0.1,
  steps: [3],
  losses: [0.4],
  epochs: [],
  layers: [
    { id: 'h1', meanAbsDelta: 0.0123, deltaNorm: 0, gradNorm: 0, deadFraction: 0, saturatedFraction: 0 },
    { id: 'out', meanAbsDelta: 0.5, deltaNorm: 0, gradNorm: 0, deadFraction: 0, saturatedFraction: 0 }
  ],
  histograms: [
    // 100 weights of w2, all in bins centred below 0
    { edgeId: 'w2', layer: 'out', isBias: false, min: -2, max: 0, counts: [60, 40] }
  ],
  samplesPerSecond: 100
}

describe('useTrainingOverlay', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('is inactive before training and gives badges and edge strokes once statistics stream', async () => {
    const store = useTrainingStore()
    const overlay = useTrainingOverlay()
    expect(overlay.active.value).toBe(false)
    store.handleEvent(event)
    await frame()
    expect(overlay.active.value).toBe(true)
    expect(overlay.nodeBadge('h1')).toBe('|δ| 0.0123')
    expect(overlay.nodeBadge('nope')).toBe('')
    // from the histogram alone: a summary, all negative
    const w2 = overlay.edgeOverlay('w2')!
    expect(w2.mode).toBe('summary')
    expect(w2.color).toBe(NEGATIVE)
    expect(w2.meanAbs).toBeCloseTo((60 * 1.5 + 40 * 0.5) / 100, 12)
  })

  it('prefers fetched weights, per weight for a small W', async () => {
    const store = useTrainingStore()
    const overlay = useTrainingOverlay()
    store.parameters = { w1: [[0.2, -3]], w2: Array.from({ length: 9 }, () => Array(9).fill(1)) }
    await frame()
    expect(overlay.edgeOverlay('w1')!.mode).toBe('per-weight')
    expect(overlay.edgeOverlay('w2')!.mode).toBe('summary')
    useUiStore().overlayEnabled = false
    expect(overlay.edgeOverlay('w1')).toBeNull()
    expect(overlay.active.value).toBe(false)
  })

  it('reports the explainer highlight', () => {
    useTrainingStore()
    const overlay = useTrainingOverlay()
    useUiStore().setHighlight({ nodes: ['h1'], edges: ['w1'] })
    expect(overlay.isNodeHighlighted('h1')).toBe(true)
    expect(overlay.isEdgeHighlighted('w2')).toBe(false)
  })

  it('renders the δ badge only while training data exists', async () => {
    const store = useTrainingStore()
    const w = mount(DeltaBadge, { props: { nodeId: 'out' }, global: { plugins: [createAppI18n()] } })
    expect(w.text()).toBe('')
    store.handleEvent(event)
    await frame()
    await flushPromises()
    expect(w.text()).toBe('|δ| 0.5')
  })
})

describe('overlay geometry', () => {
  it('fans one path per weight from source unit j to target unit i', () => {
    const o = edgeWeightOverlay([
      [1, -1],
      [0.5, 2],
      [0, 0]
    ])
    const paths = overlayPaths(o, 3, 2, 0, 100, 200, 100, 20)
    expect(paths).toHaveLength(6)
    // W[0][1]: from source unit 1 (y = 110) to target unit 0 (y = 90)
    expect(paths[1].d).toBe('M 0,110 C 100,110 100,90 200,90')
    expect(paths[1].color).toBe(NEGATIVE)
    expect(paths[1].title).toBe('W[0][1] = -1')
    expect(paths[3].color).toBe(POSITIVE)
    expect(paths[3].width).toBe(strokeWidth(2) / 2)
  })

  it('draws a summary as one path and estimates it from a histogram', () => {
    const o = histogramOverlay({ min: -1, max: 1, counts: [1, 3] }, '2×2')
    expect(o.positiveFraction).toBe(0.75)
    expect(o.label).toBe('W 2×2, mean |w| ≈ 0.5, 75% positive')
    expect(overlayPaths(o, 1, 1, 0, 0, 10, 10)).toHaveLength(1)
  })
})
