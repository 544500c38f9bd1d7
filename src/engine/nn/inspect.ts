/**
 * Inspection: every intermediate number of one forward/backward pass for one sample, per dense layer —
 * what the UI's backprop explainer shows. Plain number arrays, so the result survives structured clone
 * and JSON.
 *
 * This is deliberately a second, plain implementation (one sample, nested loops, no shared buffers)
 * of the same equations the network runs batched, reading only the network's graph and parameters:
 * it never disturbs a training run's buffers or gradients, and the tests check the two agree.
 */
import type { Activation, LossKind } from '../graph/types'
import { compileGraph, INPUT, type PlanEdge } from '../graph/compile'
import { activateForward, softmaxBackward } from '../math/activations'
import { logitDelta, logitLossSum, lossGradient, lossSum } from '../math/losses'
import type { Network } from './types'

/**
 * How δ was obtained from ∂C/∂a (a list, so the renderer can word every rule):
 * - chain: δ = ∂C/∂a ⊙ f′(z) (BP-1 / BP-2)
 * - softmax-jacobian: δ = Jᵀ ∂C/∂a with J = diag(a) − a aᵀ (no elementwise f′ exists)
 * - softmax-cross-entropy: the product simplifies to δ = a − y
 * - sigmoid-binary-cross-entropy: the product simplifies to δ = a − y
 */
export const DELTA_RULES = [
  'chain',
  'softmax-jacobian',
  'softmax-cross-entropy',
  'sigmoid-binary-cross-entropy'
] as const
export type DeltaRule = (typeof DELTA_RULES)[number]

/** One term of ∂C/∂a: δ_tgt·W over a weighted out-edge, ∂C/∂a_tgt over a skip out-edge, or the loss. */
export interface Contribution {
  kind: 'weights' | 'skip' | 'loss'
  edgeId: string
  /** The node the term comes back from (a later layer, or the loss node). */
  from: string
  values: number[]
}

/** ∂C/∂W of one in-edge ([rows = units][cols = source units]; a bias edge is [units][1] = ∂C/∂b). */
export interface EdgeGradient {
  edgeId: string
  from: string
  isBias: boolean
  values: number[][]
}

export interface LayerInspection {
  id: string
  name: string
  units: number
  activation: Activation
  z: number[]
  a: number[]
  /** ∂C/∂a: the sum of `contributions`. */
  dCda: number[]
  /** f′(z); null for softmax, whose derivative is a Jacobian (see deltaRule). */
  fPrime: number[] | null
  delta: number[]
  deltaRule: DeltaRule
  /** One sentence saying how δ was obtained, for the explainer. */
  deltaNote: string
  contributions: Contribution[]
  gradients: EdgeGradient[]
}

export interface Inspection {
  /** C for this sample. */
  loss: number
  lossKind: LossKind
  /** Dense layers in topological order (input side first). */
  layers: LayerInspection[]
}

const NOTES: Record<DeltaRule, string> = {
  chain: 'δ = ∂C/∂a ⊙ f′(z).',
  'softmax-jacobian':
    'Softmax has no elementwise f′: δ_j = a_j (∂C/∂a_j − Σ_k a_k ∂C/∂a_k), the softmax Jacobian applied to ∂C/∂a.',
  'softmax-cross-entropy': 'Softmax with cross-entropy: the Jacobian and −y/a cancel to δ = a − y.',
  'sigmoid-binary-cross-entropy':
    'Sigmoid with binary cross-entropy: f′(z) = a(1 − a) cancels the loss denominator, δ = a − y.'
}

