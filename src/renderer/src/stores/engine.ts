import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { type EngineClient, type HelloResult, PROTOCOL_VERSION } from '@engine/index'
import type { EngineConnection, EngineTransport, TransportKind } from '@renderer/engine/connect'
import type { EngineStatus } from '../../../preload/desktop-api'
import { useUiStore } from './ui'
import { englishText, engineMessageOf, notice, type Notice } from '@renderer/i18n/engineMessages'

/**
 * `restarting`: a new engine is on its way (after a crash, or Restart engine); `failed`: it crashed
 * too often and is not restarted on its own (Restart engine is offered); `error`: the connection
 * could not be made.
 */
export type EngineStatusKind = 'connecting' | 'ready' | 'restarting' | 'failed' | 'error'

/**
 * After a connection that follows `failed`, nothing may quietly replay the work that may have crashed
 * the engine (the data store asks before loading its file again); otherwise it may.
 */
export type ReplayPolicy = 'auto' | 'ask'

/** Browser worker restarts allowed before giving up (the desktop app's main process has its own policy). */
const MAX_WORKER_RESTARTS = 3
const HELLO_TIMEOUT_MS = 10_000

type OpenKind = 'start' | 'restart' | 'manual'

/**
 * The one engine connection of the renderer: a typed client, whichever transport carries it, and its
 * status for the status bar. Panels take `client` from here and never open their own connection.
 *
 * Desktop: main says each engine status change once; a `ready` for a generation this store is not
 * connected to (or connecting to) makes exactly one new connection. Every connection attempt is
 * numbered; an answer for an attempt that has been superseded is closed, never used.
 */
/**
 * The desktop host's status in the user's language: its code and params as notices.host.<code> (the
 * crash's reason a nested notice); the host's English sentence when it sends no code we know.
 */
export function hostNotice(host: EngineStatus): Notice {
  const known = ['not-started', 'starting', 'ready', 'failed', 'restarting', 'stopped']
  if (!host.code || !known.includes(host.code)) return { text: host.message }
  const p = host.params ?? {}
  const reasons = ['spawn-failed', 'no-answer', 'exited', 'killed']
  const reason =
    typeof p.reason === 'string' && reasons.includes(p.reason)
      ? notice(`notices.host.reason.${p.reason}`, { error: p.error ?? '', exitCode: p.exitCode ?? '' })
      : { text: '' }
  const crashes = typeof p.crashes === 'number' ? p.crashes : 0
  const count =
    p.why === 'fast'
      ? notice(crashes === 1 ? 'notices.host.count.fastOnce' : 'notices.host.count.fast', {
          n: crashes,
          s: p.windowS ?? 0
        })
      : notice(crashes === 1 ? 'notices.host.count.totalOnce' : 'notices.host.count.total', { n: crashes })
  return notice(`notices.host.${host.code}`, {
    reason: { notice: reason },
    count: { notice: count },
    ms: p.delayMs ?? 0
  })
}

