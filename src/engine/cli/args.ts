/**
 * Command-line arguments: `<command> --name value --flag …`, checked against each command's option
 * table so a typo, a missing option or a bad number gets a message naming the option.
 */

export type OptionType = 'string' | 'number' | 'int' | 'list' | 'flag'

export interface OptionSpec {
  name: string
  type: OptionType
  required?: boolean
  /** Placeholder shown in the help, e.g. "G.json". */
  value?: string
  help: string
}

export interface CommandSpec {
  name: string
  summary: string
  options: OptionSpec[]
}

export type OptionValue = string | number | string[] | boolean
export type ParsedOptions = Record<string, OptionValue>

/** A usage error (exit code 2) or a bad file / bad data error (exit code 1). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2
  ) {
    super(message)
    this.name = 'CliError'
  }
}

/** --weights W.json: every command but train reads a weights file. */
const WEIGHTS_OPTION: OptionSpec = {
  name: 'weights',
  type: 'string',
  required: true,
  value: 'W.json',
  help: 'a weights file'
}

const TRAINING_OPTIONS: OptionSpec[] = [
  { name: 'epochs', type: 'int', value: 'N', help: 'maximum epochs (default 100)' },
  {
    name: 'lr',
    type: 'number',
    value: 'RATE',
    help: 'learning rate μ (rprop: initial step size; default 0.01)'
  },
  { name: 'batch', type: 'int', value: 'N', help: 'mini-batch rows, 0 = full batch (default 32)' },
  {
    name: 'optimizer',
    type: 'string',
    value: 'NAME',
    help: 'gd | sgd | momentum | nesterov | adam | rmsprop | rprop (default adam)'
  },
  { name: 'seed', type: 'number', value: 'N', help: 'seed of initialisation, split and shuffle (default 1)' },
  { name: 'val', type: 'number', value: 'FRACTION', help: 'validation fraction of the rows (default 0.2)' },
  {
    name: 'init',
    type: 'string',
    value: 'NAME',
    help: 'glorot-uniform | glorot-normal | he-uniform | he-normal | small-uniform | zeros'
  },
  { name: 'l2', type: 'number', value: 'λ', help: 'L2 weight decay on weight matrices (default 0)' },
  { name: 'momentum', type: 'number', value: 'μ', help: 'momentum of momentum/nesterov (default 0.9)' },
  { name: 'patience', type: 'int', value: 'N', help: 'early stopping: epochs without improvement' },
  { name: 'loss-target', type: 'number', value: 'C', help: 'stop when the training loss reaches C' },
  {
    name: 'min-change',
    type: 'number',
    value: 'ε',
    help: 'stop when the loss changes by less than ε per epoch'
  },
  {
    name: 'schedule',
    type: 'string',
    value: 'KIND',
    help: 'learning-rate schedule: constant | step | exponential | cosine'
  },
  {
    name: 'normalize',
    type: 'string',
    value: 'KIND',
    help: 'numeric features: zscore | minmax | none (default zscore)'
  },
  { name: 'ignore', type: 'list', value: 'COL[,COL…]', help: 'columns to leave out of the features' },
  { name: 'quiet', type: 'flag', help: 'print only the final JSON line' }
]

export const COMMANDS: CommandSpec[] = [
  {
    name: 'train',
    summary: 'train a graph on a CSV (or continue a weights file) and write the weights file',
    options: [
      { name: 'graph', type: 'string', value: 'G.json', help: 'the graph JSON of a new network' },
      {
        name: 'from',
        type: 'string',
        value: 'W.json',
        help: 'continue training this weights file instead, with its graph, weights and preprocessing'
      },
      { name: 'data', type: 'string', required: true, value: 'D.csv', help: 'the training data' },
      {
        name: 'target',
        type: 'list',
        value: 'COL[,COL…]',
        help: 'target column(s); required with --graph (--from knows its targets)'
      },
      {
        name: 'out',
        type: 'string',
        required: true,
        value: 'W.json',
        help: 'where to write the weights file'
      },
      ...TRAINING_OPTIONS
    ]
  },
  {
    name: 'predict',
    summary: 'predict every row of a CSV with a weights file',
    options: [
      WEIGHTS_OPTION,
      { name: 'data', type: 'string', required: true, value: 'D.csv', help: 'rows to predict' },
      {
        name: 'out',
        type: 'string',
        value: 'P.csv',
        help: 'write the rows with prediction columns (default: stdout)'
      }
    ]
  },
  {
    name: 'grad',
    summary: 'gradient of the mean loss over the first N rows, for every parameter',
    options: [
      WEIGHTS_OPTION,
      { name: 'data', type: 'string', required: true, value: 'D.csv', help: 'rows with their targets' },
      { name: 'rows', type: 'int', value: 'N', help: 'use the first N rows (default: all)' },
      { name: 'out', type: 'string', required: true, value: 'G.json', help: 'where to write the gradients' }
    ]
  },
  {
    name: 'gradcheck',
    summary: 'compare backpropagation with finite differences on the data',
    options: [
      WEIGHTS_OPTION,
      { name: 'data', type: 'string', required: true, value: 'D.csv', help: 'rows with their targets' },
      { name: 'rows', type: 'int', value: 'N', help: 'use the first N rows (default 32)' },
      { name: 'per-edge', type: 'int', value: 'N', help: 'parameters checked per edge (default 64)' }
    ]
  },
  {
    name: 'export',
    summary: 'write a weights file as an ONNX model or a PyTorch project (docs/outgrow.md)',
    options: [
      { name: 'format', type: 'string', required: true, value: 'onnx|pytorch', help: 'what to write' },
      WEIGHTS_OPTION,
      {
        name: 'out',
        type: 'string',
        required: true,
        value: 'PATH',
        help: 'the .onnx file, or a new folder for the PyTorch project'
      },
      { name: 'dtype', type: 'string', value: 'float32|float64', help: 'onnx tensor type (default float32)' }
    ]
  }
]

