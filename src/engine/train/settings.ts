/**
 * Training settings: the defaults, and one validator that turns a partial, untrusted settings object
 * (from the UI, the protocol or the command line) into complete TrainSettings or throws naming the field.
 */
import { INITIALIZERS } from '../graph/types'
import { OPTIMIZERS, SCHEDULES, type RpropSettings, type ScheduleSettings, type TrainSettings } from './types'

/** Settings accepted from outside: every field optional, nested groups partial too. */
export type TrainSettingsInput = Partial<Omit<TrainSettings, 'rprop' | 'schedule'>> & {
  rprop?: Partial<RpropSettings>
  schedule?: Partial<ScheduleSettings>
}

export class TrainSettingsError extends Error {
  readonly code = 'bad-settings'
  constructor(
    readonly field: string,
    message: string
  ) {
    super(`training setting "${field}": ${message}`)
    this.name = 'TrainSettingsError'
  }
}

/** Defaults: PyTorch's for the optimiser constants, Riedmiller & Braun's for Rprop's (η⁺ 1.2, η⁻ 0.5, Δmax 50). */
export function defaultTrainSettings(): TrainSettings {
  return {
    optimizer: 'adam',
    learningRate: 0.01,
    batchSize: 32,
    epochs: 100,
    seed: 1,
    init: 'glorot-uniform',
    l2: 0,
    momentum: 0.9,
    beta1: 0.9,
    beta2: 0.999,
    rho: 0.9,
    epsilon: 1e-8,
    rprop: { etaPlus: 1.2, etaMinus: 0.5, deltaMin: 1e-6, deltaMax: 50 },
    schedule: { kind: 'constant', stepEpochs: 10, gamma: 0.5, periodEpochs: 0, minFactor: 0 },
    lossTarget: null,
    minLossChange: null,
    patience: null,
    shuffle: true
  }
}

type Check = (v: number) => boolean
const positive: Check = (v) => v > 0
const nonNegative: Check = (v) => v >= 0
const unitOpen: Check = (v) => v >= 0 && v < 1

function num(
  field: string,
  value: unknown,
  fallback: number,
  ok: Check,
  rule: string,
  integer = false
): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TrainSettingsError(field, `expected a finite number, got ${JSON.stringify(value)}`)
  }
  if (integer && !Number.isInteger(value))
    throw new TrainSettingsError(field, `expected an integer, got ${value}`)
  if (!ok(value)) throw new TrainSettingsError(field, `must be ${rule}, got ${value}`)
  return value
}

