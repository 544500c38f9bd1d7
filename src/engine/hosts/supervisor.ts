/**
 * Engine supervision, shared by Electron main (utilityProcess) and the Node tests (child_process).
 * Pure: the process is made by an injected `fork`, time comes from an injected clock.
 *
 * The engine is `ready` only once it has answered a `hello` (the process's `handshake`), not when
 * the OS reports the process spawned: a renderer told earlier would send into an engine that is still
 * loading. An unexpected exit restarts it after an exponential backoff; the supervisor gives up
 * (state `failed`) after more than `maxCrashes` crashes within `windowMs` (a fast loop) or after
 * `maxRestarts` automatic restarts in all (a slow loop: an engine that dies 20 s after each restart,
 * say because the renderer replays the file that kills it, must not loop for ever). Only the user's
 * **Restart engine** (`restart()`) starts it again, with a clean history.
 */

/** The little a supervisor needs from a process. */
export interface SupervisedProcess {
  onSpawn(fn: () => void): void
  /** Exit code, or null when killed by a signal. */
  onExit(fn: (code: number | null) => void): void
  /**
   * Resolves once the engine answered `hello` over a connection of its own (called after spawn);
   * rejects when it does not answer in time.
   */
  handshake(): Promise<unknown>
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
  /** Automatic restarts tolerated since the last start(), however far apart the crashes are. */
  maxRestarts: number
  /** Delay before the first restart; doubled for each further crash in the window. */
  initialDelayMs: number
  maxDelayMs: number
}

export const defaultRestartPolicy: RestartPolicy = {
  maxCrashes: 3,
  windowMs: 60_000,
  maxRestarts: 5,
  initialDelayMs: 250,
  maxDelayMs: 5_000
}

export type RestartDecision =
  | { restart: true; delayMs: number }
  | { restart: false; crashesInWindow: number; crashes: number; why: 'fast' | 'total' }

/**
 * What to do after a crash at `now`, given the times of all crashes since the last start() (this one
 * included). The backoff grows with the crashes in the last `windowMs`; the limits are the crashes in
 * that window and the crashes in all.
 */
export function decideRestart(
  crashTimes: readonly number[],
  now: number,
  policy: RestartPolicy
): RestartDecision {
  const crashesInWindow = crashTimes.filter((t) => now - t < policy.windowMs).length
  const crashes = crashTimes.length
  if (crashesInWindow > policy.maxCrashes) return { restart: false, crashesInWindow, crashes, why: 'fast' }
  if (crashes > policy.maxRestarts) return { restart: false, crashesInWindow, crashes, why: 'total' }
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
  /** A sentence for the user in English (main's log; the renderer words `code` and `params`). */
  message: string
  /** What `message` says, as a code and params: the renderer's notices.host.<code>. */
  code?: HostStatusCode
  params?: Record<string, string | number>
}

/** The codes of the host's status sentences; a crash's `reason` param is one of HOST_CRASH_REASONS. */
export const HOST_STATUS_CODES = [
  'not-started',
  'starting',
  'ready',
  'failed',
  'restarting',
  'stopped'
] as const
export type HostStatusCode = (typeof HOST_STATUS_CODES)[number]
export const HOST_CRASH_REASONS = ['spawn-failed', 'no-answer', 'exited', 'killed'] as const

/** Why the engine went down: the English phrase, and the params the renderer words it from. */
interface CrashReason {
  text: string
  params: Record<string, string | number>
}

export interface SupervisorOptions<P extends SupervisedProcess> {
  fork: () => P
  clock?: Clock
  policy?: Partial<RestartPolicy>
}

export interface Supervisor<P extends SupervisedProcess> {
  /** Starts the engine (or starts it again after `failed`/`stopped`, with a clean crash history). */
  start(): void
  /**
   * The user's **Restart engine**: ends the current process (if any) without counting it as a crash,
   * cancels a pending restart and starts a new one with a clean crash history.
   */
  restart(): void
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
  let status: SupervisorStatus = {
    state: 'idle',
    starts: 0,
    message: 'The engine has not been started.',
    code: 'not-started'
  }
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
    setStatus({ state: 'starting', message: 'Starting the engine…', code: 'starting', params: {} })
    let proc: P
    try {
      proc = options.fork()
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err)
      crashed(null, {
        text: `the engine could not be started: ${error}`,
        params: { reason: 'spawn-failed', error }
      })
      return
    }
    current = proc
    proc.onSpawn(() => {
      if (current !== proc) return
      proc.handshake().then(
        () => {
          if (current === proc)
            setStatus({ state: 'ready', message: 'The engine is ready.', code: 'ready', params: {} })
        },
        (err: unknown) => {
          if (current !== proc) return
          // Hung or broken: end it and treat it as a crash, so the restart policy applies.
          current = null
          proc.kill()
          const error = err instanceof Error ? err.message : String(err)
          crashed(null, {
            text: `the engine did not answer: ${error}`,
            params: { reason: 'no-answer', error }
          })
        }
      )
    })
    proc.onExit((code) => {
      // A process we already let go of (stopped, or replaced) is not news.
      if (current !== proc) return
      current = null
      crashed(code, {
        text: `the engine stopped unexpectedly (${code === null ? 'killed' : `exit code ${code}`})`,
        params: code === null ? { reason: 'killed' } : { reason: 'exited', exitCode: code }
      })
    })
  }

  function crashed(exitCode: number | null, why: CrashReason): void {
    const reason = why.text
    const now = clock.now()
    // All of them: the total limit counts every crash since start(); at most maxRestarts + 1 are kept.
    crashTimes = [...crashTimes, now]
    const decision = decideRestart(crashTimes, now, policy)
    if (!decision.restart) {
      const times = (n: number) => (n === 1 ? 'once' : `${n} times`)
      const count =
        decision.why === 'fast'
          ? `${times(decision.crashesInWindow)} within ${Math.round(policy.windowMs / 1000)} s`
          : `${times(decision.crashes)} since it was started`
      const crashes = decision.why === 'fast' ? decision.crashesInWindow : decision.crashes
      setStatus({
        state: 'failed',
        exitCode,
        message: `${reason}; it crashed ${count}, so it is not restarted on its own. Use Restart engine to try again.`,
        code: 'failed',
        params: {
          ...why.params,
          why: decision.why,
          crashes,
          ...(decision.why === 'fast' ? { windowS: Math.round(policy.windowMs / 1000) } : {})
        }
      })
      return
    }
    setStatus({
      state: 'restarting',
      exitCode,
      restartInMs: decision.delayMs,
      message: `${reason}; restarting in ${decision.delayMs} ms. Your graph and data are kept.`,
      code: 'restarting',
      params: { ...why.params, delayMs: decision.delayMs }
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
    restart() {
      cancelRestart()
      const proc = current
      current = null
      proc?.kill()
      crashTimes = []
      launch()
    },
    stop() {
      cancelRestart()
      const proc = current
      current = null
      proc?.kill()
      setStatus({ state: 'stopped', message: 'The engine was stopped.', code: 'stopped', params: {} })
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
