// The graph rules (validate), the editor's handle-level check (canConnect), the JSON shape check
// (parseGraph) and compilation to an execution plan.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { canConnect, validateGraph } from '../../src/engine/graph/validate'
import { parseGraph } from '../../src/engine/graph/parse'
import { compileGraph, INPUT } from '../../src/engine/graph/compile'
import { GraphError } from '../../src/engine/graph/errors'
import type { EdgeKind, GraphEdge, GraphNode, GraphSpec } from '../../src/engine/graph/types'
import { errorOf } from './thrown'

/** DESIGN §2's example with the input width fixed at 4. */
function example(): GraphSpec {
  const spec = parseGraph(
    JSON.parse(readFileSync(path.resolve(__dirname, 'fixtures/graphs/design-example.json'), 'utf8'))
  )
  const x = spec.nodes.find((n) => n.id === 'x')!
  if (x.kind === 'input') x.units = 4
  return spec
}

const node = (spec: GraphSpec, id: string): GraphNode => spec.nodes.find((n) => n.id === id)!
const setDense = (spec: GraphSpec, id: string, fields: Record<string, unknown>): void => {
  Object.assign(node(spec, id), fields)
}
const addEdge = (spec: GraphSpec, e: GraphEdge): void => void spec.edges.push(e)
const addDense = (spec: GraphSpec, id: string, units = 8): void =>
  void spec.nodes.push({ id, kind: 'dense', units, activation: 'tanh' })

/** The raw JSON as a test mutates it before parsing. */
type RawGraph = { nodes: unknown[]; edges: unknown } & Record<string, unknown>
type Raw = Record<string, unknown>

interface Row {
  rule: string
  mutate: (g: GraphSpec) => void
  code: string
  nodeId?: string
  edgeId?: string
  severity?: 'error' | 'warning'
}