function nullableNum(
  field: string,
  value: unknown,
  fallback: number | null,
  ok: Check,
  rule: string,
  integer = false
) {
  if (value === null) return null
  return value === undefined ? fallback : num(field, value, 0, ok, rule, integer)
}

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new TrainSettingsError(field, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`)
  }
  return value as T
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Levenshtein distance, for "did you mean" (the names are short). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = up
    }
  }
  return row[b.length]
}

/**
 * A key that is not a setting is refused by name (a typo such as `learnRate` would otherwise train
 * silently at the default rate), with the nearest known name when one is close.
 */
function refuseUnknown(group: Record<string, unknown>, known: readonly string[], prefix: string): void {
  for (const key of Object.keys(group)) {
    if (known.includes(key)) continue
    const near = known
      .map((k) => ({ k, d: distance(key.toLowerCase(), k.toLowerCase()) }))
      .sort((a, b) => a.d - b.d)[0]
    const hint =
      near && near.d <= Math.max(2, Math.floor(key.length / 3)) ? `; did you mean "${prefix}${near.k}"?` : ''
    throw new TrainSettingsError(
      `${prefix}${key}`,
      `is not a training setting${hint} (known: ${known.map((k) => prefix + k).join(', ')})`
    )
  }
}

function group(field: string, value: unknown, example: string): Record<string, unknown> {
  if (value === undefined) return {}
  if (!isPlainObject(value))
    throw new TrainSettingsError(field, `expected an object such as ${example}, got ${JSON.stringify(value)}`)
  return value
}

/**
 * Complete, validated settings from a partial input; throws TrainSettingsError naming the field — for
 * a wrong value, and for a key that is not a setting (at the top level and inside rprop / schedule).
 */
export function resolveTrainSettings(input: TrainSettingsInput = {}): TrainSettings {
  if (!isPlainObject(input)) throw new TrainSettingsError('settings', 'expected an object')
  const d = defaultTrainSettings()
  refuseUnknown(input, Object.keys(d), '')
  const r = group('rprop', input.rprop, '{ "etaPlus": 1.2 }') as Partial<RpropSettings>
  const s = group('schedule', input.schedule, '{ "kind": "cosine" }') as Partial<ScheduleSettings>
  refuseUnknown(r, Object.keys(d.rprop), 'rprop.')
  refuseUnknown(s, Object.keys(d.schedule), 'schedule.')
  const epochs = num('epochs', input.epochs, d.epochs, (v) => v >= 1, 'an integer ≥ 1', true)
  const kind = oneOf('schedule.kind', s.kind, SCHEDULES, d.schedule.kind)
  const settings: TrainSettings = {
    optimizer: oneOf('optimizer', input.optimizer, OPTIMIZERS, d.optimizer),
    learningRate: num('learningRate', input.learningRate, d.learningRate, positive, '> 0'),
    batchSize: num(
      'batchSize',
      input.batchSize,
      d.batchSize,
      nonNegative,
      'an integer ≥ 0 (0 = full batch)',
      true
    ),
    epochs,
    seed: num('seed', input.seed, d.seed, () => true, 'finite'),
    init: oneOf('init', input.init, INITIALIZERS, d.init),
    l2: num('l2', input.l2, d.l2, nonNegative, '≥ 0'),
    momentum: num('momentum', input.momentum, d.momentum, unitOpen, 'in [0, 1)'),
    beta1: num('beta1', input.beta1, d.beta1, unitOpen, 'in [0, 1)'),
    beta2: num('beta2', input.beta2, d.beta2, unitOpen, 'in [0, 1)'),
    rho: num('rho', input.rho, d.rho, unitOpen, 'in [0, 1)'),
    epsilon: num('epsilon', input.epsilon, d.epsilon, positive, '> 0'),
    rprop: {
      etaPlus: num('rprop.etaPlus', r.etaPlus, d.rprop.etaPlus, (v) => v > 1, '> 1'),
      etaMinus: num('rprop.etaMinus', r.etaMinus, d.rprop.etaMinus, (v) => v > 0 && v < 1, 'in (0, 1)'),
      deltaMin: num('rprop.deltaMin', r.deltaMin, d.rprop.deltaMin, nonNegative, '≥ 0'),
      deltaMax: num('rprop.deltaMax', r.deltaMax, d.rprop.deltaMax, positive, '> 0')
    },
    schedule: {
      kind,
      stepEpochs: num(
        'schedule.stepEpochs',
        s.stepEpochs,
        d.schedule.stepEpochs,
        (v) => v >= 1,
        'an integer ≥ 1',
        true
      ),
      gamma: num(
        'schedule.gamma',
        s.gamma,
        kind === 'exponential' ? 0.95 : d.schedule.gamma,
        positive,
        '> 0'
      ),
      periodEpochs: num(
        'schedule.periodEpochs',
        s.periodEpochs,
        epochs,
        (v) => v >= 1,
        'an integer ≥ 1',
        true
      ),
      minFactor: num(
        'schedule.minFactor',
        s.minFactor,
        d.schedule.minFactor,
        (v) => v >= 0 && v <= 1,
        'in [0, 1]'
      )
    },
    lossTarget: nullableNum('lossTarget', input.lossTarget, d.lossTarget, () => true, 'finite'),
    minLossChange: nullableNum('minLossChange', input.minLossChange, d.minLossChange, nonNegative, '≥ 0'),
    patience: nullableNum('patience', input.patience, d.patience, (v) => v >= 1, 'an integer ≥ 1', true),
    shuffle: input.shuffle === undefined ? d.shuffle : bool('shuffle', input.shuffle)
  }
  if (settings.rprop.deltaMin > settings.rprop.deltaMax) {
    throw new TrainSettingsError(
      'rprop.deltaMin',
      `must not exceed rprop.deltaMax (${settings.rprop.deltaMax})`
    )
  }
  return settings
}

function bool(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean')
    throw new TrainSettingsError(field, `expected true or false, got ${JSON.stringify(value)}`)
  return value
}
