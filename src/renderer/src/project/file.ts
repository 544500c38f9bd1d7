import {
  type GraphSpec,
  type ParameterMap,
  type Position,
  parseGraph,
  parseWeightsFile,
  WEIGHTS_FORMAT,
  WEIGHTS_VERSION
} from '@engine/index'

/**
 * The project file users keep (`*.bps.json`, DESIGN §4): graph + editor layout + data column settings +
 * training settings (+ weights when trained). Positions live in `layout`, not in the graph, so the graph
 * stays exactly what the engine compiles.
 */

export const PROJECT_FORMAT = 'backprop-studio/project'
export const PROJECT_VERSION = 1
// File names live with the others in the engine's fileNames.ts.
export { PROJECT_EXTENSION, projectFileName } from '@engine/index'

/** Which CSV and what each column is for. Owned by the data panel; kept as written. */
export interface ProjectData {
  fileName?: string
  path?: string
  roles?: Record<string, string>
  [field: string]: unknown
}

/**
 * Training settings: `settings` (optimiser, learning rate, epochs, seed… as the engine's TrainSettings)
 * and `validationSplit`. The training store writes the settings and the data store the split, both through
 * the project store's setTraining.
 */
export type ProjectTraining = Record<string, unknown>

/**
 * What the engine needs besides the weights to predict with them exactly as before: the preprocessing
 * the weights were trained with and their training summary — the `preprocessing` and `training` fields
 * of a weights file, in its JSON form (docs/weights-format.md). Null when the weights were never bound to
 * data (a template's gate weights).
 */
export interface ProjectModel {
  preprocessing: Record<string, unknown> | null
  training: Record<string, unknown> | null
}

export interface ProjectLayout {
  nodes: Record<string, Position>
  viewport?: { x: number; y: number; zoom: number }
}

/** A project in memory: the graph's nodes carry their positions. */
export interface Project {
  graph: GraphSpec
  data: ProjectData
  training: ProjectTraining
  parameters?: ParameterMap
  /** Only with `parameters`: how they encode a row (see ProjectModel). */
  model?: ProjectModel
  viewport?: ProjectLayout['viewport']
}

/** The file's top level, as written. */
export interface ProjectFile {
  format: typeof PROJECT_FORMAT
  version: number
  graph: GraphSpec
  layout: ProjectLayout
  data: ProjectData
  training: ProjectTraining
  parameters?: ParameterMap
  model?: ProjectModel
}

/** A project file that cannot be read; `field` names where (e.g. "layout.nodes.h1.x"). */
export class ProjectFileError extends Error {
  readonly field: string

  constructor(field: string, message: string) {
    super(field ? `${field}: ${message}` : message)
    this.name = 'ProjectFileError'
    this.field = field
  }
}

export function emptyProject(graph: GraphSpec): Project {
  return { graph, data: {}, training: {} }
}

/** Project → pretty-printed JSON text (two-space indent, so diffs of project files stay readable). */
export function serializeProject(project: Project): string {
  const nodes: Record<string, Position> = {}
  for (const node of project.graph.nodes) if (node.position) nodes[node.id] = { ...node.position }
  const graph: GraphSpec = {
    ...project.graph,
    nodes: project.graph.nodes.map(({ position: _position, ...node }) => node)
  }
  const file: ProjectFile = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    graph,
    layout: project.viewport ? { nodes, viewport: project.viewport } : { nodes },
    data: project.data,
    training: project.training
  }
  if (project.parameters && Object.keys(project.parameters).length) {
    file.parameters = project.parameters
    if (project.model) file.model = project.model
  }
  return JSON.stringify(file, null, 2) + '\n'
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

function readPosition(value: unknown, field: string): Position {
  if (!isRecord(value)) throw new ProjectFileError(field, 'must be an object { x, y }')
  for (const axis of ['x', 'y'] as const)
    if (!isFiniteNumber(value[axis]))
      throw new ProjectFileError(`${field}.${axis}`, 'must be a finite number')
  return { x: value.x as number, y: value.y as number }
}

function readLayout(value: unknown): ProjectLayout {
  if (value === undefined) return { nodes: {} }
  if (!isRecord(value)) throw new ProjectFileError('layout', 'must be an object')
  const nodes: Record<string, Position> = {}
  if (value.nodes !== undefined) {
    if (!isRecord(value.nodes))
      throw new ProjectFileError('layout.nodes', 'must be an object of positions by node id')
    for (const [id, position] of Object.entries(value.nodes))
      nodes[id] = readPosition(position, `layout.nodes.${id}`)
  }
  if (value.viewport === undefined) return { nodes }
  const viewport = value.viewport
  if (!isRecord(viewport)) throw new ProjectFileError('layout.viewport', 'must be an object { x, y, zoom }')
  for (const key of ['x', 'y', 'zoom'] as const)
    if (!isFiniteNumber(viewport[key]))
      throw new ProjectFileError(`layout.viewport.${key}`, 'must be a finite number')
  return {
    nodes,
    viewport: { x: viewport.x as number, y: viewport.y as number, zoom: viewport.zoom as number }
  }
}

