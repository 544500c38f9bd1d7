import { describe, expect, it } from 'vitest'
import {
  createSupervisor,
  decideRestart,
  defaultRestartPolicy,
  type Clock,
  type SupervisedProcess,
  type SupervisorState
} from '../../src/engine/hosts/supervisor'

/** A clock whose time moves only when the test says so. */
function fakeClock() {
  let now = 0
  const timers = new Map<number, { at: number; fn: () => void }>()
  let nextHandle = 1
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const handle = nextHandle++
      timers.set(handle, { at: now + ms, fn })
      return handle
    },
    clearTimeout: (handle) => void timers.delete(handle as number)
  }
  function advance(ms: number) {
    const until = now + ms
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0]
      if (!due) break
      timers.delete(due[0])
      now = due[1].at
      due[1].fn()
    }
    now = until
  }
  return { clock, advance, pending: () => timers.size }
}

/** A process the test spawns, lets answer `hello`, and crashes by hand. */
class FakeProcess implements SupervisedProcess {
  spawned?: () => void
  exited?: (code: number | null) => void
  killed = false
  handshakes = 0
  private answer?: { resolve(): void; reject(err: Error): void }
  onSpawn(fn: () => void) {
    this.spawned = fn
  }
  onExit(fn: (code: number | null) => void) {
    this.exited = fn
  }
  handshake() {
    this.handshakes++
    return new Promise<void>((resolve, reject) => (this.answer = { resolve, reject }))
  }
  /** The process spawns and answers hello. */
  async up() {
    this.spawned!()
    this.answer!.resolve()
    await flush()
  }
  async noAnswer(message: string) {
    this.answer!.reject(new Error(message))
    await flush()
  }
  kill() {
    this.killed = true
    this.exited?.(null)
  }
}

const flush = () => new Promise<void>((r) => setImmediate(r))

function setup(
  policy = { maxCrashes: 2, windowMs: 10_000, maxRestarts: 4, initialDelayMs: 100, maxDelayMs: 1_000 }
) {
  const { clock, advance, pending } = fakeClock()
  const forked: FakeProcess[] = []
  const supervisor = createSupervisor({
    fork: () => {
      const p = new FakeProcess()
      forked.push(p)
      return p
    },
    clock,
    policy
  })
  const states: SupervisorState[] = []
  supervisor.onStatus((s) => states.push(s.state))
  return { supervisor, forked, states, advance, pending, last: () => forked[forked.length - 1] }
}

describe('decideRestart', () => {
  const policy = { maxCrashes: 3, windowMs: 60_000, maxRestarts: 10, initialDelayMs: 250, maxDelayMs: 1_500 }

  it('backs off exponentially with the number of crashes in the window, up to the cap', () => {
    expect(decideRestart([1000], 1000, policy)).toEqual({ restart: true, delayMs: 250 })
    expect(decideRestart([1000, 2000], 2000, policy)).toEqual({ restart: true, delayMs: 500 })
    expect(decideRestart([1000, 2000, 3000], 3000, policy)).toEqual({ restart: true, delayMs: 1000 })
    expect(decideRestart([0, 0, 0], 0, { ...policy, maxCrashes: 10 })).toEqual({
      restart: true,
      delayMs: 1000
    })
    expect(decideRestart([0, 0, 0, 0], 0, { ...policy, maxCrashes: 10 })).toEqual({
      restart: true,
      delayMs: 1500
    })
  })

  it('gives up after more than maxCrashes within the window', () => {
    expect(decideRestart([1, 2, 3, 4], 4, policy)).toEqual({
      restart: false,
      crashesInWindow: 4,
      crashes: 4,
      why: 'fast'
    })
  })

  it('forgets crashes older than the window for the backoff and the fast limit', () => {
    expect(decideRestart([0, 1, 2, 70_000], 70_000, policy)).toEqual({ restart: true, delayMs: 250 })
  })

  it('gives up after more than maxRestarts in all, however far apart', () => {
    const daily = [0, 1, 2, 3, 4, 5].map((d) => d * 86_400_000)
    expect(decideRestart(daily, daily[5], { ...policy, maxRestarts: 5 })).toEqual({
      restart: false,
      crashesInWindow: 1,
      crashes: 6,
      why: 'total'
    })
    expect(decideRestart(daily.slice(0, 5), daily[4], { ...policy, maxRestarts: 5 })).toEqual({
      restart: true,
      delayMs: 250
    })
  })

  it('has a sane default policy', () => {
    expect(defaultRestartPolicy.maxCrashes).toBeGreaterThan(0)
    expect(defaultRestartPolicy.maxRestarts).toBeGreaterThanOrEqual(defaultRestartPolicy.maxCrashes)
    expect(defaultRestartPolicy.initialDelayMs).toBeLessThanOrEqual(defaultRestartPolicy.maxDelayMs)
  })
})

