import { afterEach, describe, expect, it } from 'vitest'
import {
  createEngineClient,
  demoCommands,
  engineCommands,
  ENGINE_VERSION,
  EngineRequestError,
  PROTOCOL_VERSION,
  portFromMessagePort,
  serveEngine,
  type EngineClient,
  type EngineReply,
  type EngineServer
} from '../../src/engine/protocol'

/** A server and a client joined by a real MessageChannel (Node's global, the same API as the browser's). */
function connect(options: { timeoutMs?: number } = {}) {
  const channel = new MessageChannel()
  // The hosts' commands plus the demo stream (served by a debug host) that exercises events.
  const server = serveEngine(portFromMessagePort(channel.port1), (c) => ({
    ...engineCommands(c),
    ...demoCommands(c)
  }))
  const client = createEngineClient(portFromMessagePort(channel.port2), options)
  opened.push({ server, client })
  return { server, client, channel }
}

const opened: { server: EngineServer; client: EngineClient }[] = []
afterEach(() => {
  for (const { server, client } of opened.splice(0)) {
    client.close()
    server.close()
  }
})

/** The next reply that matches no pending request (answers to raw messages). */
function nextUnmatched(client: EngineClient): Promise<EngineReply> {
  return new Promise((resolve) => {
    const off = client.onUnmatchedReply((reply) => {
      off()
      resolve(reply)
    })
  })
}

async function rejection(promise: Promise<unknown>): Promise<EngineRequestError> {
  try {
    await promise
  } catch (err) {
    expect(err).toBeInstanceOf(EngineRequestError)
    return err as EngineRequestError
  }
  throw new Error('expected the request to be rejected')
}

