/**
 * train.setSpeed and train.setWeight over a real MessageChannel: a run slowed down to be watched, and
 * a weight typed in by hand that the model (and so the next step, export and prediction) uses.
 */
import { describe, expect, it } from 'vitest'
import { EngineRequestError } from '../../src/engine/protocol'
import { connectTrainEngine } from './trainHarness'
import { mlpGraph } from './trainFixtures'

const graph = () =>
  mlpGraph(4, [[8, 'tanh']], [3, 'softmax'], 'cross-entropy') as unknown as Record<string, unknown>

// The session's own yield (real timers): the speed limit naps between steps.
const connect = () => connectTrainEngine({ progressMs: 20, yieldControl: undefined })

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('train.setSpeed', () => {
  it('a speed set before Train slows the next session; lifting it finishes the run', async () => {
    const o = connect()
    expect(await o.client.request('train.setSpeed', { stepsPerSecond: 20 })).toEqual({ stepsPerSecond: 20 })
    await o.client.request('train.start', { graph: graph(), settings: { epochs: 100, batchSize: 32 } })
    await sleep(300)
    const { step } = await o.client.request('train.pause', {})
    // 20 steps/s for ~0.3 s: a handful, nowhere near the 400 of the whole run (machine noise aside).
    expect(step).toBeGreaterThan(0)
    expect(step).toBeLessThan(60)
    await o.client.request('train.setSpeed', {})
    await o.client.request('train.resume', {})
    while (!o.events.some((e) => e.type === 'done')) await sleep(10)
    expect(o.events.find((e) => e.type === 'done')?.step).toBe(400)
  })

  it('refuses a speed out of range, naming the field', async () => {
    const o = connect()
    const err = await o.client.request('train.setSpeed', { stepsPerSecond: 0 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(EngineRequestError)
    expect((err as EngineRequestError).code).toBe('bad-payload')
    expect((err as EngineRequestError).message).toMatch(/stepsPerSecond/)
  })
})

describe('train.setWeight', () => {
  it('sets one weight of the model; the parameters, and the next step, start from it', async () => {
    const o = connect()
    await o.client.request('train.step', { unit: 'batch', graph: graph(), settings: { epochs: 5 } })
    await o.client.request('train.setWeight', { edgeId: 'w_h1', row: 2, col: 1, value: 1.5 })
    await o.client.request('train.setWeight', { edgeId: 'b_h1', row: 7, col: 0, value: -0.25 })
    const { parameters } = await o.client.request('train.parameters', {})
    expect(parameters.w_h1[2][1]).toBe(1.5)
    expect(parameters.b_h1[7][0]).toBe(-0.25)
    // The next step trains from the typed weight (it moves a little from 1.5, not from the old value).
    await o.client.request('train.step', { unit: 'batch' })
    const after = (await o.client.request('train.parameters', {})).parameters.w_h1[2][1]
    expect(Math.abs(after - 1.5)).toBeLessThan(0.1)
    // ∂C/∂W of that step, in the same shapes, when asked for
    const withGrads = await o.client.request('train.parameters', { gradients: true })
    expect(withGrads.gradients?.w_h1).toHaveLength(8)
    expect(withGrads.gradients?.w_h1[2]).toHaveLength(4)
    expect(withGrads.gradients?.w_h1[2][1]).not.toBe(0)
  })

  it('names the edge or the index when they do not exist, and refuses while running', async () => {
    const o = connect()
    await o.client.request('train.step', { unit: 'batch', graph: graph(), settings: { epochs: 5 } })
    const missing = await o.client
      .request('train.setWeight', { edgeId: 'nope', row: 0, col: 0, value: 1 })
      .then(
        () => new Error('expected a refusal'),
        (e: unknown) => e as EngineRequestError
      )
    expect(missing.message).toMatch(/edge "nope" has no weights/)
    const outside = await o.client
      .request('train.setWeight', { edgeId: 'w_h1', row: 8, col: 0, value: 1 })
      .then(
        () => new Error('expected a refusal'),
        (e: unknown) => e as EngineRequestError
      )
    expect(outside.message).toMatch(/w_h1 is 8×4: W\[8\]\[0\] is outside it/)
    await o.client.request('train.setSpeed', { stepsPerSecond: 5 })
    await o.client.request('train.resume', {})
    const running = await o.client
      .request('train.setWeight', { edgeId: 'w_h1', row: 0, col: 0, value: 1 })
      .then(
        () => new Error('expected a refusal'),
        (e: unknown) => e as EngineRequestError
      )
    expect(running.message).toMatch(/pause first/)
    await o.client.request('train.stop', {})
  })
})
