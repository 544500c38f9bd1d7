/**
 * From the canvas to the backprop explainer and back: "Explain this layer" in the inspector opens the
 * Training tab's explainer on that layer (inspecting sample 0 when nothing is inspected yet), the
 * canvas highlights each backward step, and clicking another layer moves the explainer to it.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import type { GraphSpec } from '@engine/graph/types'
import { createNetwork } from '@engine/nn/network'
import { inspect } from '@engine/nn/inspect'
import { useGraphStore } from '@renderer/stores/graph'
import { useTrainingStore, type TrainingEngine } from '@renderer/stores/training'
import { useUiStore } from '@renderer/stores/ui'
import GraphCanvas from '@renderer/components/GraphCanvas.vue'
import InspectorPanel from '@renderer/components/InspectorPanel.vue'
import TrainingTab from '@renderer/components/training/TrainingTab.vue'
import { createAppI18n } from '@renderer/i18n'

const recorded = JSON.parse(
  readFileSync(resolve(__dirname, '../fixtures/progress/iris-tanh.json'), 'utf8')
) as { graph: GraphSpec }
const graph: GraphSpec = {
  ...recorded.graph,
  nodes: recorded.graph.nodes.map((n, i) => ({ ...n, position: { x: 250 * i, y: 0 } }))
}

const x = [0.2, -1.1, 0.5, 0.3]
const y = [0, 1, 0]
const inspection = inspect(
  createNetwork(graph, { inputWidth: 4, seed: 1 }),
  Float64Array.from(x),
  Float64Array.from(y)
)

/** An engine that only answers the explainer's request, counting them. */
function fakeEngine(): TrainingEngine & { inspected: number[] } {
  const nothing = (): Promise<void> => Promise.resolve()
  const inspected: number[] = []
  return {
    inspected,
    start: nothing,
    pause: nothing,
    resume: nothing,
    step: nothing,
    stop: nothing,
    restore: nothing,
    resetWeights: nothing,
    setLearningRate: nothing,
    onEvent: () => () => undefined,
    getParameters: () => Promise.resolve({}),
    inspect: (sample) => {
      inspected.push(sample)
      return Promise.resolve({ sample, inspection, x, y })
    },
    gradientCheck: () => Promise.resolve({ tolerance: 1e-6, edges: [] })
  }
}

/** The three pieces as the app lays them out: canvas, inspector, and the Training tab when it is open. */
const Harness = defineComponent(() => {
  const ui = useUiStore()
  return () =>
    h('div', [
      h(GraphCanvas),
      h(InspectorPanel),
      ui.bottomTab === 'training' ? h(TrainingTab) : h('p', 'another tab')
    ])
})

const highlightedNodes = (w: VueWrapper): string[] =>
  w
    .findAll('.graph-node.explainer-highlight')
    .map((n) => n.element.closest('.vue-flow__node')?.getAttribute('data-id') ?? '')
    .sort()

describe('Explain a layer from the canvas', () => {
  let wrapper: VueWrapper | undefined
  beforeEach(() => {
    setActivePinia(createPinia())
    useGraphStore().load(graph)
  })
  afterEach(() => {
    wrapper?.unmount()
    wrapper = undefined
  })

  it('opens the explainer on the layer and highlights each backward step on the canvas', async () => {
    const engine = fakeEngine()
    useTrainingStore().bind(engine)
    wrapper = mount(Harness, { attachTo: document.body, global: { plugins: [createAppI18n()] } })
    const w = wrapper
    const graphStore = useGraphStore()

    // Only a dense layer offers it.
    graphStore.select(['x'])
    await flushPromises()
    expect(w.find('.inspector-explain').exists()).toBe(false)
    graphStore.select(['h1'])
    await flushPromises()
    const button = w.find('.inspector-explain')
    expect(button.text()).toBe('Explain this layer')

    await button.trigger('click')
    await flushPromises()
    expect(useUiStore().bottomTab).toBe('training')
    expect(engine.inspected).toEqual([0])
    expect(w.find('.stepper').text()).toContain('Backward step 2 of 2: layer Hidden')
    expect(highlightedNodes(w)).toEqual(['h1', 'out'])
    const edges = w.findAll('g.explainer-highlight').map((g) => g.attributes('data-edge'))
    expect(edges.sort()).toEqual(['b1', 'w1', 'w2'])

    // Step back towards the loss: the output layer and the loss node light up instead.
    const previous = w.findAll('.stepper button').find((b) => b.text() === 'Previous step')!
    await previous.trigger('click')
    await flushPromises()
    expect(w.find('.stepper').text()).toContain('Backward step 1 of 2: layer Output')
    expect(highlightedNodes(w)).toEqual(['cost', 'out'])

    // Clicking the (still selected) layer on the canvas moves the explainer back to it; no new pass.
    await w.find('.vue-flow__node[data-id="h1"]').trigger('click')
    await flushPromises()
    expect(w.find('.stepper').text()).toContain('layer Hidden')
    expect(highlightedNodes(w)).toEqual(['h1', 'out'])
    expect(engine.inspected).toEqual([0])

    // Selecting another layer (keyboard or code, no click) moves it too.
    graphStore.select(['out'])
    await flushPromises()
    expect(w.find('.stepper').text()).toContain('layer Output')

    // Explain again on a layer, after stepping away from it: it still goes there.
    graphStore.select(['h1'])
    await flushPromises()
    await w
      .findAll('.stepper button')
      .find((b) => b.text() === 'Previous step')!
      .trigger('click')
    await flushPromises()
    expect(w.find('.stepper').text()).toContain('layer Output')
    await w.find('.inspector-explain').trigger('click')
    await flushPromises()
    expect(w.find('.stepper').text()).toContain('layer Hidden')
    expect(engine.inspected).toEqual([0])

    // Leaving the tab drops the highlight from the canvas.
    useUiStore().bottomTab = 'charts'
    await flushPromises()
    expect(w.findAll('.explainer-highlight')).toHaveLength(0)
  })
})
