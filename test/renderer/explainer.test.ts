import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { GraphSpec } from '@engine/graph/types'
import { createNetwork } from '@engine/nn/network'
import { inspect } from '@engine/nn/inspect'
import BackpropExplainer from '@renderer/components/explainer/BackpropExplainer.vue'
import {
  backwardSteps,
  contributionResidual,
  forwardSteps,
  sourceActivations
} from '@renderer/components/explainer/backwardSteps'
import { useTrainingStore, type TrainingEngine } from '@renderer/stores/training'

/** DESIGN §2's example: a skip edge h1 → h2 and one bias unit feeding two layers. */
const graph: GraphSpec = {
  format: 'backprop-studio/graph',
  version: 1,
  nodes: [
    { id: 'x', kind: 'input', units: 4 },
    { id: 'one', kind: 'bias' },
    { id: 'h1', kind: 'dense', units: 3, activation: 'tanh', name: 'Hidden 1' },
    { id: 'h2', kind: 'dense', units: 3, activation: 'tanh' },
    { id: 'out', kind: 'dense', units: 3, activation: 'softmax' },
    { id: 'cost', kind: 'loss', loss: 'cross-entropy' }
  ],
  edges: [
    { id: 'w1', from: 'x', to: 'h1' },
    { id: 'b1', from: 'one', to: 'h1' },
    { id: 'w2', from: 'h1', to: 'h2' },
    { id: 'r2', from: 'h1', to: 'h2', kind: 'skip' },
    { id: 'w3', from: 'h2', to: 'out' },
    { id: 'b3', from: 'one', to: 'out' },
    { id: 'c', from: 'out', to: 'cost' }
  ]
}
const x = [5.1, 3.5, 1.4, 0.2].map((v) => v / 5)
const y = [0, 1, 0]
const net = createNetwork(graph, { seed: 3 })
const inspection = inspect(net, Float64Array.from(x), Float64Array.from(y))

function engineWithInspection(): TrainingEngine {
  const nothing = () => Promise.resolve()
  return {
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
    inspect: (sample) => Promise.resolve({ sample, inspection, x, y }),
    gradientCheck: () =>
      Promise.resolve({
        tolerance: 1e-6,
        edges: [
          { edgeId: 'w1', maxRelativeError: 2e-10 },
          { edgeId: 'w3', maxRelativeError: 3e-9 }
        ]
      })
  }
}

describe('explainer steps', () => {
  it('walks backward from the output layer to the first hidden layer', () => {
    const steps = backwardSteps(inspection)
    expect(steps.map((s) => s.layer.id)).toEqual(['out', 'h2', 'h1'])
    expect(steps[0].isOutput).toBe(true)
    expect(steps[0].nodes).toEqual(['out', 'cost'])
    // h1's ∂C/∂a comes back over the weighted edge w2 and the skip r2; its gradients are w1 and b1
    expect(steps[2].edges.sort()).toEqual(['b1', 'r2', 'w1', 'w2'])
    expect(steps[2].nodes.sort()).toEqual(['h1', 'h2'])
    expect(forwardSteps(inspection).map((s) => s.layer.id)).toEqual(['h1', 'h2', 'out'])
  })

  it('finds the fan-out-and-sum adds up and the source activations of each gradient', () => {
    for (const l of inspection.layers) expect(contributionResidual(l)).toBeLessThan(1e-12)
    expect(sourceActivations(inspection, 'h1', false)).toEqual(inspection.layers[0].a)
    expect(sourceActivations(inspection, 'one', true)).toEqual([1])
    expect(sourceActivations(inspection, 'x', false, x)).toEqual(x)
    expect(sourceActivations(inspection, 'x', false)).toBeNull()
  })
})

describe('BackpropExplainer', () => {
  beforeEach(() => setActivePinia(createPinia()))

  async function mounted(layerId?: string) {
    const store = useTrainingStore()
    store.bind(engineWithInspection())
    store.layerNames = { h1: 'Hidden 1', h2: 'h2', out: 'out' }
    const w = mount(BackpropExplainer, { props: { layerId } })
    await w.find('input[aria-label="Sample row"]').setValue('7')
    await w
      .findAll('button')
      .find((b) => b.text() === 'Explain')!
      .trigger('click')
    await flushPromises()
    return { w, store }
  }
  const shown = (w: ReturnType<typeof mount>) =>
    w.findAll('[data-testid="delta"] td').map((td) => Number(td.attributes('data-value')))

  it('shows the engine’s δ of the chosen layer with its numbers, and highlights the step', async () => {
    const { w, store } = await mounted('h1')
    expect(w.text()).toContain('Sample 7')
    expect(shown(w)).toEqual(inspection.layers[0].delta)
    expect(w.text()).toContain('Backward step 3 of 3: layer Hidden 1')
    // the fan-out-and-sum: one term over w2 and one over the skip r2
    expect(w.find('[data-edge="w2"]').text()).toContain('(W_w2)ᵀ δ^h2')
    expect(w.find('[data-edge="r2"]').text()).toContain('via skip r2')
    // ∂C/∂W_w1 = δ · xᵀ with x shown
    expect(w.find('[data-edge="w1"]').text()).toContain('a^x')
    expect(store.highlight?.nodes).toContain('h1')
    expect(store.highlight?.edges).toContain('r2')
  })

  it('steps from the loss towards the input', async () => {
    const { w, store } = await mounted()
    expect(w.text()).toContain('Backward step 1 of 3: layer out')
    expect(w.text()).toContain('δ = a − y')
    expect(w.findAll('[data-testid="target"] td').map((td) => Number(td.attributes('data-value')))).toEqual(y)
    expect(shown(w)).toEqual(inspection.layers[2].delta)
    // softmax + cross-entropy: δ = a − y, checked independently of the engine's δ
    shown(w).forEach((d, i) => expect(d).toBeCloseTo(inspection.layers[2].a[i] - y[i], 12))
    await w
      .findAll('button')
      .find((b) => b.text() === 'Next step')!
      .trigger('click')
    expect(w.text()).toContain('Backward step 2 of 3: layer h2')
    expect(shown(w)).toEqual(inspection.layers[1].delta)
    expect(store.highlight?.edges).toContain('w3')
  })

  it('shows the gradient check per edge with a verdict', async () => {
    const { w } = await mounted()
    await w
      .findAll('button')
      .find((b) => b.text() === 'Check gradients')!
      .trigger('click')
    await flushPromises()
    expect(w.find('.gradcheck [role="status"]').text()).toMatch(/^Passed/)
    expect(w.find('.gradcheck [data-edge="w3"]').text()).toContain('3.00e-9')
  })

  it('clears the highlight when closed', async () => {
    const { w, store } = await mounted()
    w.unmount()
    expect(store.highlight).toBeNull()
  })
})
