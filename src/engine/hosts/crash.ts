/**
 * `debug.crash`: a test-only command that ends the engine process, so supervision can be exercised
 * for real. Hosts add it only when started with BPS_ENGINE_DEBUG=1; `exit` is the host's own.
 */
import { defineCommand, type CommandTable } from '../protocol/server'
import { num, optional, payload } from '../protocol/validate'

export const DEBUG_ENV = 'BPS_ENGINE_DEBUG'

export function crashCommand(exit: (code: number) => never): CommandTable {
  return {
    'debug.crash': defineCommand(
      'debug.crash',
      payload({ exitCode: optional(num({ integer: true, min: 1, max: 255 })) }),
      ({ exitCode }) => exit(exitCode ?? 70)
    )
  }
}