function readParameters(value: unknown): ParameterMap | undefined {
  if (value === undefined) return undefined
  if (!isRecord(value)) throw new ProjectFileError('parameters', 'must be an object of matrices by edge id')
  const parameters: ParameterMap = {}
  for (const [edgeId, matrix] of Object.entries(value)) {
    const field = `parameters.${edgeId}`
    if (!Array.isArray(matrix) || matrix.length === 0)
      throw new ProjectFileError(field, 'must be a non-empty matrix [[…], …] (rows = target units)')
    const cols = Array.isArray(matrix[0]) ? matrix[0].length : -1
    matrix.forEach((row, i) => {
      if (!Array.isArray(row)) throw new ProjectFileError(`${field}[${i}]`, 'must be an array of numbers')
      if (row.length !== cols)
        throw new ProjectFileError(`${field}[${i}]`, `has ${row.length} columns, row 0 has ${cols}`)
      row.forEach((x, j) => {
        if (!isFiniteNumber(x)) throw new ProjectFileError(`${field}[${i}][${j}]`, 'must be a finite number')
      })
    })
    parameters[edgeId] = matrix as number[][]
  }
  return parameters
}

function readModel(value: unknown): ProjectModel | undefined {
  if (value === undefined) return undefined
  if (!isRecord(value)) throw new ProjectFileError('model', 'must be an object { preprocessing, training }')
  const part = (key: 'preprocessing' | 'training'): Record<string, unknown> | null => {
    const v = value[key]
    if (v === undefined || v === null) return null
    if (!isRecord(v)) throw new ProjectFileError(`model.${key}`, 'must be an object or null')
    return v
  }
  return { preprocessing: part('preprocessing'), training: part('training') }
}

/**
 * The weights file (its text) that gives the engine this project's model: the graph without editor
 * positions, with the input's width written in from the preprocessing, the weights and the model parts.
 */
export function modelWeightsText(graph: GraphSpec, parameters: ParameterMap, model: ProjectModel): string {
  const width = inputWidthOf(model.preprocessing)
  const nodes = graph.nodes.map(({ position: _position, ...node }) =>
    node.kind === 'input' && width !== undefined ? { ...node, units: width } : node
  )
  return JSON.stringify({
    format: WEIGHTS_FORMAT,
    version: WEIGHTS_VERSION,
    graph: { ...graph, nodes },
    parameters,
    preprocessing: model.preprocessing,
    training: model.training
  })
}

/** The encoded feature count of a preprocessing in its JSON form (one column per category). */
function inputWidthOf(preprocessing: Record<string, unknown> | null): number | undefined {
  const features = preprocessing?.features
  if (!Array.isArray(features)) return undefined
  let width = 0
  for (const f of features) {
    const categories = isRecord(f) && Array.isArray(f.categories) ? f.categories.length : 0
    width += categories > 0 ? categories : 1
  }
  return width
}

function readSection(value: unknown, field: string): Record<string, unknown> {
  if (value === undefined) return {}
  if (!isRecord(value)) throw new ProjectFileError(field, 'must be an object')
  return value
}

/**
 * JSON text → Project. Refuses, naming the field: text that is not JSON, another format, a version newer
 * than this app reads, a graph the engine's parseGraph rejects, bad positions or parameter matrices.
 */
export function parseProject(text: string): Project {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new ProjectFileError(
      '',
      `not a project file: the text is not valid JSON (${(err as Error).message})`
    )
  }
  if (!isRecord(json))
    throw new ProjectFileError('', 'not a project file: expected a JSON object at the top level')
  if (json.format !== PROJECT_FORMAT)
    throw new ProjectFileError(
      'format',
      `expected "${PROJECT_FORMAT}", found ${JSON.stringify(json.format) ?? 'nothing'}`
    )
  if (!Number.isInteger(json.version) || (json.version as number) < 1)
    throw new ProjectFileError(
      'version',
      `expected a positive whole number, found ${JSON.stringify(json.version)}`
    )
  if ((json.version as number) > PROJECT_VERSION)
    throw new ProjectFileError(
      'version',
      `this project was saved by a newer Backprop Studio (file version ${json.version}); this app reads up to version ${PROJECT_VERSION}`
    )
  if (json.graph === undefined) throw new ProjectFileError('graph', 'is missing')
  let graph: GraphSpec
  try {
    graph = parseGraph(json.graph)
  } catch (err) {
    throw new ProjectFileError('graph', (err as Error).message)
  }
  const layout = readLayout(json.layout)
  const project: Project = {
    graph: {
      ...graph,
      nodes: graph.nodes.map((node) => {
        const position = layout.nodes[node.id] ?? node.position
        return position ? { ...node, position } : node
      })
    },
    data: readSection(json.data, 'data') as ProjectData,
    training: readSection(json.training, 'training')
  }
  const parameters = readParameters(json.parameters)
  if (parameters) project.parameters = parameters
  const model = readModel(json.model)
  if (model && parameters) {
    project.model = model
    // The engine's own reader checks the preprocessing against the graph and the weights, naming the field.
    try {
      parseWeightsFile(modelWeightsText(project.graph, parameters, model))
    } catch (err) {
      throw new ProjectFileError('model', (err as Error).message)
    }
  }
  if (layout.viewport) project.viewport = layout.viewport
  return project
}
