/**
 * The engine's command table: every protocol command the hosts serve, built once per connection.
 * New families (training `train.*`, data `data.*`, `inspect`, `gradcheck`, `predict`) are added here
 * as another `...xxxCommands(connection)` spread, with their entries declared in messages.ts.
 */
import { demoCommands } from './demo'
import { dataCommands } from './handlers/data'
import { trainCommands } from './handlers/train'
import type { CommandTable, Connection } from './server'

export function engineCommands(connection: Connection): CommandTable {
  return {
    ...demoCommands(connection),
    ...dataCommands(connection),
    ...trainCommands(connection)
  }
}
