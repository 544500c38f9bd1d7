/**
 * The parent's side of the Node host: forks src/engine/hosts/node.ts as a child process and gives back
 * a PortLike for createEngineClient plus the lifecycle hooks the supervisor needs.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { PortLike } from '../protocol/port'
import { helloHandshake } from './handshake'
import type { SupervisedProcess } from './supervisor'

export interface NodeEngineOptions {
  /** Extra environment, e.g. { BPS_ENGINE_DEBUG: '1' } to serve `debug.crash`. */
  env?: Record<string, string>
  /** Defaults to `--import tsx` so the TypeScript entry runs as is. */
  execArgv?: string[]
  /** Defaults to the TypeScript source of the Node host next to this file. */
  entry?: string
}

export interface NodeEngineProcess extends SupervisedProcess {
  readonly child: ChildProcess
  /** The transport to the engine; closes when the child exits. */
  readonly port: PortLike
}

export function forkNodeEngine(options: NodeEngineOptions = {}): NodeEngineProcess {
  const entry = options.entry ?? fileURLToPath(new URL('./node.ts', import.meta.url))
  const child = fork(entry, [], {
    env: { ...process.env, ...options.env },
    execArgv: options.execArgv ?? ['--import', 'tsx'],
    // Structured clone, as over a MessagePort: typed arrays and Maps survive.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })

  const port: PortLike = {
    postMessage: (message) => {
      if (child.connected) child.send(message as object)
    },
    onMessage: (listener) => void child.on('message', listener),
    onClose: (listener) => void child.once('exit', () => listener()),
    close: () => {
      if (child.connected) child.disconnect()
    }
  }

  return {
    child,
    port,
    onSpawn: (fn) => void child.once('spawn', fn),
    onExit: (fn) => void child.once('exit', (code) => fn(code)),
    handshake: () => helloHandshake(port),
    kill: () => void child.kill()
  }
}
