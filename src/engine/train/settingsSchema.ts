/**
 * The training settings, described once: every field's label, help, type, bounds and default. The
 * zod schemas (partial input from the UI, the protocol or the command line; complete settings in a
 * weights file), `defaultTrainSettings` and the renderer's settings form are all built from
 * TRAIN_SETTING_FIELDS, so the panel, the engine and the file format cannot disagree on a bound.
 */
import { z } from '../schema'
import { INITIALIZERS } from '../graph/types'
import { OPTIMIZERS, SCHEDULES, type OptimizerKind, type ScheduleKind } from './types'

/** One setting as a form shows it and the schema checks it. */
export interface TrainSettingField {
  /** `learningRate`, or `group.field` for the nested groups (`rprop.etaPlus`, `schedule.kind`). */
  path: string
  label: string
  help: string
  type: 'number' | 'integer' | 'choice' | 'boolean'
  /** null is a value of its own ("off"). */
  nullable: boolean
  min?: number
  max?: number
  /** The bound itself is excluded: (min, …) rather than [min, …). */
  minExclusive?: boolean
  maxExclusive?: boolean
  choices?: readonly string[]
  default: number | string | boolean | null
  /** Shown only for these optimisers (absent: for every optimiser). */
  optimizers?: readonly OptimizerKind[]
  /** Shown only for these schedule kinds. */
  schedules?: readonly ScheduleKind[]
  /** How the rule reads in an error message, when the bounds alone do not say it all. */
  rule?: string
}

const f = (field: TrainSettingField): TrainSettingField => field

