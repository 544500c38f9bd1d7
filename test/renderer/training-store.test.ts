import { useUiStore } from '@renderer/stores/ui'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { isProxy, nextTick } from 'vue'
import type { LayerStats } from '@engine/nn/types'
import type { ProgressEvent, SessionEvent, TrainSettings } from '@engine/train/types'
import { useTrainingStore, type StepUnit, type TrainingEngine } from '@renderer/stores/training'
import { createAppI18n } from '@renderer/i18n'
import { noticeText, translator } from '@renderer/i18n/engineMessages'

/** An engine that records the calls and lets the test emit session events. */
function fakeEngine() {
  const calls: [string, ...unknown[]][] = []
  let listener: ((ev: SessionEvent) => void) | null = null
  let fail: string | null = null
  const call = (name: string, ...args: unknown[]) => {
    calls.push([name, ...args])
    return fail ? Promise.reject(new Error(fail)) : Promise.resolve()
  }
  let parameterFetches = 0
  const engine: TrainingEngine = {
    getParameters: () => {
      parameterFetches++
      return Promise.resolve({ w1: [[0.5, -1]] })
    },
    start: (s: TrainSettings) => call('start', s),
    pause: () => call('pause'),
    resume: () => call('resume'),
    step: (u: StepUnit) => call('step', u),
    stop: () => call('stop'),
    restore: (which) => call('restore', which),
    resetWeights: (init, seed) => call('resetWeights', init, seed),
    setLearningRate: (lr) => call('setLearningRate', lr),
    inspect: (sample) =>
      call('inspect', sample).then(() => ({
        sample,
        inspection: { loss: 1, lossKind: 'squared-error' as const, layers: [] }
      })),
    gradientCheck: () =>
      call('gradientCheck').then(() => ({
        edges: [{ edgeId: 'w1', maxRelativeError: 1e-9 }],
        tolerance: 1e-6
      })),
    onEvent(l) {
      listener = l
      return () => (listener = null)
    }
  }
  return {
    engine,
    calls,
    emit: (ev: SessionEvent) => listener?.(ev),
    fetches: () => parameterFetches,
    failWith: (m: string | null) => (fail = m)
  }
}

const layer = (id: string, d: number): LayerStats => ({
  id,
  meanAbsDelta: d,
  deltaNorm: d * 2,
  gradNorm: d * 3,
  deadFraction: 0,
  saturatedFraction: 0.25
})

function progress(from: number, to: number, extra: Partial<ProgressEvent> = {}): ProgressEvent {
  const steps = Array.from({ length: to - from + 1 }, (_, i) => from + i)
  return {
    type: 'progress',
    state: 'running',
    epoch: 0,
    step: to,
    learningRate: 0.01,
    steps,
    losses: steps.map((s) => 1 / s),
    epochs: [],
    layers: [layer('h1', 0.01), layer('out', 0.1)],
    samplesPerSecond: 5000,
    ...extra
  }
}

const frame = () => new Promise((r) => setTimeout(r, 40))