describe('engine protocol over a MessageChannel', () => {
  it('answers hello with the engine version, protocol version and the commands it serves', async () => {
    const { client } = connect()
    const hello = await client.request('hello', { protocolVersion: PROTOCOL_VERSION, client: 'test' })
    expect(hello.engineVersion).toBe(ENGINE_VERSION)
    expect(hello.protocolVersion).toBe(PROTOCOL_VERSION)
    expect(hello.capabilities).toEqual(expect.arrayContaining(['hello', 'demo.start', 'demo.cancel']))
    // The crash command is a host's test-only addition, never part of the default table.
    expect(hello.capabilities).not.toContain('debug.crash')
  })

  it('refuses a client that speaks another protocol version', async () => {
    const { client } = connect()
    const err = await rejection(client.request('hello', { protocolVersion: PROTOCOL_VERSION + 1 }))
    expect(err.code).toBe('unsupported-version')
    expect(err.message).toContain(String(PROTOCOL_VERSION + 1))
  })

  it('replies unknown-type to a type it does not serve, and keeps serving', async () => {
    const { client } = connect()
    const err = await rejection(client.requestUnchecked('train.warp', { speed: 9 }))
    expect(err.code).toBe('unknown-type')
    expect(err.message).toContain('train.warp')
    expect((await client.request('hello')).protocolVersion).toBe(PROTOCOL_VERSION)
  })

  it('replies bad-payload naming the field, and keeps serving', async () => {
    const { client } = connect()
    const negative = await rejection(client.requestUnchecked('demo.start', { count: -3, intervalMs: 1 }))
    expect(negative.code).toBe('bad-payload')
    expect(negative.message).toMatch(/demo\.start: field "count" must be an integer ≥ 1.*got -3/)

    const missing = await rejection(client.requestUnchecked('demo.start', { count: 2 }))
    expect(missing.message).toContain('field "intervalMs"')

    const typo = await rejection(
      client.requestUnchecked('demo.start', { count: 2, intervalMs: 1, intervalMS: 5 })
    )
    expect(typo.message).toContain('unknown field "intervalMS"')

    const nan = await rejection(client.requestUnchecked('demo.start', { count: Number.NaN, intervalMs: 1 }))
    expect(nan.message).toContain('NaN')

    expect((await client.request('hello')).engineVersion).toBe(ENGINE_VERSION)
  })

  it('replies malformed, with the id when it can read one, to broken envelopes', async () => {
    const { client } = connect()

    client.sendRaw('not an object')
    const noObject = await nextUnmatched(client)
    expect(noObject).toMatchObject({ id: null, ok: false, error: { code: 'malformed' } })

    client.sendRaw({ type: 'hello' })
    const noId = await nextUnmatched(client)
    expect(noId).toMatchObject({ id: null, ok: false, error: { code: 'malformed' } })
    expect(noId.ok === false && noId.error.message).toContain('"id"')

    client.sendRaw({ id: 'abc', type: 42 })
    const badType = await nextUnmatched(client)
    expect(badType).toMatchObject({ id: 'abc', ok: false, error: { code: 'malformed' } })
    expect(badType.ok === false && badType.error.message).toContain('"type"')

    client.sendRaw([1, 2, 3])
    expect(await nextUnmatched(client)).toMatchObject({ id: null, ok: false, error: { code: 'malformed' } })

    expect((await client.request('hello')).protocolVersion).toBe(PROTOCOL_VERSION)
  })

  it('streams demo progress in order and ends with demo.done', async () => {
    const { client } = connect()
    const progress: number[] = []
    client.on('demo.progress', (e) => progress.push(e.done))
    const done = new Promise<{ done: number; cancelled: boolean }>((resolve) =>
      client.on('demo.done', resolve)
    )

    const { taskId } = await client.request('demo.start', { count: 5, intervalMs: 2 })
    expect(taskId).toBeGreaterThan(0)
    const end = await done
    expect(progress).toEqual([1, 2, 3, 4, 5])
    expect(end).toMatchObject({ done: 5, cancelled: false })
  })

  it('cancels a running demo task: progress stops and demo.done says cancelled', async () => {
    const { client } = connect()
    const progress: number[] = []
    client.on('demo.progress', (e) => progress.push(e.done))
    const done = new Promise<{ taskId: number; done: number; cancelled: boolean }>((resolve) =>
      client.on('demo.done', resolve)
    )
    const { taskId } = await client.request('demo.start', { count: 1000, intervalMs: 5 })
    await new Promise<void>((resolve) => {
      const off = client.on('demo.progress', (e) => e.done >= 3 && (off(), resolve()))
    })

    expect(await client.request('demo.cancel', { taskId })).toEqual({ cancelled: true })
    const end = await done
    expect(end.taskId).toBe(taskId)
    expect(end.cancelled).toBe(true)
    expect(end.done).toBeLessThan(1000)
    const seen = progress.length
    await new Promise((r) => setTimeout(r, 40))
    expect(progress.length).toBe(seen)

    // A finished task cannot be cancelled again; a task that never existed is an error.
    expect(await client.request('demo.cancel', { taskId })).toEqual({ cancelled: false })
    expect((await rejection(client.request('demo.cancel', { taskId: 999 }))).code).toBe('not-found')
  })

  it('keeps two connections apart: one client cannot cancel or hear the other', async () => {
    const a = connect().client
    const b = connect().client
    const heardByB: number[] = []
    b.on('demo.progress', (e) => heardByB.push(e.done))
    const doneA = new Promise((resolve) => a.on('demo.done', resolve))
    const { taskId } = await a.request('demo.start', { count: 3, intervalMs: 1 })
    expect((await rejection(b.request('demo.cancel', { taskId }))).code).toBe('not-found')
    await doneA
    expect(heardByB).toEqual([])
  })

  it('rejects in-flight requests with code closed when the transport closes', async () => {
    const channel = new MessageChannel()
    // No server on port1: the request can only end by the close.
    const client = createEngineClient(portFromMessagePort(channel.port2), { timeoutMs: 0 })
    const pending = client.request('hello')
    channel.port1.close()
    const err = await rejection(pending)
    expect(err.code).toBe('closed')
    expect(client.closed).toBe(true)
    expect((await rejection(client.request('hello'))).code).toBe('closed')
  })

  it('rejects with code timeout when no reply comes in time', async () => {
    const channel = new MessageChannel()
    const client = createEngineClient(portFromMessagePort(channel.port2))
    const err = await rejection(client.request('hello', {}, { timeoutMs: 20 }))
    expect(err.code).toBe('timeout')
    client.close()
    channel.port1.close()
  })

  it('stops a connection’s demo tasks when its client goes away', async () => {
    const { client, server } = connect()
    let stopped = false
    server.connection.onClose(() => (stopped = true))
    await client.request('demo.start', { count: 1000, intervalMs: 5 })
    client.close()
    await new Promise((r) => setTimeout(r, 30))
    expect(stopped).toBe(true)
    expect(server.connection.closed).toBe(true)
  })
})
