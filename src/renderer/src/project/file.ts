import {
  type GraphSpec,
  type ParameterMap,
  type Position,
  type ProjectFileData,
  parseProjectFileJson,
  parseWeightsFile,
  PROJECT_FORMAT,
  PROJECT_VERSION,
  SchemaError,
  isMessageParams,
  type MessageParams,
  WEIGHTS_FORMAT,
  WEIGHTS_VERSION
} from '@engine/index'

/**
 * The project file users keep (`*.bps.json`, DESIGN §4): graph + editor layout + data column settings +
 * training settings (+ weights when trained). Positions live in `layout`, not in the graph, so the graph
 * stays exactly what the engine compiles.
 */

// The format's name and version are the engine's (project/schema.ts).
export { PROJECT_FORMAT, PROJECT_VERSION }
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

/**
 * A project file that cannot be read; `field` names where (e.g. "layout.nodes.h1.x"). Like an engine
 * error it carries a code, params and family for the user's language (engine.project.<code>, or the
 * graph's or weights file's own error when that is what is wrong); `message` is the English.
 */
export class ProjectFileError extends Error {
  readonly field: string
  readonly code: string
  readonly family: string
  readonly params: MessageParams

  constructor(
    field: string,
    message: string,
    why: { code: string; family?: string; params?: MessageParams } = { code: 'bad-field' }
  ) {
    super(field ? `${field}: ${message}` : message)
    this.name = 'ProjectFileError'
    this.field = field
    this.code = why.code
    this.family = why.family ?? 'project'
    const where: MessageParams = field ? { field } : { variant: 'top' }
    this.params = why.params ?? { ...where, detail: message }
  }

  /** From the engine's SchemaError: the field and zod's reason, or the error behind it (a graph's). */
  static fromSchema(err: SchemaError): ProjectFileError {
    const inner = err.cause as { code?: unknown; params?: unknown; family?: unknown } | undefined
    if (inner && typeof inner.code === 'string' && isMessageParams(inner.params))
      return new ProjectFileError(err.path, err.reason, {
        code: inner.code,
        family: typeof inner.family === 'string' ? inner.family : 'graph',
        params: inner.params
      })
    const where: MessageParams = err.path ? { field: err.path } : { variant: 'top' }
    return new ProjectFileError(err.path, err.reason, {
      code: 'bad-field',
      params: { ...err.details, ...where, detail: err.reason }
    })
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

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

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
      `not a project file: the text is not valid JSON (${(err as Error).message})`,
      { code: 'not-json', params: {} }
    )
  }
  // The format is the engine's (project/schema.ts, one schema library for every file); its error names the field.
  let file: ProjectFileData
  try {
    file = parseProjectFileJson(json)
  } catch (err) {
    if (err instanceof SchemaError) throw ProjectFileError.fromSchema(err)
    throw err
  }
  const project: Project = {
    graph: {
      ...file.graph,
      nodes: file.graph.nodes.map((node) => {
        const position = file.layout.nodes[node.id] ?? node.position
        return position ? { ...node, position } : node
      })
    },
    data: file.data as ProjectData,
    training: file.training
  }
  if (file.parameters) project.parameters = file.parameters
  if (file.model && file.parameters) {
    project.model = file.model
    // The engine's own reader checks the preprocessing against the graph and the weights, naming the field.
    try {
      parseWeightsFile(modelWeightsText(project.graph, file.parameters, file.model))
    } catch (err) {
      // The weights reader's own error (code, params) says what is wrong with the model.
      const { code, params } = err as { code?: unknown; params?: unknown }
      throw new ProjectFileError(
        'model',
        (err as Error).message,
        typeof code === 'string' && isMessageParams(params) ? { code, family: 'weights', params } : undefined
      )
    }
  }
  if (file.layout.viewport) project.viewport = file.layout.viewport
  return project
}