describe('training store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('starts with validated settings and clears the previous run', async () => {
    const f = fakeEngine()
    const store = useTrainingStore()
    store.bind(f.engine)
    store.handleEvent(progress(1, 5, { state: 'done' }))
    store.applySettings({ learningRate: 0.5, epochs: 3 })
    expect(await store.train()).toBe(true)
    expect(f.calls[0][0]).toBe('start')
    expect(f.calls[0][1]).toMatchObject({ learningRate: 0.5, epochs: 3, optimizer: 'adam' })
    expect(store.buffers.trainLoss.count).toBe(0)
    expect(store.status).toBe('starting')
  })

  it('refuses bad settings with the field in the status line and never calls the engine', async () => {
    const f = fakeEngine()
    const store = useTrainingStore()
    store.bind(f.engine)
    store.applySettings({ epochs: 0 })
    expect(await store.train()).toBe(false)
    expect(store.statusText).toMatch(/"epochs"/)
    expect(f.calls).toEqual([])
  })

  it('keeps the buffers out of reactivity and bumps the version once per frame', async () => {
    const f = fakeEngine()
    const store = useTrainingStore()
    store.bind(f.engine)
    expect(isProxy(store.buffers)).toBe(false)
    const v0 = store.version
    f.emit(progress(1, 10))
    f.emit(progress(11, 20))
    f.emit(progress(21, 30))
    expect(store.version).toBe(v0) // nothing drawn synchronously
    await frame()
    expect(store.version).toBe(v0 + 1)
    expect(store.buffers.trainLoss.count).toBe(30)
    expect(store.buffers.layerIds).toEqual(['h1', 'out'])
    expect(store.step).toBe(30)
    expect(store.status).toBe('running')
    expect(store.latestLayers.map((l) => l.id)).toEqual(['h1', 'out'])
  })

  it('learns steps per epoch from the first epoch for the progress bar and ETA', () => {
    const store = useTrainingStore()
    store.applySettings({ epochs: 10 })
    const epoch = { epoch: 1, step: 5, learningRate: 0.01, train: { loss: 0.5, accuracy: 0.7 } }
    store.handleEvent(progress(1, 5, { epoch: 1, epochs: [epoch] }), 0)
    store.handleEvent(progress(6, 10, { epoch: 2 }), 1000)
    expect(store.stepsPerEpoch).toBe(5)
    expect(store.fraction).toBeCloseTo(10 / 50, 12)
    // 5 steps per second, 40 steps left
    expect(store.etaSeconds).toBeCloseTo(8, 6)
    expect(store.buffers.trainMetric.points()).toEqual([[5, 0.7]])
  })

  it('says why training stopped', () => {
    const store = useTrainingStore()
    store.layerNames = { h2: 'hidden 2' }
    store.handleEvent({
      type: 'done',
      reason: 'non-finite',
      message: 'non-finite delta at layer h2 in step 17',
      epoch: 2,
      step: 17,
      final: null,
      nonFinite: { layer: 'h2', quantity: 'delta', step: 17 }
    })
    expect(store.status).toBe('done')
    expect(store.statusText).toBe(
      'Stopped: NaN/∞ in δ at layer hidden 2, step 17. Restored the last good weights; try a smaller learning rate.'
    )
  })

  it('changes the learning rate live only while a session exists', async () => {
    const f = fakeEngine()
    const store = useTrainingStore()
    store.bind(f.engine)
    await store.setLearningRate(0.2)
    expect(f.calls).toEqual([])
    expect(store.settings.learningRate).toBe(0.2)
    store.handleEvent(progress(1, 2))
    await store.setLearningRate(0.05)
    expect(f.calls).toEqual([['setLearningRate', 0.05]])
    expect(store.currentLearningRate).toBe(0.05)
    expect(await store.setLearningRate(-1)).toBe(false)
  })

  it('shows an engine failure in the status line', async () => {
    const f = fakeEngine()
    const store = useTrainingStore()
    store.bind(f.engine)
    store.handleEvent(progress(1, 2))
    f.failWith('no session')
    expect(await store.pause()).toBe(false)
    expect(store.status).toBe('running') // the engine's events, not a failed request, say the state
    expect(store.statusText).toBe('Pause failed: no session')
    expect(await store.train()).toBe(false) // still running: Train is refused
    f.emit({ type: 'done', reason: 'stopped', message: '', epoch: 0, step: 2, final: null })
    expect(await store.train()).toBe(false)
    expect(store.status).toBe('error')
    expect(store.statusText).toBe('Train failed: no session')
  })

  it('keeps the status line as a notice the panel words in 简体中文', async () => {
    const zh = translator(createAppI18n('zh-CN').global)
    const f = fakeEngine()
    const store = useTrainingStore()
    store.bind(f.engine)
    f.emit({ type: 'state', state: 'paused', epoch: 2, step: 5 })
    expect(store.statusText).toBe('Paused at epoch 2, step 5.')
    expect(noticeText(zh, store.statusNotice!)).toBe('已暂停于第 2 轮、第 5 步。')
    f.failWith('no session')
    expect(await store.resume()).toBe(false)
    expect(noticeText(zh, store.statusNotice!)).toBe('继续失败：no session')
    f.emit({ type: 'done', reason: 'stopped', message: '', epoch: 3, step: 9, final: null })
    expect(noticeText(zh, store.statusNotice!)).toBe('用户在训练 3 轮后停止（第 9 步）。')
  })

  it('resets weights with the chosen initialiser and seed and starts the charts over', async () => {
    const f = fakeEngine()
    const store = useTrainingStore()
    store.bind(f.engine)
    store.handleEvent({ type: 'done', reason: 'stopped', message: '', epoch: 1, step: 2, final: null })
    store.applySettings({ init: 'he-normal', seed: 7 })
    store.handleEvent(progress(1, 2, { state: 'done' }))
    expect(await store.resetWeights()).toBe(true)
    expect(f.calls).toEqual([['resetWeights', 'he-normal', 7]])
    expect(store.buffers.trainLoss.count).toBe(0)
    await nextTick()
  })

  it('unbinds the previous engine when bound again', () => {
    const a = fakeEngine()
    const b = fakeEngine()
    const store = useTrainingStore()
    store.bind(a.engine)
    store.bind(b.engine)
    a.emit(progress(1, 3))
    expect(store.step).toBe(0)
    b.emit(progress(1, 3))
    expect(store.step).toBe(3)
  })
})

