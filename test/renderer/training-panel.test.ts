import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { SessionEvent } from '@engine/train/types'
import TrainingPanel from '@renderer/components/training/TrainingPanel.vue'
import { useTrainingStore, type TrainingEngine } from '@renderer/stores/training'
import { shortcutFor } from '@renderer/components/training/shortcuts'
import { resolveTrainSettings, TRAIN_SETTING_FIELDS } from '@engine/index'
import { settingHelpKey, settingLabelKey, settingsGroups } from '@renderer/training/settingsForm'
import { createAppI18n } from '@renderer/i18n'

function recordingEngine() {
  const calls: unknown[][] = []
  let listener: ((ev: SessionEvent) => void) | null = null
  const call = (...args: unknown[]) => {
    calls.push(args)
    return Promise.resolve()
  }
  const engine: TrainingEngine = {
    start: (s) => call('start', s),
    pause: () => call('pause'),
    resume: () => call('resume'),
    step: (u) => call('step', u),
    stop: () => call('stop'),
    restore: (which) => call('restore', which),
    resetWeights: (i, s) => call('resetWeights', i, s),
    setLearningRate: (lr) => call('setLearningRate', lr),
    inspect: () => Promise.reject(new Error('not used')),
    gradientCheck: () => Promise.reject(new Error('not used')),
    getParameters: () => Promise.resolve({}),
    onEvent: (l) => {
      listener = l
      return () => (listener = null)
    }
  }
  return { engine, calls, emit: (ev: SessionEvent) => listener?.(ev) }
}

const button = (w: ReturnType<typeof mount>, name: string) => {
  const b = w.findAll('button').find((x) => x.text() === name)
  if (!b) throw new Error(`no button "${name}"`)
  return b
}
const labelled = (w: ReturnType<typeof mount>, text: string) => {
  const l = w.findAll('label').find((x) => x.text().startsWith(text))
  if (!l) throw new Error(`no field "${text}"`)
  return l.find('input, select')
}

describe('TrainingPanel', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('trains with the settings typed into the labelled fields', async () => {
    const f = recordingEngine()
    const store = useTrainingStore()
    store.bind(f.engine)
    const w = mount(TrainingPanel, { attachTo: document.body, global: { plugins: [createAppI18n()] } })
    await labelled(w, 'Epochs').setValue('7')
    await labelled(w, 'Optimizer').setValue('momentum')
    await labelled(w, 'Momentum').setValue('0.5')
    await labelled(w, 'Patience').setValue('3')
    await button(w, 'Train').trigger('click')
    await flushPromises()
    expect(f.calls[0][0]).toBe('start')
    expect(f.calls[0][1]).toMatchObject({ epochs: 7, optimizer: 'momentum', momentum: 0.5, patience: 3 })
    w.unmount()
  })

  it('switches Pause to Resume, shows progress and the stop reason', async () => {
    const f = recordingEngine()
    const store = useTrainingStore()
    store.bind(f.engine)
    store.applySettings({ epochs: 4 })
    const w = mount(TrainingPanel, { attachTo: document.body, global: { plugins: [createAppI18n()] } })
    expect(button(w, 'Pause').attributes('disabled')).toBeDefined()
    f.emit({
      type: 'progress',
      state: 'running',
      epoch: 1,
      step: 10,
      learningRate: 0.01,
      steps: [10],
      losses: [0.5],
      epochs: [{ epoch: 1, step: 10, learningRate: 0.01, train: { loss: 0.5 } }],
      layers: [],
      samplesPerSecond: 1234
    })
    await flushPromises()
    const bar = w.find('[role="progressbar"]')
    expect(bar.attributes('aria-valuenow')).toBe('25')
    expect(bar.attributes('aria-valuetext')).toMatch(/Epoch 1\/4 · step 10 · 1,234 samples\/s/)
    await button(w, 'Pause').trigger('click')
    expect(f.calls).toContainEqual(['pause'])
    f.emit({ type: 'state', state: 'paused', epoch: 1, step: 10 })
    await flushPromises()
    await button(w, 'Resume').trigger('click')
    expect(f.calls).toContainEqual(['resume'])
    f.emit({ type: 'done', reason: 'stopped', message: '', epoch: 1, step: 12, final: null })
    await flushPromises()
    expect(w.find('[role="status"]').text()).toBe('Stopped by user after 1 epoch (step 12).')
    expect(button(w, 'Train').attributes('disabled')).toBeUndefined()
    w.unmount()
  })

  it('changes the learning rate of a running session', async () => {
    const f = recordingEngine()
    const store = useTrainingStore()
    store.bind(f.engine)
    const w = mount(TrainingPanel, { attachTo: document.body, global: { plugins: [createAppI18n()] } })
    f.emit({ type: 'state', state: 'running', epoch: 0, step: 1 })
    await flushPromises()
    await labelled(w, 'Learning rate').setValue('0.003')
    await flushPromises()
    expect(f.calls).toContainEqual(['setLearningRate', 0.003])
    w.unmount()
  })

  it('disables Train with the reason shown when the graph is not ready', () => {
    const w = mount(TrainingPanel, {
      props: { blockedNotice: { text: 'Load a CSV first.' } },
      global: { plugins: [createAppI18n()] }
    })
    expect(button(w, 'Train').attributes('disabled')).toBeDefined()
    expect(w.find('[role="status"]').text()).toBe('Load a CSV first.')
  })

  it('runs the controls from their keyboard shortcuts', async () => {
    const f = recordingEngine()
    const store = useTrainingStore()
    store.bind(f.engine)
    const w = mount(TrainingPanel, { attachTo: document.body, global: { plugins: [createAppI18n()] } })
    window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyT', altKey: true }))
    await flushPromises()
    expect(f.calls[0][0]).toBe('start')
    expect(button(w, 'Train').attributes('aria-keyshortcuts')).toBe('Alt+T')
    expect(
      shortcutFor({ code: 'KeyT', altKey: true, ctrlKey: true, metaKey: false, shiftKey: false })
    ).toBeNull()
    w.unmount()
  })
})

