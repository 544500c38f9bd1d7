/**
 * Reading a graph from untrusted JSON (a file, a message): checks the *shape* — that every field has
 * the right JSON type — and names the field on failure, e.g. `nodes[2].units`. The graph *rules*
 * (cycles, widths, …) are validateGraph's job, so a well-formed but invalid graph still loads into
 * the editor and shows its issues there.
 */
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphEdge, type GraphNode, type GraphSpec } from './types'
import { GraphError, type GraphIssue } from './errors'

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

function typeName(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`
}

/** Parses and shape-checks a graph; throws a GraphError (code 'bad-shape', 'bad-format' or 'bad-version'). */
export function parseGraph(json: unknown): GraphSpec {
  const issues: GraphIssue[] = []
  const fail = (
    field: string,
    expected: string,
    got: unknown,
    ids: { nodeId?: string; edgeId?: string } = {}
  ) =>
    issues.push({
      code: 'bad-shape',
      message: `${field} must be ${expected} (got ${typeName(got)}).`,
      severity: 'error',
      ...ids
    })

  if (!isObject(json)) {
    fail('The graph', 'a JSON object', json)
    throw new GraphError(issues)
  }
  if (json.format !== GRAPH_FORMAT) {
    issues.push({
      code: 'bad-format',
      message: `format must be "${GRAPH_FORMAT}" (got ${typeName(json.format)}); this is not a Backprop Studio graph.`,
      severity: 'error'
    })
  }
  if (typeof json.version !== 'number' || !Number.isInteger(json.version) || json.version < 1) {
    fail('version', 'a whole number ≥ 1', json.version)
  } else if (json.version > GRAPH_VERSION) {
    issues.push({
      code: 'bad-version',
      message: `The graph has version ${json.version}, made by a newer Backprop Studio (this one reads version ${GRAPH_VERSION}).`,
      severity: 'error'
    })
  }
  if (json.name !== undefined && typeof json.name !== 'string') fail('name', 'a string', json.name)
  if (!Array.isArray(json.nodes)) fail('nodes', 'an array', json.nodes)
  if (!Array.isArray(json.edges)) fail('edges', 'an array', json.edges)
  if (issues.length > 0) throw new GraphError(issues)

  const nodes = (json.nodes as unknown[]).map((raw, i): GraphNode => {
    const at = `nodes[${i}]`
    if (!isObject(raw)) {
      fail(at, 'an object', raw)
      return raw as unknown as GraphNode
    }
    const ids = typeof raw.id === 'string' ? { nodeId: raw.id } : {}
    const need = (field: string, type: 'string' | 'number', optional: boolean): void => {
      const v = raw[field]
      if (v === undefined && optional) return
      if (typeof v !== type || (type === 'number' && !Number.isFinite(v))) {
        fail(`${at}.${field}`, type === 'number' ? 'a finite number' : 'a string', v, ids)
      }
    }
    const needStrings = (field: string): void => {
      const v = raw[field]
      if (v !== undefined && !(Array.isArray(v) && v.every((s) => typeof s === 'string'))) {
        fail(`${at}.${field}`, 'an array of strings', v, ids)
      }
    }
    need('id', 'string', false)
    need('kind', 'string', false)
    need('name', 'string', true)
    if (raw.position !== undefined) {
      const p = raw.position
      if (!isObject(p) || !Number.isFinite(p.x) || !Number.isFinite(p.y)) {
        fail(`${at}.position`, 'an object {x, y} of finite numbers', p, ids)
      }
    }
    switch (raw.kind) {
      case 'input':
        need('units', 'number', true)
        break
      case 'dense':
        need('units', 'number', false)
        need('activation', 'string', false)
        need('leak', 'number', true)
        need('init', 'string', true)
        break
      case 'loss':
        need('loss', 'string', false)
        need('task', 'string', true)
        need('huberDelta', 'number', true)
        needStrings('targets')
        needStrings('classes')
        break
    }
    return { ...raw } as unknown as GraphNode
  })

  const edges = (json.edges as unknown[]).map((raw, i): GraphEdge => {
    const at = `edges[${i}]`
    if (!isObject(raw)) {
      fail(at, 'an object', raw)
      return raw as unknown as GraphEdge
    }
    const ids = typeof raw.id === 'string' ? { edgeId: raw.id } : {}
    for (const field of ['id', 'from', 'to']) {
      if (typeof raw[field] !== 'string') fail(`${at}.${field}`, 'a string', raw[field], ids)
    }
    if (raw.kind !== undefined && typeof raw.kind !== 'string') fail(`${at}.kind`, 'a string', raw.kind, ids)
    return { ...raw } as unknown as GraphEdge
  })

  if (issues.length > 0) throw new GraphError(issues)
  return { ...(json as object), nodes, edges } as GraphSpec
}
