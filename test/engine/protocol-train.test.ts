import { describe, expect, it } from 'vitest'
import {
  createEngineClient,
  engineCommands,
  EngineRequestError,
  portFromMessagePort,
  serveEngine
} from '../../src/engine/protocol'
import { type TrainEventData } from '../../src/engine/protocol/handlers/train'
import { createNetwork } from '../../src/engine/nn/network'
import type { GraphSpec } from '../../src/engine/graph/types'
import { inspect } from '../../src/engine/nn/inspect'
import type { DoneEvent, ProgressEvent } from '../../src/engine/train/types'
import { prepareIris } from './data-fixtures'
import { connectTrainEngine, type TrainEngine } from './trainHarness'
import { mlpGraph } from './trainFixtures'

const irisGraph = (): GraphSpec => mlpGraph(4, [[8, 'tanh']], [3, 'softmax'], 'cross-entropy')

type Opened = TrainEngine
const connect = connectTrainEngine

async function rejection(promise: Promise<unknown>): Promise<EngineRequestError> {
  try {
    await promise
  } catch (err) {
    expect(err).toBeInstanceOf(EngineRequestError)
    return err as EngineRequestError
  }
  throw new Error('expected the request to be rejected')
}

/** Resolves with the first event (already seen or arriving) that passes `test`. */
function waitFor<T extends TrainEventData>(o: Opened, test: (e: TrainEventData) => e is T): Promise<T>
function waitFor(o: Opened, test: (e: TrainEventData) => boolean): Promise<TrainEventData>
function waitFor(o: Opened, test: (e: TrainEventData) => boolean): Promise<TrainEventData> {
  const seen = o.events.find(test)
  if (seen) return Promise.resolve(seen)
  return new Promise((resolve) => {
    const off = o.client.on('train.event', (e) => {
      if (test(e)) {
        off()
        resolve(e)
      }
    })
  })
}