export interface ParsedCommand {
  command: string
  options: ParsedOptions
}

/** `--help`, `-h`, `help` or no arguments at all. */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.length === 0 || argv.some((a) => a === '--help' || a === '-h') || argv[0] === 'help'
}

/** Parses `<command> [--option value | --option=value | --flag]…`; throws CliError naming the problem. */
export function parseArgs(argv: readonly string[]): ParsedCommand {
  const [command, ...rest] = argv
  const spec = COMMANDS.find((c) => c.name === command)
  if (!spec) {
    throw new CliError(
      `unknown command ${JSON.stringify(command)}; expected one of ${COMMANDS.map((c) => c.name).join(', ')}`
    )
  }
  const options: ParsedOptions = {}
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]
    if (!arg.startsWith('--')) throw new CliError(`${command}: unexpected argument ${JSON.stringify(arg)}`)
    const eq = arg.indexOf('=')
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2)
    const opt = spec.options.find((o) => o.name === name)
    if (!opt) throw new CliError(`${command}: unknown option --${name} (see ${command} --help)`)
    if (name in options) throw new CliError(`${command}: --${name} is given twice`)
    if (opt.type === 'flag') {
      if (eq >= 0) throw new CliError(`${command}: --${name} takes no value`)
      options[name] = true
      continue
    }
    let raw: string
    if (eq >= 0) raw = arg.slice(eq + 1)
    else {
      if (i + 1 >= rest.length || rest[i + 1].startsWith('--')) {
        throw new CliError(`${command}: --${name} needs a value (${opt.value ?? opt.type})`)
      }
      raw = rest[++i]
    }
    options[name] = convert(command, opt, raw)
  }
  for (const opt of spec.options) {
    if (opt.required && !(opt.name in options)) {
      throw new CliError(`${command}: missing --${opt.name} ${opt.value ?? ''}`.trimEnd())
    }
  }
  return { command, options }
}

function convert(command: string, opt: OptionSpec, raw: string): OptionValue {
  const where = `${command}: --${opt.name}`
  switch (opt.type) {
    case 'string':
      if (raw === '') throw new CliError(`${where} must not be empty`)
      return raw
    case 'list': {
      const items = raw.split(',').map((s) => s.trim())
      if (items.some((s) => s === ''))
        throw new CliError(`${where} expects names separated by commas, got ${JSON.stringify(raw)}`)
      return items
    }
    case 'number':
    case 'int': {
      const v = raw.trim() === '' ? NaN : Number(raw)
      if (!Number.isFinite(v)) throw new CliError(`${where} expects a number, got ${JSON.stringify(raw)}`)
      if (opt.type === 'int' && !Number.isInteger(v)) {
        throw new CliError(`${where} expects a whole number, got ${JSON.stringify(raw)}`)
      }
      return v
    }
    case 'flag':
      return true
  }
}

/** The help text: every command, or one command with its options. */
export function helpText(command?: string): string {
  const spec = COMMANDS.find((c) => c.name === command)
  const lines: string[] = []
  if (!spec) {
    lines.push(
      'Backprop Studio command line',
      '',
      'usage: npm run cli -- <command> [options]',
      '',
      'commands:'
    )
    for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`)
    lines.push('', 'run `npm run cli -- <command> --help` for its options')
    return lines.join('\n')
  }
  lines.push(`usage: npm run cli -- ${spec.name} [options]`, '', spec.summary, '', 'options:')
  for (const o of spec.options) {
    const left = `  --${o.name}${o.value ? ' ' + o.value : ''}`
    lines.push(`${left.padEnd(30)} ${o.help}${o.required ? ' (required)' : ''}`)
  }
  return lines.join('\n')
}
