/**
 * Node host: the engine in a child process forked with an IPC channel (tests, the CLI). One client,
 * the parent, over process.send / process.on('message'). The child exits when the parent disconnects
 * so no orphan engine outlives its test. Start it with forkNodeEngine() from ./node-fork.
 */
import { engineCommands } from '../protocol/commands'
import type { PortLike } from '../protocol/port'
import { serveEngine, type Connection } from '../protocol/server'
import { debugCommands, DEBUG_ENV } from './crash'

const send = process.send?.bind(process)
if (!send)
  throw new Error('src/engine/hosts/node.ts must be started with an IPC channel (child_process.fork)')

const port: PortLike = {
  postMessage: (message) => void send(message),
  onMessage: (listener) => void process.on('message', listener),
  onClose: (listener) => void process.once('disconnect', listener),
  close: () => process.disconnect()
}

const debug = process.env[DEBUG_ENV] === '1'
const commands = (connection: Connection) => ({
  ...engineCommands(connection),
  ...(debug ? debugCommands(connection, (code) => process.exit(code)) : {})
})

serveEngine(port, commands)
process.once('disconnect', () => process.exit(0))
