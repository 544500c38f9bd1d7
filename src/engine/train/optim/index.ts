/**
 * One optimiser interface over the network's flat parameters: `step()` reads net.grads (the batch-mean
 * gradient), adds L2 decay for weight matrices, and updates net.params in place. All state is
 * allocated here, once; a step allocates nothing.
 */
import type { ParamSlice } from '../../nn/types'
import type { OptimizerKind, TrainSettings } from '../types'
import { adamStep, createAdamState } from './adam'
import { addWeightDecay, weightRanges } from './decay'
import { createMomentumState, momentumStep } from './momentum'
import { createRmspropState, rmspropStep } from './rmsprop'
import { createRpropState, rpropStep } from './rprop'
import { sgdStep } from './sgd'

/** What an optimiser needs of a network: its parameters, their gradients and the slice layout. */
export interface ParamSet {
  readonly params: Float64Array
  readonly grads: Float64Array
  readonly slices: readonly ParamSlice[]
}

export type OptimizerSettings = Pick<
  TrainSettings,
  'optimizer' | 'learningRate' | 'l2' | 'momentum' | 'beta1' | 'beta2' | 'rho' | 'epsilon' | 'rprop'
>

export interface Optimizer {
  readonly kind: OptimizerKind
  /** The rate of the next step; may be changed at any time (rprop ignores it after the start). */
  learningRate: number
  /** One update of net.params from net.grads (net.grads gains λW when L2 is on). */
  step(): void
  /** Forget all state (velocities, moments, step sizes), e.g. after the weights are re-initialised. */
  reset(): void
}

export function createOptimizer(settings: OptimizerSettings, net: ParamSet): Optimizer {
  const { params, grads } = net
  const n = params.length
  const decayRanges = weightRanges(net.slices)
  const l2 = settings.l2
  const kind = settings.optimizer
  const delta0 = settings.learningRate

  let update: (lr: number) => void
  let reset: () => void
  switch (kind) {
    case 'gd':
    case 'sgd':
      update = (lr) => sgdStep(params, grads, lr)
      reset = () => {}
      break
    case 'momentum':
    case 'nesterov': {
      const s = createMomentumState(n)
      const nesterov = kind === 'nesterov'
      update = (lr) => momentumStep(s, params, grads, lr, settings.momentum, nesterov)
      reset = () => s.velocity.fill(0)
      break
    }
    case 'adam': {
      const s = createAdamState(n)
      update = (lr) => adamStep(s, params, grads, lr, settings.beta1, settings.beta2, settings.epsilon)
      reset = () => {
        s.m.fill(0)
        s.v.fill(0)
        s.t = 0
      }
      break
    }
    case 'rmsprop': {
      const s = createRmspropState(n)
      update = (lr) => rmspropStep(s, params, grads, lr, settings.rho, settings.epsilon)
      reset = () => s.meanSquare.fill(0)
      break
    }
    case 'rprop': {
      const s = createRpropState(n, delta0)
      const c = { ...settings.rprop }
      update = () => rpropStep(s, params, grads, c)
      reset = () => {
        s.stepSize.fill(delta0)
        s.prevGrad.fill(0)
      }
      break
    }
    default: {
      const never: never = kind
      throw new Error(`unknown optimizer ${String(never)}`)
    }
  }

  const optimizer: Optimizer = {
    kind,
    learningRate: settings.learningRate,
    step() {
      if (l2 > 0) addWeightDecay(params, grads, decayRanges, l2)
      update(optimizer.learningRate)
    },
    reset
  }
  return optimizer
}
