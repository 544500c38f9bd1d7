import { useUiStore } from '@renderer/stores/ui'
/**
 * The training overlay on the real canvas: GraphCanvas mounted in happy-dom with the iris graph, the
 * training store fed the recorded progress of a real run (test/fixtures/progress) and then a weight
 * snapshot. Weight strokes, δ badges and the explainer's highlight must show, and go when the overlay
 * toggle is off.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import type { ComponentPublicInstance } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import type { GraphSpec, ParameterMap } from '@engine/graph/types'
import type { SessionEvent } from '@engine/train/types'
import { useGraphStore } from '@renderer/stores/graph'
import { useTrainingStore } from '@renderer/stores/training'
import GraphCanvas from '@renderer/components/GraphCanvas.vue'
import { createAppI18n } from '@renderer/i18n'

interface Recording {
  graph: GraphSpec
  events: SessionEvent[]
}

const recording = JSON.parse(
  readFileSync(resolve(__dirname, '../fixtures/progress/iris-tanh.json'), 'utf8')
) as Recording

/** The recorded graph laid out left to right (the fixture has no positions). */
function irisGraph(): GraphSpec {
  const at: Record<string, { x: number; y: number }> = {
    x: { x: 0, y: 0 },
    one: { x: 0, y: 200 },
    h1: { x: 250, y: 0 },
    out: { x: 500, y: 0 },
    cost: { x: 750, y: 0 }
  }
  return {
    ...recording.graph,
    nodes: recording.graph.nodes.map((n) => ({ ...n, position: at[n.id] })),
    edges: [...recording.graph.edges, { id: 'r1', from: 'h1', to: 'out', kind: 'skip' }]
  }
}

/** Deterministic weights of the iris shapes: signs alternate, so both colours appear. */
const matrix = (rows: number, cols: number): number[][] =>
  Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => ((i + j) % 2 ? -1 : 1) * (0.1 + 0.05 * (i * cols + j)))
  )
const parameters: ParameterMap = { w1: matrix(8, 4), b1: matrix(8, 1), w2: matrix(3, 8), b2: matrix(3, 1) }

/** The store's version is bumped in the next animation frame (a timer in happy-dom). */
const frame = async (): Promise<void> => {
  await new Promise((r) => setTimeout(r, 40))
  await flushPromises()
}

