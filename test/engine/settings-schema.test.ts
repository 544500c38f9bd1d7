/**
 * The training settings are described once (TRAIN_SETTING_FIELDS): the defaults, the reader's bounds
 * and the form metadata the renderer generates its panel from all come from there.
 */
import { describe, expect, it } from 'vitest'
import { defaultTrainSettings, resolveTrainSettings } from '../../src/engine/train/settings'
import { ruleText, TRAIN_SETTING_FIELDS, trainSettingsSchema } from '../../src/engine/train/settingsSchema'

/** `{ rprop: { etaPlus: v } }` for path `rprop.etaPlus`. */
function at(path: string, value: unknown): Record<string, unknown> {
  const [a, b] = path.split('.')
  return b === undefined ? { [a]: value } : { [a]: { [b]: value } }
}

describe('training settings fields', () => {
  it('has one field per setting, and the defaults are complete settings the schema accepts', () => {
    const d = defaultTrainSettings()
    const paths = TRAIN_SETTING_FIELDS.map((f) => f.path)
    expect(new Set(paths).size).toBe(paths.length)
    const leaves = Object.entries(d).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null ? Object.keys(v).map((c) => `${k}.${c}`) : [k]
    )
    expect([...paths].sort()).toEqual(leaves.sort())
    expect(trainSettingsSchema.safeParse(d).success).toBe(true)
    // periodEpochs defaults to the epochs setting, which is what the defaults hold.
    expect(resolveTrainSettings({})).toEqual(d)
  })

  it.each(TRAIN_SETTING_FIELDS.filter((f) => f.min !== undefined || f.max !== undefined))(
    '$path: the reader enforces exactly the bounds the form shows',
    (field) => {
      const message = `training setting "${field.path}": must be ${ruleText(field)}`
      if (field.min !== undefined) {
        const edge = () => resolveTrainSettings(at(field.path, field.min))
        if (field.minExclusive) expect(edge).toThrow(message)
        else expect(edge).not.toThrow()
        expect(() => resolveTrainSettings(at(field.path, field.min! - 1))).toThrow(message)
      }
      if (field.max !== undefined) {
        const edge = () => resolveTrainSettings(at(field.path, field.max))
        if (field.maxExclusive) expect(edge).toThrow(message)
        else expect(edge).not.toThrow()
        expect(() => resolveTrainSettings(at(field.path, field.max! + 1))).toThrow(message)
      }
    }
  )

  it('names the field and the allowed values for a wrong choice or type', () => {
    expect(() => resolveTrainSettings({ schedule: { kind: 'linear' as never } })).toThrow(
      'training setting "schedule.kind": expected one of constant, step, exponential, cosine, got "linear"'
    )
    expect(() => resolveTrainSettings({ shuffle: 'yes' as never })).toThrow(
      'training setting "shuffle": expected true or false, got "yes"'
    )
    expect(() => resolveTrainSettings({ epochs: 2.5 })).toThrow(
      'training setting "epochs": expected an integer, got 2.5'
    )
    expect(() => resolveTrainSettings({ seed: 'x' as never })).toThrow(
      'training setting "seed": expected a finite number, got "x"'
    )
  })

  it('keeps null ("off") for the nullable stopping rules and defaults the schedule from its kind', () => {
    const s = resolveTrainSettings({ patience: null, epochs: 7, schedule: { kind: 'exponential' } })
    expect(s.patience).toBeNull()
    expect(s.schedule.gamma).toBe(0.95)
    expect(s.schedule.periodEpochs).toBe(7)
    expect(resolveTrainSettings({ learningRate: undefined }).learningRate).toBe(0.01)
  })
})
