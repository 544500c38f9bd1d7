/**
 * The JSON text of a weights file, written the same way every time so that export → import → export
 * is byte-identical: keys in the order the caller built them, two-space indentation, arrays of
 * numbers or strings on one line (so a matrix reads one row per line), and numbers in JavaScript's
 * shortest round-trip form (parsing gives back the same double, bit for bit; −0 is kept as `-0`).
 * Non-finite numbers have no JSON form and are written as null (only metrics can be NaN).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined }

function number(v: number): string {
  if (!Number.isFinite(v)) return 'null'
  return Object.is(v, -0) ? '-0' : JSON.stringify(v)
}

function scalar(v: Json | undefined): string | null {
  if (v === null) return 'null'
  if (typeof v === 'number') return number(v)
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v)
  return null
}

/** Writes `value` as indented JSON text (see the file comment for the layout). */
export function writeJson(value: Json, indent = ''): string {
  const s = scalar(value)
  if (s !== null) return s
  const inner = indent + '  '
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const flat = value.map(scalar)
    if (flat.every((x) => x !== null)) return `[${flat.join(', ')}]`
    return `[\n${value.map((v) => inner + writeJson(v, inner)).join(',\n')}\n${indent}]`
  }
  const entries = Object.entries(value as Record<string, Json | undefined>).filter(([, v]) => v !== undefined)
  if (entries.length === 0) return '{}'
  const lines = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${writeJson(v as Json, inner)}`)
  return `{\n${lines.join(',\n')}\n${indent}}`
}

export type { Json }
