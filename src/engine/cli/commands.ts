/**
 * The CLI's commands as glue over the engine API: read the files through `io`, call the engine, print.
 * Nothing here re-implements preprocessing, the weights format or the math; every engine error is
 * turned into a CliError that names the file it came from.
 */
import { parseCsvBytes } from '../data/csv'
import type { CsvTable } from '../data/table'
import { DataError } from '../data/errors'
import { encodeTableFeatures, encodeTableTargets, inputWidthOf } from '../data/encode'
import {
  prepareData,
  profileTable,
  splitRows,
  summarizePreprocessing,
  type ColumnRole,
  type Normalization,
  type PreparedData,
  type Preprocessing
} from '../data/preprocess'
import { GraphError } from '../graph/errors'
import { parseGraph } from '../graph/parse'
import type { GraphSpec, Initializer, LossNode } from '../graph/types'
import { gradientCheck, GRADCHECK_TOLERANCE } from '../nn/gradcheck'
import { createNetwork } from '../nn/network'
import { parametersToMap } from '../nn/parameters'
import type { Network } from '../nn/types'
import { LossHistory } from '../model/lossHistory'
import { networkForData } from '../model/network'
import { resolveTrainSettings, TrainSettingsError, type TrainSettingsInput } from '../train/settings'
import { createTrainer } from '../train/trainer'
import type { EpochMetrics, OptimizerKind, ScheduleKind, SetMetrics, TrainSettings } from '../train/types'
import { buildWeightsFile, parseWeightsFile, WeightsError } from '../weights/file'
import { writeJson } from '../weights/json'
import { evaluateModel, predictCsv } from '../weights/predict'
import type { WeightsFile } from '../weights/types'
import { dict } from '../objects'
import { CliError, type ParsedOptions } from './args'

/** What the commands need from the host: files and two output streams (injected so tests can capture). */
export interface CliIO {
  readFile(path: string): Uint8Array
  /** Whether two paths name the same file (resolved, through symlinks); plain string equality when absent. */
  samePath?(a: string, b: string): boolean
  writeFile(path: string, text: string): void
  stdout(text: string): void
  stderr(text: string): void
}

/** The gradient file `grad` writes: ∂C/∂W per edge, laid out like the weights file's `parameters`. */
export const GRADIENTS_FORMAT = 'backprop-studio/gradients'

const NORMALIZATIONS: Record<string, Normalization> = {
  zscore: 'z-score',
  'z-score': 'z-score',
  minmax: 'min-max',
  'min-max': 'min-max',
  none: 'none'
}

// ————— reading files —————

function readBytes(io: CliIO, path: string, what: string): Uint8Array {
  try {
    return io.readFile(path)
  } catch (err) {
    const code = (err as { code?: string }).code
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message
    throw new CliError(`cannot read the ${what} ${path}: ${why}`, 1)
  }
}

const readText = (io: CliIO, path: string, what: string): string =>
  new TextDecoder('utf-8').decode(readBytes(io, path, what))

function readCsv(io: CliIO, path: string, keepSpans = false) {
  const bytes = readBytes(io, path, 'data file')
  try {
    const table = parseCsvBytes(bytes, { header: true, keepSpans })
    if (table.rowCount === 0) throw new CliError(`${path}: the file has a header but no data rows`, 1)
    return { bytes, table }
  } catch (err) {
    throw fileError(path, err)
  }
}

function readGraph(io: CliIO, path: string): GraphSpec {
  const text = readText(io, path, 'graph file')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new CliError(`${path}: not valid JSON (${(err as Error).message})`, 1)
  }
  try {
    return parseGraph(json)
  } catch (err) {
    throw fileError(path, err)
  }
}

function readWeights(io: CliIO, path: string): WeightsFile & { preprocessing: Preprocessing } {
  let file: WeightsFile
  try {
    file = parseWeightsFile(readText(io, path, 'weights file'))
  } catch (err) {
    throw fileError(path, err)
  }
  if (!file.preprocessing) {
    throw new CliError(
      `${path}: the weights file has no preprocessing (the network was never bound to data), so CSV rows cannot be encoded for it`,
      1
    )
  }
  return file as WeightsFile & { preprocessing: Preprocessing }
}

