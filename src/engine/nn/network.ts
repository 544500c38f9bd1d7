/**
 * The network: forward and backward passes over any valid graph (DESIGN §3), on contiguous Float64Arrays.
 *
 * Per dense layer l and batch of m rows (row-major [m × units]):
 *   forward   Z = Σ_e A_src Wₑᵀ + 1·bᵀ,   A = f(Z) + Σ_skip A_src          (f′(Z) kept in the same pass)
 *   BP-1      δᴸ = ∂C/∂aᴸ ⊙ f′(zᴸ)   (a − y for softmax + CE and sigmoid + BCE)
 *   BP-2      ∂C/∂a_src = Σ_weighted δ_tgt Wₑ + Σ_skip ∂C/∂a_tgt,  δ = ∂C/∂a ⊙ f′(z)
 *   BP-3/4    ∂C/∂Wₑ = (1/m) δᵀ A_src,  ∂C/∂b = mean over the batch of δ
 * Buffers are allocated for the largest batch seen and reused; at a fixed batch size forward and
 * backward allocate nothing.
 */
import type { GraphSpec, Initializer, LossKind, ParameterMap } from '../graph/types'
import { compileGraph, INPUT, type ExecutionPlan, type PlanLayer } from '../graph/compile'
import { activateForward, SATURATING, softmaxBackward } from '../math/activations'
import { logitDelta, logitLossSum, lossGradient, lossSum } from '../math/losses'
import { matmulDelta, matmulTransBBias, SMALL_TILE_ELEMS } from '../math/matmul'
import { selectKernels, WASM_MIN_WORK, type KernelChoice, type MatrixKernels } from '../wasm/kernels'
import { initializeParameters } from './init'
import { parametersFromMap, parametersToMap } from './parameters'
import type { LayerInfo, LayerStats, Network, NonFiniteReport, ParamSlice } from './types'

export interface NetworkOptions {
  /** Encoded feature count of the data; overrides the input node's `units`. */
  inputWidth?: number
  /** Initialiser for layers without their own `init` (default glorot-uniform). */
  init?: Initializer
  /** PRNG seed of the initialisation (default 1). */
  seed?: number
  /**
   * Matrix kernels: 'js' (default) is the plain-TypeScript reference; 'wasm' the WebAssembly SIMD
   * kernels (throws where the host lacks SIMD); 'auto' takes WASM when available. Both give the same
   * results up to floating-point reassociation (test/engine/wasm-kernels.test.ts).
   */
  kernels?: KernelChoice
}

export const DEFAULT_INIT: Initializer = 'glorot-uniform'
export const DEFAULT_SEED = 1
/** A unit counts as saturated when its mean |f′(z)| over the batch is below this. */
export const SATURATION_THRESHOLD = 0.01

const EMPTY = new Float64Array(0)
const STAT_DEAD = 1
const STAT_SATURATED = 2

/** Builds a network from graph JSON: validates, compiles and initialises it (throws GraphError). */
export function createNetwork(spec: GraphSpec, opts: NetworkOptions = {}): Network {
  // The network keeps its own copy, so later edits of the caller's graph cannot desynchronise it.
  spec = structuredClone(spec)
  return new GraphNetwork(
    spec,
    compileGraph(spec, opts.inputWidth),
    opts.init ?? DEFAULT_INIT,
    opts.seed ?? DEFAULT_SEED,
    selectKernels(opts.kernels ?? 'js')
  )
}

class GraphNetwork implements Network {
  readonly spec: GraphSpec
  readonly inputWidth: number
  readonly outputWidth: number
  readonly lossKind: LossKind
  readonly layers: readonly LayerInfo[]
  readonly slices: readonly ParamSlice[]
  readonly params: Float64Array
  readonly grads: Float64Array

  private readonly plan: ExecutionPlan
  private capacity = 0
  // Per layer, [capacity × units]: pre-activation z, activation a, f′(z), ∂C/∂a, δ.
  private z: Float64Array[] = []
  private a: Float64Array[] = []
  private fp: Float64Array[] = []
  private dA: Float64Array[] = []
  private delta: Float64Array[] = []
  // The last pass: its input, batch size, loss, and whether it went backward.
  private x: Float64Array = EMPTY
  private m = 0
  private lastLoss = NaN
  private hasLoss = false
  private passed: 'none' | 'forward' | 'backward' = 'none'
  // Batch size of the last lossAndGradients (0 = none since the buffers were allocated); its δ and f′
  // buffers stay valid for layerStats until the next backward pass, even across forward-only calls.
  private statsM = 0
  private outView: Float64Array = EMPTY
  // Per layer: whether ∂C/∂a has exactly one term, a weighted out-edge, and no skip in-edge needs it
  // (BP-2 and f′ can then be one pass, matmulDelta); and whether the last backward pass wrote δ so.
  private readonly soleConsumer: boolean[]
  private readonly deltaDone: Uint8Array
  // Per layer: which of the unit statistics applies (dead ReLU units, saturated units, neither).
  private readonly statKind: Uint8Array