const TABLE: Row[] = [
  {
    rule: 'wrong format',
    mutate: (g) => void ((g as { format: string }).format = 'other/graph'),
    code: 'bad-format'
  },
  { rule: 'newer version', mutate: (g) => void (g.version = 2), code: 'bad-version' },
  {
    rule: 'unknown node kind',
    mutate: (g) => void g.nodes.push({ id: 'c1', kind: 'conv' } as unknown as GraphNode),
    code: 'unknown-kind',
    nodeId: 'c1'
  },
  {
    rule: 'duplicate node id',
    mutate: (g) => void g.nodes.push({ id: 'h1', kind: 'bias' }),
    code: 'duplicate-node-id',
    nodeId: 'h1'
  },
  {
    rule: 'duplicate edge id',
    mutate: (g) => addEdge(g, { id: 'w2', from: 'x', to: 'h2' }),
    code: 'duplicate-edge-id',
    edgeId: 'w2'
  },
  {
    rule: 'dangling edge end',
    mutate: (g) => addEdge(g, { id: 'lost', from: 'ghost', to: 'h1' }),
    code: 'dangling-edge',
    edgeId: 'lost'
  },
  {
    rule: 'cycle',
    mutate: (g) => addEdge(g, { id: 'back', from: 'h2', to: 'h1' }),
    code: 'cycle',
    nodeId: 'h1'
  },
  {
    rule: 'self loop',
    mutate: (g) => addEdge(g, { id: 'self', from: 'h2', to: 'h2' }),
    code: 'cycle',
    edgeId: 'self'
  },
  {
    rule: 'skip between different widths',
    mutate: (g) => setDense(g, 'h2', { units: 5 }),
    code: 'skip-width-mismatch',
    edgeId: 'r2'
  },
  {
    rule: 'weighted edge into the input',
    mutate: (g) => addEdge(g, { id: 'in', from: 'h1', to: 'x' }),
    code: 'edge-into-input',
    edgeId: 'in'
  },
  {
    rule: 'weighted edge into a bias unit',
    mutate: (g) => addEdge(g, { id: 'ib', from: 'h1', to: 'one' }),
    code: 'edge-into-bias',
    edgeId: 'ib'
  },
  {
    rule: 'skip edge into a bias unit',
    mutate: (g) => addEdge(g, { id: 'sb', from: 'x', to: 'one', kind: 'skip' }),
    code: 'edge-into-bias',
    edgeId: 'sb'
  },
  {
    rule: 'edge out of the loss',
    mutate: (g) => addEdge(g, { id: 'ol', from: 'cost', to: 'h2' }),
    code: 'edge-out-of-loss',
    edgeId: 'ol'
  },
  {
    rule: 'dense layer with only a bias input',
    mutate: (g) => {
      addDense(g, 'h3')
      addEdge(g, { id: 'b4', from: 'one', to: 'h3' })
      addEdge(g, { id: 'w5', from: 'h3', to: 'out' })
    },
    code: 'no-weighted-input',
    nodeId: 'h3'
  },
  {
    rule: 'no loss',
    mutate: (g) => {
      g.nodes = g.nodes.filter((n) => n.kind !== 'loss')
      g.edges = g.edges.filter((e) => e.id !== 'c')
    },
    code: 'no-loss'
  },
  {
    rule: 'two losses',
    mutate: (g) => {
      g.nodes.push({ id: 'cost2', kind: 'loss', loss: 'squared-error' })
      addEdge(g, { id: 'c2', from: 'out', to: 'cost2' })
    },
    code: 'multiple-losses',
    nodeId: 'cost2'
  },
  {
    rule: 'loss fed by two layers',
    mutate: (g) => addEdge(g, { id: 'c2', from: 'h2', to: 'cost' }),
    code: 'loss-fan-in',
    nodeId: 'cost'
  },
  {
    rule: 'loss fed by no layer',
    mutate: (g) => void (g.edges = g.edges.filter((e) => e.id !== 'c')),
    code: 'loss-fan-in',
    nodeId: 'cost'
  },
  {
    rule: 'loss fed by the input',
    mutate: (g) => void (g.edges.find((e) => e.id === 'c')!.from = 'x'),
    code: 'loss-source-not-dense',
    edgeId: 'c'
  },
  {
    rule: 'softmax on a hidden layer',
    mutate: (g) => setDense(g, 'h1', { activation: 'softmax' }),
    code: 'softmax-not-output',
    nodeId: 'h1'
  },
  {
    rule: 'skip edge into the softmax output',
    mutate: (g) => {
      addDense(g, 'h3', 3)
      addEdge(g, { id: 'w4', from: 'h2', to: 'h3' })
      addEdge(g, { id: 'r4', from: 'h3', to: 'out', kind: 'skip' })
    },
    code: 'softmax-skip-input',
    edgeId: 'r4'
  },
  { rule: 'zero units', mutate: (g) => setDense(g, 'h1', { units: 0 }), code: 'bad-units', nodeId: 'h1' },
  {
    rule: 'fractional units',
    mutate: (g) => setDense(g, 'h2', { units: 2.5 }),
    code: 'bad-units',
    nodeId: 'h2'
  },
  {
    rule: 'fractional input units',
    mutate: (g) => setDense(g, 'x', { units: 1.5 }),
    code: 'bad-units',
    nodeId: 'x'
  },
  {
    rule: 'unknown activation',
    mutate: (g) => setDense(g, 'h1', { activation: 'swish' }),
    code: 'bad-activation',
    nodeId: 'h1'
  },
  { rule: 'negative leak', mutate: (g) => setDense(g, 'h1', { leak: -1 }), code: 'bad-leak', nodeId: 'h1' },
  {
    rule: 'unknown initialiser',
    mutate: (g) => setDense(g, 'h2', { init: 'lecun' }),
    code: 'bad-init',
    nodeId: 'h2'
  },
  {
    rule: 'unknown loss',
    mutate: (g) => setDense(g, 'cost', { loss: 'hinge' }),
    code: 'bad-loss',
    nodeId: 'cost'
  },
  {
    rule: 'non-positive Huber delta',
    mutate: (g) => setDense(g, 'cost', { loss: 'huber', huberDelta: 0 }),
    code: 'bad-huber-delta',
    nodeId: 'cost'
  },
  {
    rule: 'duplicate edge',
    mutate: (g) => addEdge(g, { id: 'w2again', from: 'h1', to: 'h2' }),
    code: 'duplicate-edge',
    edgeId: 'w2again'
  },
  {
    rule: 'unknown edge kind',
    mutate: (g) => addEdge(g, { id: 'q', from: 'x', to: 'h2', kind: 'dropout' as EdgeKind }),
    code: 'unknown-edge-kind',
    edgeId: 'q'
  },
  {
    rule: 'layer not reachable from the input',
    mutate: (g) => {
      addDense(g, 'u1')
      addDense(g, 'u2')
      addEdge(g, { id: 'bu', from: 'one', to: 'u1' })
      addEdge(g, { id: 'wu', from: 'u1', to: 'u2' })
      addEdge(g, { id: 'wo', from: 'u2', to: 'out' })
    },
    code: 'unreachable',
    nodeId: 'u2'
  },
  {
    rule: 'layer that does not lead to the loss',
    mutate: (g) => {
      addDense(g, 'side')
      addEdge(g, { id: 'ws', from: 'h1', to: 'side' })
    },
    code: 'dead-end',
    nodeId: 'side'
  },
  { rule: 'unconnected layer', mutate: (g) => addDense(g, 'iso'), code: 'disconnected', nodeId: 'iso' },
  {
    rule: 'unconnected bias unit (warning)',
    mutate: (g) => void g.nodes.push({ id: 'one2', kind: 'bias' }),
    code: 'disconnected',
    nodeId: 'one2',
    severity: 'warning'
  },
  { rule: 'no input', mutate: (g) => void (node(g, 'x').kind = 'bias'), code: 'no-input' },
  {
    rule: 'second input',
    mutate: (g) => {
      g.nodes.push({ id: 'x2', kind: 'input', units: 4 })
      addEdge(g, { id: 'wx2', from: 'x2', to: 'h1' })
    },
    code: 'multiple-inputs',
    nodeId: 'x2'
  },
  {
    rule: 'skip edge from a bias unit',
    mutate: (g) => addEdge(g, { id: 'sk', from: 'one', to: 'h1', kind: 'skip' }),
    code: 'skip-from-bias',
    edgeId: 'sk'
  },
  {
    rule: 'skip edge into the loss',
    mutate: (g) => void (g.edges.find((e) => e.id === 'c')!.kind = 'skip'),
    code: 'skip-into-loss',
    edgeId: 'c'
  },
  {
    rule: 'cross-entropy without softmax',
    mutate: (g) => setDense(g, 'out', { activation: 'sigmoid' }),
    code: 'loss-activation-mismatch',
    nodeId: 'cost'
  },
  {
    // Issue 10: its logs would be clipped, with a zero gradient; refused, not warned about.
    rule: 'binary cross-entropy on a linear output',
    mutate: (g) => {
      setDense(g, 'out', { activation: 'linear' })
      setDense(g, 'cost', { loss: 'binary-cross-entropy' })
    },
    code: 'loss-activation-mismatch',
    nodeId: 'cost'
  },
  {
    rule: 'two bias edges into one layer (warning)',
    mutate: (g) => {
      g.nodes.push({ id: 'one2', kind: 'bias' })
      addEdge(g, { id: 'b1b', from: 'one2', to: 'h1' })
    },
    code: 'multiple-bias',
    nodeId: 'h1',
    severity: 'warning'
  }
]

