/**
 * Electron utility-process host (the desktop app's engine). Main forks this file with
 * utilityProcess.fork and hands over one MessagePortMain per renderer connection (a window, a reload);
 * each port gets its own engine connection. No `import 'electron'`: the utility process reaches its
 * parent through the `process.parentPort` global, typed here by the little we use.
 */
import { engineCommands } from '../protocol/commands'
import { serveEngine, type Connection } from '../protocol/server'
import { debugCommands, DEBUG_ENV } from './crash'
import { portFromMainPort, type MainPortLike } from './main-port'

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown; ports: MainPortLike[] }) => void): void
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort
if (!parentPort) throw new Error('src/engine/hosts/utility.ts must run in an Electron utility process')

const debug = process.env[DEBUG_ENV] === '1'
const commands = (connection: Connection) => ({
  ...engineCommands(connection),
  ...(debug ? debugCommands(connection, (code) => process.exit(code)) : {})
})

parentPort.on('message', (e) => {
  for (const port of e.ports) serveEngine(portFromMainPort(port), commands)
})
