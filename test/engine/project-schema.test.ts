/** The project file's schema (engine/project/schema.ts): every refusal names the field. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseProjectFileJson, PROJECT_FORMAT } from '../../src/engine/project/schema'
import { SchemaError } from '../../src/engine/schema'

const graph = JSON.parse(readFileSync(path.resolve(__dirname, 'fixtures/graphs/design-example.json'), 'utf8'))
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases edit it freely
const file = (edit: (f: any) => void = () => {}): unknown => {
  const f = {
    format: PROJECT_FORMAT,
    version: 1,
    graph: structuredClone(graph),
    layout: { nodes: { x: { x: 1, y: 2 } }, viewport: { x: 0, y: 0, zoom: 1 } },
    data: { fileName: 'iris.csv' },
    training: { settings: {} },
    parameters: {
      w1: [
        [1, 2],
        [3, 4]
      ]
    },
    model: { preprocessing: null, training: null }
  }
  edit(f)
  return f
}

function refusal(json: unknown): SchemaError {
  try {
    parseProjectFileJson(json)
  } catch (err) {
    if (err instanceof SchemaError) return err
    throw err
  }
  throw new Error('accepted')
}

describe('project file schema', () => {
  it('reads a good file', () => {
    const p = parseProjectFileJson(file())
    expect(p.layout.nodes.x).toEqual({ x: 1, y: 2 })
    expect(p.layout.viewport).toEqual({ x: 0, y: 0, zoom: 1 })
    expect(p.parameters?.w1).toEqual([
      [1, 2],
      [3, 4]
    ])
    expect(p.graph.nodes.length).toBeGreaterThan(0)
  })

  it.each([
    [
      (f: Record<string, unknown>) => (f.format = 'backprop-studio/weights'),
      'format',
      /backprop-studio\/project/
    ],
    [(f: Record<string, unknown>) => (f.version = 2), 'version', /newer Backprop Studio/],
    [(f: Record<string, unknown>) => (f.version = '1'), 'version', /positive whole number/],
    [(f: Record<string, unknown>) => delete f.graph, 'graph', /missing/],
    [(f: { graph: { nodes: { units?: unknown }[] } }) => (f.graph.nodes[2].units = 'x'), 'graph', /units/],
    [
      (f: { layout: { nodes: object } }) => (f.layout.nodes = { x: { x: 'left', y: 0 } }),
      'layout.nodes.x.x',
      /finite number/
    ],
    [
      (f: { layout: { viewport: object } }) => (f.layout.viewport = { x: 0, y: 0 }),
      'layout.viewport.zoom',
      /finite/
    ],
    [
      (f: { parameters: object }) => (f.parameters = { w1: [[1, 2], [3]] }),
      'parameters.w1[1]',
      /has 1 columns, row 0 has 2/
    ],
    [
      (f: { parameters: object }) => (f.parameters = { b1: [[null], [1]] }),
      'parameters.b1[0][0]',
      /finite number/
    ],
    [(f: { parameters: object }) => (f.parameters = { w1: [] }), 'parameters.w1', /non-empty matrix/],
    [(f: Record<string, unknown>) => (f.training = 'fast'), 'training', /an object/],
    [
      (f: Record<string, unknown>) => (f.model = { preprocessing: 3 }),
      'model.preprocessing',
      /object or null/
    ]
  ])('names the field %#', (edit, field, message) => {
    const err = refusal(file(edit as (f: unknown) => void))
    expect(err.path).toBe(field)
    expect(err.message).toMatch(message)
    expect(err.message.startsWith(`${field}: `)).toBe(true)
  })

  it('refuses what is not a project at all', () => {
    expect(refusal([1, 2]).message).toMatch(/JSON object/)
  })
})
