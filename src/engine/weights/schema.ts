/**
 * The weights file (DESIGN §4, docs/weights-format.md) as zod schemas: the one description that
 * parseWeightsFile reads with and that docs/weights.schema.json is generated from (`npm run schema`).
 * What a static schema cannot say — that each matrix has the shape the graph gives its edge, that the
 * preprocessing's widths match the graph's input and output — file.ts checks after the schema.
 */
import { BINARY_TARGET_ENCODINGS, MISSING_POLICIES, NORMALIZATIONS } from '../data/types'
import { graphFileSchema } from '../graph/schema'
import { TASKS } from '../graph/types'
import { expected, z } from '../schema'
import { trainSettingsSchema } from '../train/settingsSchema'
import { WEIGHTS_FORMAT, WEIGHTS_VERSION } from './types'

const finite = z.number({ error: expected('a finite number') })
const str = z.string({ error: expected('a string') })
const whole = (min = 0) =>
  z
    .number({ error: expected(`a whole number ≥ ${min}`) })
    .int({ error: expected(`a whole number ≥ ${min}`) })
    .min(min, { error: expected(`a whole number ≥ ${min}`) })
const oneOf = (values: readonly [string, ...string[]]) =>
  z.enum(values, { error: expected(`one of ${values.map((s) => JSON.stringify(s)).join(', ')}`) })
const stringList = (min = 0, what = `at least ${min} strings`) =>
  z.array(str, { error: expected('an array of strings') }).min(min, { error: expected(what) })
const nonZero = finite
  .refine((v) => v !== 0, { error: expected('a non-zero number') })
  .meta({ not: { const: 0 } })
const obj = <S extends z.ZodRawShape>(shape: S, description?: string) => {
  const s = z.strictObject(shape, { error: expected('an object') })
  return description ? s.meta({ description }) : s
}

/** A metric: a number, or null for one that was NaN when the file was written (read back as NaN). */
export const metricSchema = z
  .union([z.number(), z.null()], { error: expected('a number or null') })
  .meta({ description: 'A metric; null when it was not a number (NaN) when the file was written.' })

const numericFeature = obj(
  {
    column: str,
    kind: z.literal('numeric'),
    normalization: oneOf(NORMALIZATIONS),
    center: finite,
    scale: nonZero,
    impute: z.union([z.number(), z.null()], { error: expected('a finite number or null') })
  },
  'One input x = (v − center) / scale; a missing cell takes v = impute.'
)
const oneHotFeature = obj(
  {
    column: str,
    kind: z.literal('one-hot'),
    categories: stringList(1),
    impute: z.union([z.string(), z.null()], { error: expected('a string or null') })
  },
  "One input per category: 1 for the row's category, 0 otherwise (all 0 for an unseen one)."
)
export const featureSchema = z.discriminatedUnion('kind', [numericFeature, oneHotFeature], {
  error: (i) =>
    i.code === 'invalid_union'
      ? expected('"numeric" or "one-hot"')({ input: (i.input as { kind?: unknown })?.kind })
      : expected('an object')(i)
})

const numericTarget = obj(
  { column: str, kind: z.literal('numeric'), center: finite, scale: nonZero },
  'Regression: one output y; the value is y · scale + center.'
)
const classTarget = obj(
  {
    column: str,
    kind: z.literal('classes'),
    classes: stringList(2),
    encoding: oneOf(BINARY_TARGET_ENCODINGS)
  },
  'Classification: softmax, one output per class; sigmoid, one output p = P(classes[1]).'
)
export const targetSchema = z.discriminatedUnion('kind', [numericTarget, classTarget], {
  error: (i) =>
    i.code === 'invalid_union'
      ? expected('"numeric" or "classes"')({ input: (i.input as { kind?: unknown })?.kind })
      : expected('an object')(i)
})

export const preprocessingSchema = obj({
  task: oneOf(TASKS),
  features: z
    .array(featureSchema, { error: expected('an array') })
    .min(1, { error: expected('at least one feature') }),
  targets: z
    .array(targetSchema, { error: expected('an array') })
    .min(1, { error: expected('at least one target') }),
  featureNames: stringList(0),
  missing: oneOf(MISSING_POLICIES)
})

const setMetricsSchema = obj({
  loss: metricSchema,
  accuracy: metricSchema.optional(),
  r2: metricSchema.optional(),
  rmseStandardized: metricSchema.optional(),
  rmse: metricSchema.optional().meta({ description: 'legacy name of rmseStandardized (read, never written)' })
})

export const trainingSchema = obj({
  settings: trainSettingsSchema,
  seed: finite,
  epochsRun: whole(),
  steps: whole(),
  final: z.union(
    [
      obj({
        epoch: whole(),
        step: whole(),
        learningRate: finite,
        train: setMetricsSchema,
        validation: setMetricsSchema.optional()
      }),
      z.null()
    ],
    { error: expected('an object or null') }
  ),
  lossHistory: z
    .array(z.tuple([finite, metricSchema], { error: expected('a pair [step, loss]') }), {
      error: expected('an array')
    })
    .meta({ description: '[step, loss] points, downsampled to at most a few hundred.' })
})

/** W of one edge, as [out][in]: one row per unit of the target layer, one column per unit of the source. */
export const matrixSchema = z.array(z.array(z.number()).min(1)).min(1)

export const weightsFileSchema = z
  .object({
    format: z.literal(WEIGHTS_FORMAT),
    version: z.literal(WEIGHTS_VERSION),
    graph: graphFileSchema,
    parameters: z.record(z.string(), matrixSchema).meta({
      description:
        'W per weighted edge id, as [out][in]: one row per unit of the target layer, one column per unit of the source (a bias edge into n units is n×1).'
    }),
    preprocessing: z.union([z.null(), preprocessingSchema]),
    training: z.union([z.null(), trainingSchema])
  })
  .meta({
    title: `Backprop Studio weights file, version ${WEIGHTS_VERSION}`,
    description:
      'A trained network that can be used with no app: the graph, the parameters of every weighted edge, how a CSV row is encoded, and how the network was trained. See docs/weights-format.md.'
  })

/** docs/weights.schema.json, generated (scripts/schema.ts writes it; a test fails when it drifts). */
export function weightsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(weightsFileSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any'
  })
  return { $schema: schema.$schema, $id: 'https://backprop-studio.invalid/weights.schema.json', ...schema }
}

/** The text of docs/weights.schema.json (two-space JSON, one trailing newline). */
export function weightsSchemaText(): string {
  return JSON.stringify(weightsJsonSchema(), null, 2) + '\n'
}
