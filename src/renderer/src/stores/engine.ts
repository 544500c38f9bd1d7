import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { EngineClient } from '@engine/protocol/client'
import type { HelloResult } from '@engine/protocol/messages'
import { PROTOCOL_VERSION } from '@engine/protocol/messages'
import type { EngineTransport, TransportKind } from '@renderer/engine/connect'
import { useUiStore } from './ui'

export type EngineStatusKind = 'connecting' | 'ready' | 'restarting' | 'error'

/** Browser worker restarts allowed before giving up (the desktop app's main process has its own policy). */
const MAX_WORKER_RESTARTS = 3
const HELLO_TIMEOUT_MS = 10_000

/**
 * The one engine connection of the renderer: a typed client, whichever transport carries it, and its
 * status for the status bar. Panels take `client` from here and never open their own connection.
 */
export const useEngineStore = defineStore('engine', () => {
  const ui = useUiStore()
  const status = ref<EngineStatusKind>('connecting')
  /** A sentence about the status, e.g. why it failed. */
  const detail = ref('Starting the engine…')
  /** The handshake's answer: engine version and capabilities. */
  const info = ref<HelloResult | null>(null)
  const transportKind = ref<TransportKind | null>(null)
  /** The connected client; null while (re)connecting. */
  const client = shallowRef<EngineClient | null>(null)
  const ready = computed(() => status.value === 'ready' && client.value !== null)
  let transport: EngineTransport | null = null
  let workerRestarts = 0
  let stopHostStatus: (() => void) | null = null

  async function open(restarted: boolean): Promise<void> {
    if (!transport) return
    status.value = restarted ? 'restarting' : 'connecting'
    detail.value = restarted ? 'Restarting the engine…' : 'Connecting to the engine…'
    client.value = null
    try {
      const next = await transport.connect()
      const hello = await next.request(
        'hello',
        { protocolVersion: PROTOCOL_VERSION, client: 'renderer' },
        { timeoutMs: HELLO_TIMEOUT_MS }
      )
      next.onClose(() => onClosed(next))
      info.value = hello
      client.value = next
      status.value = 'ready'
      detail.value = `Engine ${hello.engineVersion} ready (${transport.kind === 'worker' ? 'Web Worker' : 'engine process'})`
      if (restarted) ui.notify('The engine restarted. Your graph and data are unchanged.', 'warning')
    } catch (err) {
      status.value = 'error'
      detail.value = `The engine did not start: ${(err as Error).message}`
      ui.notify(detail.value, 'error')
    }
  }

  /** A browser worker that died is restarted here; in the desktop app main restarts the process. */
  function onClosed(closed: EngineClient): void {
    if (client.value !== closed) return
    client.value = null
    if (transport?.kind !== 'worker') {
      status.value = 'restarting'
      detail.value = 'The engine stopped; waiting for it to restart…'
      return
    }
    if (workerRestarts >= MAX_WORKER_RESTARTS) {
      status.value = 'error'
      detail.value = `The engine stopped ${workerRestarts + 1} times; reload the page to try again.`
      ui.notify(detail.value, 'error')
      return
    }
    workerRestarts++
    void open(true)
  }

  /** Connects once at start-up through `chosen` (see engine/connect.ts). */
  async function start(chosen: EngineTransport): Promise<void> {
    transport = chosen
    transportKind.value = chosen.kind
    stopHostStatus?.()
    let starts: number | undefined
    stopHostStatus = chosen.onHostStatus((host) => {
      if (host.state === 'restarting' || host.state === 'starting') {
        client.value?.close()
        client.value = null
        status.value = 'restarting'
        detail.value = host.message
        ui.notify(host.message, 'warning')
      } else if (host.state === 'failed' || host.state === 'stopped') {
        client.value = null
        status.value = 'error'
        detail.value = host.message
        ui.notify(host.message, 'error')
      } else if (
        host.state === 'ready' &&
        (status.value === 'restarting' || (starts !== undefined && host.starts !== starts))
      ) {
        // A new engine process: the old port is dead, ask for a new one.
        void open(true)
      }
      if (host.state === 'ready') starts = host.starts
    })
    await open(false)
  }

  return { status, detail, info, transportKind, client, ready, start }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useEngineStore, import.meta.hot))
