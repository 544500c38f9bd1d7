/**
 * Training through the real Node host: the engine in a child process (src/engine/hosts/node.ts), the
 * data loaded and prepared with the data commands, messages structured-cloned over IPC.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { forkNodeEngine, type NodeEngineProcess } from '../../src/engine/hosts/node-fork'
import { createEngineClient, EngineRequestError, type EngineClient } from '../../src/engine/protocol'
import type { TrainEventData } from '../../src/engine/protocol/handlers/train'
import { createNetwork } from '../../src/engine/nn/network'
import { inspect } from '../../src/engine/nn/inspect'
import type { DoneEvent, ProgressEvent } from '../../src/engine/train/types'
import { mlpGraph } from './trainFixtures'

const datasets = path.resolve(__dirname, '../fixtures/datasets')

let proc: NodeEngineProcess | null = null
let client: EngineClient | null = null
afterEach(() => {
  client?.close()
  proc?.kill()
  client = null
  proc = null
})

function start(): { client: EngineClient; events: TrainEventData[] } {
  proc = forkNodeEngine()
  client = createEngineClient(proc.port, { timeoutMs: 30_000 })
  const events: TrainEventData[] = []
  client.on('train.event', (e) => events.push(e))
  return { client, events }
}

function next(
  c: EngineClient,
  test: (e: TrainEventData) => boolean,
  seen: TrainEventData[]
): Promise<TrainEventData> {
  const already = seen.find(test)
  if (already) return Promise.resolve(already)
  return new Promise((resolve) => {
    const off = c.on('train.event', (e) => {
      if (test(e)) {
        off()
        resolve(e)
      }
    })
  })
}

describe('training in the Node child-process host', () => {
  it('trains wine.csv after data.prepare: progress, pause, resume, lr, stop, inspect, gradcheck, export', async () => {
    const { client, events } = start()
    expect((await client.request('hello')).capabilities).toContain('train.start')

    // Before any data: a clear refusal, and the engine keeps serving.
    const graphJson = (outputs: number) =>
      mlpGraph(13, [[10, 'tanh']], [outputs, 'softmax'], 'cross-entropy') as unknown as Record<
        string,
        unknown
      >
    const noData = await client.request('train.start', { graph: graphJson(3), settings: {} }).catch((e) => e)
    expect(noData).toBeInstanceOf(EngineRequestError)
    expect((noData as EngineRequestError).code).toBe('no-data')

    await client.request('data.load', {
      loadId: 1,
      name: 'wine.csv',
      bytes: new Uint8Array(readFileSync(path.join(datasets, 'wine.csv')))
    })
    const profile = await client.request('data.profile', {})
    const target = profile.columns.at(-1)!.name
    const prepared = await client.request('data.prepare', {
      roles: { [target]: 'target' },
      validationSplit: 0.25,
      seed: 2
    })
    expect(prepared.inputWidth).toBe(13)
    expect(prepared.outputWidth).toBe(3)

    const started = await client.request('train.start', {
      graph: graphJson(3),
      settings: { epochs: 100_000, learningRate: 0.01, batchSize: 16 }
    })
    const first = (await next(client, (e) => e.type === 'progress', events)) as ProgressEvent
    expect(first.steps.length).toBeGreaterThan(0)
    expect(first.layers.map((l) => l.id)).toEqual(['h1', 'out'])

    const paused = await client.request('train.pause', {})
    expect(paused.state).toBe('paused')
    const count = events.length
    await new Promise((r) => setTimeout(r, 100))
    expect(events.length).toBe(count)

    await client.request('train.resume', {})
    await client.request('train.setLearningRate', { learningRate: 0.002 })
    const atRate = (await next(
      client,
      (e) => e.type === 'progress' && e.learningRate === 0.002 && e.step > paused.step + 50,
      events
    )) as ProgressEvent
    expect(atRate.state).toBe('running')
    await client.request('train.stop', {})
    const done = (await next(client, (e) => e.type === 'done', events)) as DoneEvent
    expect(done.reason).toBe('stopped')
    expect(events.every((e) => e.session === started.session)).toBe(true)

    // Loss fell over the run.
    const losses = events.flatMap((e) => (e.type === 'progress' ? e.losses : []))
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length
    expect(mean(losses.slice(-20))).toBeLessThan(mean(losses.slice(0, 20)))

    // inspect agrees with nn/inspect on the same weights, computed here in the parent.
    const { parameters } = await client.request('train.parameters', {})
    const shown = await client.request('inspect', { sample: 5 })
    const net = createNetwork(graphJson(3) as never, { inputWidth: 13 })
    net.setParameters(parameters)
    expect(shown.inspection).toEqual(inspect(net, Float64Array.from(shown.x), Float64Array.from(shown.y)))

    const check = await client.request('gradcheck', {})
    expect(check.passed).toBe(true)
    expect(check.edges).toHaveLength(4)

    // The exported weights file carries the training summary kept by the training commands.
    const file = JSON.parse((await client.request('weights.export', {})).text) as {
      parameters: unknown
      training: { epochsRun: number; steps: number; lossHistory: [number, number][]; final: unknown }
    }
    expect(file.parameters).toEqual(parameters)
    expect(file.training.steps).toBe(done.step)
    expect(file.training.lossHistory.length).toBeGreaterThan(0)
    expect(file.training.lossHistory.length).toBeLessThanOrEqual(300)
    expect(file.training.final).toEqual(done.final)

    // A malformed message is refused and the engine serves on.
    await expect(client.requestUnchecked('train.step', { unit: 7 })).rejects.toMatchObject({
      code: 'bad-payload'
    })
    expect((await client.request('train.reset', { init: 'zeros', seed: 1 })).state).toBe('idle')
  })

  it('continues training from imported weights when the graph is unchanged', async () => {
    const { client, events } = start()
    await client.request('data.load', {
      loadId: 1,
      name: 'iris.csv',
      bytes: new Uint8Array(readFileSync(path.join(datasets, 'iris.csv')))
    })
    await client.request('data.prepare', { roles: { species: 'target' } })
    const graph = mlpGraph(4, [[6, 'tanh']], [3, 'softmax'], 'cross-entropy') as unknown as Record<
      string,
      unknown
    >
    await client.request('train.start', { graph, settings: { epochs: 20 } })
    await next(client, (e) => e.type === 'done', events)
    const exported = (await client.request('weights.export', {})).text
    const trained = (await client.request('train.parameters', {})).parameters

    await client.request('train.reset', { init: 'glorot-uniform', seed: 99 })
    expect((await client.request('train.parameters', {})).parameters).not.toEqual(trained)
    await client.request('weights.import', { text: exported })
    expect((await client.request('train.parameters', {})).parameters).toEqual(trained)

    // Data prepared another way (min-max, x in [0, 1]): the imported model still sees rows encoded
    // with its own preprocessing (z-scores, some negative) in the explainer.
    await client.request('data.prepare', { roles: { species: 'target' }, normalization: 'min-max' })
    const xs: number[] = []
    for (let sample = 0; sample < 10; sample++) xs.push(...(await client.request('inspect', { sample })).x)
    expect(xs.some((v) => v < 0)).toBe(true)

    const again = await client.request('train.start', { graph, settings: { epochs: 5 } })
    expect(again.weights).toBe('continued')
    const done = (await next(
      client,
      (e) => e.type === 'done' && e.session === again.session,
      events
    )) as DoneEvent
    expect(done.reason).toBe('epochs')
    const file = JSON.parse((await client.request('weights.export', {})).text) as {
      training: { epochsRun: number }
    }
    expect(file.training.epochsRun).toBe(25)
    // Trained on the min-max data now: the explainer shows those encodings.
    const ys: number[] = []
    for (let sample = 0; sample < 10; sample++) ys.push(...(await client.request('inspect', { sample })).x)
    expect(ys.every((v) => v >= 0 && v <= 1)).toBe(true)
  })
})
