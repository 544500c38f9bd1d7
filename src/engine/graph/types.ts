/**
 * The graph JSON (DESIGN §2): one versioned format shared by the editor, the project file,
 * the engine and the weights file. Fixed fields are required; the rest are optional extras.
 */

export const GRAPH_FORMAT = 'backprop-studio/graph'
export const GRAPH_VERSION = 1

export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'softplus', 'linear', 'softmax'] as const
export type Activation = (typeof ACTIVATIONS)[number]

export const LOSSES = [
  'squared-error',
  'binary-cross-entropy',
  'cross-entropy',
  'mean-absolute-error',
  'huber'
] as const
export type LossKind = (typeof LOSSES)[number]

export const INITIALIZERS = [
  'glorot-uniform',
  'glorot-normal',
  'he-uniform',
  'he-normal',
  'small-uniform',
  'zeros'
] as const
export type Initializer = (typeof INITIALIZERS)[number]

export const TASKS = ['regression', 'binary', 'multiclass'] as const
export type Task = (typeof TASKS)[number]

export interface Position {
  x: number
  y: number
}

interface NodeBase {
  id: string
  /** Display name; the id is used when absent. */
  name?: string
  /** Editor layout. The engine ignores it. */
  position?: Position
}

/** The feature vector x, "layer 1" in the seeds (a¹ = x). */
export interface InputNode extends NodeBase {
  kind: 'input'
  /** Width when no data is bound; with data, the encoded feature count wins. */
  units?: number
}

/** A constant unit whose output is always 1; its out-edge weights are the target layer's bias b. */
export interface BiasNode extends NodeBase {
  kind: 'bias'
}

export interface DenseNode extends NodeBase {
  kind: 'dense'
  units: number
  activation: Activation
  /** Slope for x < 0 of leaky-relu (default 0.01). */
  leak?: number
  /** Initialiser for this layer's incoming weighted edges (overrides the training setting). */
  init?: Initializer
}

/** The cost C at the right end of the graph, fed by exactly one dense layer. */
export interface LossNode extends NodeBase {
  kind: 'loss'
  loss: LossKind
  /** Target column names in the data (set when data is bound). */
  targets?: string[]
  task?: Task
  /** Class labels in output-unit order (classification). */
  classes?: string[]
  /** δ threshold of the Huber loss (default 1). */
  huberDelta?: number
}

export type GraphNode = InputNode | BiasNode | DenseNode | LossNode
export const NODE_KINDS = ['input', 'bias', 'dense', 'loss'] as const
export type NodeKind = GraphNode['kind']

export const EDGE_KINDS = ['weights', 'skip'] as const
export type EdgeKind = (typeof EDGE_KINDS)[number]

export interface GraphEdge {
  id: string
  from: string
  to: string
  /** Defaults to 'weights'. */
  kind?: EdgeKind
}

export interface GraphSpec {
  format: typeof GRAPH_FORMAT
  version: number
  nodes: GraphNode[]
  edges: GraphEdge[]
  /** Optional display name of the network. */
  name?: string
}

/** Parameters by edge id: W as [out][in] (rows = target units); a bias edge into n units is n×1. */
export type ParameterMap = Record<string, number[][]>

export const edgeKind = (e: GraphEdge): EdgeKind => e.kind ?? 'weights'