describe('createSupervisor', () => {
  it('goes starting → ready only when the spawned process has answered hello', async () => {
    const { supervisor, states, last } = setup()
    supervisor.start()
    expect(states).toEqual(['starting'])
    last().spawned!()
    await flush()
    // Spawned, but not answered yet: a renderer told now would talk to an engine still loading.
    expect(states).toEqual(['starting'])
    expect(last().handshakes).toBe(1)
    await last().up()
    expect(states).toEqual(['starting', 'ready'])
    expect(supervisor.current).toBe(last())
    expect(supervisor.status.starts).toBe(1)
  })

  it('kills an engine that does not answer hello and counts it as a crash', async () => {
    const { supervisor, forked, states, advance, last } = setup()
    supervisor.start()
    last().spawned!()
    await last().noAnswer('no answer to "hello" within 10 s')
    expect(forked[0].killed).toBe(true)
    expect(supervisor.status).toMatchObject({ state: 'restarting', restartInMs: 100 })
    expect(supervisor.status.message).toContain('did not answer')
    advance(100)
    await last().up()
    expect(states).toEqual(['starting', 'restarting', 'starting', 'ready'])
  })

  it('restarts after an unexpected exit, after the backoff delay', async () => {
    const { supervisor, forked, states, advance, last } = setup()
    supervisor.start()
    await last().up()
    last().exited!(1)
    expect(supervisor.status).toMatchObject({ state: 'restarting', exitCode: 1, restartInMs: 100 })
    expect(supervisor.status.message).toMatch(/exit code 1.*restarting in 100 ms/)
    expect(supervisor.current).toBeNull()

    advance(99)
    expect(forked).toHaveLength(1)
    advance(1)
    expect(forked).toHaveLength(2)
    await last().up()
    expect(states).toEqual(['starting', 'ready', 'restarting', 'starting', 'ready'])
    expect(supervisor.status.starts).toBe(2)
  })

  it('doubles the delay for repeated crashes and gives up after maxCrashes in the window', () => {
    const { supervisor, forked, advance, last, pending } = setup()
    supervisor.start()
    last().exited!(1) // crash 1 → 100 ms
    expect(supervisor.status.restartInMs).toBe(100)
    advance(100)
    last().exited!(1) // crash 2 → 200 ms
    expect(supervisor.status.restartInMs).toBe(200)
    advance(200)
    last().exited!(1) // crash 3 > maxCrashes (2) → give up
    expect(supervisor.status.state).toBe('failed')
    expect(supervisor.status.message).toMatch(/3 times within 10 s.*Restart engine/)
    expect(pending()).toBe(0)
    advance(60_000)
    expect(forked).toHaveLength(3)

    // A manual start after giving up begins with a clean history.
    supervisor.start()
    expect(forked).toHaveLength(4)
    last().exited!(1)
    expect(supervisor.status).toMatchObject({ state: 'restarting', restartInMs: 100 })
  })

  it('gives up on a slow crash loop too: crashes 20 s apart stop after maxRestarts', async () => {
    const { supervisor, forked, advance, last, pending } = setup()
    supervisor.start()
    // Each crash is alone in its 10 s window, so only the total limit (4) can end the loop.
    for (let i = 0; i < 4; i++) {
      await last().up()
      advance(20_000)
      last().exited!(139)
      expect(supervisor.status).toMatchObject({ state: 'restarting', restartInMs: 100 })
      advance(100)
    }
    await last().up()
    advance(20_000)
    last().exited!(139)
    expect(supervisor.status.state).toBe('failed')
    expect(supervisor.status.message).toMatch(/5 times since it was started.*Restart engine/)
    expect(pending()).toBe(0)
    advance(3_600_000)
    expect(forked).toHaveLength(5)
  })

  it('restarts on request, from failed or while running, with a clean history', async () => {
    const { supervisor, forked, states, advance, last } = setup()
    supervisor.start()
    for (let i = 0; i < 3; i++) {
      last().exited!(1)
      advance(1_000)
    }
    expect(supervisor.status.state).toBe('failed')
    supervisor.restart()
    expect(forked).toHaveLength(4)
    await last().up()
    expect(supervisor.status).toMatchObject({ state: 'ready', starts: 4 })
    // While running: the old process is killed, which is not a crash.
    const before = last()
    supervisor.restart()
    expect(before.killed).toBe(true)
    expect(forked).toHaveLength(5)
    await last().up()
    expect(states.slice(-3)).toEqual(['ready', 'starting', 'ready'])
    last().exited!(1)
    expect(supervisor.status).toMatchObject({ state: 'restarting', restartInMs: 100 })
  })

  it('does not treat a stop as a crash', async () => {
    const { supervisor, forked, states, advance, last } = setup()
    supervisor.start()
    await last().up()
    supervisor.stop()
    expect(last().killed).toBe(true)
    advance(10_000)
    expect(forked).toHaveLength(1)
    expect(states).toEqual(['starting', 'ready', 'stopped'])
  })

  it('cancels a pending restart on stop', () => {
    const { supervisor, forked, advance, last } = setup()
    supervisor.start()
    last().exited!(1)
    supervisor.stop()
    advance(10_000)
    expect(forked).toHaveLength(1)
    expect(supervisor.status.state).toBe('stopped')
  })

  it('counts a fork that throws as a crash', () => {
    const { clock, advance } = fakeClock()
    let attempts = 0
    const supervisor = createSupervisor<FakeProcess>({
      fork: () => {
        attempts++
        if (attempts === 1) throw new Error('no such file')
        return new FakeProcess()
      },
      clock,
      policy: { initialDelayMs: 10 }
    })
    supervisor.start()
    expect(supervisor.status.state).toBe('restarting')
    expect(supervisor.status.message).toContain('no such file')
    advance(10)
    expect(attempts).toBe(2)
    expect(supervisor.status.state).toBe('starting')
  })
})
