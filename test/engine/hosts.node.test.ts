import { afterEach, describe, expect, it } from 'vitest'
import { forkNodeEngine, type NodeEngineProcess } from '../../src/engine/hosts/node-fork'
import { createSupervisor, type Supervisor, type SupervisorState } from '../../src/engine/hosts/supervisor'
import {
  createEngineClient,
  EngineRequestError,
  PROTOCOL_VERSION,
  type EngineClient
} from '../../src/engine/protocol'

let supervisor: Supervisor<NodeEngineProcess> | null = null
afterEach(() => {
  supervisor?.stop()
  supervisor = null
})

/** Resolves when the supervisor reaches `state` (now or later). */
function reach(s: Supervisor<NodeEngineProcess>, state: SupervisorState): Promise<NodeEngineProcess> {
  return new Promise((resolve) => {
    if (s.status.state === state && s.current) return resolve(s.current)
    const off = s.onStatus((status, proc) => {
      if (status.state === state && proc) {
        off()
        resolve(proc)
      }
    })
  })
}

async function streamDemo(client: EngineClient, count: number): Promise<number[]> {
  const seen: number[] = []
  const off = client.on('demo.progress', (e) => seen.push(e.done))
  const done = new Promise((resolve) => client.on('demo.done', resolve))
  await client.request('demo.start', { count, intervalMs: 1 })
  await done
  off()
  return seen
}

describe('the Node host in a real child process', () => {
  it('serves hello over IPC, and no debug command without the debug switch', async () => {
    supervisor = createSupervisor({ fork: () => forkNodeEngine() })
    supervisor.start()
    const proc = await reach(supervisor, 'ready')
    const client = createEngineClient(proc.port)

    const hello = await client.request('hello', { protocolVersion: PROTOCOL_VERSION })
    expect(hello.protocolVersion).toBe(PROTOCOL_VERSION)
    expect(hello.capabilities).toContain('train.start')
    expect(hello.capabilities).not.toContain('debug.crash')
    expect(hello.capabilities).not.toContain('demo.start')
    await expect(client.requestUnchecked('debug.crash')).rejects.toMatchObject({ code: 'unknown-type' })
    await expect(client.requestUnchecked('demo.start', { count: 1, intervalMs: 1 })).rejects.toMatchObject({
      code: 'unknown-type'
    })
  })

  it('serves errors and the demo stream over IPC with the debug switch', async () => {
    supervisor = createSupervisor({ fork: () => forkNodeEngine({ env: { BPS_ENGINE_DEBUG: '1' } }) })
    supervisor.start()
    const proc = await reach(supervisor, 'ready')
    const client = createEngineClient(proc.port)
    await expect(client.requestUnchecked('demo.start', { count: 0, intervalMs: 1 })).rejects.toMatchObject({
      code: 'bad-payload'
    })
    expect(await streamDemo(client, 4)).toEqual([1, 2, 3, 4])
  })

  it('recovers from a crash: the supervisor restarts the engine and a new client works', async () => {
    const states: SupervisorState[] = []
    const exitCodes: (number | null | undefined)[] = []
    supervisor = createSupervisor({
      fork: () => forkNodeEngine({ env: { BPS_ENGINE_DEBUG: '1' } }),
      policy: { initialDelayMs: 50 }
    })
    supervisor.onStatus((s) => {
      states.push(s.state)
      if (s.state === 'restarting') exitCodes.push(s.exitCode)
    })
    supervisor.start()
    const first = await reach(supervisor, 'ready')
    const client = createEngineClient(first.port)
    expect((await client.request('hello')).capabilities).toContain('debug.crash')

    // A running task dies with the process; the in-flight request fails with `closed`.
    await client.request('demo.start', { count: 1000, intervalMs: 50 })
    const crash = client.request('debug.crash', { exitCode: 3 })
    const err = await crash.catch((e: unknown) => e)
    expect(err).toBeInstanceOf(EngineRequestError)
    expect((err as EngineRequestError).code).toBe('closed')
    expect(client.closed).toBe(true)

    const second = await reach(supervisor, 'ready')
    expect(second).not.toBe(first)
    expect(second.child.pid).not.toBe(first.child.pid)
    expect(first.child.exitCode).toBe(3)
    expect(states).toEqual(['starting', 'ready', 'restarting', 'starting', 'ready'])
    expect(exitCodes).toEqual([3])

    const again = createEngineClient(second.port)
    expect((await again.request('hello')).protocolVersion).toBe(PROTOCOL_VERSION)
    expect(await streamDemo(again, 3)).toEqual([1, 2, 3])
  })
})
