// The engine defines the settings and the data enums once, in English for the command line; the
// panels word them from the catalogues by key. Adding a setting, a choice or an enum value without
// wording it in both languages fails here.
import { describe, expect, it } from 'vitest'
import {
  ACTIVATIONS,
  BINARY_TARGET_ENCODINGS,
  INITIALIZERS,
  LOSSES,
  COLUMN_ROLES,
  COLUMN_TYPES,
  DELTA_RULES,
  MISSING_POLICIES,
  NORMALIZATIONS,
  TASKS,
  TRAIN_SETTING_FIELDS,
  type EdgeKind
} from '@engine/index'
import { createAppI18n, LOCALES } from '@renderer/i18n'
import {
  choiceKey,
  groupKey,
  settingHelpKey,
  settingLabelKey,
  settingsGroups
} from '@renderer/training/settingsForm'

/** The graph's edge kinds (types.ts EdgeKind; no runtime list there). */
const EDGE_KINDS = ['weights', 'skip'] as const satisfies readonly EdgeKind[]

const i18n = createAppI18n('en')
const { te, t } = i18n.global

/** Keys with no message, or an empty one, in a locale (te looks in that locale only, no fallback). */
function unworded(keys: string[]): string[] {
  return LOCALES.flatMap((locale) =>
    keys.filter((k) => !te(k, locale) || t(k, {}, { locale }).trim() === '').map((k) => `${locale} ${k}`)
  )
}

describe('every training setting is worded in both languages', () => {
  it('has a label and a help text per field', () => {
    expect(TRAIN_SETTING_FIELDS.length).toBeGreaterThan(20)
    expect(unworded(TRAIN_SETTING_FIELDS.flatMap((f) => [settingLabelKey(f), settingHelpKey(f)]))).toEqual([])
  })

  it('has a name for every choice of the choice fields (optimiser, schedule, initialiser)', () => {
    const choices = TRAIN_SETTING_FIELDS.filter((f) => f.type === 'choice')
    expect(choices.map((f) => f.path)).toEqual(expect.arrayContaining(['optimizer', 'schedule.kind', 'init']))
    expect(unworded(choices.flatMap((f) => (f.choices ?? []).map((c) => choiceKey(f, c))))).toEqual([])
  })

  it('has a legend for every fieldset, including the one a new field would land in', () => {
    const fake = { ...TRAIN_SETTING_FIELDS[0], path: 'somethingNew' }
    const groups = settingsGroups([...TRAIN_SETTING_FIELDS, fake])
    expect(groups.map((g) => g.id)).toContain('more')
    expect(unworded(groups.map(groupKey))).toEqual([])
  })

  it('fails for a field without wording (the check can fail)', () => {
    const fake = { ...TRAIN_SETTING_FIELDS[0], path: 'somethingNew' }
    expect(unworded([settingLabelKey(fake)])).toEqual([
      'en training.settings.somethingNew.label',
      'zh-CN training.settings.somethingNew.label'
    ])
  })

  it('says in English what the engine says (the command line), up to typography', () => {
    // The catalogue writes ’ and “ ”; a | would be vue-i18n's plural separator, so |ΔC| is worded.
    const plain = (s: string): string => s.replace(/[’]/g, "'").replace(/[“”]/g, '"')
    const worded = new Set(['minLossChange'])
    for (const f of TRAIN_SETTING_FIELDS) {
      if (!worded.has(f.path)) expect(plain(t(settingLabelKey(f))), f.path).toBe(f.label)
      expect(plain(t(settingHelpKey(f))), f.path).toBe(f.help)
    }
  })

  it('words the fields in Chinese, not in the engine’s English', () => {
    const rate = TRAIN_SETTING_FIELDS.find((f) => f.path === 'learningRate')!
    expect(t(settingLabelKey(rate), {}, { locale: 'en' })).toBe(rate.label)
    expect(t(settingLabelKey(rate), {}, { locale: 'zh-CN' })).toBe('学习率（μ）')
    const momentum = TRAIN_SETTING_FIELDS.find((f) => f.path === 'momentum')!
    expect(t(settingLabelKey(momentum), {}, { locale: 'zh-CN' })).toBe('动量')
  })
})

describe('every data enum value is worded in both languages', () => {
  const enums: [string, readonly string[]][] = [
    ['data.types', COLUMN_TYPES],
    ['data.roles', COLUMN_ROLES],
    ['data.normalizations', NORMALIZATIONS],
    ['data.missingPolicies', MISSING_POLICIES],
    ['data.binaryTargets', BINARY_TARGET_ENCODINGS],
    ['data.tasks', TASKS],
    ['explainer.deltaRules', DELTA_RULES],
    ['canvas.activationKind', ACTIVATIONS],
    ['canvas.lossKind', LOSSES],
    ['training.choices.init', INITIALIZERS],
    ['engine.edgeKind', EDGE_KINDS]
  ]
  for (const [prefix, values] of enums)
    it(prefix, () => {
      expect(values.length).toBeGreaterThan(0)
      expect(unworded(values.map((v) => `${prefix}.${v}`))).toEqual([])
    })
})
