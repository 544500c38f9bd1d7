import { describe, expect, it } from 'vitest'
import { createEngineBroker, type EngineEndpoint, type FrameEndpoint } from '../../src/main/engine-broker'

type Port = { id: number; side: 1 | 2 }

function setup() {
  let channels = 0
  const broker = createEngineBroker<Port>(() => {
    channels++
    return { port1: { id: channels, side: 1 }, port2: { id: channels, side: 2 } }
  }, 'engine:port')
  const engine = (): EngineEndpoint<Port> & { got: Port[] } => {
    const got: Port[] = []
    return { got, postMessage: (_m, transfer) => got.push(...transfer) }
  }
  const frame = (detached = false): FrameEndpoint<Port> & { got: { channel: string; ports: Port[] }[] } => {
    const got: { channel: string; ports: Port[] }[] = []
    return { got, detached, postMessage: (channel, _m, ports) => got.push({ channel, ports }) }
  }
  return { broker, engine, frame }
}

describe('createEngineBroker', () => {
  it('gives the engine and the frame the two ends of one new channel', () => {
    const { broker, engine, frame } = setup()
    const e = engine()
    const f = frame()
    broker.engineReady(e)
    broker.connect(f)
    expect(e.got).toEqual([{ id: 1, side: 1 }])
    expect(f.got).toEqual([{ channel: 'engine:port', ports: [{ id: 1, side: 2 }] }])
  })

  it('makes frames wait while the engine restarts, once each, and serves them from the new engine', () => {
    const { broker, engine, frame } = setup()
    const old = engine()
    broker.engineReady(old)
    broker.engineGone()
    const f = frame()
    broker.connect(f)
    broker.connect(f)
    expect(broker.waiting).toBe(1)
    expect(f.got).toEqual([])

    const fresh = engine()
    broker.engineReady(fresh)
    expect(old.got).toEqual([])
    expect(fresh.got).toHaveLength(1)
    expect(f.got).toHaveLength(1)
    expect(broker.waiting).toBe(0)
  })

  it('skips frames that were closed while waiting', () => {
    const { broker, engine, frame } = setup()
    broker.connect(frame(true))
    const e = engine()
    broker.engineReady(e)
    expect(e.got).toEqual([])
  })
})
