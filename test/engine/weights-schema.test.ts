/**
 * docs/weights.schema.json is generated from the engine's schema (`npm run schema`) and agrees with
 * what the engine writes and refuses: exported files of real models validate, and files the engine
 * refuses for a missing or mistyped field fail the schema too. The validator below covers the JSON
 * Schema keywords the schema uses (no dependency needed).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildWeightsFile } from '../../src/engine/weights/file'
import { weightsSchemaText } from '../../src/engine/weights/schema'
import { trainDiabetes, trainIris, trainTitanic, type TrainedModel } from './data-fixtures'

type Schema = Record<string, unknown> & { $defs?: Record<string, Schema> }
const checkedIn = readFileSync(path.resolve(__dirname, '../../docs/weights.schema.json'), 'utf8')
const root = JSON.parse(checkedIn) as Schema

const typeOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v

/** The paths where `value` breaks `schema` (empty when it is valid). */
function check(schema: Schema, value: unknown, at = '$'): string[] {
  if (typeof schema.$ref === 'string')
    return check(root.$defs![schema.$ref.replace('#/$defs/', '')], value, at)
  const errors: string[] = []
  const fail = (why: string): number => errors.push(`${at}: ${why}`)
  if (schema.type !== undefined) {
    const types = ([] as unknown[]).concat(schema.type)
    const t = typeOf(value)
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) fail(`not ${types.join('|')}`)
  }
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) fail('const')
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) fail('enum')
  if (schema.not && check(schema.not as Schema, value, at).length === 0) fail('not')
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail('minimum')
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail('maximum')
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum)
      fail('exclusiveMinimum')
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum)
      fail('exclusiveMaximum')
  }
  if (Array.isArray(schema.anyOf)) {
    if (!schema.anyOf.some((s: Schema) => check(s, value, at).length === 0)) fail('anyOf matched none')
  }
  if (Array.isArray(schema.oneOf)) {
    const passing = schema.oneOf.filter((s: Schema) => check(s, value, at).length === 0).length
    if (passing !== 1) fail(`oneOf matched ${passing}`)
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail('minItems')
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail('maxItems')
    const prefix = (schema.prefixItems as Schema[] | undefined) ?? []
    value.forEach((v, i) => {
      const s = prefix[i] ?? (schema.items as Schema | undefined)
      if (s) errors.push(...check(s, v, `${at}[${i}]`))
    })
  } else if (typeOf(value) === 'object') {
    const o = value as Record<string, unknown>
    const props = (schema.properties as Record<string, Schema> | undefined) ?? {}
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in o)) fail(`missing ${key}`)
    for (const [k, v] of Object.entries(o)) {
      if (props[k]) errors.push(...check(props[k], v, `${at}.${k}`))
      else if (schema.additionalProperties === false) fail(`unexpected ${k}`)
      else if (typeof schema.additionalProperties === 'object')
        errors.push(...check(schema.additionalProperties as Schema, v, `${at}.${k}`))
    }
  }
  return errors
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests below edit it freely
type Json = Record<string, any>

const exported = (m: TrainedModel): Json =>
  JSON.parse(
    buildWeightsFile({
      graph: m.graph,
      parameters: m.net.getParameters(),
      preprocessing: m.prepared.preprocessing,
      training: m.training
    })
  )

let models: TrainedModel[]
beforeAll(() => {
  models = [trainIris(), trainDiabetes(), trainTitanic()]
})

describe('docs/weights.schema.json', () => {
  it('is what `npm run schema` generates from the engine (run it after changing the schema)', () => {
    expect(checkedIn).toBe(weightsSchemaText())
  })

  it('accepts the files the engine writes (classification, regression, one-hot with imputation)', () => {
    for (const m of models) expect(check(root, exported(m))).toEqual([])
  })

  it('rejects what the engine refuses: a newer version, missing or mistyped fields', () => {
    const edits: ((f: Json) => void)[] = [
      (f) => (f.version = 2),
      (f) => delete f.training,
      (f) => (f.parameters.w1[0][0] = 'x'),
      (f) => delete f.preprocessing.features[0].scale,
      (f) => (f.preprocessing.features[0].scale = 0),
      (f) => (f.preprocessing.targets[0].encoding = 'tanh'),
      (f) => delete f.training.settings.optimizer,
      (f) => (f.training.epochsRun = 1.5),
      (f) => (f.graph.nodes[2].activation = 'swish')
    ]
    edits.forEach((edit, i) => {
      const f = exported(models[0])
      edit(f)
      expect(check(root, f).length, `edit ${i}`).toBeGreaterThan(0)
    })
  })
})
