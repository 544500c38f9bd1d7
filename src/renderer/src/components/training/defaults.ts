/**
 * Training settings suggested from the data and the graph, applied when the data or graph changes
 * and the user has not touched the field.
 */
import type { Activation, Task, TrainSettings } from '@engine/index'

export interface SettingsContext {
  /** Training rows (after the validation split), when data is loaded. */
  trainRows?: number
  task?: Task
  /** Activations of the dense layers in the graph. */
  activations: readonly Activation[]
}

/**
 * - small data sets (≤ 256 rows) train full batch, as the seeds do; larger ones in mini-batches of 32
 * - He initialisation when ReLU-like units dominate (it keeps their variance), Glorot otherwise
 * - enough epochs for roughly 5,000 optimiser steps, within [20, 500]
 */
export function suggestSettings(ctx: SettingsContext): Partial<TrainSettings> {
  const rows = ctx.trainRows
  const batchSize = rows !== undefined && rows <= 256 ? 0 : 32
  const stepsPerEpoch = rows === undefined ? 10 : batchSize === 0 ? 1 : Math.ceil(rows / batchSize)
  const epochs = Math.min(500, Math.max(20, Math.round(5000 / stepsPerEpoch / 10) * 10))
  const hidden = ctx.activations.filter((a) => a !== 'softmax' && a !== 'linear')
  const reluLike = hidden.filter((a) => a === 'relu' || a === 'leaky-relu').length
  return {
    optimizer: 'adam',
    learningRate: 0.01,
    batchSize,
    epochs,
    init: reluLike > hidden.length / 2 ? 'he-uniform' : 'glorot-uniform'
  }
}
