/**
 * The engine's one schema library is zod 4 (pinned; pure JS, runs on Node 20, in a Worker and in the
 * renderer; `z.toJSONSchema` generates docs/weights.schema.json). This module is the thin layer every
 * schema user shares: reading untrusted input through a schema and turning zod's first issue into one
 * sentence that names the field path (`parameters.w1[3]`, `nodes[2].units`, `rprop.etaMinus`).
 *
 * Schemas give their own wording with `error` functions (see `expected`, `rule`); this module only
 * formats the path and the offending value.
 */
import { z } from 'zod'
import type { MessageParams } from '../messageParams'

export { z }

/** Input a schema refused: `path` is where (e.g. `layout.nodes.h1.x`, '' for the top level), `reason` what. */
export class SchemaError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    /** zod's issue code, e.g. 'invalid_type', 'too_small', 'unrecognized_keys', 'custom'. */
    readonly issue: string = 'custom',
    /** The reason as a code and its values (issueParams), for wording it in another language. */
    readonly details: MessageParams = { rule: 'other' },
    /** An error with a code of its own behind this one (a GraphError for a project's graph). */
    override readonly cause?: unknown
  ) {
    super(path ? `${path}: ${reason}` : reason)
    this.name = 'SchemaError'
  }
}

/**
 * What a zod issue says, as params a message can carry (issue 13: the renderer words the reason):
 * `rule` is one of
 * - `missing`, `invalid-type` (`expectedType`: zod's 'number', 'string', 'boolean', 'object', 'array', …),
 *   `not-integer`;
 * - `too-small` / `too-big` (`min` / `max`, `exclusive` when the bound itself is refused) for numbers,
 *   `too-short` / `too-long` (`min` / `max`) for strings and `too-few` / `too-many` for arrays;
 * - `not-multiple` (`divisor`), `invalid-value` (`options`: the allowed values, quoted, comma-separated),
 *   `unknown-field`;
 * - `other` for anything rarer (a refinement of a schema's own): its English sentence is the wording.
 * A file reader's own checks add `wrong-format` (`expected`, `found`) and `newer-version` (`version`,
 * `supported`).
 */
export function issueParams(issue: z.core.$ZodIssue): MessageParams {
  const input = (issue as { input?: unknown }).input
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return { rule: 'missing', expectedType: issue.expected }
      if (issue.expected === 'int') return { rule: 'not-integer' }
      return { rule: 'invalid-type', expectedType: issue.expected }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small'
      const bound = Number(small ? issue.minimum : issue.maximum)
      const kind =
        issue.origin === 'string'
          ? small
            ? 'too-short'
            : 'too-long'
          : issue.origin === 'array' || issue.origin === 'set'
            ? small
              ? 'too-few'
              : 'too-many'
            : small
              ? 'too-small'
              : 'too-big'
      const out: MessageParams = small ? { rule: kind, min: bound } : { rule: kind, max: bound }
      if (issue.inclusive === false && (kind === 'too-small' || kind === 'too-big')) out.exclusive = true
      return out
    }
    case 'not_multiple_of':
      return { rule: 'not-multiple', divisor: Number(issue.divisor) }
    case 'invalid_value':
      return { rule: 'invalid-value', options: issue.values.map((v) => JSON.stringify(v)).join(', ') }
    case 'unrecognized_keys':
      return { rule: 'unknown-field' }
    default:
      return { rule: 'other' }
  }
}

/** `['nodes', 2, 'units']` → `nodes[2].units`. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out
}

/** A short, bounded rendering of a bad value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  return String(value)
}

/** The value at `path` inside `root` (for messages about the value zod refused). */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined
    v = (v as Record<PropertyKey, unknown>)[key]
  }
  return v
}

/**
 * The value as the schema's output, or a SchemaError for its first issue. A message of the schema's
 * own (an `error` function) is used as the reason; zod's defaults are reworded as "expected …, got …".
 */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true })
  if (result.success) return result.data
  throw toSchemaError(result.error, value, prefix)
}

export function toSchemaError(error: z.ZodError, root: unknown, prefix = ''): SchemaError {
  const issue = pickIssue(error.issues)
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]
    return new SchemaError(
      formatPath([...issue.path, key], prefix),
      'is not a known field',
      issue.code,
      issueParams(issue)
    )
  }
  const path = formatPath(issue.path, prefix)
  return new SchemaError(path, issue.message, issue.code, issueParams(issue))
}

/** Unions report one issue per branch; the deepest one says most about what is wrong. */
function pickIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  let best = issues[0]
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const inner = issue.errors
        .map((branch) => pickIssue(branch.map((i) => ({ ...i, path: [...issue.path, ...i.path] }))))
        .sort((a, b) => b.path.length - a.path.length)[0]
      if (inner && inner.path.length >= best.path.length) best = inner
    }
  }
  return best
}

/**
 * A zod `error` function: "expected <what>, got <value>" — or "missing (expected <what>)" when the
 * field is absent. Use as `z.string({ error: expected('a string') })`.
 */
export function expected(what: string): (issue: { input?: unknown }) => string {
  return (issue) =>
    issue.input === undefined
      ? `missing (expected ${what})`
      : `expected ${what}, got ${describeValue(issue.input)}`
}
