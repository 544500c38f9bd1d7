/**
 * The training commands, each one call into the connection's training model (model/training.ts):
 * train.start / pause / resume / step / stop / reset / setLearningRate / restore / parameters,
 * inspect and gradcheck. Session events go out as `train.event` (the SessionEvent plus the session
 * number). The request types are the model's; the schemas below check a request against them.
 */
import { INITIALIZERS } from '../../graph/types'
import {
  createTrainingModel,
  MAX_GRADCHECK_ROWS,
  type GradcheckResult,
  type InspectResult,
  type ResetRequest,
  type SetWeightRequest,
  type SessionStatus,
  type StepRequest,
  type TrainEventData,
  type TrainingOptions,
  type TrainStartRequest,
  type TrainStartResult
} from '../../model/training'
import type { Workspace } from '../../model/workspace'
import type { ParameterMap } from '../../graph/types'
import { RESTORE_POINTS, type RestorePoint } from '../../train/trainer'
import { STEP_UNITS } from '../../train/session'
import { z } from '../../schema'
import { defineCommand, type CommandTable, type Connection } from '../server'
import { num, oneOf, payload, positive, record, str, validator } from '../schema'

/** train.setSpeed's range: one step every ten seconds up to a limit no machine reaches on purpose. */
export const MIN_STEPS_PER_SECOND = 0.1
export const MAX_STEPS_PER_SECOND = 1e6

export type {
  GradcheckResult,
  InspectResult,
  SessionStatus,
  TrainEventData,
  TrainStartRequest,
  TrainStartResult
} from '../../model/training'

declare module '../messages' {
  interface EngineCommands {
    /**
     * Starts a new session on the prepared data. Weights: `parameters` when given, else the current
     * model's when every weighted edge keeps its id and shape, else fresh from settings.init/seed.
     * Fails naming the node when the graph is invalid or does not fit the data, and when no data is prepared.
     */
    'train.start': { payload: TrainStartRequest; result: TrainStartResult }
    'train.pause': { payload: Record<string, never>; result: SessionStatus }
    'train.resume': { payload: Record<string, never>; result: SessionStatus }
    /**
     * One batch, or to the end of the epoch, then pause. Without a session to step (none yet, or it
     * ended) `graph` and `settings` open a new one as train.start would: from `parameters` when given
     * (e.g. a project's weights after an engine restart), else from the current weights when they fit.
     */
    'train.step': {
      payload: StepRequest
      result: SessionStatus
    }
    'train.stop': { payload: Record<string, never>; result: SessionStatus }
    /**
     * Re-initialises the weights (initialiser, seed); the session becomes idle. Without a session,
     * `graph` (+ `settings`) build the model on the prepared data first.
     */
    'train.reset': {
      payload: ResetRequest
      result: SessionStatus
    }
    /** From the next step on; the schedule continues from the new rate. */
    'train.setLearningRate': { payload: { learningRate: number }; result: SessionStatus }
    /**
     * Sets the current model to the weights the session's run started from (`run-start`) or to its
     * last good weights (`last-good`: the last step whose pass was finite and not diverged; the run's
     * starting weights before any). A run still going ends first (a `done` event, reason 'stopped',
     * final null). The next train.start continues from the restored weights. `run-start` also puts
     * back the model's training summary from before the run.
     */
    'train.restore': { payload: { which: RestorePoint }; result: SessionStatus }
    /**
     * The current model's weights by edge id; with `gradients`, also ∂C/∂W of the last training step
     * (the batch mean, same shapes), for the canvas's per-weight tooltips.
     */
    'train.parameters': {
      payload: { gradients?: boolean }
      result: { parameters: ParameterMap; gradients?: ParameterMap }
    }
    /**
     * At most `stepsPerSecond` optimiser steps per second, for the running session and every later one
     * of this connection; without it, as fast as the machine can. Answers with no session too.
     */
    'train.setSpeed': { payload: { stepsPerSecond?: number }; result: { stepsPerSecond: number | null } }
    /**
     * Sets W[row][col] of the weighted edge `edgeId` of the current model (a bias edge's column is 0),
     * as the tutorials set a network by hand. Refused while a session runs (pause first).
     */
    'train.setWeight': { payload: SetWeightRequest; result: SetWeightRequest }
    /** One forward/backward pass on row `sample` of the training split, with that row's x and y. */
    inspect: { payload: { sample: number }; result: InspectResult }
    /** Finite differences against backprop on the first `rows` training rows (default 16). */
    gradcheck: { payload: { rows?: number }; result: GradcheckResult }
  }
  interface EngineEvents {
    /** Every event of the connection's training session; `session` tells sessions apart. */
    'train.event': TrainEventData
  }
}

