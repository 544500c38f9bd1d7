/**
 * The project file (`*.bps.json`, DESIGN §4) as a schema: graph + editor layout + data column settings
 * + training settings (+ weights when trained). The renderer writes and reads it (renderer/project/
 * file.ts); the format lives here, beside the weights file's, so both are checked by one library.
 *
 * `parseProjectFileJson` checks the envelope and every part and throws a SchemaError naming the field
 * (`layout.nodes.h1.x`, `parameters.w1[1]`); the graph is read by the engine's parseGraph (its message
 * is kept). The model part's preprocessing is checked against the graph and weights by parseWeightsFile.
 */
import { GraphError } from '../graph/errors'
import { parseGraph } from '../graph/parse'
import type { GraphSpec, ParameterMap, Position } from '../graph/types'
import { parseWith, SchemaError, z } from '../schema'

export const PROJECT_FORMAT = 'backprop-studio/project'
export const PROJECT_VERSION = 1

const must = (what: string) => () => `must be ${what}`
const finite = z.number({ error: must('a finite number') })
const object = (what: string) => z.record(z.string(), z.unknown(), { error: must(what) })

const position = z.object({ x: finite, y: finite }, { error: must('an object { x, y }') })

const layout = z
  .object(
    {
      nodes: z.record(z.string(), position, { error: must('an object of positions by node id') }).optional(),
      viewport: z
        .object({ x: finite, y: finite, zoom: finite }, { error: must('an object { x, y, zoom }') })
        .optional()
    },
    { error: must('an object') }
  )
  .optional()

const matrix = z
  .array(z.array(finite, { error: must('an array of numbers') }), {
    error: must('a non-empty matrix [[…], …] (rows = target units)')
  })
  .min(1, { error: must('a non-empty matrix [[…], …] (rows = target units)') })
  .superRefine((rows, ctx) => {
    rows.forEach((row, i) => {
      if (row.length !== rows[0].length)
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `has ${row.length} columns, row 0 has ${rows[0].length}`
        })
    })
  })

const part = z.union([object('an object or null'), z.null()], { error: must('an object or null') }).optional()

/** The top level of a project file, as written (the graph is checked apart, by parseGraph). */
export const projectFileSchema = z.object(
  {
    format: z.literal(PROJECT_FORMAT),
    version: z.number().int().min(1),
    graph: z.unknown(),
    layout,
    data: object('an object').optional(),
    training: object('an object').optional(),
    parameters: z.record(z.string(), matrix, { error: must('an object of matrices by edge id') }).optional(),
    model: z
      .object(
        { preprocessing: part, training: part },
        { error: must('an object { preprocessing, training }') }
      )
      .optional()
  },
  { error: () => 'not a project file: expected a JSON object at the top level' }
)

export interface ProjectLayoutData {
  nodes: Record<string, Position>
  viewport?: { x: number; y: number; zoom: number }
}

export interface ProjectModelData {
  preprocessing: Record<string, unknown> | null
  training: Record<string, unknown> | null
}

/** A project file's parts, checked. */
export interface ProjectFileData {
  version: number
  graph: GraphSpec
  layout: ProjectLayoutData
  data: Record<string, unknown>
  training: Record<string, unknown>
  parameters?: ParameterMap
  model?: ProjectModelData
}

/** Reads a project file's JSON value; throws a SchemaError naming the field. */
export function parseProjectFileJson(json: unknown): ProjectFileData {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new SchemaError('', 'not a project file: expected a JSON object at the top level', 'custom', {
      rule: 'invalid-type',
      expectedType: 'object'
    })
  const o = json as Record<string, unknown>
  if (o.format !== PROJECT_FORMAT)
    throw new SchemaError(
      'format',
      `expected "${PROJECT_FORMAT}", found ${JSON.stringify(o.format) ?? 'nothing'}`,
      'custom',
      { rule: 'wrong-format', expected: PROJECT_FORMAT, found: JSON.stringify(o.format) ?? '—' }
    )
  if (!Number.isInteger(o.version) || (o.version as number) < 1)
    throw new SchemaError(
      'version',
      `expected a positive whole number, found ${JSON.stringify(o.version)}`,
      'custom',
      Number.isInteger(o.version) ? { rule: 'too-small', min: 1 } : { rule: 'not-integer' }
    )
  if ((o.version as number) > PROJECT_VERSION)
    throw new SchemaError(
      'version',
      `this project was saved by a newer Backprop Studio (file version ${o.version}); this app reads up to version ${PROJECT_VERSION}`,
      'custom',
      { rule: 'newer-version', version: o.version as number, supported: PROJECT_VERSION }
    )
  if (o.graph === undefined) throw new SchemaError('graph', 'is missing', 'custom', { rule: 'missing' })
  let graph: GraphSpec
  try {
    graph = parseGraph(o.graph)
  } catch (err) {
    // The graph's own error (code, params) stays behind it, so the app words it as a graph error.
    if (err instanceof GraphError)
      throw new SchemaError('graph', err.message, 'custom', { rule: 'other' }, err)
    throw err
  }
  const file = parseWith(projectFileSchema, json)
  const out: ProjectFileData = {
    version: file.version,
    graph,
    layout: { nodes: (file.layout?.nodes ?? {}) as Record<string, Position> },
    data: file.data ?? {},
    training: file.training ?? {}
  }
  if (file.layout?.viewport) out.layout.viewport = file.layout.viewport
  if (file.parameters) out.parameters = file.parameters
  if (file.model)
    out.model = { preprocessing: file.model.preprocessing ?? null, training: file.model.training ?? null }
  return out
}