describe('the training overlay on the canvas', () => {
  let wrapper: VueWrapper | undefined

  beforeEach(() => {
    setActivePinia(createPinia())
    useGraphStore().load(irisGraph())
  })
  afterEach(() => {
    wrapper?.unmount()
    wrapper = undefined
  })

  async function mountCanvas(locale: 'en' | 'zh-CN' = 'en'): Promise<VueWrapper> {
    wrapper = mount(GraphCanvas, { attachTo: document.body, global: { plugins: [createAppI18n(locale)] } })
    await frame()
    return wrapper
  }

  const strokesOf = (w: VueWrapper, edgeId: string) =>
    w.findAll(`.weight-edge[data-edge="${edgeId}"] .weight-stroke`)

  it('draws nothing extra before training', async () => {
    const w = await mountCanvas()
    expect(w.findAll('.vue-flow__node')).toHaveLength(5)
    expect(w.findAll('.weight-edge').length).toBeGreaterThanOrEqual(4)
    expect(w.findAll('.weight-stroke')).toHaveLength(0)
    expect(w.findAll('.delta-badge')).toHaveLength(0)
    expect(w.findAll('.explainer-highlight')).toHaveLength(0)
  })

  it('shows δ badges and histogram summaries from recorded progress, then per-weight strokes from the weights', async () => {
    const w = await mountCanvas()
    const store = useTrainingStore()
    for (const ev of recording.events) store.handleEvent(ev)
    await frame()

    // One badge per dense layer, with the last batch's mean |δ| and a spoken alternative.
    const badges = w.findAll('.delta-badge')
    expect(badges.map((b) => b.attributes('data-node')).sort()).toEqual(['h1', 'out'])
    const last = [...recording.events].reverse().find((e) => e.type === 'progress' && e.layers.length)
    const h1 = last?.type === 'progress' ? last.layers.find((l) => l.id === 'h1')! : undefined
    const badge = w.find('.vue-flow__node-dense[data-id="h1"] .delta-badge')
    expect(badge.text()).toBe(`|δ| ${Number(h1!.meanAbsDelta.toPrecision(4))}`)
    expect(badge.attributes('role')).toBe('img')
    expect(badge.attributes('aria-label')).toMatch(/^mean absolute delta 0\.01/)

    // Histograms alone give one summary stroke per weighted edge; the loss edge and the skip get none.
    for (const id of ['w1', 'b1', 'w2', 'b2']) expect(strokesOf(w, id)).toHaveLength(1)
    expect(w.find('.weight-edge[data-edge="w1"] .weights-summary').exists()).toBe(true)
    expect(strokesOf(w, 'c')).toHaveLength(0)
    expect(w.find('.skip-edge[data-edge="r1"] .weight-stroke').exists()).toBe(false)
    expect(w.find('.skip-edge[data-edge="r1"] .skip-path').exists()).toBe(true)

    // The weight snapshot: one stroke per weight, width by |w| and colour by sign.
    store.parameters = parameters
    await frame()
    expect(strokesOf(w, 'w1')).toHaveLength(32)
    expect(strokesOf(w, 'w2')).toHaveLength(24)
    expect(strokesOf(w, 'b1')).toHaveLength(8)
    const w1 = strokesOf(w, 'w1')
    // a diverging colour: orange below 0, blue above, deeper with |w| (more than two shades)
    expect(new Set(w1.map((s) => s.attributes('stroke'))).size).toBeGreaterThan(2)
    expect(Number(w1[31].attributes('stroke-width'))).toBeGreaterThan(
      Number(w1[0].attributes('stroke-width'))
    )
    expect(w1[1].find('title').text()).toMatch(/W\[0\]\[1\] = -0\.15/)
    expect(w.find('.weight-edge[data-edge="w1"] .weight-strokes').attributes('aria-label')).toMatch(
      /^W 8×4, mean \|w\|/
    )
  })

  it('words the weight tooltips and summaries in 简体中文', async () => {
    const w = await mountCanvas('zh-CN')
    const store = useTrainingStore()
    for (const ev of recording.events) store.handleEvent(ev)
    await frame()
    const summary = w.find('.weight-edge[data-edge="w1"] .weights-summary')
    expect(summary.attributes('aria-label')).toMatch(/^W（32 个权重），平均 \|w\| ≈ .*% 为正$/)
    store.parameters = parameters
    await frame()
    const title = strokesOf(w, 'w1')[1].find('title').text()
    expect(title).toMatch(/W\[0\]\[1\] = -0\.15/)
    expect(title.replace(/W\[\d\]\[\d\]|∂C\/∂w/g, '')).not.toMatch(/[A-Za-z]{3,}/)
    expect(w.find('.weight-edge[data-edge="w1"] .weight-strokes').attributes('aria-label')).toMatch(
      /^W 8×4，平均 \|w\|/
    )
  })

  it('draws a matrix too large for one line per weight as a heatmap of W', async () => {
    const w = await mountCanvas()
    useTrainingStore().parameters = { ...parameters, w1: matrix(8, 9) }
    await frame()
    expect(strokesOf(w, 'w1')).toHaveLength(0)
    const heat = w.find('.weight-edge[data-edge="w1"] .weight-matrix')
    expect(heat.attributes('aria-label')).toMatch(/W 8×9 as a heatmap/)
    // one cell per weight, plus the frame
    expect(heat.findAll('rect')).toHaveLength(8 * 9 + 1)
    expect(strokesOf(w, 'w2')).toHaveLength(24)
  })

  it("marks the explainer's step on its layers and edges", async () => {
    const w = await mountCanvas()
    useTrainingStore()
    useUiStore().setHighlight({ nodes: ['out', 'cost'], edges: ['w2', 'b2', 'c', 'r1'] })
    await flushPromises()
    const nodes = w.findAll('.graph-node.explainer-highlight')
    expect(nodes.map((n) => n.element.closest('.vue-flow__node')?.getAttribute('data-id')).sort()).toEqual([
      'cost',
      'out'
    ])
    const edges = w.findAll('g.explainer-highlight').map((g) => g.attributes('data-edge'))
    expect(edges.sort()).toEqual(['b2', 'c', 'r1', 'w2'])
    expect(w.findAll('.edge-highlight-halo')).toHaveLength(4)

    useUiStore().setHighlight({ nodes: ['h1'], edges: ['w1'] })
    await flushPromises()
    expect(w.findAll('.graph-node.explainer-highlight')).toHaveLength(1)
    expect(w.find('.vue-flow__node[data-id="h1"] .explainer-highlight').exists()).toBe(true)

    useUiStore().setHighlight(null)
    await flushPromises()
    expect(w.findAll('.explainer-highlight')).toHaveLength(0)
  })

  it('removes strokes and badges when the overlay toggle is off, and brings them back', async () => {
    const w = await mountCanvas()
    const store = useTrainingStore()
    for (const ev of recording.events) store.handleEvent(ev)
    store.parameters = parameters
    await frame()
    expect(w.findAll('.weight-stroke').length).toBe(32 + 8 + 24 + 3)
    expect(w.findAll('.delta-badge')).toHaveLength(2)

    useUiStore().overlayEnabled = false
    await frame()
    expect(w.findAll('.weight-stroke')).toHaveLength(0)
    expect(w.findAll('.delta-badge')).toHaveLength(0)
    expect(w.findAll('.weight-strokes')).toHaveLength(0)

    useUiStore().overlayEnabled = true
    await frame()
    expect(w.findAll('.weight-stroke').length).toBe(32 + 8 + 24 + 3)
    expect(w.findAll('.delta-badge')).toHaveLength(2)
  })

  it('re-renders only the badges and the histogram-drawn edges on a progress event, not every node and edge', async () => {
    // Counts re-renders per component and element id (Vue's `updated` runs after each one).
    const updates = new Map<string, number>()
    const counter = {
      updated(this: ComponentPublicInstance) {
        const name = (this.$options as { __name?: string }).__name ?? '?'
        const id =
          (this.$props as { id?: string; nodeId?: string }).id ?? (this.$props as { nodeId?: string }).nodeId
        const key = `${name}:${id ?? ''}`
        updates.set(key, (updates.get(key) ?? 0) + 1)
      }
    }
    wrapper = mount(GraphCanvas, {
      attachTo: document.body,
      global: { mixins: [counter], plugins: [createAppI18n()] }
    })
    await frame()
    const store = useTrainingStore()
    const progress = recording.events.filter((e) => e.type === 'progress')
    for (const ev of progress.slice(0, -1)) store.handleEvent(ev)
    // Real weights for the W edges only; the bias edges still come from the per-frame histograms.
    store.parameters = { w1: parameters.w1, w2: parameters.w2 }
    await frame()

    updates.clear()
    store.handleEvent(progress[progress.length - 1])
    await frame()
    const count = (key: string): number => updates.get(key) ?? 0

    // The badges change; the cards around them do not re-render.
    expect(count('DeltaBadge:h1') + count('DeltaBadge:out')).toBeGreaterThan(0)
    for (const id of ['x', 'one', 'h1', 'out', 'cost']) {
      for (const kind of ['InputNode', 'BiasNode', 'DenseNode', 'LossNode'])
        expect(count(`${kind}:${id}`)).toBe(0)
    }
    // Edges drawn from the weight snapshot wait for the next snapshot (about once a second) ...
    expect(count('WeightEdge:w1')).toBe(0)
    expect(count('WeightEdge:w2')).toBe(0)
    // ... and the edges without weights never change.
    expect(count('WeightEdge:c')).toBe(0)
    expect(count('SkipEdge:r1')).toBe(0)
    // The bias edges follow their histograms, once per frame at most.
    expect(count('WeightEdge:b1')).toBeLessThanOrEqual(1)
  })
})
