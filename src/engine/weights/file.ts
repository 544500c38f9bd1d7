/**
 * The weights file (DESIGN §4, docs/weights-format.md): writing it, and reading it back from untrusted
 * text. Reading checks everything before returning anything — the format and version, every field's
 * type, the graph (with the engine's own graph parser and rules), each parameter matrix against the
 * shape the graph gives its edge, the preprocessing against the graph's input and output widths — and
 * refuses the whole file with a message that names the field path, e.g.
 * `parameters.w1[3]: expected 4 numbers, got 3`. A file is never half-loaded.
 */
import { inputWidthOf, outputWidthOf } from '../data/encode'
import type { FeatureEncoding, Preprocessing, TargetEncoding } from '../data/types'
import { compileGraph } from '../graph/compile'
import { GraphError } from '../graph/errors'
import { parseGraph } from '../graph/parse'
import {
  GRAPH_FORMAT,
  type GraphEdge,
  type GraphNode,
  type GraphSpec,
  type ParameterMap
} from '../graph/types'
import { assertValidGraph } from '../graph/validate'
import { defaultTrainSettings, resolveTrainSettings, TrainSettingsError } from '../train/settings'
import { expected, parseWith, SchemaError, z } from '../schema'
import { preprocessingSchema, trainingSchema } from './schema'
import type { EpochMetrics, SetMetrics, TrainSettings } from '../train/types'
import type { MessageParams } from '../messageParams'
import { dict, own } from '../objects'
import { writeJson, type Json } from './json'
import { WEIGHTS_FORMAT, WEIGHTS_VERSION, type TrainingSummary, type WeightsFile } from './types'

export const WEIGHTS_ERROR_CODES = [
  'bad-json',
  'bad-format',
  'bad-version',
  'bad-field',
  'bad-graph',
  'bad-parameters'
] as const

export type WeightsErrorCode = (typeof WEIGHTS_ERROR_CODES)[number]

/** A weights file that cannot be read (or written); `path` is the offending field, e.g. `parameters.w1[3]`. */
export class WeightsError extends Error {
  readonly code: WeightsErrorCode
  readonly path: string | null
  /** The field path (`path`) for wording the error in the user's language. */
  readonly params: MessageParams
  constructor(code: WeightsErrorCode, message: string, path: string | null = null) {
    super(message)
    this.name = 'WeightsError'
    this.code = code
    this.path = path
    this.params = path === null ? {} : { path }
  }
}

export interface WeightsInput {
  graph: GraphSpec
  parameters: ParameterMap
  preprocessing: Preprocessing | null
  training: TrainingSummary | null
}

// ————— writing —————

const NODE_KEYS = [
  'id',
  'kind',
  'name',
  'units',
  'activation',
  'leak',
  'init',
  'loss',
  'huberDelta',
  'task',
  'targets',
  'classes',
  'position'
]
const EDGE_KEYS = ['id', 'from', 'to', 'kind']
const GRAPH_KEYS = ['format', 'version', 'name', 'nodes', 'edges']

/** The object with `first` keys in that order, then any other keys sorted (nested objects likewise). */
function ordered(value: unknown, first: readonly string[] = []): Json {
  if (Array.isArray(value)) return value.map((v) => ordered(v))
  if (typeof value !== 'object' || value === null) return value as Json
  const o = value as Record<string, unknown>
  const keys = [
    ...first.filter((k) => k in o),
    ...Object.keys(o)
      .filter((k) => !first.includes(k))
      .sort()
  ]
  const out = dict<Json>()
  for (const k of keys) if (o[k] !== undefined) out[k] = ordered(o[k])
  return out
}

function graphJson(g: GraphSpec): Json {
  const spec = ordered({ ...g, nodes: undefined, edges: undefined }, GRAPH_KEYS) as Record<string, Json>
  const out: Record<string, Json> = {}
  for (const k of GRAPH_KEYS.slice(0, 3)) if (k in spec) out[k] = spec[k]
  out.nodes = g.nodes.map((n: GraphNode) => ordered(n, NODE_KEYS))
  out.edges = g.edges.map((e: GraphEdge) => ordered(e, EDGE_KEYS))
  for (const k of Object.keys(spec)) if (!(k in out)) out[k] = spec[k]
  return out
}

