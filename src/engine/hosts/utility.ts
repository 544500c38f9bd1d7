/**
 * Electron utility-process host (the desktop app's engine). Main forks this file with
 * utilityProcess.fork and hands over one MessagePortMain per renderer connection (a window, a reload);
 * each port gets its own engine connection. No `import 'electron'`: the utility process reaches its
 * parent through the `process.parentPort` global, typed here by the little we use.
 */
import { engineCommands } from '../protocol/commands'
import type { PortLike } from '../protocol/port'
import { serveEngine, type Connection } from '../protocol/server'
import { crashCommand, DEBUG_ENV } from './crash'

/** Electron's MessagePortMain, as far as the engine needs it. */
interface MainPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (e: { data: unknown }) => void): void
  on(event: 'close', listener: () => void): void
  start(): void
  close(): void
}

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown; ports: MainPort[] }) => void): void
}

function portFromMainPort(port: MainPort): PortLike {
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

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort
if (!parentPort) throw new Error('src/engine/hosts/utility.ts must run in an Electron utility process')

const debug = process.env[DEBUG_ENV] === '1'
const commands = (connection: Connection) => ({
  ...engineCommands(connection),
  ...(debug ? crashCommand((code) => process.exit(code)) : {})
})

parentPort.on('message', (e) => {
  for (const port of e.ports) serveEngine(portFromMainPort(port), commands)
})
