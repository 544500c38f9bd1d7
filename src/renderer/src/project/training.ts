import {
  DEFAULT_VALIDATION_SPLIT,
  MAX_VALIDATION_SPLIT,
  resolveTrainSettings,
  type TrainSettings
} from '@engine/index'
import type { ProjectTraining } from './file'

/**
 * The project file's `training` section: the engine's TrainSettings as resolved (every field written,
 * so a file says exactly how it trains) and the validation fraction.
 */

/** The validation fraction a project has when it says none (the engine's default). */
export const VALIDATION_SPLIT = DEFAULT_VALIDATION_SPLIT

/** A project's training settings as the engine resolves them; defaults for anything missing or invalid. */
export function settingsFromProject(training: ProjectTraining): {
  settings: TrainSettings
  validationSplit: number
} {
  let settings: TrainSettings
  try {
    settings = resolveTrainSettings((training.settings ?? {}) as Partial<TrainSettings>)
  } catch {
    settings = resolveTrainSettings()
  }
  const split = training.validationSplit
  const validationSplit =
    typeof split === 'number' && split >= 0 && split <= MAX_VALIDATION_SPLIT ? split : VALIDATION_SPLIT
  return { settings, validationSplit }
}

/** The project's `training` section for these settings (one shape, so saving twice writes the same text). */
export function projectTraining(settings: TrainSettings, validationSplit: number): ProjectTraining {
  return { settings: JSON.parse(JSON.stringify(settings)) as Record<string, unknown>, validationSplit }
}

/** A new project's section: the defaults. */
export const defaultProjectTraining = (): ProjectTraining =>
  projectTraining(resolveTrainSettings(), VALIDATION_SPLIT)
