/**
 * The training settings form, generated from the engine's TRAIN_SETTING_FIELDS (labels, help, types,
 * bounds, defaults, which optimiser or schedule shows a field): the panel can never accept a value
 * the engine refuses, nor refuse one it accepts. Only the presentation is the renderer's: which
 * fieldset a setting sits in, and the optimisers' longer names.
 */
import {
  resolveTrainSettings,
  TRAIN_SETTING_FIELDS,
  type TrainSettingField,
  type TrainSettings
} from '@engine/index'

export interface SettingsGroup {
  legend: string
  fields: TrainSettingField[]
}

/** Fieldsets and the settings each holds, in the engine's order within a fieldset. */
const GROUPS: readonly { legend: string; paths: readonly string[] }[] = [
  {
    legend: 'Optimiser',
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
    legend: 'Schedule',
    paths: [
      'schedule.kind',
      'schedule.stepEpochs',
      'schedule.gamma',
      'schedule.periodEpochs',
      'schedule.minFactor'
    ]
  },
  { legend: 'Data and run', paths: ['batchSize', 'epochs', 'shuffle'] },
  { legend: 'Initial weights', paths: ['init', 'seed'] },
  { legend: 'Stop rules', paths: ['lossTarget', 'minLossChange', 'patience'] }
]

/** The fieldsets; a setting the engine adds later lands in "More" rather than missing from the form. */
export function settingsGroups(fields: readonly TrainSettingField[] = TRAIN_SETTING_FIELDS): SettingsGroup[] {
  const byPath = new Map(fields.map((f) => [f.path, f]))
  const groups = GROUPS.map((g) => ({
    legend: g.legend,
    fields: g.paths.flatMap((p) => {
      const f = byPath.get(p)
      byPath.delete(p)
      return f ? [f] : []
    })
  }))
  const rest = [...byPath.values()]
  if (rest.length > 0) groups.push({ legend: 'More', fields: rest })
  return groups.filter((g) => g.fields.length > 0)
}

export const OPTIMIZER_LABELS: Record<string, string> = {
  gd: 'Gradient descent (full batch)',
  sgd: 'SGD (mini-batch)',
  momentum: 'Momentum',
  nesterov: 'Nesterov momentum',
  adam: 'Adam',
  rmsprop: 'RMSprop',
  rprop: 'Rprop'
}

/** A choice as the form names it. */
export function choiceLabel(field: TrainSettingField, choice: string): string {
  return field.path === 'optimizer' ? (OPTIMIZER_LABELS[choice] ?? choice) : choice
}

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
