/** The rules on the file as a whole: an object of our format and version, with arrays, not too large. */
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphSpec } from '../types'
import type { Report } from './report'

/**
 * Most nodes and edges in a graph: far beyond anything drawn on a canvas, small enough that every
 * rule (all linear) and the messages stay cheap. A file over them is refused before any rule runs.
 */
export const MAX_GRAPH_NODES = 10_000
export const MAX_GRAPH_EDGES = 40_000

/** Reports what is wrong with the file itself; false when no further rule can run on it. */
export function checkFile(spec: GraphSpec, error: Report): boolean {
  if (spec === null || typeof spec !== 'object') {
    error('bad-shape', 'The graph is not an object.', {}, { variant: 'not-object' })
    return false
  }
  if (spec.format !== GRAPH_FORMAT) {
    error(
      'bad-format',
      `The graph's format is "${String(spec.format)}", expected "${GRAPH_FORMAT}".`,
      {},
      {
        format: String(spec.format),
        expected: GRAPH_FORMAT
      }
    )
  }
  if (spec.version !== GRAPH_VERSION) {
    const newer = typeof spec.version === 'number' && spec.version > GRAPH_VERSION
    error(
      'bad-version',
      newer
        ? `The graph has version ${spec.version}, made by a newer Backprop Studio (this one reads version ${GRAPH_VERSION}).`
        : `The graph's version is ${String(spec.version)}, expected ${GRAPH_VERSION}.`,
      {},
      { variant: newer ? 'newer' : 'other', version: String(spec.version), expected: GRAPH_VERSION }
    )
  }
  if (!Array.isArray(spec.nodes) || !Array.isArray(spec.edges)) {
    error('bad-shape', 'The graph needs "nodes" and "edges" arrays.', {}, { variant: 'no-arrays' })
    return false
  }
  if (spec.nodes.length > MAX_GRAPH_NODES || spec.edges.length > MAX_GRAPH_EDGES) {
    error(
      'too-large',
      `The graph has ${spec.nodes.length} nodes and ${spec.edges.length} edges; at most ${MAX_GRAPH_NODES} nodes and ${MAX_GRAPH_EDGES} edges are accepted.`,
      {},
      {
        nodes: spec.nodes.length,
        edges: spec.edges.length,
        maxNodes: MAX_GRAPH_NODES,
        maxEdges: MAX_GRAPH_EDGES
      }
    )
    return false
  }
  return true
}