  constructor(
    spec: GraphSpec,
    plan: ExecutionPlan,
    init: Initializer,
    seed: number,
    private readonly kernels: MatrixKernels
  ) {
    this.spec = spec
    this.plan = plan
    this.inputWidth = plan.inputWidth
    this.outputWidth = plan.layers[plan.output].units
    this.lossKind = plan.loss.kind
    this.layers = plan.layers.map((l) => ({
      id: l.id,
      name: l.name,
      units: l.units,
      activation: l.activation
    }))
    this.slices = plan.slices
    this.params = new Float64Array(plan.paramCount)
    this.grads = new Float64Array(plan.paramCount)
    this.soleConsumer = plan.layers.map(
      (l) =>
        l.index !== plan.output &&
        l.outWeights.length === 1 &&
        l.outSkips.length === 0 &&
        l.skips.length === 0 && // a skip in-edge passes this layer's ∂C/∂a on, so it must exist
        l.activation !== 'softmax'
    )
    this.deltaDone = new Uint8Array(plan.layers.length)
    // Saturation only where it stalls learning: a hidden unit's δ is multiplied by f′ ≈ 0; the output
    // layer's δ comes from the loss (a − y for the matched pairs), so it is not reported there.
    this.statKind = Uint8Array.from(plan.layers, (l, i) =>
      l.activation === 'relu' || l.activation === 'leaky-relu'
        ? STAT_DEAD
        : SATURATING.has(l.activation) && i !== plan.output
          ? STAT_SATURATED
          : 0
    )
    this.initialize(init, seed)
  }

  initialize(init: Initializer, seed: number): void {
    initializeParameters(this.params, this.plan.layers, init, seed)
  }

  getParameters(): ParameterMap {
    return parametersToMap(this.slices, this.params)
  }

  setParameters(p: ParameterMap): void {
    parametersFromMap(this.slices, p, this.params)
  }

  forward(x: Float64Array, m: number): Float64Array {
    this.checkBatch(x, m, this.inputWidth, 'x')
    this.runForward(x, m, false)
    return this.outputView(m)
  }

  loss(x: Float64Array, y: Float64Array, m: number): number {
    this.checkBatch(x, m, this.inputWidth, 'x')
    this.checkBatch(y, m, this.outputWidth, 'y')
    this.runForward(x, m, false)
    this.lastLoss = this.meanLoss(y, m)
    this.hasLoss = true
    return this.lastLoss
  }

  lastOutput(m: number): Float64Array {
    if (!Number.isInteger(m) || m < 1 || m > this.capacity)
      throw new RangeError(`the last pass held at most ${this.capacity} rows, asked for ${m}`)
    return this.outputView(m)
  }

  lossAndGradients(x: Float64Array, y: Float64Array, m: number): number {
    this.checkBatch(x, m, this.inputWidth, 'x')
    this.checkBatch(y, m, this.outputWidth, 'y')
    this.runForward(x, m, true)
    this.lastLoss = this.meanLoss(y, m)
    this.hasLoss = true
    this.runBackward(y, m)
    return this.lastLoss
  }

  private checkBatch(data: Float64Array, m: number, width: number, name: string): void {
    if (!Number.isInteger(m) || m < 1)
      throw new RangeError(`batch size m must be a whole number ≥ 1, got ${m}`)
    if (!(data instanceof Float64Array)) throw new TypeError(`${name} must be a Float64Array`)
    if (data.length < m * width) {
      throw new RangeError(
        `${name} holds ${data.length} numbers; ${m} rows × ${width} columns need ${m * width}`
      )
    }
  }

  /** Grows the per-layer buffers to hold m rows (never shrinks them). */
  private ensureCapacity(m: number): void {
    if (m <= this.capacity) return
    const alloc = (l: PlanLayer) => new Float64Array(m * l.units)
    this.z = this.plan.layers.map(alloc)
    this.a = this.plan.layers.map(alloc)
    this.fp = this.plan.layers.map(alloc)
    this.dA = this.plan.layers.map(alloc)
    this.delta = this.plan.layers.map(alloc)
    this.capacity = m
    this.outView = EMPTY
    this.statsM = 0
  }

  private outputView(m: number): Float64Array {
    const n = this.outputWidth
    if (this.outView.length !== m * n) this.outView = this.a[this.plan.output].subarray(0, m * n)
    return this.outView
  }

  /** True when an m × k by k × n product runs on the plain-TypeScript kernels (the fused ones are JS only). */
  private onJs(m: number, k: number, n: number): boolean {
    return this.kernels.name === 'js' || m * n * k < WASM_MIN_WORK
  }