/** The engine's typed errors become file errors (exit 1) that name the file; anything else propagates. */
function fileError(path: string, err: unknown): Error {
  if (err instanceof CliError) return err
  if (err instanceof DataError || err instanceof WeightsError || err instanceof GraphError) {
    return new CliError(`${path}: ${err.message}`, 1)
  }
  return err as Error
}

/** The network of a weights file, with its parameters restored. */
function networkOf(file: WeightsFile & { preprocessing: Preprocessing }): Network {
  const net = createNetwork(file.graph, { inputWidth: inputWidthOf(file.preprocessing) })
  net.setParameters(file.parameters)
  return net
}

/** The first `limit` rows (all when absent), encoded with the weights file's preprocessing. */
function encodedRows(
  io: CliIO,
  dataPath: string,
  p: Preprocessing,
  limit: number | undefined,
  command: string
): { x: Float64Array; y: Float64Array; m: number } {
  const { table } = readCsv(io, dataPath)
  if (limit !== undefined && limit < 1) throw new CliError(`${command}: --rows must be ≥ 1, got ${limit}`)
  const m = Math.min(limit ?? table.rowCount, table.rowCount)
  const rows = Int32Array.from({ length: m }, (_, r) => r)
  try {
    return { x: encodeTableFeatures(p, table, rows), y: encodeTableTargets(p, table, rows), m }
  } catch (err) {
    throw fileError(dataPath, err)
  }
}

// ————— train —————

function trainSettingsFrom(o: ParsedOptions): TrainSettings {
  const input: TrainSettingsInput = {}
  const num = (name: string): number | undefined => o[name] as number | undefined
  if (o.optimizer !== undefined) input.optimizer = o.optimizer as OptimizerKind
  if (o.init !== undefined) input.init = o.init as Initializer
  input.learningRate = num('lr')
  input.batchSize = num('batch')
  input.epochs = num('epochs')
  input.seed = num('seed')
  input.l2 = num('l2')
  input.momentum = num('momentum')
  input.patience = num('patience')
  input.lossTarget = num('loss-target')
  input.minLossChange = num('min-change')
  if (o.schedule !== undefined) input.schedule = { kind: o.schedule as ScheduleKind }
  for (const key of Object.keys(input) as (keyof TrainSettingsInput)[]) {
    if (input[key] === undefined) delete input[key]
  }
  try {
    return resolveTrainSettings(input)
  } catch (err) {
    if (err instanceof TrainSettingsError) throw new CliError(`train: ${err.message}`)
    throw err
  }
}

/**
 * Roles from the command line: the targets, the ignored columns, and every other column a feature —
 * except those the profile would leave out anyway (ID-like or free-text columns such as a name).
 */
