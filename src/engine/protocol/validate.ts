/**
 * Tiny runtime validators for incoming messages. A validator returns the typed value or throws a
 * ProtocolError('bad-payload') whose message names the offending field, e.g.
 * `field "count" must be an integer ≥ 1, got -3`.
 */
import { ProtocolError } from './errors'

export type Validator<T> = (value: unknown, field: string) => T

function fail(field: string, expected: string, value: unknown): never {
  throw new ProtocolError('bad-payload', `field "${field}" must be ${expected}, got ${describeValue(value)}`)
}

/** A short, bounded rendering of a bad value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  return String(value)
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export interface NumberRule {
  min?: number
  max?: number
  integer?: boolean
}

/** A finite number (NaN and ±Infinity are rejected: they cannot come from a sane client). */
export function num(rule: NumberRule = {}): Validator<number> {
  const kind = rule.integer ? 'an integer' : 'a finite number'
  const range = [rule.min !== undefined ? `≥ ${rule.min}` : '', rule.max !== undefined ? `≤ ${rule.max}` : '']
    .filter(Boolean)
    .join(' and ')
  const expected = range ? `${kind} ${range}` : kind
  return (value, field) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(field, expected, value)
    if (rule.integer && !Number.isInteger(value)) fail(field, expected, value)
    if (rule.min !== undefined && value < rule.min) fail(field, expected, value)
    if (rule.max !== undefined && value > rule.max) fail(field, expected, value)
    return value
  }
}

export function str(rule: { maxLength?: number; nonEmpty?: boolean } = {}): Validator<string> {
  const expected = `a ${rule.nonEmpty ? 'non-empty ' : ''}string${rule.maxLength !== undefined ? ` of at most ${rule.maxLength} characters` : ''}`
  return (value, field) => {
    if (typeof value !== 'string') fail(field, expected, value)
    if (rule.nonEmpty && value === '') fail(field, expected, value)
    if (rule.maxLength !== undefined && value.length > rule.maxLength) fail(field, expected, value)
    return value
  }
}

export const bool: Validator<boolean> = (value, field) =>
  typeof value === 'boolean' ? value : fail(field, 'true or false', value)

/** One of a fixed set of literals, e.g. `oneOf('sgd', 'adam')`. */
export function oneOf<const T extends readonly (string | number | boolean)[]>(
  ...values: T
): Validator<T[number]> {
  const expected = `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`
  return (value, field) =>
    values.includes(value as T[number]) ? (value as T[number]) : fail(field, expected, value)
}

/** Absent (undefined) is allowed; anything present must pass `inner`. */
export function optional<T>(inner: Validator<T>): Validator<T | undefined> {
  return (value, field) => (value === undefined ? undefined : inner(value, field))
}

export function arrayOf<T>(item: Validator<T>, rule: { maxLength?: number } = {}): Validator<T[]> {
  return (value, field) => {
    if (!Array.isArray(value)) fail(field, 'an array', value)
    if (rule.maxLength !== undefined && value.length > rule.maxLength)
      fail(field, `an array of at most ${rule.maxLength} items`, value)
    return value.map((v, i) => item(v, `${field}[${i}]`))
  }
}

/** Any JSON-like object, checked further by the command (e.g. a graph checked by the graph validator). */
export const record: Validator<Record<string, unknown>> = (value, field) =>
  isRecord(value) ? value : fail(field, 'an object', value)

type Shape = Record<string, Validator<unknown>>
type ShapeValue<S extends Shape> = {
  [K in keyof S as undefined extends ReturnType<S[K]> ? never : K]: ReturnType<S[K]>
} & {
  [K in keyof S as undefined extends ReturnType<S[K]> ? K : never]?: ReturnType<S[K]>
}

/**
 * An object with exactly these fields (plus `ignore`d ones). Unknown fields are rejected so that a
 * typo such as `intervalMS` is reported instead of silently falling back to a default.
 */
export function shape<S extends Shape>(fields: S, ignore: readonly string[] = []): Validator<ShapeValue<S>> {
  return (value, field) => {
    if (!isRecord(value)) fail(field, 'an object', value)
    const prefix = field ? `${field}.` : ''
    for (const key of Object.keys(value)) {
      if (!(key in fields) && !ignore.includes(key))
        throw new ProtocolError('bad-payload', `unknown field "${prefix}${key}"`)
    }
    const out: Record<string, unknown> = {}
    for (const [key, check] of Object.entries(fields)) {
      const v = check(value[key], `${prefix}${key}`)
      if (v !== undefined) out[key] = v
    }
    return out as ShapeValue<S>
  }
}

/**
 * The fields of a request besides its envelope (`id`, `type`): what a command's validator checks.
 * `payload({})` accepts only an empty request.
 */
export function payload<S extends Shape>(fields: S): Validator<ShapeValue<S>> {
  const check = shape(fields, ['id', 'type'])
  return (value) => check(value, '')
}