/** Every training setting, in the order a form lists them. */
export const TRAIN_SETTING_FIELDS: readonly TrainSettingField[] = [
  f({
    path: 'optimizer',
    label: 'Optimizer',
    help: 'How each step turns the gradient into a weight change.',
    type: 'choice',
    nullable: false,
    choices: OPTIMIZERS,
    default: 'adam'
  }),
  f({
    path: 'learningRate',
    label: 'Learning rate (μ)',
    help: 'Step size μ of every update; for Rprop the initial step Δ₀ of every weight.',
    type: 'number',
    nullable: false,
    min: 0,
    minExclusive: true,
    default: 0.01
  }),
  f({
    path: 'momentum',
    label: 'Momentum',
    help: 'Share of the previous velocity kept each step.',
    type: 'number',
    nullable: false,
    min: 0,
    max: 1,
    maxExclusive: true,
    default: 0.9,
    optimizers: ['momentum', 'nesterov']
  }),
  f({
    path: 'beta1',
    label: 'β₁',
    help: "Decay of Adam's mean of the gradient.",
    type: 'number',
    nullable: false,
    min: 0,
    max: 1,
    maxExclusive: true,
    default: 0.9,
    optimizers: ['adam']
  }),
  f({
    path: 'beta2',
    label: 'β₂',
    help: "Decay of Adam's mean of the squared gradient.",
    type: 'number',
    nullable: false,
    min: 0,
    max: 1,
    maxExclusive: true,
    default: 0.999,
    optimizers: ['adam']
  }),
  f({
    path: 'rho',
    label: 'ρ',
    help: "Decay of RMSprop's mean square of the gradient.",
    type: 'number',
    nullable: false,
    min: 0,
    max: 1,
    maxExclusive: true,
    default: 0.9,
    optimizers: ['rmsprop']
  }),
  f({
    path: 'epsilon',
    label: 'ε',
    help: 'Added to the denominator so it is never zero.',
    type: 'number',
    nullable: false,
    min: 0,
    minExclusive: true,
    default: 1e-8,
    optimizers: ['adam', 'rmsprop']
  }),
  f({
    path: 'rprop.etaPlus',
    label: 'η⁺',
    help: "Rprop: a weight's step grows by this factor while its gradient keeps its sign.",
    type: 'number',
    nullable: false,
    min: 1,
    minExclusive: true,
    default: 1.2,
    optimizers: ['rprop']
  }),
  f({
    path: 'rprop.etaMinus',
    label: 'η⁻',
    help: "Rprop: a weight's step shrinks by this factor when its gradient changes sign.",
    type: 'number',
    nullable: false,
    min: 0,
    max: 1,
    minExclusive: true,
    maxExclusive: true,
    default: 0.5,
    optimizers: ['rprop']
  }),
  f({
    path: 'rprop.deltaMin',
    label: 'Δmin',
    help: 'Rprop: the smallest step (at most Δmax).',
    type: 'number',
    nullable: false,
    min: 0,
    default: 1e-6,
    optimizers: ['rprop']
  }),
  f({
    path: 'rprop.deltaMax',
    label: 'Δmax',
    help: 'Rprop: the largest step.',
    type: 'number',
    nullable: false,
    min: 0,
    minExclusive: true,
    default: 50,
    optimizers: ['rprop']
  }),
  f({
    path: 'batchSize',
    label: 'Batch size',
    help: 'Rows per step; 0 = the whole training set (always whole for gd).',
    type: 'integer',
    nullable: false,
    min: 0,
    default: 32,
    rule: 'an integer ≥ 0 (0 = full batch)'
  }),
  f({
    path: 'epochs',
    label: 'Epochs',
    help: 'The most passes over the training rows.',
    type: 'integer',
    nullable: false,
    min: 1,
    default: 100
  }),
  f({
    path: 'l2',
    label: 'L2 (λ)',
    help: 'Weight decay: adds λ·W to every weight gradient (never to biases).',
    type: 'number',
    nullable: false,
    min: 0,
    default: 0
  }),
  f({
    path: 'schedule.kind',
    label: 'Schedule',
    help: 'How the learning rate changes over the epochs.',
    type: 'choice',
    nullable: false,
    choices: SCHEDULES,
    default: 'constant'
  }),
  f({
    path: 'schedule.stepEpochs',
    label: 'Step every (epochs)',
    help: 'Epochs between two drops of the rate.',
    type: 'integer',
    nullable: false,
    min: 1,
    default: 10,
    schedules: ['step']
  }),
  f({
    path: 'schedule.gamma',
    label: 'γ',
    help: 'Factor of each drop (step) or of each epoch (exponential; default 0.95 there).',
    type: 'number',
    nullable: false,
    min: 0,
    minExclusive: true,
    default: 0.5,
    schedules: ['step', 'exponential']
  }),
  f({
    path: 'schedule.periodEpochs',
    label: 'Period (epochs)',
    help: 'Epochs from the base rate down to the floor (default: the epochs setting).',
    type: 'integer',
    nullable: false,
    min: 1,
    default: 100,
    schedules: ['cosine']
  }),
  f({
    path: 'schedule.minFactor',
    label: 'Floor',
    help: 'The lowest rate, as a fraction of the base rate.',
    type: 'number',
    nullable: false,
    min: 0,
    max: 1,
    default: 0,
    schedules: ['cosine']
  }),
  f({
    path: 'lossTarget',
    label: 'Stop at loss',
    help: 'Stop once the monitored loss is at most this (empty: off).',
    type: 'number',
    nullable: true,
    default: null
  }),
  f({
    path: 'minLossChange',
    label: 'Stop when |ΔC| <',
    help: "The seeds' rule: stop when the loss changes by less than this between epochs (empty: off).",
    type: 'number',
    nullable: true,
    min: 0,
    default: null
  }),
  f({
    path: 'patience',
    label: 'Patience (epochs)',
    help: 'Early stopping: stop after this many epochs without improvement and restore the best weights (empty: off).',
    type: 'integer',
    nullable: true,
    min: 1,
    default: null
  }),
  f({
    path: 'shuffle',
    label: 'Shuffle rows',
    help: 'Shuffle the training rows before each epoch.',
    type: 'boolean',
    nullable: false,
    default: true
  }),
  f({
    path: 'seed',
    label: 'Seed',
    help: 'Seeds the shuffle and the initialisation: the same seed gives the same run.',
    type: 'number',
    nullable: false,
    default: 1
  }),
  f({
    path: 'init',
    label: 'Initializer',
    help: 'How "Reset weights" draws the starting weights.',
    type: 'choice',
    nullable: false,
    choices: INITIALIZERS,
    default: 'glorot-uniform'
  })
]