function rolesFor(
  table: ReturnType<typeof parseCsvBytes>,
  targets: string[],
  ignored: string[]
): Record<string, ColumnRole> {
  const roles = dict<ColumnRole>()
  for (const c of profileTable(table)) {
    if (targets.includes(c.name)) roles[c.name] = 'target'
    else if (ignored.includes(c.name)) roles[c.name] = 'ignored'
    else roles[c.name] = c.defaultRole === 'ignored' ? 'ignored' : 'feature'
  }
  for (const name of [...targets, ...ignored]) {
    if (!(name in roles)) {
      const known = Object.keys(roles)
        .map((n) => JSON.stringify(n))
        .join(', ')
      throw new CliError(`train: the data has no column ${JSON.stringify(name)} (columns: ${known})`, 1)
    }
  }
  return roles
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

const round = (v: number | undefined): number | undefined =>
  v === undefined || !Number.isFinite(v) ? v : Number(v.toPrecision(6))

const setSummary = (s: SetMetrics): Record<string, number | undefined> => ({
  loss: round(s.loss),
  accuracy: round(s.accuracy),
  r2: round(s.r2),
  rmseStandardized: round(s.rmseStandardized)
})

function progressLine(m: EpochMetrics): string {
  const part = (name: string, s: SetMetrics | undefined): string => {
    if (!s) return ''
    const extra =
      s.accuracy !== undefined
        ? ` accuracy ${s.accuracy.toFixed(4)}`
        : s.r2 !== undefined
          ? ` R² ${s.r2.toFixed(4)}`
          : ''
    return `  ${name} loss ${s.loss.toPrecision(5)}${extra}`
  }
  return `epoch ${m.epoch}${part('train', m.train)}${part('validation', m.validation)}`
}

/**
 * Refuses an --out that is one of the command's inputs: writing the weights over the graph, or the
 * predictions over the CSV they came from, would destroy the user's file (issue 10, item 11).
 * Paths are compared resolved (and by the host's idea of identity, e.g. a symlink, when it has one).
 */
function refuseOverwrite(
  io: CliIO,
  command: string,
  out: string | undefined,
  inputs: Record<string, unknown>
): void {
  if (out === undefined) return
  for (const [option, path] of Object.entries(inputs)) {
    if (typeof path !== 'string') continue
    if (io.samePath ? io.samePath(out, path) : out === path)
      throw new CliError(
        `${command}: --out ${out} is the same file as --${option}; writing it would destroy that input — choose another --out`
      )
  }
}

/** What a run trains on: a fresh preparation of the CSV, or the rows encoded with a weights file's preprocessing. */
interface TrainingInput {
  spec: GraphSpec
  net: Network
  prepared: PreparedData
  /** The weights file's training, continued (--from). */
  base: WeightsFile['training']
}

function freshInput(o: ParsedOptions, io: CliIO, settings: TrainSettings, table: CsvTable): TrainingInput {
  const graphPath = o.graph as string
  const dataPath = o.data as string
  const spec = readGraph(io, graphPath)
  const targets = (o.target as string[] | undefined) ?? []
  if (targets.length === 0) throw new CliError('train: --target is required with --graph')
  const roles = rolesFor(table, targets, (o.ignore as string[] | undefined) ?? [])
  const lossNode = spec.nodes.find((n): n is LossNode => n.kind === 'loss')
  const normalization = o.normalize === undefined ? 'z-score' : NORMALIZATIONS[o.normalize as string]
  if (!normalization) {
    throw new CliError(
      `train: --normalize expects zscore, minmax or none, got ${JSON.stringify(o.normalize)}`
    )
  }
  const validationSplit = (o.val as number | undefined) ?? 0.2
  let prepared: PreparedData
  try {
    prepared = prepareData(table, {
      roles,
      normalization,
      validationSplit,
      seed: settings.seed,
      // A two-class target follows the graph: cross-entropy means two softmax units, else one sigmoid.
      binaryTarget: lossNode?.loss === 'cross-entropy' ? 'softmax' : 'sigmoid'
    })
  } catch (err) {
    throw fileError(dataPath, err)
  }
  const { summary } = prepared
  if (summary.task === 'regression' && /cross-entropy/.test(lossNode?.loss ?? '')) {
    throw new CliError(
      `${graphPath}: the loss is ${lossNode?.loss}, but the target ${summary.targets.join(', ')} is numeric (regression); use squared-error, mean-absolute-error or huber`,
      1
    )
  }
  let net: Network
  try {
    net = networkForData(spec, prepared, settings.init, settings.seed)
  } catch (err) {
    throw fileError(graphPath, err)
  }
  return { spec, net, prepared, base: null }
}

/**
 * --from: the weights file's graph, weights and preprocessing (its feature columns, encodings,
 * statistics and classes), so the CSV's rows are encoded exactly as the model was trained, and the
 * run continues from its weights. The split is the usual seeded one over the rows.
 */
function continuedInput(
  o: ParsedOptions,
  io: CliIO,
  settings: TrainSettings,
  table: CsvTable
): TrainingInput {
  const fromPath = o.from as string
  const dataPath = o.data as string
  for (const option of ['target', 'ignore', 'normalize'] as const)
    if (o[option] !== undefined)
      throw new CliError(
        `train: --${option} cannot be combined with --from: the weights file fixes the columns and their encoding`
      )
  const file = readWeights(io, fromPath)
  const p = file.preprocessing
  const net = networkOf(file)
  const validationSplit = (o.val as number | undefined) ?? 0.2
  const all = Array.from({ length: table.rowCount }, (_, r) => r)
  const { train, validation } = splitRows(all, validationSplit, settings.seed, null)
  let data: PreparedData['data']
  try {
    const set = (rows: Int32Array) => ({
      x: encodeTableFeatures(p, table, rows),
      y: encodeTableTargets(p, table, rows),
      rows: rows.length
    })
    data = { train: set(train), validation: set(validation), task: p.task }
  } catch (err) {
    throw fileError(dataPath, err)
  }
  const prepared: PreparedData = {
    summary: summarizePreprocessing(p, { trainRows: train.length, validationRows: validation.length }),
    data,
    preprocessing: p,
    rows: { train, validation }
  }
  return { spec: file.graph, net, prepared, base: file.training }
}

/** A run that ended this way left the last good weights, not what the user asked for: exit 1. */
const FAILED_REASONS = new Set(['non-finite', 'diverged', 'error'])

export function trainCommand(o: ParsedOptions, io: CliIO): void {
  const settings = trainSettingsFrom(o)
  const dataPath = o.data as string
  if ((o.graph === undefined) === (o.from === undefined))
    throw new CliError(
      'train: give either --graph G.json (train a new network) or --from W.weights.json (continue training one), not both'
    )
  refuseOverwrite(io, 'train', o.out as string, { graph: o.graph, data: o.data, from: o.from })
  const { table } = readCsv(io, dataPath)
  const { spec, net, prepared, base } =
    o.from !== undefined ? continuedInput(o, io, settings, table) : freshInput(o, io, settings, table)
  const { summary } = prepared
  const source = (o.from ?? o.graph) as string

  const quiet = o.quiet === true
  const say = (line: string): void => {
    if (!quiet) io.stdout(line + '\n')
  }
  say(
    `${o.from !== undefined ? 'continuing' : 'training'} ${source} on ${dataPath}: ${summary.trainRows} training rows, ${summary.validationRows} validation rows, ` +
      `${plural(summary.inputWidth, 'input')} (${summary.featureColumns.join(', ')}) → ${plural(summary.outputWidth, 'output')} (${summary.task}), ` +
      `${settings.optimizer}, lr ${settings.learningRate}, batch ${settings.batchSize}, up to ${settings.epochs} epochs`
  )
  for (const n of summary.notices) say(`note: ${n.message}`)

  const trainer = createTrainer(net, prepared.data, settings)
  const history = new LossHistory(undefined, base?.lossHistory ?? [])
  const offset = base?.steps ?? 0
  // About 20 progress lines whatever the epoch count, plus the last.
  const every = Math.max(1, Math.ceil(settings.epochs / 20))
  const t0 = performance.now()
  let done
  for (;;) {
    let r
    try {
      r = trainer.step()
    } catch (err) {
      // As in the app: a throw inside the loop is a failed run that keeps the last good weights.
      r = { trained: false, loss: NaN, rows: 0, done: trainer.fail(err) }
    }
    history.add(offset + trainer.stepCount, r.loss)
    if (r.epoch && (r.epoch.epoch % every === 0 || r.done)) say(progressLine(r.epoch))
    if (r.done) {
      done = r.done
      break
    }
  }
  const seconds = (performance.now() - t0) / 1000
  const failed = FAILED_REASONS.has(done.reason)
  if (failed) io.stderr(`train: ${done.message}\n`)
  else say(done.message)

  const trainedGraph = o.from !== undefined ? spec : bindLoss(spec, prepared)
  const text = buildWeightsFile({
    graph: trainedGraph,
    parameters: net.getParameters(),
    preprocessing: prepared.preprocessing,
    training: {
      settings,
      seed: settings.seed,
      epochsRun: (base?.epochsRun ?? 0) + trainer.epoch,
      steps: offset + trainer.stepCount,
      final: done.final ?? base?.final ?? null,
      lossHistory: history.toArray()
    }
  })
  writeOut(io, o.out as string, text, 'weights file')

  // The holdout score in the target's own units (accuracy, or R² and RMSE), as the app's evaluation shows it.
  const set = prepared.data.validation?.rows ? prepared.data.validation : prepared.data.train
  const evaluation = evaluateModel(net, prepared.preprocessing, set)
  io.stdout(
    JSON.stringify({
      command: 'train',
      reason: done.reason,
      ...(done.nonFinite ? { nonFinite: done.nonFinite } : {}),
      ...(done.diverged ? { diverged: done.diverged } : {}),
      ...(done.error ? { error: done.error } : {}),
      epochs: trainer.epoch,
      steps: trainer.stepCount,
      seconds: round(seconds),
      task: summary.task,
      train: done.final ? setSummary(done.final.train) : undefined,
      validation: done.final?.validation ? setSummary(done.final.validation) : undefined,
      holdout: {
        split: prepared.data.validation?.rows ? 'validation' : 'train',
        rows: evaluation.rows,
        accuracy: round(evaluation.accuracy),
        r2: round(evaluation.r2),
        rmseTargetUnits: round(evaluation.rmseTargetUnits)
      },
      out: o.out
    }) + '\n'
  )
  if (failed)
    throw new CliError(
      `train: the run failed (${done.reason}); ${o.out} holds the last good weights${o.from !== undefined && done.step <= 1 ? ` — those of ${o.from}` : ''}`,
      1
    )
}

/** The graph as trained: its loss node names the targets, task and classes (what the app's binding does). */
function bindLoss(spec: GraphSpec, prepared: PreparedData): GraphSpec {
  const { summary } = prepared
  return {
    ...spec,
    nodes: spec.nodes.map((n) =>
      n.kind === 'loss'
        ? {
            ...n,
            targets: [...summary.targets],
            task: summary.task,
            ...(summary.classes ? { classes: [...summary.classes] } : {})
          }
        : n.kind === 'input'
          ? { ...n, units: summary.inputWidth }
          : n
    )
  }
}

function writeOut(io: CliIO, path: string, text: string, what: string): void {
  try {
    io.writeFile(path, text)
  } catch (err) {
    throw new CliError(`cannot write the ${what} ${path}: ${(err as Error).message}`, 1)
  }
}

// ————— predict —————

export function predictCommand(o: ParsedOptions, io: CliIO): void {
  refuseOverwrite(io, 'predict', o.out as string | undefined, { weights: o.weights, data: o.data })
  const file = readWeights(io, o.weights as string)
  const net = networkOf(file)
  const dataPath = o.data as string
  const bytes = readBytes(io, dataPath, 'data file')
  let result: { text: string; rows: number }
  try {
    result = predictCsv(net, file.preprocessing, bytes)
  } catch (err) {
    throw fileError(dataPath, err)
  }
  if (o.out === undefined) {
    io.stdout(result.text)
    return
  }
  writeOut(io, o.out as string, result.text, 'predictions file')
  io.stdout(JSON.stringify({ command: 'predict', rows: result.rows, out: o.out }) + '\n')
}

// ————— grad —————

export function gradCommand(o: ParsedOptions, io: CliIO): void {
  refuseOverwrite(io, 'grad', o.out as string | undefined, { weights: o.weights, data: o.data })
  const file = readWeights(io, o.weights as string)
  const net = networkOf(file)
  const { x, y, m } = encodedRows(
    io,
    o.data as string,
    file.preprocessing,
    o.rows as number | undefined,
    'grad'
  )
  // The batch-mean gradient over all m rows in one pass: ∂/∂θ of C = (1/m) Σ C_r (DESIGN §3).
  const loss = net.lossAndGradients(x, y, m)
  // Written like the weights file (one matrix row per line, shortest round-trip numbers).
  const text = writeJson({
    format: GRADIENTS_FORMAT,
    version: 1,
    rows: m,
    loss,
    parameters: parametersToMap(net.slices, net.grads)
  })
  writeOut(io, o.out as string, text + '\n', 'gradients file')
  io.stdout(
    JSON.stringify({ command: 'grad', rows: m, loss, parameters: net.params.length, out: o.out }) + '\n'
  )
}

// ————— gradcheck —————

export function gradcheckCommand(o: ParsedOptions, io: CliIO): void {
  const file = readWeights(io, o.weights as string)
  const net = networkOf(file)
  const limit = (o.rows as number | undefined) ?? 32
  const { x, y, m } = encodedRows(io, o.data as string, file.preprocessing, limit, 'gradcheck')
  const perEdge = (o['per-edge'] as number | undefined) ?? 64
  if (perEdge < 1) throw new CliError(`gradcheck: --per-edge must be ≥ 1, got ${perEdge}`)
  const result = gradientCheck(net, x, y, m, { maxPerEdge: perEdge })
  for (const e of result.edges) {
    io.stdout(
      `${e.edgeId.padEnd(12)} ${String(e.checked).padStart(5)} checked  max error ${e.maxRelError.toExponential(2)}\n`
    )
  }
  io.stdout(
    JSON.stringify({
      command: 'gradcheck',
      rows: m,
      passed: result.passed,
      maxRelError: result.maxRelError,
      tolerance: GRADCHECK_TOLERANCE
    }) + '\n'
  )
  if (!result.passed) {
    throw new CliError(
      `gradcheck: backpropagation and finite differences differ by ${result.maxRelError.toExponential(2)} (tolerance ${GRADCHECK_TOLERANCE})`,
      1
    )
  }
}
