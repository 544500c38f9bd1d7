/**
 * The engine's command table: every protocol command the hosts serve, built once per connection over
 * that connection's workspace (its table, prepared data and model; see model/workspace.ts).
 */
import { createWorkspace, type Workspace } from '../model/workspace'
import { dataCommands } from './handlers/data'
import { trainCommands } from './handlers/train'
import type { CommandTable, Connection } from './server'

export function engineCommands(
  connection: Connection,
  workspace: Workspace = createWorkspace()
): CommandTable {
  return {
    ...dataCommands(connection, workspace),
    ...trainCommands(connection, workspace)
  }
}
