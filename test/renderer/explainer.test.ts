import { useUiStore } from '@renderer/stores/ui'
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
import { useTrainingStore, type SampleInspection, type TrainingEngine } from '@renderer/stores/training'
import { explainerNotation, saturatedHiddenUnits } from '@renderer/components/explainer/notation'
import { createAppI18n } from '@renderer/i18n'

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

function engineWithInspection(extra: Partial<SampleInspection> = {}): TrainingEngine {
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
    inspect: (sample) => Promise.resolve({ sample, inspection, x, y, ...extra }),
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

  async function mounted(layerId?: string, extra: Partial<SampleInspection> = {}) {
    const store = useTrainingStore()
    store.bind(engineWithInspection(extra))
    store.layerNames = { h1: 'Hidden 1', h2: 'h2', out: 'out' }
    const w = mount(BackpropExplainer, { props: { layerId }, global: { plugins: [createAppI18n()] } })
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
    const { w } = await mounted('h1')
    expect(w.text()).toContain('Sample 7')
    expect(shown(w)).toEqual(inspection.layers[0].delta)
    expect(w.text()).toContain('Backward step 3 of 3: layer Hidden 1')
    // the fan-out-and-sum: one term over w2 (into h2 = layer 3) and one over the skip r2
    expect(w.find('[data-edge="w2"]').text()).toContain('(W⁽³⁾)ᵀ δ⁽³⁾')
    expect(w.find('[data-edge="r2"]').text()).toContain('∂C/∂a⁽³⁾ via the skip')
    // ∂C/∂W⁽²⁾ = δ⁽²⁾ · (a⁽¹⁾)ᵀ with x = a⁽¹⁾ shown; the bias edge is b⁽²⁾ (BP-4)
    expect(w.find('[data-edge="w1"]').text()).toContain('∂C/∂W⁽²⁾ = δ⁽²⁾ · (a⁽¹⁾)ᵀ')
    expect(w.find('[data-edge="b1"]').text()).toContain('∂C/∂b⁽²⁾ = δ⁽²⁾')
    expect(useUiStore().highlight?.nodes).toContain('h1')
    expect(useUiStore().highlight?.edges).toContain('r2')
  })

  it('steps from the loss towards the input', async () => {
    const { w } = await mounted()
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
    expect(useUiStore().highlight?.edges).toContain('w3')
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

  it('writes layer-indexed names, never edge ids, and sizes apart from the symbols', async () => {
    const { w } = await mounted('h1')
    const text = w.text()
    for (const id of ['w1', 'w2', 'b1', 'r2', 'W_', 'δ^', 'a^']) expect(text).not.toContain(id)
    const delta = w.find('[data-testid="delta"] .matrix-label').text().replace(/\s+/g, ' ')
    expect(delta).toBe('δ⁽²⁾ · 3 values')
    await w
      .findAll('button')
      .find((b) => b.text() === 'Check gradients')!
      .trigger('click')
    await flushPromises()
    expect(w.find('.gradcheck [data-edge="w3"] th').text()).toBe('W⁽⁴⁾')
  })

  it('writes the loss out in full and names the CSV row and the user-unit target', async () => {
    const { w } = await mounted(undefined, {
      line: 9,
      units: { target: { price: 412.5 }, output: { price: 398.25 } }
    })
    expect(w.text()).toContain('Sample 7 · CSV line 9')
    expect(w.find('[data-testid="loss-formula"]').text()).toBe('cross-entropy, C = −Σ y ln a')
    expect(w.find('[data-testid="user-units"]').text()).toBe('in your units: price = 412.5 (a: 398.3)')
  })

  it('clears the highlight when closed', async () => {
    const { w } = await mounted()
    w.unmount()
    expect(useUiStore().highlight).toBeNull()
  })
})

describe('explainer notation', () => {
  it('numbers layers from the input as seed 003 does, and names each W by its layer', () => {
    const n = explainerNotation(inspection)
    expect([n.a('x'), n.a('h1'), n.a('h2'), n.a('out')]).toEqual(['a⁽¹⁾', 'a⁽²⁾', 'a⁽³⁾', 'a⁽⁴⁾'])
    expect([n.parameter('w1'), n.parameter('b1'), n.parameter('w3'), n.parameter('b3')]).toEqual([
      'W⁽²⁾',
      'b⁽²⁾',
      'W⁽⁴⁾',
      'b⁽⁴⁾'
    ])
  })

  it('flags saturation only in hidden layers: a confident softmax output is not a fault', () => {
    const out = { ...inspection.layers[2], activation: 'sigmoid' as const, fPrime: [1e-5, 1e-5, 1e-5] }
    expect(saturatedHiddenUnits(out, true, 0.01)).toBe(0)
    expect(saturatedHiddenUnits(out, false, 0.01)).toBe(3)
    const hidden = { ...inspection.layers[0], fPrime: [0.5, 0.001, 0.2] }
    expect(saturatedHiddenUnits(hidden, false, 0.01)).toBe(1)
    expect(saturatedHiddenUnits({ ...hidden, activation: 'relu' }, false, 0.01)).toBe(0)
  })
})