const empty = validator(payload({}))

const schemas = {
  start: payload({
    graph: record(),
    settings: record(),
    parameters: record().optional()
  }) satisfies z.ZodType<TrainStartRequest>,
  step: payload({
    unit: oneOf(STEP_UNITS),
    graph: record().optional(),
    settings: record().optional(),
    parameters: record().optional()
  }) satisfies z.ZodType<StepRequest>,
  reset: payload({
    init: oneOf(INITIALIZERS),
    seed: num(),
    graph: record().optional(),
    settings: record().optional()
  }) satisfies z.ZodType<ResetRequest>,
  setLearningRate: payload({ learningRate: positive() }),
  restore: payload({ which: oneOf(RESTORE_POINTS) }) satisfies z.ZodType<{ which: RestorePoint }>,
  parameters: payload({ gradients: z.boolean().optional() }),
  setSpeed: payload({
    stepsPerSecond: num({ min: MIN_STEPS_PER_SECOND, max: MAX_STEPS_PER_SECOND }).optional()
  }),
  setWeight: payload({
    edgeId: str({ maxLength: 200 }),
    row: num({ integer: true, min: 0 }),
    col: num({ integer: true, min: 0 }),
    value: num()
  }) satisfies z.ZodType<SetWeightRequest>,
  inspect: payload({ sample: num({ integer: true, min: 0 }) }),
  gradcheck: payload({ rows: num({ integer: true, min: 1, max: MAX_GRADCHECK_ROWS }).optional() })
}

export function trainCommands(
  connection: Connection,
  ws: Workspace,
  options: TrainingOptions = {}
): CommandTable {
  const model = createTrainingModel(ws, (event) => connection.emit('train.event', event), options)
  connection.onClose(() => model.close())
  return {
    'train.start': defineCommand('train.start', validator(schemas.start), (p) => model.start(p)),
    'train.pause': defineCommand('train.pause', empty, () => model.pause()),
    'train.resume': defineCommand('train.resume', empty, () => model.resume()),
    'train.step': defineCommand('train.step', validator(schemas.step), (p) => model.step(p)),
    'train.stop': defineCommand('train.stop', empty, () => model.stop()),
    'train.reset': defineCommand('train.reset', validator(schemas.reset), (p) => model.reset(p)),
    'train.setLearningRate': defineCommand('train.setLearningRate', validator(schemas.setLearningRate), (p) =>
      model.setLearningRate(p.learningRate)
    ),
    'train.restore': defineCommand('train.restore', validator(schemas.restore), (p) =>
      model.restore(p.which)
    ),
    'train.parameters': defineCommand('train.parameters', validator(schemas.parameters), (p) =>
      model.parameters(p.gradients)
    ),
    'train.setSpeed': defineCommand('train.setSpeed', validator(schemas.setSpeed), (p) =>
      model.setSpeed(p.stepsPerSecond)
    ),
    'train.setWeight': defineCommand('train.setWeight', validator(schemas.setWeight), (p) =>
      model.setWeight(p)
    ),
    inspect: defineCommand('inspect', validator(schemas.inspect), (p) => model.inspect(p.sample)),
    gradcheck: defineCommand('gradcheck', validator(schemas.gradcheck), (p) => model.gradcheck(p.rows))
  }
}
