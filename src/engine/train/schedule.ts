/**
 * Learning-rate schedules as a factor of the base rate, a function of the 0-based epoch.
 * The trainer sets lr = base × factor(epoch) at the start of each epoch.
 */
import type { ScheduleSettings } from './types'

export function scheduleFactor(s: ScheduleSettings, epoch: number): number {
  switch (s.kind) {
    case 'constant':
      return 1
    case 'step':
      return Math.pow(s.gamma, Math.floor(epoch / s.stepEpochs))
    case 'exponential':
      return Math.pow(s.gamma, epoch)
    case 'cosine': {
      // Cosine annealing (Loshchilov & Hutter) without restarts; flat at the floor after the period.
      const t = Math.min(epoch, s.periodEpochs) / s.periodEpochs
      return s.minFactor + 0.5 * (1 - s.minFactor) * (1 + Math.cos(Math.PI * t))
    }
    default: {
      const never: never = s.kind
      throw new Error(`unknown schedule ${String(never)}`)
    }
  }
}
