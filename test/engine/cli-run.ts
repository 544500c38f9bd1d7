/** Running the command line in-process for tests: `main` with the real file system and captured streams. */
import type { CliIO } from '../../src/engine/cli/commands'
import { main, nodeIO } from '../../src/engine/cli/main'

export interface Run {
  code: number
  stdout: string
  stderr: string
  /** The last stdout line parsed as JSON (every command ends with one), or {} when it is not JSON. */
  json: Record<string, unknown>
}

export function cli(...argv: string[]): Run {
  let stdout = ''
  let stderr = ''
  const io: CliIO = { ...nodeIO, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }
  const code = main(argv, io)
  const last = stdout.trimEnd().split('\n').at(-1) ?? ''
  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(last) as Record<string, unknown>
  } catch {
    // not every run ends with JSON (errors, help)
  }
  return { code, stdout, stderr, json }
}