  private runForward(x: Float64Array, m: number, withDerivative: boolean): void {
    this.ensureCapacity(m)
    this.x = x
    this.m = m
    this.lastLoss = NaN
    this.hasLoss = false
    const { params } = this
    for (const layer of this.plan.layers) {
      const n = layer.units
      const Z = this.z[layer.index]
      const A = this.a[layer.index]
      const biases = layer.biases
      const weights = layer.weights
      let k = 0
      if (biases.length === 1 && weights.length > 0 && this.onJs(m, weights[0].cols, n)) {
        // Z = A_src Wᵀ + 1·bᵀ in one pass (the same numbers as the bias fill and accumulate below)
        const e = weights[0]
        matmulTransBBias(
          e.src === INPUT ? x : this.a[e.src],
          0,
          params,
          e.offset,
          params,
          biases[0].offset,
          Z,
          0,
          m,
          e.cols,
          n
        )
        k = 1
      } else {
        // Z = 1·bᵀ (sum of the bias edges) or nothing, then Z += A_src Wᵀ per weighted edge.
        for (let q = 0; q < biases.length; q++) {
          const b = biases[q].offset
          for (let r = 0; r < m; r++) {
            const o = r * n
            if (q === 0) for (let i = 0; i < n; i++) Z[o + i] = params[b + i]
            else for (let i = 0; i < n; i++) Z[o + i] += params[b + i]
          }
        }
      }
      for (; k < weights.length; k++) {
        const e = weights[k]
        const src = e.src === INPUT ? x : this.a[e.src]
        this.kernels.matmulTransB(src, 0, params, e.offset, Z, 0, m, e.cols, n, biases.length > 0 || k > 0)
      }
      activateForward(layer.activation, layer.leak, Z, A, withDerivative ? this.fp[layer.index] : null, m, n)
      // Residual unit (seed 000): A = f(Z) + A_src
      for (const s of layer.skips) {
        const src = s.src === INPUT ? x : this.a[s.src]
        for (let i = 0, len = m * n; i < len; i++) A[i] += src[i]
      }
    }
    this.passed = 'forward'
  }

  private meanLoss(y: Float64Array, m: number): number {
    const { output, fused, loss } = this.plan
    const n = this.outputWidth
    const sum = fused
      ? logitLossSum(this.plan.layers[output].activation, loss.kind, this.z[output], y, m, n)
      : lossSum(loss.kind, this.a[output], y, m, n, loss.huberDelta)
    return sum / m
  }

  private runBackward(y: Float64Array, m: number): void {
    const { layers, output, fused, loss } = this.plan
    const { params, grads, x } = this
    const scale = 1 / m
    const { soleConsumer, deltaDone } = this
    // A layer's δ is written in one pass by its only consumer (matmulDelta) when that product is small
    // and on the JS kernels; otherwise ∂C/∂a is zeroed here, accumulated, and multiplied by f′ below.
    for (const layer of layers) {
      const l = layer.index
      deltaDone[l] = 0
      if (l === output) continue
      if (soleConsumer[l]) {
        const e = layer.outWeights[0]
        const tgtUnits = e.rows
        if (e.rows * e.cols <= SMALL_TILE_ELEMS && this.onJs(m, tgtUnits, e.cols)) {
          deltaDone[l] = 1
          continue
        }
      }
      this.dA[l].fill(0, 0, m * layer.units)
    }
    // BP-1 at the output
    const n = this.outputWidth
    if (fused)
      logitDelta(
        layers[output].activation,
        loss.kind,
        this.z[output],
        this.a[output],
        y,
        this.delta[output],
        m,
        n
      )
    else lossGradient(loss.kind, this.a[output], y, this.dA[output], m, n, loss.huberDelta)

    for (let l = layers.length - 1; l >= 0; l--) {
      const layer = layers[l]
      const u = layer.units
      const len = m * u
      const dA = this.dA[l]
      const delta = this.delta[l]
      // Every consumer of this layer comes later in topological order, so dA is complete here.
      if (!(l === output && fused) && deltaDone[l] === 0) {
        if (layer.activation === 'softmax') softmaxBackward(this.a[l], dA, delta, m, u)
        else {
          const fp = this.fp[l]
          for (let i = 0; i < len; i++) delta[i] = dA[i] * fp[i]
        }
      }
      for (const e of layer.weights) {
        const src = e.src === INPUT ? x : this.a[e.src]
        this.kernels.matmulTransA(delta, 0, src, 0, grads, e.offset, m, u, e.cols, scale) // BP-3
        if (e.src === INPUT) continue
        if (deltaDone[e.src] === 1) {
          matmulDelta(delta, 0, params, e.offset, this.fp[e.src], this.delta[e.src], m, u, e.cols) // BP-2 ⊙ f′
        } else {
          this.kernels.matmulAccumulate(delta, 0, params, e.offset, this.dA[e.src], 0, m, u, e.cols) // BP-2
        }
      }
      for (const e of layer.biases) this.kernels.columnSums(delta, 0, grads, e.offset, m, u, scale) // BP-4
      for (const s of layer.skips) {
        if (s.src === INPUT) continue
        const dSrc = this.dA[s.src] // the identity passes ∂C/∂a straight through
        for (let i = 0; i < len; i++) dSrc[i] += dA[i]
      }
    }
    this.passed = 'backward'
    this.statsM = m
  }