const isDone = (e: TrainEventData): e is DoneEvent & { session: number } => e.type === 'done'
const isProgress = (e: TrainEventData): e is ProgressEvent & { session: number } => e.type === 'progress'
const progressOf = (o: Opened) => o.events.filter(isProgress)
const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('train.start over a MessageChannel', () => {
  it('trains iris: batched progress, falling loss, a done event and the model summary', async () => {
    const o = connect()
    const result = await o.client.request('train.start', {
      graph: irisGraph() as unknown as Record<string, unknown>,
      settings: { optimizer: 'adam', learningRate: 0.02, batchSize: 16, epochs: 60, seed: 5 }
    })
    expect(result.weights).toBe('initialized')
    expect(result.stepsPerEpoch).toBe(Math.ceil(120 / 16))
    expect(result.parameterCount).toBe(8 * 4 + 8 + 3 * 8 + 3)

    const done = await waitFor(o, isDone)
    expect(done.reason).toBe('epochs')
    expect(done.epoch).toBe(60)
    expect(done.session).toBe(result.session)

    const progress = progressOf(o)
    const steps = progress.flatMap((e) => e.steps)
    const losses = progress.flatMap((e) => e.losses)
    // Steps arrive in order up to the last; several share an event (batched, long runs averaged).
    const total = 60 * result.stepsPerEpoch
    expect(steps.every((s, i) => i === 0 || s > steps[i - 1])).toBe(true)
    expect(steps.at(-1)).toBe(total)
    expect(progress.length).toBeLessThan(total / 2)
    expect(mean(losses.slice(-40))).toBeLessThan(mean(losses.slice(0, 40)) / 2)
    expect(done.final?.validation?.accuracy).toBeGreaterThan(0.85)
    expect(progress.at(-1)?.histograms?.map((h) => h.edgeId)).toEqual(['w_h1', 'b_h1', 'w_out', 'b_out'])

    const model = o.ws.model!
    expect(model.net.params.length).toBe(result.parameterCount)
    expect(model.preprocessing?.featureNames).toHaveLength(4)
    expect(model.training).toMatchObject({ epochsRun: 60, steps: total, seed: 5 })
    expect(model.training?.settings.learningRate).toBe(0.02)
    expect(model.training?.final).toEqual(done.final)
    const history = model.training!.lossHistory
    expect(history.length).toBeGreaterThan(50)
    expect(history.length).toBeLessThanOrEqual(300)
    expect(history.at(-1)![0]).toBe(total)
    expect(history.at(-1)![1]).toBeLessThan(history[0][1])
  })

  it('continues from the current weights when the graph still fits them, and adds up the runs', async () => {
    const o = connect()
    const graph = irisGraph() as unknown as Record<string, unknown>
    const settings = { optimizer: 'sgd', learningRate: 0.05, batchSize: 32, epochs: 3 }
    await o.client.request('train.start', { graph, settings })
    await waitFor(o, isDone)
    const ws = o.ws
    const after = Float64Array.from(ws.model!.net.params)

    // A renamed, moved layer keeps its edges: same weights. One batch of plain SGD moves them little.
    const renamed = irisGraph()
    renamed.nodes[2] = { ...renamed.nodes[2], name: 'Hidden', position: { x: 10, y: 20 } }
    const stepped = await o.client.request('train.step', {
      unit: 'batch',
      graph: renamed as unknown as Record<string, unknown>,
      settings: { ...settings, learningRate: 1e-6 }
    })
    expect(stepped).toMatchObject({ state: 'paused', step: 1 })
    const now = ws.model!.net.params
    expect(now).not.toBe(after)
    for (let i = 0; i < now.length; i++) expect(Math.abs(now[i] - after[i])).toBeLessThan(1e-4)
    expect(ws.model!.training).toMatchObject({ epochsRun: 3, steps: 3 * 4 + 1 })

    // A wider hidden layer no longer fits: fresh weights.
    const wider = mlpGraph(4, [[9, 'tanh']], [3, 'softmax'], 'cross-entropy') as unknown as Record<
      string,
      unknown
    >
    const fresh = await o.client.request('train.start', { graph: wider, settings })
    expect(fresh.weights).toBe('initialized')
    expect(ws.model!.net.params.length).toBe(9 * 4 + 9 + 3 * 9 + 3)
    await o.client.request('train.stop', {})
  })

  it('starts from given parameters, and continues from a model that replaced the session', async () => {
    const o = connect()
    const graph = irisGraph()
    const net = createNetwork(graph, { inputWidth: 4, seed: 42 })
    net.params.fill(0.25)
    const given = await o.client.request('train.start', {
      graph: graph as unknown as Record<string, unknown>,
      settings: { epochs: 1, learningRate: 1e-9, optimizer: 'sgd', batchSize: 0 },
      parameters: net.getParameters()
    })
    expect(given.weights).toBe('given')
    await waitFor(o, isDone)
    // A one-step run still reports the δ statistics of its step.
    expect(
      progressOf(o)
        .at(-1)
        ?.layers.map((l) => l.id)
    ).toEqual(['h1', 'out'])
    const ws = o.ws
    for (const v of ws.model!.net.params) expect(v).toBeCloseTo(0.25, 6)

    // What weights.import does: the model is replaced. The old session is ended with a reason...
    const imported = createNetwork(graph, { inputWidth: 4, seed: 7 })
    imported.params.fill(-0.5)
    ws.model = { graph, net: imported, preprocessing: null, training: null }
    // ...and training continues from the imported weights.
    const next = await o.client.request('train.step', {
      unit: 'batch',
      graph: graph as unknown as Record<string, unknown>,
      settings: { learningRate: 1e-9, optimizer: 'sgd', batchSize: 0 }
    })
    expect(next.session).toBe(given.session + 1)
    for (const v of ws.model!.net.params) expect(v).toBeCloseTo(-0.5, 6)
    expect(ws.model!.net).not.toBe(imported) // a new network from the sent graph, with its weights
  })

  it('ends a paused session whose model was replaced, saying why', async () => {
    const o = connect()
    const graph = irisGraph() as unknown as Record<string, unknown>
    const started = await o.client.request('train.start', { graph, settings: { epochs: 10_000 } })
    await waitFor(o, isProgress)
    await o.client.request('train.pause', {})
    const ws = o.ws
    ws.model = { ...ws.model!, net: createNetwork(irisGraph(), { inputWidth: 4 }) }
    const err = await rejection(o.client.request('train.resume', {}))
    expect(err.code).toBe('not-found')
    const done = await waitFor(o, isDone)
    expect(done).toMatchObject({ reason: 'stopped', session: started.session })
    expect(done.message).toMatch(/replaced/)
  })
})