export const useEngineStore = defineStore('engine', () => {
  const ui = useUiStore()
  const status = ref<EngineStatusKind>('connecting')
  /** A sentence about the status, e.g. why it failed. */
  /** What the status bar says about the engine (worded where shown); `detail` is its English. */
  const detailNotice = shallowRef<Notice>(notice('notices.engine.starting'))
  const detail = computed(() => englishText(detailNotice.value))
  /** The handshake's answer: engine version and capabilities. */
  const info = ref<HelloResult | null>(null)
  const transportKind = ref<TransportKind | null>(null)
  /** The connected client; null while (re)connecting. */
  const client = shallowRef<EngineClient | null>(null)
  const ready = computed(() => status.value === 'ready' && client.value !== null)
  const replay = ref<ReplayPolicy>('auto')
  /** Connection attempts made (tests and diagnostics: one per engine generation). */
  const connects = ref(0)
  let transport: EngineTransport | null = null
  let workerRestarts = 0
  let stopHostStatus: (() => void) | null = null
  /** The current attempt's number; bumping it abandons whatever is in flight. */
  let attempt = 0
  /** The attempt still waiting for its port or hello, if any. */
  let pending = 0
  /** The generation of the engine `client` talks to (desktop). */
  let connectedGeneration: number | undefined
  /** The newest generation main said is ready. */
  let latestReady: number | undefined
  /** The last `failed` has not been followed by a connection yet. */
  let afterFailure = false
  /** The user asked for a restart; the next connection is theirs. */
  let manualRestart = false

  function dropClient(): void {
    const old = client.value
    client.value = null
    old?.close()
  }

  const isStale = (generation: number | undefined) =>
    generation !== undefined && latestReady !== undefined && generation < latestReady

  async function open(kind: OpenKind): Promise<void> {
    if (!transport) return
    const my = ++attempt
    pending = my
    connects.value++
    dropClient()
    status.value = kind === 'start' ? 'connecting' : 'restarting'
    detailNotice.value = notice(
      kind === 'start' ? 'notices.engine.connecting' : 'notices.engine.reconnecting'
    )
    let conn: EngineConnection | undefined
    try {
      conn = await transport.connect()
      if (my !== attempt) return conn.client.close()
      const hello = await conn.client.request(
        'hello',
        { protocolVersion: PROTOCOL_VERSION, client: 'renderer' },
        { timeoutMs: HELLO_TIMEOUT_MS }
      )
      if (my !== attempt) return conn.client.close()
      // A port of a process that has been replaced meanwhile answers nothing useful; take the new one.
      if (isStale(conn.generation)) {
        conn.client.close()
        pending = 0
        return open(kind)
      }
      const next = conn.client
      next.onClose(() => onClosed(next))
      info.value = hello
      client.value = next
      connectedGeneration = conn.generation
      pending = 0
      replay.value = afterFailure ? 'ask' : 'auto'
      afterFailure = false
      status.value = 'ready'
      detailNotice.value = notice('notices.engine.ready', {
        version: hello.engineVersion,
        transport: {
          notice: notice(
            transport.kind === 'worker' ? 'notices.engine.transportWorker' : 'notices.engine.transportProcess'
          )
        }
      })
      if (kind === 'restart') ui.notify(notice('notices.engine.restarted'), 'success')
      if (kind === 'manual') ui.notify(notice('notices.engine.restartedManual'), 'success')
    } catch (err) {
      if (my !== attempt) return
      conn?.client.close()
      pending = 0
      // The engine was replaced while this attempt talked to the old one: connect to the new one.
      if (isStale(conn?.generation)) return open(kind)
      status.value = 'error'
      detailNotice.value = notice('notices.engine.didNotStart', { error: { engine: engineMessageOf(err) } })
      ui.notify(detailNotice.value, 'error')
    }
  }

  /** A browser worker that died is restarted here; in the desktop app main restarts the process. */
  function onClosed(closed: EngineClient): void {
    if (client.value !== closed) return
    client.value = null
    if (transport?.kind !== 'worker') {
      status.value = 'restarting'
      detailNotice.value = notice('notices.engine.waitingRestart')
      // Main will say `restarting`, unless only this port went away while the engine lives on.
      const generation = connectedGeneration
      void transport
        ?.hostStatus()
        .then((host) => {
          if (host?.state === 'ready' && host.starts === generation && !client.value && pending !== attempt)
            void open('restart')
        })
        .catch(() => {})
      return
    }
    if (workerRestarts >= MAX_WORKER_RESTARTS) {
      fail(notice('notices.engine.stoppedTooOften', { count: workerRestarts + 1 }))
      return
    }
    workerRestarts++
    void open('restart')
  }

  // The desktop host's messages come from the main process in English (its supervisor words them).
  function fail(message: Notice | string): void {
    attempt++
    dropClient()
    afterFailure = true
    status.value = 'failed'
    detailNotice.value = typeof message === 'string' ? { text: message } : message
    ui.notify(detailNotice.value, 'error')
  }

  function onHostStatus(host: EngineStatus): void {
    switch (host.state) {
      case 'idle':
      case 'starting':
        // A (re)start on its way; the warning, if any, went out with `restarting`.
        if (status.value !== 'connecting') {
          dropClient()
          status.value = 'restarting'
          detailNotice.value = hostNotice(host)
        }
        return
      case 'restarting':
        attempt++
        dropClient()
        status.value = 'restarting'
        detailNotice.value = hostNotice(host)
        ui.notify(hostNotice(host), 'warning')
        return
      case 'failed':
        fail(hostNotice(host))
        return
      case 'stopped':
        attempt++
        dropClient()
        status.value = 'failed'
        detailNotice.value = hostNotice(host)
        return
      case 'ready': {
        latestReady = Math.max(latestReady ?? 0, host.starts)
        const connected = client.value !== null && connectedGeneration === host.starts
        // An attempt in flight gets its port from this engine (main holds requests until ready),
        // or finds its port stale and retries; either way no second connect here.
        if (connected || pending === attempt) return
        const kind: OpenKind = manualRestart ? 'manual' : 'restart'
        manualRestart = false
        void open(kind)
      }
    }
  }

  /** Connects once at start-up through `chosen` (see engine/connect.ts). */
  async function start(chosen: EngineTransport): Promise<void> {
    transport = chosen
    transportKind.value = chosen.kind
    stopHostStatus?.()
    stopHostStatus = chosen.onHostStatus(onHostStatus)
    let now: EngineStatus | null = null
    try {
      now = await chosen.hostStatus()
    } catch {
      // An older main without the query: connect and see.
    }
    if (now?.state === 'failed') return onHostStatus(now)
    if (now?.state === 'ready') latestReady = now.starts
    await open('start')
  }

  /** The user's Restart engine: main starts a fresh process (desktop), or a new worker (browser). */
  function restart(): void {
    if (!transport) return
    if (transport.kind === 'worker') {
      workerRestarts = 0
      void open('manual')
      return
    }
    attempt++
    dropClient()
    manualRestart = true
    status.value = 'restarting'
    detailNotice.value = notice('notices.engine.restarting')
    transport.restartHost()
  }

  return {
    status,
    detail,
    detailNotice,
    info,
    transportKind,
    client,
    ready,
    replay,
    connects,
    start,
    restart
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useEngineStore, import.meta.hot))
