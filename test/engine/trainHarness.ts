/**
 * One engine over a real MessageChannel with the data and training commands on a workspace that
 * already holds prepared data — the setup the train.* protocol tests share. Every engine opened in a
 * test file is closed after each of its tests.
 */
import { afterEach } from 'vitest'
import {
  createEngineClient,
  portFromMessagePort,
  serveEngine,
  type CommandTable,
  type Connection,
  type EngineClient,
  type EngineServer
} from '../../src/engine/protocol'
import type { PreparedData } from '../../src/engine/data/types'
import { createWorkspace, type Workspace } from '../../src/engine/model/workspace'
import type { TrainingOptions } from '../../src/engine/model/training'
import { dataCommands } from '../../src/engine/protocol/handlers/data'
import { trainCommands, type TrainEventData } from '../../src/engine/protocol/handlers/train'
import { prepareIris } from './data-fixtures'

export interface TrainEngine {
  server: EngineServer
  /** The connection's workspace (its prepared data and model). */
  ws: Workspace
  client: EngineClient
  /** Every train.event, in order. */
  events: TrainEventData[]
  /** Slices the training loop has yielded after (counted by the injected yield). */
  yields: () => number
}

const opened: TrainEngine[] = []
afterEach(() => {
  for (const { server, client } of opened.splice(0)) {
    client.close()
    server.close()
  }
})

/**
 * Opens an engine. The training loop yields through setImmediate (counted) unless `options` sets
 * `yieldControl` — `undefined` there keeps the session's own default.
 */
export function connectTrainEngine(
  options: TrainingOptions = {},
  prepared: PreparedData | null = prepareIris()
): TrainEngine {
  let yields = 0
  const counted = () =>
    new Promise<void>((resolve) => {
      yields++
      setImmediate(resolve)
    })
  const channel = new MessageChannel()
  const ws = createWorkspace()
  ws.prepared = prepared
  const table = (c: Connection): CommandTable => ({
    ...dataCommands(c, ws),
    ...trainCommands(c, ws, { yieldControl: counted, ...options })
  })
  const server = serveEngine(portFromMessagePort(channel.port1), table)
  const client = createEngineClient(portFromMessagePort(channel.port2), { timeoutMs: 0 })
  const events: TrainEventData[] = []
  client.on('train.event', (e) => events.push(e))
  const engine = { server, ws, client, events, yields: () => yields }
  opened.push(engine)
  return engine
}