describe('train.* validation', () => {
  it('rejects malformed messages with a reason and keeps serving', async () => {
    const o = connect()
    const graph = irisGraph() as unknown as Record<string, unknown>
    const { client } = o
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['train.start', { settings: {} }, 'bad-payload', /field "graph" must be an object/],
      ['train.start', { graph, settings: {}, extra: 1 }, 'bad-payload', /unknown field "extra"/],
      ['train.start', { graph, settings: { learningRate: -1 } }, 'bad-settings', /"learningRate"/],
      ['train.start', { graph, settings: { optimizer: 'magic' } }, 'bad-settings', /"optimizer"/],
      ['train.start', { graph: { format: 'nope' }, settings: {} }, 'bad-format', /format/],
      ['train.step', { unit: 'week' }, 'bad-payload', /field "unit" must be one of "batch", "epoch"/],
      ['train.reset', { init: 'glorot-uniform' }, 'bad-payload', /field "seed"/],
      ['train.reset', { init: 'random', seed: 1 }, 'bad-payload', /field "init"/],
      ['train.setLearningRate', { learningRate: 0 }, 'bad-payload', /> 0/],
      ['train.setLearningRate', { learningRate: 'fast' }, 'bad-payload', /learningRate/],
      ['inspect', { sample: -1 }, 'bad-payload', /field "sample"/],
      ['inspect', { sample: 1.5 }, 'bad-payload', /field "sample"/],
      ['gradcheck', { rows: 0 }, 'bad-payload', /field "rows"/],
      ['train.pause', { now: true }, 'bad-payload', /unknown field "now"/]
    ]
    for (const [type, fields, code, message] of cases) {
      const err = await rejection(client.requestUnchecked(type, fields))
      expect({ type, code: err.code }).toEqual({ type, code })
      expect(err.message).toMatch(message)
    }
    // Nothing to control yet.
    for (const type of ['train.pause', 'train.resume', 'train.stop', 'train.parameters'])
      expect((await rejection(client.requestUnchecked(type))).code).toBe('not-found')
    expect((await rejection(client.request('inspect', { sample: 0 }))).code).toBe('not-found')
    // Still serving.
    expect((await client.request('hello')).capabilities).toEqual(
      expect.arrayContaining(['train.start', 'train.step', 'inspect', 'gradcheck'])
    )
  })

  it('names the node of an invalid graph and of an output that does not fit the data', async () => {
    const o = connect()
    const settings = { epochs: 1 }
    const noLoss = irisGraph()
    noLoss.nodes = noLoss.nodes.filter((n) => n.kind !== 'loss')
    noLoss.edges = noLoss.edges.filter((e) => e.to !== 'cost')
    const err = await rejection(
      o.client.request('train.start', { graph: noLoss as unknown as Record<string, unknown>, settings })
    )
    expect(err.message).toMatch(/loss/i)

    const two = mlpGraph(4, [[8, 'tanh']], [2, 'softmax'], 'cross-entropy')
    const mismatch = await rejection(
      o.client.request('train.start', { graph: two as unknown as Record<string, unknown>, settings })
    )
    expect(mismatch.code).toBe('output-width-mismatch')
    expect(mismatch.message).toMatch(/"out" has 2 units.*species: setosa, versicolor, virginica.*need 3/)

    const badParams = await rejection(
      o.client.request('train.start', {
        graph: irisGraph() as unknown as Record<string, unknown>,
        settings,
        parameters: { w_h1: [[1, 2]] }
      })
    )
    expect(badParams.code).toBe('bad-parameters')
    expect(badParams.message).toMatch(/w_h1/)
    // None of these left a model or a session behind.
    expect(o.ws.model).toBeNull()
    expect(o.events).toEqual([])
  })

  it('says that data must be prepared first', async () => {
    const o = connect({}, null)
    const err = await rejection(
      o.client.request('train.start', {
        graph: irisGraph() as unknown as Record<string, unknown>,
        settings: {}
      })
    )
    expect(err.code).toBe('no-data')
    expect(err.message).toMatch(/load a CSV/)
  })
})

