/**
 * The supervisor's readiness probe: a `hello` over a connection of the probe's own. A process that
 * has spawned may still be loading its bundle; only its answer shows it can serve a renderer.
 */
import { createEngineClient } from '../protocol/client'
import { PROTOCOL_VERSION, type HelloResult } from '../protocol/messages'
import type { PortLike } from '../protocol/port'

export const HANDSHAKE_TIMEOUT_MS = 10_000

export interface HandshakeOptions {
  timeoutMs?: number
  /**
   * Close the port afterwards (a probe channel of its own, as in Electron main). The Node host has a
   * single IPC channel that later clients share, so there the probe only stops listening.
   */
  closePort?: boolean
}

export async function helloHandshake(port: PortLike, options: HandshakeOptions = {}): Promise<HelloResult> {
  let listening = true
  const probePort: PortLike = {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) =>
      port.onMessage((message) => {
        if (listening) listener(message)
      }),
    onClose: port.onClose?.bind(port),
    close: () => {
      listening = false
      if (options.closePort) port.close?.()
    }
  }
  const client = createEngineClient(probePort)
  try {
    return await client.request(
      'hello',
      { protocolVersion: PROTOCOL_VERSION, client: 'supervisor' },
      { timeoutMs: options.timeoutMs ?? HANDSHAKE_TIMEOUT_MS }
    )
  } finally {
    client.close()
  }
}
