import {
  GRAPH_FORMAT,
  GRAPH_VERSION,
  type Activation,
  type GraphEdge,
  type GraphNode,
  type GraphSpec,
  type LossKind,
  type ParameterMap
} from '@engine/index'
import { withAutoLayout } from './layout'

/**
 * A starting point for "New from template": a graph, and optionally preloaded parameters. Its title and
 * description are worded in the catalogue (`shell.templates.<id>`), filled in with `wording`.
 */
export interface Template {
  id: string
  /** Parameters of the catalogue's description (e.g. the chain's depth and width). */
  wording?: Record<string, number>
  graph: GraphSpec
  /** W as [out][in] by edge id; bias edges [units][1] (DESIGN §2). */
  parameters?: ParameterMap
}

const graph = (name: string, nodes: GraphNode[], edges: GraphEdge[]): GraphSpec =>
  withAutoLayout({ format: GRAPH_FORMAT, version: GRAPH_VERSION, name, nodes, edges })

const dense = (id: string, units: number, activation: Activation, name?: string): GraphNode =>
  name ? { id, kind: 'dense', units, activation, name } : { id, kind: 'dense', units, activation }

const loss = (loss: LossKind): GraphNode => ({ id: 'cost', kind: 'loss', loss })

/**
 * Seed 001's XOR construction: a hidden layer of two logistic units computing AND and NOR, and an output OR
 * over them. Hidden row 1 (AND) is g(−30 + 20x₁ + 20x₂), row 2 (NOR) is g(10 − 20x₁ − 20x₂); the output
 * is g(−10 + 20a₁ + 20a₂). With these gate weights it fires on (0,0) and (1,1), the seed's final table.
 */
function xor(): Template {
  return {
    id: 'xor',
    graph: graph(
      'XOR from logic gates',
      [
        { id: 'x', kind: 'input', units: 2 },
        { id: 'one', kind: 'bias' },
        dense('hidden', 2, 'sigmoid', 'hidden [AND, NOR]'),
        dense('out', 1, 'sigmoid', 'OR'),
        loss('squared-error')
      ],
      [
        { id: 'w1', from: 'x', to: 'hidden' },
        { id: 'b1', from: 'one', to: 'hidden' },
        { id: 'w2', from: 'hidden', to: 'out' },
        { id: 'b2', from: 'one', to: 'out' },
        { id: 'c', from: 'out', to: 'cost' }
      ]
    ),
    parameters: {
      w1: [
        [20, 20],
        [-20, -20]
      ],
      b1: [[-30], [10]],
      w2: [[20, 20]],
      b2: [[-10]]
    }
  }
}

function irisMlp(): Template {
  return {
    id: 'iris-mlp',
    graph: graph(
      'Iris MLP',
      [
        { id: 'x', kind: 'input', units: 4 },
        { id: 'one', kind: 'bias' },
        dense('h1', 8, 'tanh'),
        dense('out', 3, 'softmax'),
        loss('cross-entropy')
      ],
      [
        { id: 'w1', from: 'x', to: 'h1' },
        { id: 'b1', from: 'one', to: 'h1' },
        { id: 'w2', from: 'h1', to: 'out' },
        { id: 'b2', from: 'one', to: 'out' },
        { id: 'c', from: 'out', to: 'cost' }
      ]
    )
  }
}

const CHAIN_DEPTH = 6
const CHAIN_WIDTH = 8

/**
 * A deep chain of `CHAIN_DEPTH` hidden layers for binary classification (e.g. breast_cancer.csv, 30 features).
 * With sigmoid, δ shrinks by at most f′ ≤ ¼ per layer on the way back: the vanishing gradient. With ReLU and
 * identity skips (Y = X + f(X)), ∂C/∂a passes each skip unchanged, so early layers keep learning.
 */
function deepChain(activation: 'sigmoid' | 'relu', skips: boolean): Template {
  const nodes: GraphNode[] = [
    { id: 'x', kind: 'input', units: 30 },
    { id: 'one', kind: 'bias' }
  ]
  const edges: GraphEdge[] = []
  for (let i = 1; i <= CHAIN_DEPTH; i++) {
    nodes.push(dense(`h${i}`, CHAIN_WIDTH, activation))
    edges.push({ id: `w${i}`, from: i === 1 ? 'x' : `h${i - 1}`, to: `h${i}` })
    edges.push({ id: `b${i}`, from: 'one', to: `h${i}` })
    if (skips && i > 1) edges.push({ id: `r${i}`, from: `h${i - 1}`, to: `h${i}`, kind: 'skip' })
  }
  nodes.push(dense('out', 1, 'sigmoid'), loss('binary-cross-entropy'))
  edges.push(
    { id: `w${CHAIN_DEPTH + 1}`, from: `h${CHAIN_DEPTH}`, to: 'out' },
    { id: `b${CHAIN_DEPTH + 1}`, from: 'one', to: 'out' },
    { id: 'c', from: 'out', to: 'cost' }
  )
  const relu = activation === 'relu'
  return {
    id: relu ? 'deep-relu-skip' : 'deep-sigmoid',
    wording: { depth: CHAIN_DEPTH, width: CHAIN_WIDTH },
    graph: graph(relu ? 'Deep ReLU chain with skips' : 'Deep sigmoid chain', nodes, edges)
  }
}

function digitsResidual(): Template {
  return {
    id: 'digits-residual',
    graph: graph(
      'Digits residual MLP',
      [
        { id: 'x', kind: 'input', units: 64 },
        { id: 'one', kind: 'bias' },
        dense('h1', 64, 'relu'),
        dense('h2', 64, 'relu'),
        dense('out', 10, 'softmax'),
        loss('cross-entropy')
      ],
      [
        { id: 'w1', from: 'x', to: 'h1' },
        { id: 'b1', from: 'one', to: 'h1' },
        { id: 'w2', from: 'h1', to: 'h2' },
        { id: 'b2', from: 'one', to: 'h2' },
        { id: 'r2', from: 'h1', to: 'h2', kind: 'skip' },
        { id: 'w3', from: 'h2', to: 'out' },
        { id: 'b3', from: 'one', to: 'out' },
        { id: 'c', from: 'out', to: 'cost' }
      ]
    )
  }
}

/** Every template, built fresh on each call so callers may keep and edit the result. */
export function templates(): Template[] {
  return [xor(), irisMlp(), deepChain('sigmoid', false), deepChain('relu', true), digitsResidual()]
}

export function templateById(id: string): Template | undefined {
  return templates().find((t) => t.id === id)
}
