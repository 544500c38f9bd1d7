import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { validateGraph } from '@engine/graph/validate'
import { parseGraph } from '@engine/graph/parse'
import { createNetwork } from '@engine/nn/network'
import { templateById, templates } from '@renderer/graph/templates'
import { parameterCounts, weightShape } from '@renderer/graph/shapes'

describe('graph/templates', () => {
  it('offers the five templates of issue 4', () => {
    expect(templates().map((t) => t.id)).toEqual([
      'xor',
      'iris-mlp',
      'deep-sigmoid',
      'deep-relu-skip',
      'digits-residual'
    ])
  })

  it.each(templates().map((t) => [t.id, t] as const))(
    '%s passes the engine’s own parseGraph and validateGraph with no errors',
    (_id, t) => {
      expect(() => parseGraph(JSON.parse(JSON.stringify(t.graph)))).not.toThrow()
      const errors = validateGraph(t.graph).filter((i) => i.severity === 'error')
      expect(errors).toEqual([])
    }
  )

  it('matches the widths of the sample datasets they are meant for', () => {
    const width = (id: string) => templateById(id)!.graph.nodes.find((n) => n.kind === 'input')!
    const csvColumns = (name: string) =>
      readFileSync(resolve(__dirname, '../fixtures/datasets', name), 'utf8')
        .split('\n')[0]
        .split(',').length
    expect(width('iris-mlp')).toMatchObject({ units: csvColumns('iris.csv') - 1 })
    expect(width('digits-residual')).toMatchObject({ units: csvColumns('digits.csv') - 1 })
  })

  it('gives the ReLU chain a skip between every pair of equal-width hidden layers, and the sigmoid chain none', () => {
    const skips = (id: string) => templateById(id)!.graph.edges.filter((e) => e.kind === 'skip').length
    expect(skips('deep-sigmoid')).toBe(0)
    expect(skips('deep-relu-skip')).toBe(5)
    expect(skips('digits-residual')).toBe(1)
  })

  it('preloads seed 001’s gate weights into XOR, with the right shapes, and they compute XNOR’s table', () => {
    const t = templateById('xor')!
    for (const [edgeId, matrix] of Object.entries(t.parameters!)) {
      const edge = t.graph.edges.find((e) => e.id === edgeId)!
      const shape = weightShape(t.graph, edge)!
      expect([matrix.length, matrix[0].length], edgeId).toEqual(shape)
    }
    expect(parameterCounts(t.graph).total).toBe(9)
    // The seed's hand computation: g(−30+20x₁+20x₂) (AND), g(10−20x₁−20x₂) (NOR), output g(−10+20a₁+20a₂) (OR).
    const net = createNetwork(t.graph)
    net.setParameters(t.parameters!)
    // rows (0,0), (0,1), (1,0), (1,1), row-major [4 × 2]
    const out = net.forward(Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1]), 4)
    expect([...out].map((v) => Math.round(v))).toEqual([1, 0, 0, 1])
  })

  it('builds fresh objects on each call, so editing one template never changes the next', () => {
    const a = templateById('iris-mlp')!
    a.graph.nodes.pop()
    expect(templateById('iris-mlp')!.graph.nodes).toHaveLength(5)
  })
})