describe('session control over a MessageChannel', () => {
  it('pauses within a few slices, stays paused, resumes, steps and stops', async () => {
    const o = connect({ sliceMs: 4, progressMs: 20 })
    const graph = irisGraph() as unknown as Record<string, unknown>
    await o.client.request('train.start', { graph, settings: { epochs: 100_000, batchSize: 8 } })
    await waitFor(o, isProgress)

    const yieldsAtPause = o.yields()
    const paused = await o.client.request('train.pause', {})
    expect(paused.state).toBe('paused')
    // The request was taken between two slices: a slice or two, never a run-away loop.
    expect(o.yields() - yieldsAtPause).toBeLessThanOrEqual(3)
    const stateEvent = o.events.filter((e) => e.type === 'state').at(-1)
    expect(stateEvent).toMatchObject({ state: 'paused', step: paused.step })
    const count = o.events.length
    await sleep(60)
    expect(o.events.length).toBe(count)
    expect(o.ws.model?.training?.steps).toBe(paused.step)

    // While paused: one batch, then one epoch (stepsPerEpoch = 120 / 8 = 15). Where the pause fell
    // is up to the clock, so batches first bring the run to an epoch's last batch: from there the
    // epoch step is that one batch, and from the boundary it then reaches it is the whole next epoch.
    let last = await o.client.request('train.step', { unit: 'batch' })
    expect(last).toMatchObject({ state: 'paused', step: paused.step + 1 })
    while (last.step % 15 !== 14) last = await o.client.request('train.step', { unit: 'batch' })
    const pausedAfter = (step: number) => (e: TrainEventData) =>
      e.type === 'state' && e.state === 'paused' && e.step > step
    await o.client.request('train.step', { unit: 'epoch' })
    const lastBatch = await waitFor(o, pausedAfter(last.step))
    expect(lastBatch).toMatchObject({ step: last.step + 1, epoch: last.epoch + 1 })
    await o.client.request('train.step', { unit: 'epoch' })
    const wholeEpoch = await waitFor(o, pausedAfter(last.step + 1))
    expect(wholeEpoch).toMatchObject({ step: last.step + 16, epoch: last.epoch + 2 })

    const resumed = await o.client.request('train.resume', {})
    expect(resumed.state).toBe('running')
    const stepErr = await rejection(o.client.request('train.step', { unit: 'batch' }))
    expect(stepErr.code).toBe('bad-state')
    expect(stepErr.message).toMatch(/pause first/)
    await waitFor(o, (e) => e.type === 'progress' && e.step > resumed.step + 20)

    const yieldsAtStop = o.yields()
    const stopped = await o.client.request('train.stop', {})
    expect(stopped.state).toBe('done')
    expect(o.yields() - yieldsAtStop).toBeLessThanOrEqual(3)
    const done = await waitFor(o, isDone)
    expect(done.reason).toBe('stopped')
    expect(done.step).toBe(stopped.step)
    expect((await rejection(o.client.request('train.resume', {}))).code).toBe('bad-state')
    // Stop is idempotent once done.
    expect((await o.client.request('train.stop', {})).step).toBe(stopped.step)
  })

  it('sets the learning rate mid-run: the next progress carries it', async () => {
    const o = connect({ progressMs: 10 })
    await o.client.request('train.start', {
      graph: irisGraph() as unknown as Record<string, unknown>,
      settings: { epochs: 100_000, learningRate: 0.01 }
    })
    const before = await waitFor(o, isProgress)
    expect(before.learningRate).toBe(0.01)
    const set = await o.client.request('train.setLearningRate', { learningRate: 0.0025 })
    const after = await waitFor(o, (e) => e.type === 'progress' && e.step > set.step)
    expect(after.type === 'progress' && after.learningRate).toBe(0.0025)
    await o.client.request('train.stop', {})
    expect(o.ws.model?.training?.final?.learningRate).toBe(0.0025)
  })

  it('ends on a NaN with the layer and step, keeping the last good weights', async () => {
    // One training row overflows (±1e308 against weights of either sign → ∞ − ∞ → NaN); unshuffled,
    // it is in the third batch. (A huge learning rate now ends 'diverged' before any NaN.)
    const prepared = prepareIris()
    prepared.data.train.x.set([1e308, -1e308, 1e308, -1e308], 20 * 4)
    const o = connect({}, prepared)
    const graph = mlpGraph(4, [[8, 'relu']], [3, 'linear'], 'squared-error')
    await o.client.request('train.start', {
      graph: graph as unknown as Record<string, unknown>,
      settings: { optimizer: 'sgd', learningRate: 0.01, batchSize: 8, epochs: 1000, shuffle: false }
    })
    const done = await waitFor(o, isDone)
    expect(done.reason).toBe('non-finite')
    expect(done.nonFinite?.step).toBeGreaterThan(1)
    expect(['h1', 'out', 'cost']).toContain(done.nonFinite?.layer)
    expect(done.message).toMatch(/non-finite .* at layer \S+ in step \d+; restored the last good weights/)
    const { parameters } = await o.client.request('train.parameters', {})
    const values = Object.values(parameters).flat(2)
    expect(values.length).toBe(8 * 4 + 8 + 3 * 8 + 3)
    expect(values.every(Number.isFinite)).toBe(true)
    // The summary says what happened (the final metrics include the overflowing row, so are not finite).
    expect(o.ws.model?.training?.steps).toBe(done.step)
  })

  it('resets the weights with the initialiser and seed: the same seed gives the same weights', async () => {
    const o = connect()
    const graph = irisGraph() as unknown as Record<string, unknown>
    // Without a session, the graph builds the model on the prepared data.
    const first = await o.client.request('train.reset', { init: 'he-normal', seed: 9, graph })
    expect(first.state).toBe('idle')
    const p1 = (await o.client.request('train.parameters', {})).parameters
    const expected = createNetwork(irisGraph(), { inputWidth: 4, init: 'he-normal', seed: 9 }).getParameters()
    expect(p1).toEqual(expected)
    expect(o.events.some((e) => e.type === 'progress' && e.histograms?.length === 4)).toBe(true)

    await o.client.request('train.start', { graph, settings: { epochs: 2 } })
    await waitFor(o, isDone)
    const trained = (await o.client.request('train.parameters', {})).parameters
    expect(trained).not.toEqual(p1)
    await o.client.request('train.reset', { init: 'he-normal', seed: 9 })
    expect((await o.client.request('train.parameters', {})).parameters).toEqual(p1)
    expect(o.ws.model?.training).toBeNull()
    // Another initialiser on the same session.
    await o.client.request('train.reset', { init: 'zeros', seed: 9 })
    const zeros = Object.values((await o.client.request('train.parameters', {})).parameters).flat(2)
    expect(zeros.every((v) => v === 0)).toBe(true)
    // And the reset session trains again.
    await o.client.request('train.step', { unit: 'batch' })
    const after = Object.values((await o.client.request('train.parameters', {})).parameters).flat(2)
    expect(after.some((v) => v !== 0)).toBe(true)
  })

  it('stops the session when the client goes away', async () => {
    const o = connect({ sliceMs: 2 })
    await o.client.request('train.start', {
      graph: irisGraph() as unknown as Record<string, unknown>,
      settings: { epochs: 100_000 }
    })
    await waitFor(o, isProgress)
    o.server.close()
    await sleep(20)
    const yields = o.yields()
    await sleep(60)
    expect(o.yields()).toBe(yields)
  })
})