const json = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v))

/** The rule as an error message says it: "> 0", "in [0, 1)", "an integer ≥ 1". */
export function ruleText(field: TrainSettingField): string {
  if (field.rule) return field.rule
  const { min, max } = field
  if (min !== undefined && max !== undefined)
    return `in ${field.minExclusive ? '(' : '['}${min}, ${max}${field.maxExclusive ? ')' : ']'}`
  const bound =
    min !== undefined
      ? `${field.minExclusive ? '>' : '≥'} ${min}`
      : max !== undefined
        ? `${field.maxExclusive ? '<' : '≤'} ${max}`
        : ''
  if (field.type === 'integer') return bound ? `an integer ${bound}` : 'an integer'
  return bound || 'finite'
}

function fieldSchema(field: TrainSettingField): z.ZodType {
  const missing = (what: string) => (i: { input?: unknown }) =>
    i.input === undefined ? `missing (expected ${what})` : undefined
  let s: z.ZodType
  if (field.type === 'choice') {
    const choices = field.choices as [string, ...string[]]
    s = z.enum(choices, {
      error: (i) =>
        missing('one of ' + choices.join(', '))(i) ??
        `expected one of ${choices.join(', ')}, got ${json(i.input)}`
    })
  } else if (field.type === 'boolean') {
    s = z.boolean({
      error: (i) => missing('true or false')(i) ?? `expected true or false, got ${json(i.input)}`
    })
  } else {
    const rule = ruleText(field)
    const bad = (i: { input?: unknown }) => `must be ${rule}, got ${String(i.input)}`
    let n = z.number({
      error: (i) =>
        missing(field.nullable ? 'a number or null' : 'a number')(i) ??
        `expected a finite number, got ${json(i.input)}`
    })
    if (field.type === 'integer') n = n.int({ error: (i) => `expected an integer, got ${String(i.input)}` })
    if (field.min !== undefined)
      n = field.minExclusive ? n.gt(field.min, { error: bad }) : n.gte(field.min, { error: bad })
    if (field.max !== undefined)
      n = field.maxExclusive ? n.lt(field.max, { error: bad }) : n.lte(field.max, { error: bad })
    s = n
  }
  s = s.meta({ title: field.label, description: field.help })
  return field.nullable ? s.nullable() : s
}

const GROUP_EXAMPLES: Record<string, string> = {
  rprop: '{ "etaPlus": 1.2 }',
  schedule: '{ "kind": "cosine" }'
}

/** The settings as one (nested) zod object; `partial` makes every field and group optional. */
function settingsObject(partial: boolean): z.ZodObject {
  const top: Record<string, z.ZodType> = {}
  const groups: Record<string, Record<string, z.ZodType>> = {}
  for (const field of TRAIN_SETTING_FIELDS) {
    const [a, b] = field.path.split('.')
    const s = partial ? fieldSchema(field).optional() : fieldSchema(field)
    if (b === undefined) top[a] = s
    else (groups[a] ??= {})[b] = s
  }
  for (const [name, shape] of Object.entries(groups)) {
    const group = z.strictObject(shape, {
      error: (i) =>
        i.input === undefined
          ? 'missing (expected an object)'
          : `expected an object such as ${GROUP_EXAMPLES[name]}, got ${json(i.input)}`
    })
    top[name] = partial ? group.optional() : group
  }
  return z.strictObject(top, { error: () => 'expected an object' })
}

/** Settings from outside (UI, protocol, command line): every field optional, unknown keys refused. */
export const trainSettingsInputSchema = settingsObject(true)
/** Complete settings, as a weights file records how its network was trained. */
export const trainSettingsSchema = settingsObject(false).meta({
  description: 'The training settings (see TRAIN_SETTING_FIELDS for their meaning and bounds).'
})
