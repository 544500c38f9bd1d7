import { describe, expect, it } from 'vitest'
import {
  createEngineBroker,
  MAX_WAITING_PER_FRAME,
  type EngineEndpoint,
  type FrameEndpoint
} from '../../src/main/engine-broker'

type Port = { id: number; side: 1 | 2; closed: boolean; close(): void }

function setup() {
  let channels = 0
  const ports: Port[] = []
  const logged: string[] = []
  const port = (id: number, side: 1 | 2): Port => {
    const p: Port = { id, side, closed: false, close: () => void (p.closed = true) }
    ports.push(p)
    return p
  }
  const broker = createEngineBroker<Port>(
    () => {
      channels++
      return { port1: port(channels, 1), port2: port(channels, 2) }
    },
    'engine:port',
    (m) => logged.push(m)
  )
  const engine = (fail = false): EngineEndpoint<Port> & { got: Port[] } => {
    const got: Port[] = []
    return {
      got,
      postMessage: (_m, transfer) => {
        if (fail) throw new Error('the process is gone')
        got.push(...transfer)
      }
    }
  }
  type Got = { channel: string; message: unknown; ports: Port[] }
  const frame = (
    state: { detached?: boolean; destroyed?: boolean; throws?: boolean } = {}
  ): FrameEndpoint<Port> & { got: Got[]; state: typeof state } => {
    const got: Got[] = []
    return {
      got,
      state,
      get detached() {
        return state.detached === true
      },
      isDestroyed: () => state.destroyed === true,
      postMessage: (channel, message, ports) => {
        if (state.throws) throw new Error('Render frame was disposed before WebFrameMain could be accessed')
        got.push({ channel, message, ports })
      }
    }
  }
  return { broker, engine, frame, ports, logged }
}

const ids = (ports: Port[]) => ports.map((p) => `${p.id}.${p.side}`)

describe('createEngineBroker', () => {
  it('gives the frame and the engine the two ends of one new channel, with the request id and generation', () => {
    const { broker, engine, frame } = setup()
    const e = engine()
    const f = frame()
    broker.engineReady(e, 1)
    broker.connect(f, 'r1')
    expect(ids(e.got)).toEqual(['1.1'])
    expect(f.got).toHaveLength(1)
    expect(f.got[0].channel).toBe('engine:port')
    expect(f.got[0].message).toEqual({ requestId: 'r1', generation: 1 })
    expect(ids(f.got[0].ports)).toEqual(['1.2'])
  })

  it('makes requests wait while the engine restarts and answers each from the new engine', () => {
    const { broker, engine, frame } = setup()
    const old = engine()
    broker.engineReady(old, 1)
    broker.engineGone()
    const f = frame()
    broker.connect(f, 'r1')
    broker.connect(f, 'r2')
    broker.connect(f, 'r2') // the same request twice is still one request
    expect(broker.waiting).toBe(2)
    expect(f.got).toEqual([])

    const fresh = engine()
    broker.engineReady(fresh, 2)
    expect(old.got).toEqual([])
    expect(fresh.got).toHaveLength(2)
    expect(f.got.map((g) => g.message)).toEqual([
      { requestId: 'r1', generation: 2 },
      { requestId: 'r2', generation: 2 }
    ])
    // One port per request: never the same port twice.
    expect(new Set(f.got.map((g) => g.ports[0])).size).toBe(2)
    expect(broker.waiting).toBe(0)
  })

  it('keeps at most MAX_WAITING_PER_FRAME requests of one frame waiting, dropping the oldest', () => {
    const { broker, engine, frame, logged } = setup()
    const f = frame()
    for (let i = 1; i <= MAX_WAITING_PER_FRAME + 2; i++) broker.connect(f, `r${i}`)
    expect(broker.waiting).toBe(MAX_WAITING_PER_FRAME)
    expect(logged).toHaveLength(2)
    broker.engineReady(engine(), 1)
    expect(f.got.map((g) => (g.message as { requestId: string }).requestId)).toEqual(
      Array.from({ length: MAX_WAITING_PER_FRAME }, (_, i) => `r${i + 3}`)
    )
  })

  it('skips frames that were detached or destroyed while waiting (a reload during a restart)', () => {
    const { broker, engine, frame, ports } = setup()
    const reloaded = frame()
    const closedWindow = frame()
    broker.connect(reloaded, 'old-page')
    broker.connect(closedWindow, 'x')
    reloaded.state.detached = true
    closedWindow.state.destroyed = true
    const newPage = frame()
    broker.connect(newPage, 'new-page')
    const e = engine()
    expect(() => broker.engineReady(e, 2)).not.toThrow()
    // Only the new page got a channel; no port was made for the frames that are gone.
    expect(ids(e.got)).toEqual(['1.1'])
    expect(newPage.got.map((g) => g.message)).toEqual([{ requestId: 'new-page', generation: 2 }])
    expect(ports).toHaveLength(2)
  })

  it('never throws and closes both ends when the frame refuses the port', () => {
    const { broker, engine, frame, ports, logged } = setup()
    const e = engine()
    broker.engineReady(e, 1)
    expect(() => broker.connect(frame({ throws: true }), 'r1')).not.toThrow()
    expect(e.got).toEqual([])
    expect(ports.every((p) => p.closed)).toBe(true)
    expect(logged[0]).toMatch(/not delivered.*disposed/)
  })

  it("closes the engine's end when the engine refuses it, so the renderer's end closes too", () => {
    const { broker, engine, frame, ports, logged } = setup()
    broker.engineReady(engine(true), 3)
    const f = frame()
    expect(() => broker.connect(f, 'r1')).not.toThrow()
    expect(f.got).toHaveLength(1)
    expect(ports.find((p) => p.side === 1)!.closed).toBe(true)
    expect(logged[0]).toMatch(/not handed to the engine/)
  })
})