describe('training store timing', () => {
  it('uses requestAnimationFrame for the flush', async () => {
    setActivePinia(createPinia())
    const raf = vi.spyOn(globalThis, 'requestAnimationFrame')
    const store = useTrainingStore()
    store.handleEvent(progress(1, 2))
    store.handleEvent(progress(3, 4))
    expect(raf).toHaveBeenCalledTimes(1)
    raf.mockRestore()
  })
})

describe('training store explainer state', () => {
  it('keeps the inspection and gradient check and leaves the session state alone on failure', async () => {
    setActivePinia(createPinia())
    const f = fakeEngine()
    const store = useTrainingStore()
    store.bind(f.engine)
    expect(await store.inspectSample(4)).toBe(true)
    expect(store.inspection?.sample).toBe(4)
    expect(await store.checkGradients()).toBe(true)
    expect(store.gradientCheck?.edges[0].edgeId).toBe('w1')
    f.failWith('no data loaded')
    expect(await store.inspectSample(1)).toBe(false)
    expect(store.statusText).toBe('Inspect failed: no data loaded')
    expect(store.status).toBe('idle')
    expect(store.explainerBusy).toBe(false)
  })
})

describe('training store weight snapshots', () => {
  it('fetches the weights at most once per interval while running, and when training ends', async () => {
    setActivePinia(createPinia())
    const f = fakeEngine()
    const store = useTrainingStore()
    store.bind(f.engine)
    store.handleEvent(progress(1, 2), 0)
    store.handleEvent(progress(3, 4), 100)
    store.handleEvent(progress(5, 6), 500)
    await flushMicrotasks()
    expect(f.fetches()).toBe(1)
    expect(store.parameters).toEqual({ w1: [[0.5, -1]] })
    store.handleEvent(progress(7, 8), 1200)
    await flushMicrotasks()
    expect(f.fetches()).toBe(2)
    store.handleEvent({ type: 'done', reason: 'epochs', message: '', epoch: 1, step: 8, final: null }, 1300)
    await flushMicrotasks()
    expect(f.fetches()).toBe(3)
    useUiStore().overlayEnabled = false
    store.handleEvent(progress(9, 10), 5000)
    await flushMicrotasks()
    expect(f.fetches()).toBe(3)
  })
})

const flushMicrotasks = () => new Promise((r) => setTimeout(r, 0))

describe('training store reset ordering', () => {
  it('keeps the histograms the engine sends for the fresh weights before it replies', async () => {
    setActivePinia(createPinia())
    const f = fakeEngine()
    const store = useTrainingStore()
    const fresh = progress(1, 1, {
      state: 'idle',
      steps: [],
      losses: [],
      step: 0,
      layers: [],
      histograms: [{ edgeId: 'w1', layer: 'h1', isBias: false, min: -1, max: 1, counts: [2, 2] }]
    })
    store.bind({ ...f.engine, resetWeights: () => (f.emit(fresh), Promise.resolve()) })
    store.handleEvent(progress(1, 4, { state: 'done' }))
    expect(await store.resetWeights()).toBe(true)
    expect(store.buffers.trainLoss.count).toBe(0)
    expect(store.buffers.histograms.get('h1')?.weights?.counts).toEqual([2, 2])
  })
})