describe('inspect and gradcheck', () => {
  it('inspect equals nn/inspect on the same weights and row', async () => {
    const o = connect()
    const graph = irisGraph()
    await o.client.request('train.start', {
      graph: graph as unknown as Record<string, unknown>,
      settings: { epochs: 5 }
    })
    await waitFor(o, isDone)
    const result = await o.client.request('inspect', { sample: 7 })
    const prepared = prepareIris()
    expect(result.sample).toBe(7)
    expect(result.x).toEqual(Array.from(prepared.data.train.x.subarray(28, 32)))
    expect(result.y).toEqual(Array.from(prepared.data.train.y.subarray(21, 24)))

    const { parameters } = await o.client.request('train.parameters', {})
    const net = createNetwork(graph, { inputWidth: 4 })
    net.setParameters(parameters)
    const expected = inspect(net, Float64Array.from(result.x), Float64Array.from(result.y))
    expect(result.inspection).toEqual(expected)
    expect(result.inspection.layers.map((l) => l.id)).toEqual(['h1', 'out'])

    const err = await rejection(o.client.request('inspect', { sample: 120 }))
    expect(err.message).toMatch(/rows 0–119/)
  })

  it('gradcheck passes on every edge of a smooth network, and works while training runs', async () => {
    const o = connect()
    await o.client.request('train.start', {
      graph: irisGraph() as unknown as Record<string, unknown>,
      settings: { epochs: 100_000 }
    })
    await waitFor(o, isProgress)
    const before = Float64Array.from(o.ws.model!.net.params)
    await o.client.request('train.pause', {})
    const check = await o.client.request('gradcheck', { rows: 8 })
    expect(check.edges.map((e) => e.edgeId)).toEqual(['w_h1', 'b_h1', 'w_out', 'b_out'])
    expect(check.edges.every((e) => e.checked > 0 && e.maxRelError < check.tolerance)).toBe(true)
    expect(check).toMatchObject({ passed: true, rows: 8 })
    expect(check.maxRelError).toBe(Math.max(...check.edges.map((e) => e.maxRelError)))
    // The check ran on a copy: the paused session's weights are untouched.
    const params = o.ws.model!.net.params
    expect(params).not.toEqual(before) // training moved them before the pause
    const paused = Float64Array.from(params)
    await o.client.request('gradcheck', {})
    expect(params).toEqual(paused)
  })
})

// LossHistory's own tests are in downsample.test.ts, beside the downsampler it is built on.

describe('the engine command table', () => {
  it('serves the training commands', async () => {
    const channel = new MessageChannel()
    const server = serveEngine(portFromMessagePort(channel.port1), engineCommands)
    const client = createEngineClient(portFromMessagePort(channel.port2))
    const hello = await client.request('hello')
    client.close()
    server.close()
    for (const type of [
      'train.start',
      'train.pause',
      'train.resume',
      'train.step',
      'train.stop',
      'train.reset',
      'train.setLearningRate',
      'train.parameters',
      'inspect',
      'gradcheck'
    ])
      expect(hello.capabilities).toContain(type)
  })
})