/** One forward/backward pass on one sample x (inputWidth numbers) with target y (outputWidth numbers). */
export function inspect(net: Network, x: Float64Array, y: Float64Array): Inspection {
  if (x.length !== net.inputWidth)
    throw new RangeError(`x must hold ${net.inputWidth} numbers, got ${x.length}`)
  if (y.length !== net.outputWidth)
    throw new RangeError(`y must hold ${net.outputWidth} numbers, got ${y.length}`)
  const plan = compileGraph(net.spec, net.inputWidth)
  const p = net.params
  const W = (e: PlanEdge, i: number, j: number): number => p[e.offset + i * e.cols + j]
  const L = plan.layers.length

  // ---- forward
  const z: Float64Array[] = []
  const a: Float64Array[] = []
  const fp: Float64Array[] = []
  const source = (src: number): Float64Array => (src === INPUT ? x : a[src])
  for (const layer of plan.layers) {
    const n = layer.units
    const zl = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      let s = 0
      for (const b of layer.biases) s += W(b, i, 0)
      for (const e of layer.weights) {
        const src = source(e.src)
        for (let j = 0; j < e.cols; j++) s += W(e, i, j) * src[j]
      }
      zl[i] = s
    }
    const al = new Float64Array(n)
    const fpl = new Float64Array(n)
    activateForward(layer.activation, layer.leak, zl, al, fpl, 1, n)
    for (const s of layer.skips) {
      const src = source(s.src)
      for (let i = 0; i < n; i++) al[i] += src[i]
    }
    z.push(zl)
    a.push(al)
    fp.push(fpl)
  }

  // ---- loss and backward
  const out = plan.output
  const n = net.outputWidth
  const loss = plan.fused
    ? logitLossSum(plan.layers[out].activation, plan.loss.kind, z[out], y, 1, n)
    : lossSum(plan.loss.kind, a[out], y, 1, n, plan.loss.huberDelta)
  const lossEdge = net.spec.edges.find((e) => e.to === plan.loss.id)!

  const dCda: Float64Array[] = new Array(L)
  const delta: Float64Array[] = new Array(L)
  const contributions: Contribution[][] = new Array(L)
  for (let l = L - 1; l >= 0; l--) {
    const layer = plan.layers[l]
    const u = layer.units
    const terms: Contribution[] = []
    if (l === out) {
      const g = new Float64Array(u)
      lossGradient(plan.loss.kind, a[l], y, g, 1, u, plan.loss.huberDelta)
      terms.push({ kind: 'loss', edgeId: lossEdge.id, from: plan.loss.id, values: Array.from(g) })
    }
    for (const e of layer.outWeights) {
      // (δ_tgt W)_j = Σ_i δ_tgt,i W_ij — seed 000's Δ, the fan-out-and-sum
      const values = new Array<number>(u).fill(0)
      for (let i = 0; i < e.rows; i++) for (let j = 0; j < u; j++) values[j] += delta[e.dst][i] * W(e, i, j)
      terms.push({ kind: 'weights', edgeId: e.id, from: e.to, values })
    }
    for (const s of layer.outSkips)
      terms.push({ kind: 'skip', edgeId: s.id, from: s.to, values: Array.from(dCda[s.dst]) })
    // BP-2: ∂C/∂a is the sum of the terms
    const total = new Float64Array(u)
    for (const t of terms) for (let j = 0; j < u; j++) total[j] += t.values[j]
    dCda[l] = total
    contributions[l] = terms

    const d = new Float64Array(u)
    if (l === out && plan.fused) logitDelta(layer.activation, plan.loss.kind, z[l], a[l], y, d, 1, u)
    else if (layer.activation === 'softmax') softmaxBackward(a[l], total, d, 1, u)
    else for (let j = 0; j < u; j++) d[j] = total[j] * fp[l][j]
    delta[l] = d
  }

  const layers = plan.layers.map((layer, l): LayerInspection => {
    const rule: DeltaRule =
      l === out && plan.fused
        ? layer.activation === 'softmax'
          ? 'softmax-cross-entropy'
          : 'sigmoid-binary-cross-entropy'
        : layer.activation === 'softmax'
          ? 'softmax-jacobian'
          : 'chain'
    const inEdges = [...layer.weights, ...layer.biases].sort((e1, e2) => e1.offset - e2.offset)
    return {
      id: layer.id,
      name: layer.name,
      units: layer.units,
      activation: layer.activation,
      z: Array.from(z[l]),
      a: Array.from(a[l]),
      dCda: Array.from(dCda[l]),
      fPrime: layer.activation === 'softmax' ? null : Array.from(fp[l]),
      delta: Array.from(delta[l]),
      deltaRule: rule,
      deltaNote: NOTES[rule],
      contributions: contributions[l],
      gradients: inEdges.map((e) => {
        const src = e.isBias ? null : source(e.src)
        return {
          edgeId: e.id,
          from: e.from,
          isBias: e.isBias,
          // BP-3: ∂C/∂W_ij = δ_i a_src,j; BP-4: ∂C/∂b_i = δ_i
          values: Array.from({ length: e.rows }, (_, i) =>
            Array.from({ length: e.cols }, (_, j) => delta[l][i] * (src ? src[j] : 1))
          )
        }
      })
    }
  })
  return { loss, lossKind: plan.loss.kind, layers }
}
