import { createEngineClient, type EngineClient } from '@engine/protocol/client'
import { portFromMessagePort, portFromWorker } from '@engine/protocol/port'
import type { DesktopApi, EngineStatus } from '../../../preload/desktop-api'
import EngineWorker from '@engine/hosts/worker.ts?worker'

/**
 * Picks the engine transport: in the desktop app a MessagePort to the utility process (brokered by main,
 * forwarded by the preload as an `engine:port` window message); in a browser a Web Worker running the
 * same engine. Either way the caller gets one typed EngineClient.
 */

export type TransportKind = 'message-port' | 'worker'

export interface EngineTransport {
  kind: TransportKind
  /** Opens a fresh connection to the engine. */
  connect(): Promise<EngineClient>
  /** Desktop only: the engine process's own status (restarted after a crash, failed…). */
  onHostStatus(listener: (status: EngineStatus) => void): () => void
}

/** How long to wait for the preload to hand over a port before reporting an error. */
const PORT_TIMEOUT_MS = 15_000

function messagePortTransport(bridge: DesktopApi): EngineTransport {
  return {
    kind: 'message-port',
    connect: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          window.removeEventListener('message', onMessage)
          reject(new Error(`the desktop app sent no engine port within ${PORT_TIMEOUT_MS / 1000} s`))
        }, PORT_TIMEOUT_MS)
        // The preload posts the port to this window; a message from anywhere else is not ours.
        function onMessage(e: MessageEvent): void {
          if (e.source !== window || e.data !== 'engine:port' || !e.ports[0]) return
          clearTimeout(timer)
          window.removeEventListener('message', onMessage)
          resolve(createEngineClient(portFromMessagePort(e.ports[0])))
        }
        window.addEventListener('message', onMessage)
        bridge.connectEngine()
      }),
    onHostStatus: (listener) => bridge.onEngineStatus(listener)
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
      return client
    },
    onHostStatus: () => () => {}
  }
}

export function pickTransport(bridge: DesktopApi | undefined = window.desktop): EngineTransport {
  return bridge ? messagePortTransport(bridge) : workerTransport()
}
