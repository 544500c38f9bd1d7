/**
 * The test-only commands, served by a host only when started with BPS_ENGINE_DEBUG=1:
 * `debug.crash` ends the engine process (so supervision can be exercised for real; `exit` is the
 * host's own), and the demo stream (protocol/demo.ts) proves the event channel.
 */
import { demoCommands } from '../protocol/demo'
import { defineCommand, type CommandTable, type Connection } from '../protocol/server'
import { num, payload, validator } from '../protocol/schema'

export const DEBUG_ENV = 'BPS_ENGINE_DEBUG'

export function crashCommand(exit: (code: number) => never): CommandTable {
  return {
    'debug.crash': defineCommand(
      'debug.crash',
      validator(payload({ exitCode: num({ integer: true, min: 1, max: 255 }).optional() })),
      ({ exitCode }) => exit(exitCode ?? 70)
    )
  }
}

/** Everything a debug host adds to the engine's commands. */
export function debugCommands(connection: Connection, exit: (code: number) => never): CommandTable {
  return { ...demoCommands(connection), ...crashCommand(exit) }
}
