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

/** A process the test spawns and crashes by hand. */
class FakeProcess implements SupervisedProcess {
  spawned?: () => void
  exited?: (code: number | null) => void
  killed = false
  onSpawn(fn: () => void) {
    this.spawned = fn
  }
  onExit(fn: (code: number | null) => void) {
    this.exited = fn
  }
  kill() {
    this.killed = true
    this.exited?.(null)
  }
}

function setup(policy = { maxCrashes: 2, windowMs: 10_000, initialDelayMs: 100, maxDelayMs: 1_000 }) {
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
  const policy = { maxCrashes: 3, windowMs: 60_000, initialDelayMs: 250, maxDelayMs: 1_500 }

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
    expect(decideRestart([1, 2, 3, 4], 4, policy)).toEqual({ restart: false, crashesInWindow: 4 })
  })

  it('forgets crashes older than the window', () => {
    expect(decideRestart([0, 1, 2, 70_000], 70_000, policy)).toEqual({ restart: true, delayMs: 250 })
  })

  it('has a sane default policy', () => {
    expect(defaultRestartPolicy.maxCrashes).toBeGreaterThan(0)
    expect(defaultRestartPolicy.initialDelayMs).toBeLessThanOrEqual(defaultRestartPolicy.maxDelayMs)
  })
})

describe('createSupervisor', () => {
  it('goes starting → ready when the process spawns', () => {
    const { supervisor, states, last } = setup()
    supervisor.start()
    expect(states).toEqual(['starting'])
    last().spawned!()
    expect(states).toEqual(['starting', 'ready'])
    expect(supervisor.current).toBe(last())
    expect(supervisor.status.starts).toBe(1)
  })

  it('restarts after an unexpected exit, after the backoff delay', () => {
    const { supervisor, forked, states, advance, last } = setup()
    supervisor.start()
    last().spawned!()
    last().exited!(1)
    expect(supervisor.status).toMatchObject({ state: 'restarting', exitCode: 1, restartInMs: 100 })
    expect(supervisor.status.message).toMatch(/exit code 1.*restarting in 100 ms/)
    expect(supervisor.current).toBeNull()

    advance(99)
    expect(forked).toHaveLength(1)
    advance(1)
    expect(forked).toHaveLength(2)
    last().spawned!()
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
    expect(supervisor.status.message).toMatch(/3 times within 10 s/)
    expect(pending()).toBe(0)
    advance(60_000)
    expect(forked).toHaveLength(3)

    // A manual start after giving up begins with a clean history.
    supervisor.start()
    expect(forked).toHaveLength(4)
    last().exited!(1)
    expect(supervisor.status).toMatchObject({ state: 'restarting', restartInMs: 100 })
  })

  it('keeps restarting an engine whose crashes are far apart', () => {
    const { supervisor, forked, advance, last } = setup()
    supervisor.start()
    for (let i = 0; i < 5; i++) {
      advance(20_000)
      last().exited!(139)
      expect(supervisor.status.state).toBe('restarting')
      advance(100)
    }
    expect(forked).toHaveLength(6)
  })

  it('does not treat a stop as a crash', () => {
    const { supervisor, forked, states, advance, last } = setup()
    supervisor.start()
    last().spawned!()
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
