/**
 * Engine supervision, shared by Electron main (utilityProcess) and the Node tests (child_process).
 * Pure: the process is made by an injected `fork`, time comes from an injected clock.
 *
 * Policy: an unexpected exit restarts the engine after an exponential backoff; more than
 * `maxCrashes` crashes within `windowMs` means something is wrong with the engine itself, so the
 * supervisor gives up (state `failed`) instead of restarting forever.
 */

/** The little a supervisor needs from a process. */
export interface SupervisedProcess {
  onSpawn(fn: () => void): void
  /** Exit code, or null when killed by a signal. */
  onExit(fn: (code: number | null) => void): void
  kill(): void
}

export interface Clock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}

export interface RestartPolicy {
  /** Crashes tolerated within `windowMs`; one more and the supervisor gives up. */
  maxCrashes: number
  windowMs: number
  /** Delay before the first restart; doubled for each further crash in the window. */
  initialDelayMs: number
  maxDelayMs: number
}

export const defaultRestartPolicy: RestartPolicy = {
  maxCrashes: 3,
  windowMs: 60_000,
  initialDelayMs: 250,
  maxDelayMs: 5_000
}

export type RestartDecision = { restart: true; delayMs: number } | { restart: false; crashesInWindow: number }

/**
 * What to do after a crash at `now`, given the times of all crashes so far (this one included).
 * Only crashes within the last `windowMs` count, so an engine that crashes once a day keeps being restarted.
 */
export function decideRestart(
  crashTimes: readonly number[],
  now: number,
  policy: RestartPolicy
): RestartDecision {
  const crashesInWindow = crashTimes.filter((t) => now - t < policy.windowMs).length
  if (crashesInWindow > policy.maxCrashes) return { restart: false, crashesInWindow }
  const delayMs = Math.min(policy.initialDelayMs * 2 ** Math.max(0, crashesInWindow - 1), policy.maxDelayMs)
  return { restart: true, delayMs }
}

export type SupervisorState = 'idle' | 'starting' | 'ready' | 'restarting' | 'failed' | 'stopped'

export interface SupervisorStatus {
  state: SupervisorState
  /** How many times the engine has been (re)started, the first start included. */
  starts: number
  /** For `restarting`: when the next start happens. */
  restartInMs?: number
  /** The last unexpected exit's code (null = killed by a signal). */
  exitCode?: number | null
  /** A sentence for the user, e.g. in the renderer's status bar. */
  message: string
}

export interface SupervisorOptions<P extends SupervisedProcess> {
  fork: () => P
  clock?: Clock
  policy?: Partial<RestartPolicy>
}

export interface Supervisor<P extends SupervisedProcess> {
  /** Starts the engine (or starts it again after `failed`/`stopped`, with a clean crash history). */
  start(): void
  /** Stops the engine on purpose: its exit is not a crash. */
  stop(): void
  /** The running process, or null between processes. */
  readonly current: P | null
  readonly status: SupervisorStatus
  /** Every status change; returns the unsubscribe function. */
  onStatus(listener: (status: SupervisorStatus, process: P | null) => void): () => void
}

export function createSupervisor<P extends SupervisedProcess>(options: SupervisorOptions<P>): Supervisor<P> {
  const clock = options.clock ?? systemClock
  const policy: RestartPolicy = { ...defaultRestartPolicy, ...options.policy }
  const listeners = new Set<(status: SupervisorStatus, process: P | null) => void>()
  let status: SupervisorStatus = { state: 'idle', starts: 0, message: 'The engine has not been started.' }
  let current: P | null = null
  let crashTimes: number[] = []
  let restartTimer: unknown = null

  function setStatus(next: Omit<SupervisorStatus, 'starts'>): void {
    status = { ...next, starts: status.starts }
    for (const listener of listeners) listener(status, current)
  }

  function launch(): void {
    restartTimer = null
    status = { ...status, starts: status.starts + 1 }
    setStatus({ state: 'starting', message: 'Starting the engine…' })
    let proc: P
    try {
      proc = options.fork()
    } catch (err) {
      crashed(null, `the engine could not be started: ${err instanceof Error ? err.message : String(err)}`)
      return
    }
    current = proc
    proc.onSpawn(() => {
      if (current === proc) setStatus({ state: 'ready', message: 'The engine is ready.' })
    })
    proc.onExit((code) => {
      // A process we already let go of (stopped, or replaced) is not news.
      if (current !== proc) return
      current = null
      crashed(code, `the engine stopped unexpectedly (${code === null ? 'killed' : `exit code ${code}`})`)
    })
  }

  function crashed(exitCode: number | null, reason: string): void {
    const now = clock.now()
    crashTimes = [...crashTimes.filter((t) => now - t < policy.windowMs), now]
    const decision = decideRestart(crashTimes, now, policy)
    if (!decision.restart) {
      setStatus({
        state: 'failed',
        exitCode,
        message: `${reason}; it crashed ${decision.crashesInWindow} times within ${Math.round(policy.windowMs / 1000)} s, so it will not be restarted.`
      })
      return
    }
    setStatus({
      state: 'restarting',
      exitCode,
      restartInMs: decision.delayMs,
      message: `${reason}; restarting in ${decision.delayMs} ms. Your graph and data are kept.`
    })
    restartTimer = clock.setTimeout(launch, decision.delayMs)
  }

  function cancelRestart(): void {
    if (restartTimer !== null) clock.clearTimeout(restartTimer)
    restartTimer = null
  }

  return {
    start() {
      if (status.state === 'starting' || status.state === 'ready' || status.state === 'restarting') return
      crashTimes = []
      launch()
    },
    stop() {
      cancelRestart()
      const proc = current
      current = null
      proc?.kill()
      setStatus({ state: 'stopped', message: 'The engine was stopped.' })
    },
    get current() {
      return current
    },
    get status() {
      return status
    },
    onStatus(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
