/**
 * The training settings form, generated from the engine's TRAIN_SETTING_FIELDS (labels, help, types,
 * bounds, defaults, which optimiser or schedule shows a field): the panel can never accept a value
 * the engine refuses, nor refuse one it accepts. Only the presentation is the renderer's: which
 * fieldset a setting sits in, and the words. The engine's English label and help are what the command
 * line prints; the panel words each field, choice and fieldset from the catalogue by key
 * (settingLabelKey & co.), so the engine never depends on vue-i18n.
 */
import {
  resolveTrainSettings,
  TRAIN_SETTING_FIELDS,
  type TrainSettingField,
  type TrainSettings
} from '@engine/index'

/** A fieldset, by the catalogue key of its legend (training.groups.<id>). */
export type SettingsGroupId = 'optimiser' | 'schedule' | 'run' | 'init' | 'stop' | 'more'

export interface SettingsGroup {
  id: SettingsGroupId
  fields: TrainSettingField[]
}

/** Fieldsets and the settings each holds, in the engine's order within a fieldset. */
const GROUPS: readonly { id: SettingsGroupId; paths: readonly string[] }[] = [
  {
    id: 'optimiser',
    paths: [
      'optimizer',
      'learningRate',
      'momentum',
      'beta1',
      'beta2',
      'rho',
      'epsilon',
      'rprop.etaPlus',
      'rprop.etaMinus',
      'rprop.deltaMin',
      'rprop.deltaMax',
      'l2'
    ]
  },
  {
    id: 'schedule',
    paths: [
      'schedule.kind',
      'schedule.stepEpochs',
      'schedule.gamma',
      'schedule.periodEpochs',
      'schedule.minFactor'
    ]
  },
  { id: 'run', paths: ['batchSize', 'epochs', 'shuffle'] },
  { id: 'init', paths: ['init', 'seed'] },
  { id: 'stop', paths: ['lossTarget', 'minLossChange', 'patience'] }
]

/** The fieldsets; a setting the engine adds later lands in "More" rather than missing from the form. */
export function settingsGroups(fields: readonly TrainSettingField[] = TRAIN_SETTING_FIELDS): SettingsGroup[] {
  const byPath = new Map(fields.map((f) => [f.path, f]))
  const groups = GROUPS.map((g) => ({
    id: g.id,
    fields: g.paths.flatMap((p) => {
      const f = byPath.get(p)
      byPath.delete(p)
      return f ? [f] : []
    })
  }))
  const rest = [...byPath.values()]
  if (rest.length > 0) groups.push({ id: 'more', fields: rest })
  return groups.filter((g) => g.fields.length > 0)
}

/** The catalogue keys of a field's words: training.settings.<path>.label / .help (path `rprop.etaPlus` nests). */
export const settingLabelKey = (field: Pick<TrainSettingField, 'path'>): string =>
  `training.settings.${field.path}.label`
export const settingHelpKey = (field: Pick<TrainSettingField, 'path'>): string =>
  `training.settings.${field.path}.help`
/** The catalogue key of a choice of a choice field: training.choices.<path>.<value>. */
export const choiceKey = (field: Pick<TrainSettingField, 'path'>, choice: string): string =>
  `training.choices.${field.path}.${choice}`
/** The catalogue key of a fieldset's legend. */
export const groupKey = (group: Pick<SettingsGroup, 'id'>): string => `training.groups.${group.id}`

/** Whether the field applies to these settings (its optimiser or schedule is the chosen one). */
export function isShown(field: TrainSettingField, s: TrainSettings): boolean {
  if (field.optimizers && !field.optimizers.includes(s.optimizer)) return false
  if (field.schedules && !field.schedules.includes(s.schedule.kind)) return false
  return true
}

/** The setting's current value. */
export function fieldValue(s: TrainSettings, path: string): unknown {
  const [group, key] = path.split('.')
  const top = (s as unknown as Record<string, unknown>)[group]
  return key === undefined ? top : (top as Record<string, unknown>)[key]
}

/** The settings patch that sets `path` to `value` (a nested group is copied whole). */
export function settingsPatch(s: TrainSettings, path: string, value: unknown): Partial<TrainSettings> {
  const [group, key] = path.split('.')
  if (key === undefined) return { [group]: value } as Partial<TrainSettings>
  const current = (s as unknown as Record<string, Record<string, unknown>>)[group]
  return { [group]: { ...current, [key]: value } } as Partial<TrainSettings>
}

/**
 * Why these settings with `patch` applied cannot train, in the engine's own words (its field path and
 * rule), or null when the engine accepts them: the engine's resolveTrainSettings decides, so the form
 * and the engine agree on every bound and on the rules between fields (Δmin ≤ Δmax).
 */
export function settingsProblem(s: TrainSettings, patch: Partial<TrainSettings>): string | null {
  try {
    resolveTrainSettings({ ...s, ...patch })
    return null
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
}

/** The input's step: whole numbers for integers, anything for the rest. */
export const stepOf = (field: TrainSettingField): string => (field.type === 'integer' ? '1' : 'any')
