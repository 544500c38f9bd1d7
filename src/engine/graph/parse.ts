/**
 * Reading a graph from untrusted JSON (a file, a message): checks its *shape* with graphShapeSchema
 * (schema.ts) — that every field has the right JSON type — and names every bad field, e.g.
 * `nodes[2].units`. The graph *rules* (cycles, widths, …) are validateGraph's job, so a well-formed but
 * invalid graph still loads into the editor and shows its issues there.
 */
import { formatPath, valueAt, z } from '../schema'
import { GraphError, type GraphIssue } from './errors'
import { graphShapeSchema } from './schema'
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphSpec } from './types'

function typeName(v: unknown): string {
  if (v === null) return 'null'
  if (v === undefined) return 'nothing'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a finite number',
  array: 'an array',
  object: 'an object',
  boolean: 'true or false'
}

/** What the field should have been, in words, from zod's issue. */
function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return EXPECTED[issue.expected] ?? issue.expected
  return 'valid'
}

/** Parses and shape-checks a graph; throws a GraphError (code 'bad-shape', 'bad-format' or 'bad-version'). */
export function parseGraph(json: unknown): GraphSpec {
  const shape = (
    message: string,
    ids: { nodeId?: string; edgeId?: string } = {},
    params: GraphIssue['params'] = {}
  ): GraphIssue => ({
    code: 'bad-shape',
    message,
    severity: 'error',
    ...ids,
    params
  })
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new GraphError([
      shape(
        `The graph must be a JSON object (got ${typeName(json)}).`,
        {},
        { variant: 'not-object', got: typeName(json) }
      )
    ])
  const raw = json as Record<string, unknown>
  const issues: GraphIssue[] = []
  if (raw.format !== GRAPH_FORMAT)
    issues.push({
      code: 'bad-format',
      message: `format must be "${GRAPH_FORMAT}" (got ${typeName(raw.format)}); this is not a Backprop Studio graph.`,
      severity: 'error',
      params: { format: typeName(raw.format), expected: GRAPH_FORMAT }
    })
  const version = raw.version
  if (typeof version === 'number' && Number.isInteger(version) && version > GRAPH_VERSION)
    issues.push({
      code: 'bad-version',
      message: `The graph has version ${version}, made by a newer Backprop Studio (this one reads version ${GRAPH_VERSION}).`,
      severity: 'error',
      params: { variant: 'newer', version, expected: GRAPH_VERSION }
    })
  const result = graphShapeSchema.safeParse(json)
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [top, index] = issue.path
      // Format and newer versions have their own codes above.
      if (top === 'format' || (top === 'version' && issues.some((i) => i.code === 'bad-version'))) continue
      const field = formatPath(issue.path)
      const expected = top === 'version' ? 'a whole number ≥ 1' : expectedOf(issue)
      const item = typeof index === 'number' ? valueAt(json, [top, index]) : undefined
      const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined
      const ids = typeof id === 'string' ? (top === 'nodes' ? { nodeId: id } : { edgeId: id }) : {}
      const got = typeName(valueAt(json, issue.path))
      issues.push(shape(`${field} must be ${expected} (got ${got}).`, ids, { variant: 'field', field, got }))
    }
  }
  if (issues.length > 0) throw new GraphError(issues)
  const g = json as GraphSpec
  return { ...g, nodes: g.nodes.map((n) => ({ ...n })), edges: g.edges.map((e) => ({ ...e })) }
}
