/**
 * `npm run cli -- <command> [options]`: parse the arguments, run the command, print; exit 0 on
 * success, 1 for a bad file or failed check, 2 for bad arguments. All Node I/O is here, handed to the
 * commands as a small interface so the tests can run `main` in-process with captured output.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { CliError, helpText, parseArgs, wantsHelp } from './args'
import { gradcheckCommand, gradCommand, predictCommand, trainCommand, type CliIO } from './commands'
import { exportCommand, type ExportIO } from './export'

const COMMANDS: Record<string, (o: Parameters<typeof trainCommand>[0], io: CliIO) => void> = {
  train: trainCommand,
  predict: predictCommand,
  grad: gradCommand,
  gradcheck: gradcheckCommand,
  export: exportCommand
}

export const nodeIO: ExportIO = {
  readFile: (path) => readFileSync(path),
  writeFile: (path, text) => writeFileSync(path, text),
  samePath(a, b) {
    if (resolve(a) === resolve(b)) return true
    try {
      // Two names of one file (a symlink, a hard link, another spelling of the directory).
      const [sa, sb] = [statSync(a), statSync(b)]
      return sa.dev === sb.dev && sa.ino === sb.ino
    } catch {
      return false // one of them does not exist yet
    }
  },
  writeBytes: (path, bytes) => writeFileSync(path, bytes),
  makeDir: (path) => {
    mkdirSync(path, { recursive: true })
    return readdirSync(path).length === 0
  },
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text)
}

/** Runs one command line; returns the exit code. */
export function main(argv: readonly string[], io: CliIO = nodeIO): number {
  if (wantsHelp(argv)) {
    const command = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : undefined
    io.stdout(helpText(command === 'help' ? argv[1] : command) + '\n')
    return 0
  }
  try {
    const { command, options } = parseArgs(argv)
    COMMANDS[command](options, io)
    return 0
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr(`error: ${err.message}\n`)
      if (err.exitCode === 2) io.stderr('run `npm run cli -- --help` for usage\n')
      return err.exitCode
    }
    // An engine bug, not a user error: keep the stack so it can be reported.
    io.stderr(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    return 70
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2))