  layerStats(): LayerStats[] {
    const m = this.statsM
    const { layers } = this.plan
    const out: LayerStats[] = new Array<LayerStats>(layers.length)
    for (let l = 0; l < layers.length; l++) {
      const layer = layers[l]
      const stats: LayerStats = {
        id: layer.id,
        meanAbsDelta: 0,
        deltaNorm: 0,
        gradNorm: 0,
        deadFraction: 0,
        saturatedFraction: 0
      }
      out[l] = stats
      if (m === 0) continue
      const n = layer.units
      const len = m * n
      const delta = this.delta[l]
      // Sums with two accumulators each: a single one makes every add wait for the previous.
      let abs0 = 0
      let abs1 = 0
      let sq0 = 0
      let sq1 = 0
      let i = 0
      for (; i + 1 < len; i += 2) {
        const d0 = delta[i]
        const d1 = delta[i + 1]
        abs0 += Math.abs(d0)
        abs1 += Math.abs(d1)
        sq0 += d0 * d0
        sq1 += d1 * d1
      }
      if (i < len) {
        abs0 += Math.abs(delta[i])
        sq0 += delta[i] * delta[i]
      }
      stats.meanAbsDelta = (abs0 + abs1) / len
      stats.deltaNorm = Math.sqrt(sq0 + sq1) / m
      let g2 = 0
      const weights = layer.weights
      for (let k = 0; k < weights.length; k++) {
        const e = weights[k]
        g2 += sumOfSquares(this.grads, e.offset, e.offset + e.rows * e.cols)
      }
      stats.gradNorm = Math.sqrt(g2)
      const kind = this.statKind[l]
      if (kind === STAT_DEAD) {
        let dead = 0
        for (let u = 0; u < n; u++) {
          let r = 0
          while (r < m && delta[r * n + u] === 0) r++
          if (r === m) dead++
        }
        stats.deadFraction = dead / n
      } else if (kind === STAT_SATURATED) {
        const fp = this.fp[l]
        let saturated = 0
        for (let u = 0; u < n; u++) {
          let sum = 0
          for (let at = u; at < len; at += n) sum += Math.abs(fp[at])
          if (sum / m < SATURATION_THRESHOLD) saturated++
        }
        stats.saturatedFraction = saturated / n
      }
    }
    return out
  }

  findNonFinite(): NonFiniteReport | null {
    if (this.passed === 'none') return null
    const { layers, loss } = this.plan
    const m = this.m
    const bad = (buf: Float64Array, len: number): boolean => {
      for (let i = 0; i < len; i++) if (!Number.isFinite(buf[i])) return true
      return false
    }
    // In the order the numbers were computed: forward, loss, backward, gradients.
    for (const l of layers) {
      if (bad(this.z[l.index], m * l.units)) return { layer: l.id, quantity: 'z' }
      if (bad(this.a[l.index], m * l.units)) return { layer: l.id, quantity: 'a' }
    }
    if (this.hasLoss && !Number.isFinite(this.lastLoss)) return { layer: loss.id, quantity: 'loss' }
    if (this.passed !== 'backward') return null
    for (let i = layers.length - 1; i >= 0; i--) {
      const l = layers[i]
      if (bad(this.delta[i], m * l.units)) return { layer: l.id, quantity: 'delta' }
    }
    for (let i = layers.length - 1; i >= 0; i--) {
      for (const e of [...layers[i].weights, ...layers[i].biases]) {
        if (bad(this.grads.subarray(e.offset, e.offset + e.rows * e.cols), e.rows * e.cols)) {
          return { layer: layers[i].id, quantity: 'grad' }
        }
      }
    }
    return null
  }
}

/** Σ v² over a[from … to), with four accumulators. */
function sumOfSquares(a: Float64Array, from: number, to: number): number {
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  let i = from
  for (; i + 3 < to; i += 4) {
    s0 += a[i] * a[i]
    s1 += a[i + 1] * a[i + 1]
    s2 += a[i + 2] * a[i + 2]
    s3 += a[i + 3] * a[i + 3]
  }
  for (; i < to; i++) s0 += a[i] * a[i]
  return s0 + s1 + (s2 + s3)
}
