/**
 * The contract between the network (forward/backward, src/engine/nn) and everything that drives it
 * (trainer, inspection UI, weights file, CLI, benchmark). Notation follows the seeds and DESIGN §3:
 * rows are samples, A is [m × units] row-major in a Float64Array.
 */
import type { Activation, GraphSpec, Initializer, LossKind, ParameterMap } from '../graph/types'

/** Where one weighted edge's matrix W [rows = target units × cols = source units] sits in `params`. */
export interface ParamSlice {
  edgeId: string
  from: string
  to: string
  rows: number
  cols: number
  /** Offset into Network.params / Network.grads; W[i][j] is at offset + i * cols + j. */
  offset: number
  /** True when `from` is a bias unit (cols = 1): the slice is the target layer's bias vector b. */
  isBias: boolean
}

/** A dense layer, in topological order. */
export interface LayerInfo {
  id: string
  name: string
  units: number
  activation: Activation
}

/** δ statistics of one dense layer over the last batch (what the live charts plot). */
export interface LayerStats {
  id: string
  /** mean over batch and units of |δ| */
  meanAbsDelta: number
  /** ‖δ‖ (Frobenius, over the batch, divided by m so it does not scale with batch size) */
  deltaNorm: number
  /** ‖∂C/∂W‖ over every weighted (non-bias) in-edge of the layer */
  gradNorm: number
  /** fraction of ReLU/leaky units whose δ is zero for every sample of the batch */
  deadFraction: number
  /** fraction of hidden units whose mean |f′(z)| over the batch is below the saturation threshold (0 for the output layer: its δ comes from the loss) */
  saturatedFraction: number
}

/** Where a non-finite number first appeared in the last pass. */
export interface NonFiniteReport {
  layer: string
  quantity: 'z' | 'a' | 'loss' | 'delta' | 'grad'
}

export interface Network {
  readonly spec: GraphSpec
  readonly inputWidth: number
  readonly outputWidth: number
  readonly lossKind: LossKind
  /** The dense layers in topological order (input → output). */
  readonly layers: readonly LayerInfo[]
  /** One per weighted edge (bias edges included), in a fixed order. */
  readonly slices: readonly ParamSlice[]
  /** Every trainable number, contiguous. Optimisers update it in place. */
  readonly params: Float64Array
  /** ∂C/∂θ from the last lossAndGradients call (batch mean), same layout as params. */
  readonly grads: Float64Array

  /** Output activations for m rows of x; a view valid until the next call. */
  forward(x: Float64Array, m: number): Float64Array
  /** Mean loss C over m rows (forward only). y is [m × outputWidth]. */
  loss(x: Float64Array, y: Float64Array, m: number): number
  /**
   * The output activations of the last pass (forward, loss or lossAndGradients) over its m rows: a
   * view valid until the next call, so a loss and its outputs need one forward pass, not two.
   */
  lastOutput(m: number): Float64Array
  /** Forward + backward: fills grads with the batch-mean gradient and returns the mean loss. */
  lossAndGradients(x: Float64Array, y: Float64Array, m: number): number
  /** δ statistics from the last lossAndGradients call. */
  layerStats(): LayerStats[]
  /** First non-finite value of the last pass, or null. */
  findNonFinite(): NonFiniteReport | null

  getParameters(): ParameterMap
  /** Restores parameters exactly; throws naming the edge on a missing edge or a wrong shape. */
  setParameters(p: ParameterMap): void
  initialize(init: Initializer, seed: number): void
}
