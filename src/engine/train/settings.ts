/**
 * Training settings: the defaults, and the one reader that turns a partial, untrusted settings object
 * (from the UI, the protocol, the command line or a weights file) into complete TrainSettings or throws
 * naming the field. The fields, bounds and defaults themselves are described in settingsSchema.ts.
 */
import type { MessageParams } from '../messageParams'
import { toSchemaError } from '../schema'
import { TRAIN_SETTING_FIELDS, trainSettingsInputSchema } from './settingsSchema'
import type { RpropSettings, ScheduleSettings, TrainSettings } from './types'

/** Settings accepted from outside: every field optional, nested groups partial too. */
export type TrainSettingsInput = Partial<Omit<TrainSettings, 'rprop' | 'schedule'>> & {
  rprop?: Partial<RpropSettings>
  schedule?: Partial<ScheduleSettings>
}

export class TrainSettingsError extends Error {
  readonly code = 'bad-settings'
  constructor(
    readonly field: string,
    message: string,
    /** The reason as a code and values (schema's issueParams, or this module's own rules). */
    details: MessageParams = { rule: 'other' }
  ) {
    super(`training setting "${field}": ${message}`)
    this.name = 'TrainSettingsError'
    this.params = { ...details, field, detail: message }
  }
  /**
   * For wording the error in the user's language: the field path, the reason's `rule` and its values
   * (bounds, expected type, options; `unknown-setting` with a `suggestion`, `exceeds-other` with the
   * `other` field and its value `max`), and `detail`, the reason in English (the fallback).
   */
  readonly params: MessageParams & { field: string }
}

/**
 * Defaults (TRAIN_SETTING_FIELDS): PyTorch's for the optimiser constants, Riedmiller & Braun's for
 * Rprop's (η⁺ 1.2, η⁻ 0.5, Δmax 50). schedule.periodEpochs defaults to the epochs setting.
 */
export function defaultTrainSettings(): TrainSettings {
  const out: Record<string, unknown> = {}
  for (const field of TRAIN_SETTING_FIELDS) {
    const [a, b] = field.path.split('.')
    if (b === undefined) out[a] = field.default
    else ((out[a] ??= {}) as Record<string, unknown>)[b] = field.default
  }
  return out as unknown as TrainSettings
}

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
function unknownKey(key: string, known: readonly string[], prefix: string): TrainSettingsError {
  const near = known
    .map((k) => ({ k, d: distance(key.toLowerCase(), k.toLowerCase()) }))
    .sort((a, b) => a.d - b.d)[0]
  const close = near && near.d <= Math.max(2, Math.floor(key.length / 3))
  const hint = close ? `; did you mean "${prefix}${near.k}"?` : ''
  return new TrainSettingsError(
    `${prefix}${key}`,
    `is not a training setting${hint} (known: ${known.map((k) => prefix + k).join(', ')})`,
    close ? { rule: 'unknown-setting', suggestion: `${prefix}${near.k}` } : { rule: 'unknown-setting' }
  )
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Complete, validated settings from a partial input (checked by trainSettingsInputSchema); throws
 * TrainSettingsError naming the field — for a wrong value, and for a key that is not a setting (at
 * the top level and inside rprop / schedule).
 */
export function resolveTrainSettings(input: TrainSettingsInput = {}): TrainSettings {
  if (!isPlainObject(input))
    throw new TrainSettingsError('settings', 'expected an object', {
      rule: 'invalid-type',
      expectedType: 'object'
    })
  const d = defaultTrainSettings()
  const result = trainSettingsInputSchema.safeParse(input, { reportInput: true })
  if (!result.success) {
    // Unknown keys first: a typo explains the other issues (e.g. a group's missing field).
    const issues = result.error.issues
    const unknown = issues.find((i) => i.code === 'unrecognized_keys')
    if (unknown) {
      const group = unknown.path[0] as 'rprop' | 'schedule' | undefined
      const known = Object.keys(group ? d[group] : d)
      throw unknownKey(unknown.keys[0], known, group ? `${group}.` : '')
    }
    const err = toSchemaError(result.error, input)
    throw new TrainSettingsError(err.path || 'settings', err.reason, err.details)
  }
  const given = defined(result.data) as TrainSettingsInput
  const kind = given.schedule?.kind ?? d.schedule.kind
  const epochs = given.epochs ?? d.epochs
  const settings: TrainSettings = {
    ...d,
    ...given,
    rprop: { ...d.rprop, ...defined(given.rprop) },
    schedule: {
      ...d.schedule,
      gamma: kind === 'exponential' ? 0.95 : d.schedule.gamma,
      periodEpochs: epochs,
      ...defined(given.schedule)
    }
  }
  if (settings.rprop.deltaMin > settings.rprop.deltaMax) {
    throw new TrainSettingsError(
      'rprop.deltaMin',
      `must not exceed rprop.deltaMax (${settings.rprop.deltaMax})`,
      { rule: 'exceeds-other', other: 'rprop.deltaMax', max: settings.rprop.deltaMax }
    )
  }
  return settings
}

/** The object without its undefined fields (a field given as undefined takes its default). */
function defined<T extends object>(o: T | undefined): Partial<T> {
  const out: Partial<T> = {}
  if (o) for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v
  return out
}