function featureJson(f: FeatureEncoding): Json {
  return f.kind === 'numeric'
    ? {
        column: f.column,
        kind: f.kind,
        normalization: f.normalization,
        center: f.center,
        scale: f.scale,
        impute: f.impute
      }
    : { column: f.column, kind: f.kind, categories: [...f.categories], impute: f.impute }
}

function targetJson(t: TargetEncoding): Json {
  return t.kind === 'numeric'
    ? { column: t.column, kind: t.kind, center: t.center, scale: t.scale }
    : { column: t.column, kind: t.kind, classes: [...t.classes], encoding: t.encoding }
}

function preprocessingJson(p: Preprocessing): Json {
  return {
    task: p.task,
    features: p.features.map(featureJson),
    targets: p.targets.map(targetJson),
    featureNames: [...p.featureNames],
    missing: p.missing
  }
}

const setJson = (s: SetMetrics): Json => ({
  loss: s.loss,
  accuracy: s.accuracy,
  r2: s.r2,
  rmseStandardized: s.rmseStandardized
})

function trainingJson(t: TrainingSummary): Json {
  const f = t.final
  return {
    settings: ordered(t.settings, Object.keys(defaultTrainSettings())),
    seed: t.seed,
    epochsRun: t.epochsRun,
    steps: t.steps,
    final: f && {
      epoch: f.epoch,
      step: f.step,
      learningRate: f.learningRate,
      train: setJson(f.train),
      validation: f.validation && setJson(f.validation)
    },
    // LossHistory (model/lossHistory.ts) already bounds it to a few hundred points.
    lossHistory: t.lossHistory.map(([step, loss]) => [step, loss])
  }
}

/**
 * The weights file's text. Parameters are written in the order of the graph's edges; a non-finite
 * weight is refused (it has no JSON form and could not be loaded again).
 */
export function buildWeightsFile(input: WeightsInput): string {
  const parameters = dict<Json>()
  for (const e of input.graph.edges) {
    const W = own(input.parameters, e.id)
    if (W === undefined) continue
    W.forEach((row, i) =>
      row.forEach((v, j) => {
        if (!Number.isFinite(v))
          throw new WeightsError(
            'bad-parameters',
            `parameters.${e.id}[${i}][${j}] is ${v}: only finite weights can be saved.`,
            `parameters.${e.id}[${i}][${j}]`
          )
      })
    )
    parameters[e.id] = W.map((row) => [...row])
  }
  const file: Json = {
    format: WEIGHTS_FORMAT,
    version: WEIGHTS_VERSION,
    graph: graphJson(input.graph),
    parameters,
    preprocessing: input.preprocessing && preprocessingJson(input.preprocessing),
    training: input.training && trainingJson(input.training)
  }
  return writeJson(file) + '\n'
}

// ————— reading —————

type Obj = Record<string, unknown>

function describe(v: unknown): string {
  if (v === undefined) return 'nothing'
  if (v === null) return 'null'
  if (Array.isArray(v)) return `an array of ${v.length}`
  if (typeof v === 'object') return 'an object'
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)
  return `${typeof v} ${String(v)}`
}

function bad(path: string, expected: string, got: unknown, code: WeightsErrorCode = 'bad-field'): never {
  throw new WeightsError(
    code,
    got === undefined
      ? `${path}: missing (expected ${expected})`
      : `${path}: expected ${expected}, got ${describe(got)}`,
    path
  )
}

/** `value` read with `schema` at `path`; a refusal becomes a WeightsError naming the field. */
function read<S extends z.ZodType>(schema: S, value: unknown, path: string): z.output<S> {
  try {
    return parseWith(schema, value, path)
  } catch (err) {
    if (err instanceof SchemaError) throw new WeightsError('bad-field', err.message, err.path)
    throw err
  }
}

/** A metric read back: null (NaN when written) is NaN again. */
const metric = (v: number | null | undefined): number | undefined => (v === null ? NaN : v)

