import { createEngineClient, type EngineClient, portFromMessagePort, portFromWorker } from '@engine/index'
import type { DesktopApi, EnginePortEnvelope, EngineStatus } from '../../../preload/desktop-api'
import EngineWorker from '@engine/hosts/worker.ts?worker'
import { desktopBridge } from '@renderer/platform/desktop'

/**
 * Picks the engine transport: in the desktop app a MessagePort to the utility process (brokered by main,
 * forwarded by the preload as an `engine:port` window message); in a browser a Web Worker running the
 * same engine. Either way the caller gets one typed EngineClient.
 */

export type TransportKind = 'message-port' | 'worker'

export interface EngineConnection {
  client: EngineClient
  /** Desktop: the engine process generation (`starts`) the port belongs to. */
  generation?: number
}

export interface EngineTransport {
  kind: TransportKind
  /** Opens a fresh connection to the engine. */
  connect(): Promise<EngineConnection>
  /** Desktop only: the engine process's status now (null in the browser). */
  hostStatus(): Promise<EngineStatus | null>
  /** Desktop only: the engine process's status changes (restarted after a crash, failed…). */
  onHostStatus(listener: (status: EngineStatus) => void): () => void
  /** Desktop: asks main for a fresh engine process. Browser: nothing to do (the store starts a worker). */
  restartHost(): void
}

/** How long to wait for the preload to hand over a port before reporting an error. */
export const PORT_TIMEOUT_MS = 15_000

let nextRequest = 1

/** True for the preload's envelope (see EnginePortEnvelope) answering `requestId`. */
export function isPortFor(data: unknown, requestId: string): data is EnginePortEnvelope {
  const d = data as Partial<EnginePortEnvelope> | null
  return (
    typeof d === 'object' &&
    d !== null &&
    d.type === 'engine:port' &&
    d.requestId === requestId &&
    typeof d.generation === 'number'
  )
}

export function messagePortTransport(
  bridge: DesktopApi,
  target: Window = window,
  timeoutMs = PORT_TIMEOUT_MS
): EngineTransport {
  return {
    kind: 'message-port',
    connect: () =>
      new Promise((resolve, reject) => {
        // One id per call: a port answers exactly the connect() that asked for it.
        const requestId = `c${nextRequest++}-${Date.now().toString(36)}`
        const timer = setTimeout(() => {
          target.removeEventListener('message', onMessage)
          reject(new Error(`the desktop app sent no engine port within ${timeoutMs / 1000} s`))
        }, timeoutMs)
        // The preload posts the port to this window; a message from anywhere else is not ours.
        function onMessage(e: MessageEvent): void {
          if (e.source !== target || !isPortFor(e.data, requestId) || !e.ports[0]) return
          clearTimeout(timer)
          target.removeEventListener('message', onMessage)
          resolve({
            client: createEngineClient(portFromMessagePort(e.ports[0])),
            generation: e.data.generation
          })
        }
        target.addEventListener('message', onMessage)
        bridge.connectEngine(requestId)
      }),
    hostStatus: () => bridge.engineStatus(),
    onHostStatus: (listener) => bridge.onEngineStatus(listener),
    restartHost: () => bridge.restartEngine()
  }
}

/** A worker that dies (an uncaught error, a failed load) closes the client, so the store can restart it. */
function workerTransport(): EngineTransport {
  return {
    kind: 'worker',
    async connect() {
      const worker = new EngineWorker()
      const client = createEngineClient(portFromWorker(worker))
      worker.addEventListener('error', (e) => {
        e.preventDefault()
        client.close()
      })
      return { client }
    },
    hostStatus: async () => null,
    onHostStatus: () => () => {},
    restartHost: () => {}
  }
}

export function pickTransport(bridge: DesktopApi | undefined = desktopBridge()): EngineTransport {
  return bridge ? messagePortTransport(bridge) : workerTransport()
}
