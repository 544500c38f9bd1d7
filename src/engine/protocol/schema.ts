/**
 * The protocol's request schemas (zod, see ../schema): small builders whose messages name the field
 * the way every reply has, e.g. `field "count" must be an integer ≥ 1, got -3` or
 * `unknown field "intervalMS"` (a typo is reported instead of silently falling back to a default).
 */
import { describeValue, toSchemaError, z } from '../schema'
import { ProtocolError } from './errors'

/** Checks a request's fields (without its `id` and `type`) and returns them typed. */
export type Validator<T> = (value: unknown) => T

const must =
  (expected: string) =>
  (issue: { input?: unknown }): string =>
    `must be ${expected}, got ${describeValue(issue.input)}`

export interface NumberRule {
  min?: number
  max?: number
  integer?: boolean
}

/** A finite number (NaN and ±Infinity are rejected: they cannot come from a sane client). */
export function num(rule: NumberRule = {}): z.ZodNumber {
  const kind = rule.integer ? 'an integer' : 'a finite number'
  const range = [rule.min !== undefined ? `≥ ${rule.min}` : '', rule.max !== undefined ? `≤ ${rule.max}` : '']
    .filter(Boolean)
    .join(' and ')
  const error = must(range ? `${kind} ${range}` : kind)
  let s = z.number({ error })
  if (rule.integer) s = s.int({ error })
  if (rule.min !== undefined) s = s.gte(rule.min, { error })
  if (rule.max !== undefined) s = s.lte(rule.max, { error })
  return s
}

/** A number > 0. */
export const positive = (): z.ZodNumber =>
  z.number({ error: must('a finite number') }).gt(0, { error: must('a number > 0') })

export function str(rule: { maxLength?: number } = {}): z.ZodString {
  const error = must(
    `a string${rule.maxLength !== undefined ? ` of at most ${rule.maxLength} characters` : ''}`
  )
  const s = z.string({ error })
  return rule.maxLength !== undefined ? s.max(rule.maxLength, { error }) : s
}

/** One of a fixed list (the engine's own const lists: every enum is defined once). */
export function oneOf<const T extends readonly [string, ...string[]]>(
  values: T
): z.ZodEnum<{ [K in T[number]]: K }> {
  return z.enum(values, { error: must(`one of ${values.map((v) => JSON.stringify(v)).join(', ')}`) })
}

/** Any JSON-like object, checked further by the model (e.g. a graph read by the graph schema). */
export const record = (): z.ZodType<Record<string, unknown>> =>
  z.record(z.string(), z.unknown(), { error: must('an object') })

/** An object whose values all pass `inner` (keys are free: column names). */
export const recordOf = <T extends z.ZodType>(inner: T) =>
  z.record(z.string(), inner, { error: must('an object') })

export const arrayOf = <T extends z.ZodType>(item: T, rule: { maxLength?: number } = {}) => {
  const s = z.array(item, { error: must('an array') })
  return rule.maxLength !== undefined
    ? s.max(rule.maxLength, { error: must(`an array of at most ${rule.maxLength} items`) })
    : s
}

/** File bytes: a Uint8Array, or an ArrayBuffer (read as one). */
export const bytes = () =>
  z
    .custom<Uint8Array | ArrayBuffer>((v) => v instanceof Uint8Array || v instanceof ArrayBuffer, {
      error: must('a Uint8Array or an ArrayBuffer')
    })
    .transform((v) => (v instanceof ArrayBuffer ? new Uint8Array(v) : v))

export const header = () =>
  z.union([z.boolean(), z.literal('auto')], { error: must('true, false or "auto"') })

/** The fields of a request besides its envelope; `payload({})` accepts only an empty request. */
export function payload<S extends z.ZodRawShape>(shape: S): z.ZodObject<S, z.core.$strict> {
  return z.strictObject(shape)
}

/** The validator of a request schema: ProtocolError('bad-payload') naming the field on failure. */
export function validator<S extends z.ZodType>(schema: S): Validator<z.output<S>> {
  return (value) => {
    const { id: _id, type: _type, ...fields } = value as Record<string, unknown>
    const result = schema.safeParse(fields, { reportInput: true })
    if (result.success) return result.data
    const err = toSchemaError(result.error, fields)
    if (err.issue === 'unrecognized_keys')
      throw new ProtocolError('bad-payload', `unknown field "${err.path}"`, {
        variant: 'unknown-field',
        field: err.path
      })
    // The reason as zod's issue (rule, bounds, type, options) for the renderer, and in English.
    throw new ProtocolError('bad-payload', `field "${err.path}" ${err.reason}`, {
      ...err.details,
      variant: 'field',
      field: err.path,
      detail: err.reason
    })
  }
}