function readPreprocessing(v: unknown): Preprocessing | null {
  if (v === null) return null
  const path = 'preprocessing'
  const p = read(preprocessingSchema, v, path) as Preprocessing
  // What the schema cannot say: how the parts fit together.
  p.features.forEach((f, i) => {
    if (f.kind === 'one-hot' && f.impute !== null && !f.categories.includes(f.impute))
      bad(`${path}.features[${i}].impute`, 'one of the categories or null', f.impute)
  })
  p.targets.forEach((t, i) => {
    if (t.kind === 'classes' && t.encoding === 'sigmoid' && t.classes.length !== 2)
      bad(`${path}.targets[${i}].classes`, 'exactly 2 classes for a sigmoid output', t.classes)
  })
  const classTargets = p.targets.filter((t) => t.kind === 'classes')
  const expectedTask =
    classTargets.length === 0
      ? 'regression'
      : classTargets[0].kind === 'classes' && classTargets[0].classes.length === 2
        ? 'binary'
        : 'multiclass'
  if (p.task !== expectedTask) bad(`${path}.task`, `"${expectedTask}" for these targets`, p.task)
  if (classTargets.length > 0 && p.targets.length > 1)
    bad(`${path}.targets`, 'one class target, or only numeric targets', p.targets)
  const width = inputWidthOf(p)
  if (p.featureNames.length !== width)
    bad(`${path}.featureNames`, `${width} names (one per encoded input)`, p.featureNames)
  return p
}

function readSet(
  s: z.output<typeof trainingSchema>['final'] extends infer F
    ? F extends { train: infer T }
      ? T
      : never
    : never
): SetMetrics {
  const out: SetMetrics = { loss: metric(s.loss)! }
  for (const k of ['accuracy', 'r2', 'rmseStandardized'] as const)
    if (s[k] !== undefined) out[k] = metric(s[k])
  // Files written before the key named its units called the standardised error `rmse`.
  if (out.rmseStandardized === undefined && s.rmse !== undefined) out.rmseStandardized = metric(s.rmse)
  return out
}

function readTraining(v: unknown): TrainingSummary | null {
  if (v === null) return null
  const path = 'training'
  // Every settings field must be there: a file says how it was trained, not "the defaults of some version".
  const t = read(trainingSchema, v, path)
  let settings: TrainSettings
  try {
    // The cross-field rules (e.g. Δmin ≤ Δmax) of the one settings reader.
    settings = resolveTrainSettings(t.settings as unknown as TrainSettings)
  } catch (err) {
    if (err instanceof TrainSettingsError) {
      const why = err.message.replace(/^training setting "[^"]*": /, '')
      throw new WeightsError(
        'bad-field',
        `${path}.settings.${err.field}: ${why}`,
        `${path}.settings.${err.field}`
      )
    }
    throw err
  }
  let final: EpochMetrics | null = null
  if (t.final) {
    final = {
      epoch: t.final.epoch,
      step: t.final.step,
      learningRate: t.final.learningRate,
      train: readSet(t.final.train)
    }
    if (t.final.validation !== undefined) final.validation = readSet(t.final.validation)
  }
  return {
    settings,
    seed: t.seed,
    epochsRun: t.epochsRun,
    steps: t.steps,
    final,
    lossHistory: t.lossHistory.map(([step, loss]): [number, number] => [step, metric(loss)!])
  }
}

function readGraph(
  v: unknown,
  inputWidth: number | undefined
): { graph: GraphSpec; slices: ReturnType<typeof compileGraph>['slices']; outputWidth: number } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad('graph', 'an object', v)
  try {
    const graph = parseGraph(v)
    assertValidGraph(graph, { inputWidth })
    const plan = compileGraph(graph, inputWidth)
    return { graph, slices: plan.slices, outputWidth: plan.layers[plan.output].units }
  } catch (err) {
    if (!(err instanceof GraphError)) throw err
    // Shape problems name the field ("nodes[2].units must be…"); rule problems name the node or edge.
    const first = err.issues.find((i) => i.severity === 'error') ?? err.issues[0]
    const field = /^(nodes|edges|format|version|name)\b/.test(first?.message ?? '')
    throw new WeightsError('bad-graph', field ? `graph.${err.message}` : `graph: ${err.message}`, 'graph')
  }
}

