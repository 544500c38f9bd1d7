/**
 * Electron's MessagePortMain as a PortLike, typed by the little used here so that neither the
 * utility-process host nor main's handshake needs `import 'electron'` for it.
 */
import type { PortLike } from '../protocol/port'

export interface MainPortLike {
  postMessage(message: unknown): void
  on(event: 'message', listener: (e: { data: unknown }) => void): void
  on(event: 'close', listener: () => void): void
  start(): void
  close(): void
}

export function portFromMainPort(port: MainPortLike): PortLike {
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => {
      port.on('message', (e) => listener(e.data))
      port.start()
    },
    onClose: (listener) => port.on('close', listener),
    close: () => port.close()
  }
}
