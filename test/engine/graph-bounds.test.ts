/**
 * Issue 10, item 8: graphs that exhausted the engine are bounded, with errors that say what and where —
 * a deep chain trains (no recursion), cycle reports stay linear in the graph, and a layer of 20000×20000
 * or a graph of 100 000 nodes is refused naming the cap.
 */
import { describe, expect, it } from 'vitest'
import { compileGraph, MAX_PARAMETERS } from '../../src/engine/graph/compile'
import { GraphError } from '../../src/engine/graph/errors'
import type { GraphEdge, GraphNode, GraphSpec } from '../../src/engine/graph/types'
import { MAX_CYCLE_REPORTS, MAX_GRAPH_NODES, validateGraph } from '../../src/engine/graph/validate'
import { createNetwork } from '../../src/engine/nn/network'
import { errorOf } from './thrown'

function chain(layers: number, units = 2): GraphSpec {
  const nodes: GraphNode[] = [{ id: 'x', kind: 'input', units: 2 }]
  const edges: GraphEdge[] = []
  let prev = 'x'
  for (let i = 0; i < layers; i++) {
    nodes.push({ id: `h${i}`, kind: 'dense', units, activation: 'tanh' })
    edges.push({ id: `w${i}`, from: prev, to: `h${i}` })
    prev = `h${i}`
  }
  nodes.push({ id: 'cost', kind: 'loss', loss: 'squared-error' })
  edges.push({ id: 'c', from: prev, to: 'cost' })
  return { format: 'backprop-studio/graph', version: 1, nodes, edges }
}

describe('graph size', () => {
  it('a 5000-layer chain validates, compiles and runs forward (was: Maximum call stack size exceeded)', () => {
    const spec = chain(5000)
    expect(validateGraph(spec)).toEqual([])
    const net = createNetwork(spec, { seed: 1 })
    expect(net.layers.length).toBe(5000)
    expect(net.layers.map((l) => l.id).slice(0, 3)).toEqual(['h0', 'h1', 'h2'])
    const out = net.forward(Float64Array.from([0.5, -0.5]), 1)
    expect(out.every(Number.isFinite)).toBe(true)
  })

  it('cycle reports stay linear: a long loop with a back edge from every node', () => {
    // h0 → h1 → … → h2999, and every hᵢ → h0: 3000 cycles, the longest 3000 nodes. Reporting each in
    // full was 4.5 million names (quadratic); now ≤ MAX_CYCLE_REPORTS messages of bounded length.
    const spec = chain(3000)
    for (let i = 1; i < 3000; i++) spec.edges.push({ id: `back${i}`, from: `h${i}`, to: 'h0' })
    const cycles = validateGraph(spec).filter((i) => i.code === 'cycle')
    expect(cycles.length).toBe(MAX_CYCLE_REPORTS + 1)
    const text = cycles.map((c) => c.message).join('\n')
    expect(text.length).toBeLessThan(5000)
    expect(cycles[0].message).toMatch(/^The graph has a cycle: "h0" → "h1" → /)
    expect(cycles[0].nodeId).toBe('h0')
    expect(cycles.at(-1)!.message).toBe(`…and ${2999 - MAX_CYCLE_REPORTS} more edges closing a cycle.`)
    // The longest reported loop names its length.
    expect(text).toMatch(/… \d+ more …/)
  })

  it('more nodes than the cap are refused in one issue naming both counts', () => {
    const spec = chain(MAX_GRAPH_NODES)
    const issues = validateGraph(spec)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ code: 'too-large', severity: 'error' })
    expect(issues[0].message).toContain(`${MAX_GRAPH_NODES + 2} nodes`)
    expect(issues[0].message).toContain(`at most ${MAX_GRAPH_NODES} nodes`)
  })
})

describe('parameter cap', () => {
  it('a 20000×20000 layer is refused before any allocation, naming the edge and the memory', () => {
    const spec = chain(2, 20000)
    const issue = errorOf(GraphError, () => compileGraph(spec)).issues[0]
    expect(issue.code).toBe('too-many-parameters')
    expect(issue.edgeId).toBe('w1')
    expect(issue.message).toContain('400,040,000 parameters')
    expect(issue.message).toContain(`at most ${MAX_PARAMETERS.toLocaleString('en-US')}`)
    expect(issue.message).toMatch(/about 22\.4 GB/)
    expect(issue.message).toContain('"w1" (h0 → h1), 20000×20000')
  })

  it('a network just under the cap compiles', () => {
    // 2 → 3000 → 3000: 6000 + 9 000 000 weights.
    expect(compileGraph(chain(2, 3000)).paramCount).toBe(6000 + 9_000_000)
  })
})