function readParameters(v: unknown, slices: ReturnType<typeof compileGraph>['slices']): ParameterMap {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad('parameters', 'an object', v)
  const o = v as Obj
  const bySlice = new Map(slices.map((s) => [s.edgeId, s]))
  for (const key of Object.keys(o)) {
    if (!bySlice.has(key))
      throw new WeightsError(
        'bad-parameters',
        `parameters.${key}: the graph has no weighted edge "${key}"`,
        `parameters.${key}`
      )
  }
  const out: ParameterMap = dict()
  for (const s of slices) {
    const path = `parameters.${s.edgeId}`
    const what = `${s.rows}×${s.cols} for edge "${s.edgeId}" (${s.from} → ${s.to})`
    const W = own(o, s.edgeId)
    if (W === undefined) throw new WeightsError('bad-parameters', `${path}: missing (expected ${what})`, path)
    if (!Array.isArray(W) || W.length !== s.rows) {
      const got = Array.isArray(W) ? `${W.length} rows` : describe(W)
      throw new WeightsError('bad-parameters', `${path}: expected ${s.rows} rows (${what}), got ${got}`, path)
    }
    out[s.edgeId] = W.map((row: unknown, i): number[] => {
      const at = `${path}[${i}]`
      if (!Array.isArray(row) || row.length !== s.cols) {
        const got = Array.isArray(row) ? String(row.length) : describe(row)
        throw new WeightsError('bad-parameters', `${at}: expected ${s.cols} numbers, got ${got}`, at)
      }
      return row.map((x: unknown, j) =>
        typeof x === 'number' && Number.isFinite(x)
          ? x
          : bad(`${at}[${j}]`, 'a finite number', x, 'bad-parameters')
      )
    })
  }
  return out
}

/** Reads and checks a weights file; throws a WeightsError naming the field, and returns nothing partial. */
export function parseWeightsFile(text: string): WeightsFile {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new WeightsError('bad-json', `The file is not valid JSON: ${(err as Error).message}`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) bad('the file', 'an object', json)
  const root = json as Obj
  if (root.format !== WEIGHTS_FORMAT) {
    const hint = root.format === GRAPH_FORMAT ? ' (this is a graph file; weights files embed the graph)' : ''
    throw new WeightsError(
      'bad-format',
      `format: expected "${WEIGHTS_FORMAT}", got ${describe(root.format)}; this is not a Backprop Studio weights file${hint}.`,
      'format'
    )
  }
  const version = read(
    z
      .number({ error: expected('a whole number ≥ 1') })
      .int({ error: expected('a whole number ≥ 1') })
      .min(1, { error: expected('a whole number ≥ 1') }),
    root.version,
    'version'
  )
  if (version > WEIGHTS_VERSION) {
    throw new WeightsError(
      'bad-version',
      `version: the file has version ${version}, written by a newer Backprop Studio; this one reads version ${WEIGHTS_VERSION}. Update the app to open it.`,
      'version'
    )
  }
  for (const key of ['graph', 'parameters', 'preprocessing', 'training']) {
    if (!(key in root))
      bad(key, key === 'preprocessing' || key === 'training' ? 'an object or null' : 'an object', undefined)
  }
  const preprocessing = readPreprocessing(root.preprocessing)
  const { graph, slices, outputWidth } = readGraph(
    root.graph,
    preprocessing ? inputWidthOf(preprocessing) : undefined
  )
  if (preprocessing && outputWidthOf(preprocessing) !== outputWidth) {
    bad(
      'preprocessing.targets',
      `targets needing ${outputWidth} output unit${outputWidth === 1 ? '' : 's'} (the output layer's width)`,
      `targets needing ${outputWidthOf(preprocessing)}`
    )
  }
  const parameters = readParameters(root.parameters, slices)
  const training = readTraining(root.training)
  return { format: WEIGHTS_FORMAT, version, graph, parameters, preprocessing, training }
}
