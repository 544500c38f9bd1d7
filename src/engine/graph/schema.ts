/**
 * The graph format (DESIGN §2) as zod schemas, from one table of fields per node kind:
 *
 * - `graphShapeSchema`: what parseGraph checks on untrusted JSON — that every field has the right
 *   JSON type. Names and enums are left to validateGraph's rules, so a well-formed but invalid graph
 *   still loads into the editor and shows its issues there (an unknown kind or activation included).
 * - `graphFileSchema`: the same fields with their enums and bounds, as a saved file must have them
 *   (documented in docs/weights.schema.json, which is generated from it).
 */
import { z } from '../schema'
import { ACTIVATIONS, EDGE_KINDS, GRAPH_FORMAT, GRAPH_VERSION, INITIALIZERS, LOSSES, TASKS } from './types'

const strings = () => z.array(z.string())

/** The fields each node kind has beyond id, kind, name and position; `strict` adds enums and bounds. */
function kindFields(strict: boolean) {
  const units = strict ? z.number().int().min(1) : z.number()
  const oneOf = (values: readonly [string, ...string[]]) => (strict ? z.enum(values) : z.string())
  return {
    input: {
      units: units.optional().meta({ description: 'The encoded feature count (written on export).' })
    },
    bias: {},
    dense: {
      units,
      activation: oneOf(ACTIVATIONS),
      leak: z.number().optional().meta({ description: 'Slope of leaky-relu for z < 0 (default 0.01).' }),
      init: oneOf(INITIALIZERS).optional()
    },
    loss: {
      loss: oneOf(LOSSES),
      task: oneOf(TASKS).optional(),
      huberDelta: z.number().optional(),
      targets: strings().optional(),
      classes: strings().optional()
    }
  }
}

export const positionSchema = z.object({ x: z.number(), y: z.number() })

const common = { id: z.string(), name: z.string().optional(), position: positionSchema.optional() }

/** A node as parseGraph checks it: the kind's fields when the kind is known, any kind accepted. */
const shapeNode = z.looseObject({ ...common, kind: z.string() }).superRefine((node, ctx) => {
  const fields = (kindFields(false) as Record<string, Record<string, z.ZodType>>)[node.kind]
  if (!fields) return
  const r = z.looseObject(fields).safeParse(node)
  // The kind's own issues as they are (an invalid_type keeps what it expected).
  if (!r.success) for (const issue of r.error.issues) ctx.addIssue(issue as z.core.$ZodRawIssue)
})

const edgeFields = { id: z.string(), from: z.string(), to: z.string() }
const shapeEdge = z.looseObject({ ...edgeFields, kind: z.string().optional() })

/** The envelope and the per-item shape parseGraph checks (see parse.ts for the messages). */
export const graphShapeSchema = z.looseObject({
  format: z.literal(GRAPH_FORMAT),
  version: z.number().int().min(1).max(GRAPH_VERSION),
  name: z.string().optional(),
  nodes: z.array(shapeNode),
  edges: z.array(shapeEdge)
})

/** The node and edge schemas as a saved graph must have them. */
function strictNodes() {
  const k = kindFields(true)
  return z.discriminatedUnion('kind', [
    z.object({ ...common, kind: z.literal('input'), ...k.input }),
    z.object({ ...common, kind: z.literal('bias') }),
    z.object({ ...common, kind: z.literal('dense'), ...k.dense }),
    z.object({ ...common, kind: z.literal('loss'), ...k.loss })
  ])
}

export const graphFileSchema = z.object({
  format: z.literal(GRAPH_FORMAT),
  version: z.number().int().min(1).max(GRAPH_VERSION),
  name: z.string().optional(),
  nodes: z.array(strictNodes()),
  edges: z.array(
    z.object({
      ...edgeFields,
      kind: z
        .enum(EDGE_KINDS)
        .optional()
        .meta({ description: 'Defaults to weights; a skip edge has no parameters.' })
    })
  )
})