describe('validateGraph', () => {
  it('accepts DESIGN §2’s example without any issue', () => {
    expect(validateGraph(example())).toEqual([])
  })

  it.each(TABLE)('$rule → $code', (row) => {
    const g = example()
    row.mutate(g)
    const issues = validateGraph(g)
    const hit = issues.find(
      (i) =>
        i.code === row.code &&
        (row.nodeId === undefined || i.nodeId === row.nodeId) &&
        (row.edgeId === undefined || i.edgeId === row.edgeId)
    )
    expect(hit, JSON.stringify(issues, null, 1)).toBeDefined()
    expect(hit!.severity).toBe(row.severity ?? 'error')
    // The message names the offending node or edge.
    const id = row.nodeId ?? row.edgeId
    if (id) expect(hit!.message).toContain(id)
    // Warnings alone never block: the graph stays usable.
    if (row.severity === 'warning') expect(issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  it('names nodes by name and id', () => {
    const g = example()
    setDense(g, 'h1', { name: 'Hidden one', units: 0 })
    const issue = validateGraph(g).find((i) => i.code === 'bad-units')!
    expect(issue.message).toContain('"Hidden one" (h1)')
  })

  it('checks skip widths against the bound data width', () => {
    const g = example()
    addEdge(g, { id: 'rx', from: 'x', to: 'h1', kind: 'skip' })
    expect(validateGraph(g, { inputWidth: 8 })).toEqual([])
    expect(validateGraph(g).map((i) => i.edgeId)).toEqual(['rx']) // units 4 ≠ 8
    expect(validateGraph(g, { inputWidth: 5 })[0]).toMatchObject({
      code: 'skip-width-mismatch',
      edgeId: 'rx'
    })
  })

  it('reports the nodes of a longer cycle in order', () => {
    const g = example()
    addDense(g, 'h3')
    addEdge(g, { id: 'a', from: 'h2', to: 'h3' })
    addEdge(g, { id: 'b', from: 'h3', to: 'h1' })
    const cycle = validateGraph(g).find((i) => i.code === 'cycle')!
    expect(cycle.message).toContain('"h1" → "h2" → "h3" → "h1"')
  })

  it('survives garbage without throwing', () => {
    expect(validateGraph(null as unknown as GraphSpec)[0].code).toBe('bad-shape')
    const g = {
      format: 'backprop-studio/graph',
      version: 1,
      nodes: [null, 3],
      edges: [{}]
    } as unknown as GraphSpec
    expect(validateGraph(g).map((i) => i.code)).toEqual(
      expect.arrayContaining(['bad-id', 'no-input', 'no-loss'])
    )
  })

  it('validates a 100-layer graph with skip chains cleanly', () => {
    const g: GraphSpec = {
      format: 'backprop-studio/graph',
      version: 1,
      nodes: [
        { id: 'x', kind: 'input', units: 8 },
        { id: 'one', kind: 'bias' }
      ],
      edges: []
    }
    let prev = 'x'
    for (let i = 0; i < 100; i++) {
      const id = `h${i}`
      g.nodes.push({ id, kind: 'dense', units: 8, activation: 'relu' })
      g.edges.push({ id: `w${i}`, from: prev, to: id }, { id: `b${i}`, from: 'one', to: id })
      g.edges.push({ id: `r${i}`, from: prev, to: id, kind: 'skip' })
      prev = id
    }
    g.nodes.push({ id: 'cost', kind: 'loss', loss: 'squared-error' })
    g.edges.push({ id: 'c', from: prev, to: 'cost' })
    expect(validateGraph(g)).toEqual([])
    g.edges.push({ id: 'loop', from: 'h99', to: 'h0' })
    expect(validateGraph(g).some((i) => i.code === 'cycle')).toBe(true)
  })
})

describe('canConnect', () => {
  it('allows sensible edges', () => {
    const g = example()
    expect(canConnect(g, 'x', 'h2', 'weights')).toBeNull()
    expect(canConnect(g, 'one', 'h2', 'weights')).toBeNull()
    expect(canConnect(g, 'h1', 'out', 'weights')).toBeNull()
  })

  it.each([
    ['h1', 'h1', 'weights', 'itself'],
    ['h1', 'x', 'weights', 'flow into'],
    ['h1', 'one', 'weights', 'always 1'],
    ['cost', 'h2', 'weights', 'no outputs'],
    ['h2', 'cost', 'weights', 'already fed'],
    ['h2', 'h1', 'weights', 'cycle'],
    ['h1', 'h2', 'weights', 'already connected'],
    ['h1', 'out', 'skip', 'softmax'],
    ['one', 'h1', 'skip', 'skip edge cannot start'],
    ['x', 'h1', 'skip', 'equal widths'],
    ['out', 'h2', 'weights', 'softmax'],
    ['x', 'nope', 'weights', 'no node']
  ] as const)('%s → %s (%s) is refused: %s', (from, to, kind, reason) => {
    expect(canConnect(example(), from, to, kind)).toContain(reason)
  })

  /** A regression variant where every width is 8, so many skip edges are possible. */
  const wide = (): GraphSpec => {
    const g = example()
    setDense(g, 'x', { units: 8 })
    setDense(g, 'out', { units: 8, activation: 'linear' })
    setDense(g, 'cost', { loss: 'squared-error' })
    return g
  }

  it.each([
    ['the DESIGN example', example, 4],
    ['an all-width-8 regression graph', wide, 9]
  ] as const)('agrees with validateGraph on every possible new edge of %s', (_, base, minAllowed) => {
    const g = base()
    const ids = g.nodes.map((n) => n.id)
    let allowed = 0
    for (const from of ids)
      for (const to of ids)
        for (const kind of ['weights', 'skip'] as const) {
          const next = base()
          next.edges.push({ id: 'new', from, to, kind })
          const errors = validateGraph(next).filter((i) => i.severity === 'error')
          const verdict = canConnect(g, from, to, kind)
          expect(verdict === null, `${from} → ${to} (${kind}): ${verdict} / ${JSON.stringify(errors)}`).toBe(
            errors.length === 0
          )
          if (verdict === null) allowed++
        }
    expect(allowed).toBeGreaterThanOrEqual(minAllowed)
  })
})

describe('parseGraph', () => {
  it('parses the example and keeps optional extras', () => {
    const json = JSON.parse(
      readFileSync(path.resolve(__dirname, 'fixtures/graphs/design-example.json'), 'utf8')
    )
    json.nodes[0].position = { x: 10, y: 20 }
    const g = parseGraph(json)
    expect(g.nodes).toHaveLength(6)
    expect(g.nodes[0].position).toEqual({ x: 10, y: 20 })
  })

  it.each([
    [(j: RawGraph) => ((j.nodes[2] as Raw).units = '8'), 'nodes[2].units', 'h1'],
    [(j: RawGraph) => delete ((j.edges as Raw[])[1] as Raw).from, 'edges[1].from', 'b1'],
    [(j: RawGraph) => ((j.nodes[4] as Raw).activation = 3), 'nodes[4].activation', 'out'],
    [(j: RawGraph) => ((j.nodes[5] as Raw).targets = ['a', 1]), 'nodes[5].targets', 'cost'],
    [(j: RawGraph) => ((j.nodes[0] as Raw).position = { x: 'left' }), 'nodes[0].position', 'x'],
    [(j: RawGraph) => (j.edges = {}), 'edges', undefined],
    [(j: RawGraph) => (j.nodes[3] = 'h2'), 'nodes[3]', undefined]
  ])('names the bad field %#', (mutate, field, id) => {
    const json = JSON.parse(
      readFileSync(path.resolve(__dirname, 'fixtures/graphs/design-example.json'), 'utf8')
    )
    mutate(json)
    const ge = errorOf(GraphError, () => parseGraph(json))
    expect(ge.code).toBe('bad-shape')
    expect(ge.message).toContain(field)
    if (id) expect(ge.nodeId ?? ge.edgeId).toBe(id)
  })

  it('rejects other formats and newer versions', () => {
    expect(() => parseGraph([])).toThrow(/JSON object/)
    expect(() => parseGraph({ format: 'x', version: 1, nodes: [], edges: [] })).toThrow(
      /not a Backprop Studio graph/
    )
    expect(() => parseGraph({ format: 'backprop-studio/graph', version: 9, nodes: [], edges: [] })).toThrow(
      /newer Backprop Studio/
    )
  })
})

describe('compileGraph', () => {
  it('orders layers topologically, lays out parameters and resolves sources', () => {
    const plan = compileGraph(example())
    expect(plan.layers.map((l) => l.id)).toEqual(['h1', 'h2', 'out'])
    expect(plan.inputWidth).toBe(4)
    expect(plan.fused).toBe(true)
    expect(plan.slices.map((s) => [s.edgeId, s.rows, s.cols, s.offset, s.isBias])).toEqual([
      ['w1', 8, 4, 0, false],
      ['b1', 8, 1, 32, true],
      ['w2', 8, 8, 40, false],
      ['w3', 3, 8, 104, false],
      ['b3', 3, 1, 128, true]
    ])
    expect(plan.paramCount).toBe(131)
    expect(plan.layers[0].weights[0].src).toBe(INPUT)
    expect(plan.layers[1].skips[0]).toMatchObject({ id: 'r2', src: 0, dst: 1 })
    expect(plan.layers[0].outSkips.map((s) => s.id)).toEqual(['r2'])
    expect(plan.widths).toMatchObject({ x: 4, one: 1, h1: 8, out: 3 })
  })

  it('uses the data width over the node’s units', () => {
    expect(compileGraph(example(), 13).slices[0].cols).toBe(13)
  })

  it('throws a GraphError listing every error', () => {
    const g = example()
    setDense(g, 'h1', { units: 0 })
    setDense(g, 'h2', { activation: 'swish' })
    expect(() => compileGraph(g)).toThrow(GraphError)
    try {
      compileGraph(g)
    } catch (e) {
      expect((e as GraphError).issues.map((i) => i.code)).toEqual(
        expect.arrayContaining(['bad-units', 'bad-activation'])
      )
    }
  })

  it('needs an input width', () => {
    const g = example()
    delete (node(g, 'x') as { units?: number }).units
    expect(() => compileGraph(g)).toThrow(/width of input "x" is unknown/)
  })
})