describe('TrainingPanel without a training engine', () => {
  it('says the engine does not offer training and keeps Train disabled', () => {
    setActivePinia(createPinia())
    const w = mount(TrainingPanel, { global: { plugins: [createAppI18n()] } })
    expect(button(w, 'Train').attributes('disabled')).toBeDefined()
    expect(w.find('[role="status"]').text()).toBe('The engine is not ready to train yet.')
  })

  it('is generated from the engine’s settings fields: every field once, with its label, bounds and help', async () => {
    const paths = settingsGroups().flatMap((g) => g.fields.map((f) => f.path))
    expect([...paths].sort()).toEqual(TRAIN_SETTING_FIELDS.map((f) => f.path).sort())

    const store = useTrainingStore()
    // The panel words each field from the catalogue, keyed by the engine's path (English here).
    const i18n = createAppI18n()
    const w = mount(TrainingPanel, { attachTo: document.body, global: { plugins: [i18n] } })
    for (const optimizer of ['momentum', 'adam', 'rmsprop', 'rprop'] as const) {
      store.applySettings({ optimizer, schedule: { ...store.settings.schedule, kind: 'step' } })
      await flushPromises()
      for (const f of TRAIN_SETTING_FIELDS) {
        if (f.optimizers && !f.optimizers.includes(optimizer)) continue
        if (f.schedules && !f.schedules.includes('step')) continue
        const label = w.findAll('label').find((x) => x.text().startsWith(i18n.global.t(settingLabelKey(f))))
        expect(label, f.path).toBeDefined()
        expect(label!.attributes('title')).toBe(i18n.global.t(settingHelpKey(f)))
        const input = label!.find('input, select')
        if (f.type === 'number' || f.type === 'integer') {
          expect(input.attributes('min'), f.path).toBe(f.min === undefined ? undefined : String(f.min))
          expect(input.attributes('max'), f.path).toBe(f.max === undefined ? undefined : String(f.max))
        }
      }
    }
    w.unmount()
  })

  it('refuses what the engine refuses, in its words, and keeps the setting (momentum 1, η⁻ 0)', async () => {
    const store = useTrainingStore()
    store.applySettings({ optimizer: 'momentum' })
    const w = mount(TrainingPanel, { attachTo: document.body, global: { plugins: [createAppI18n()] } })
    const momentum = labelled(w, 'Momentum')
    await momentum.setValue('1')
    expect(store.settings.momentum).toBe(0.9)
    expect((momentum.element as HTMLInputElement).value).toBe('0.9')
    const alert = () => w.find('.settings-problem[role="alert"]')
    expect(alert().text()).toContain('momentum')
    // The very sentence the engine says for these settings.
    expect(() => resolveTrainSettings({ ...store.settings, momentum: 1 })).toThrow(alert().text())
    await momentum.setValue('0.999')
    expect(store.settings.momentum).toBe(0.999)
    expect(alert().exists()).toBe(false)

    store.applySettings({ optimizer: 'rprop' })
    await flushPromises()
    await labelled(w, 'η⁻').setValue('0')
    expect(store.settings.rprop.etaMinus).toBe(0.5)
    expect(alert().text()).toContain('etaMinus')
    // Empty switches a stop rule off; an empty required field keeps its value.
    await labelled(w, 'Patience').setValue('4')
    expect(store.settings.patience).toBe(4)
    await labelled(w, 'Patience').setValue('')
    expect(store.settings.patience).toBeNull()
    await labelled(w, 'Epochs').setValue('')
    expect(store.settings.epochs).toBe(resolveTrainSettings().epochs)
    w.unmount()
  })
})
