/**
 * Exercise mode: the app hides one number backpropagation computes (a z, an a, a δ, an ∂C/∂a, an entry
 * of ∂C/∂W, the loss, or a weight after one step of gradient descent), the student works it out and
 * types it, and the app grades it within a stated tolerance. When the answer is wrong it looks for the
 * slip that would produce exactly that number — the usual ones of hand calculations, the tutorials'
 * own among them — and names it, or says it does not know.
 *
 * Pure: the passes come from the engine's `inspect` (one per sample), so the exact values and the
 * slip values are the engine's numbers, never re-derived here except by the slip itself (e.g. "f′
 * forgotten" is ∂C/∂a where δ was asked).
 */
import type { Inspection, LayerInspection } from '@engine/index'
import type { ExerciseSource } from '@renderer/lessons/types'
import { layerIndices, symbolsFor, type Symbols } from '@renderer/lessons/notation'

export const QUANTITY_KINDS = ['z', 'a', 'loss', 'delta', 'dCda', 'dCdW', 'updated'] as const
export type QuantityKind = (typeof QUANTITY_KINDS)[number]

/**
 * The tolerance of grading: an answer is right when it is within 0.5 % of the exact value (or within
 * 10⁻⁶ of it when the value is that close to 0). Four significant digits, as the tutorials round, pass;
 * three digits of a value whose fourth digit is large may not (0.69 for σ(0.755) = 0.6803 does not).
 */
export const TOLERANCE = { relative: 0.005, absolute: 1e-6 } as const

export function within(typed: number, target: number): boolean {
  return Math.abs(typed - target) <= Math.max(TOLERANCE.relative * Math.abs(target), TOLERANCE.absolute)
}

/** The slips the detector knows, most specific first (that is the order they are tried in). */
export const SLIP_KINDS = [
  /** ∂C/∂w (a weight's gradient) given where the error ∂C/∂a or δ = ∂C/∂z was asked (seed 001's 0.027). */
  'gradient-for-error',
  /** δ = ∂C/∂a ⊙ f′(z) without the f′(z). */
  'f-prime-forgotten',
  /** ∂C/∂a carried back with the gradient ∂C/∂W instead of the weights W (seed 000's pseudo-code). */
  'gradient-for-weights',
  /** The gradient summed over the batch instead of averaged (1/m forgotten). */
  'batch-mean-forgotten',
  /** w + α ∂C/∂w: a step up the slope instead of down. */
  'step-sign',
  /** Squared error without its ½: the loss doubled, and so its derivative. */
  'half-forgotten',
  /** y − a where a − y belongs (seed 000's δ = y − a for cross-entropy). */
  'error-sign',
  /** a given where z was asked, or z where a was: the activation forgotten or applied twice. */
  'activation-mixup',
  /** Another number of the same pass (seed 001's O₃ = 0.69 is O₅). */
  'other-quantity'
] as const
export type SlipKind = (typeof SLIP_KINDS)[number]

export interface Question {
  kind: QuantityKind
  /** The hidden quantity's symbol, KaTeX. */
  tex: string
  exact: number
  /** What it is about, for highlighting it on the graph. */
  highlight: { nodes: string[]; edges: string[] }
  /** Dense layer, unit and (for weights) edge and column it is about. */
  layer?: string
  unit?: number
  edge?: string
  col?: number
}

export interface DetectedSlip {
  kind: SlipKind
  /** The value this slip gives. */
  value: number
  /** The symbol of the quantity the typed value is (for gradient-for-error and other-quantity). */
  tex?: string
}

export type Grade =
  { correct: true; exact: number } | { correct: false; exact: number; slip: DetectedSlip | null }

/** Parses what a student types: "0.0277", "2.77e-2", "−0.5" (a typographic minus), "0,0277". */
export function parseAnswer(text: string): number | null {
  let t = text
    .trim()
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .replace(/\uFF0E/g, '.')
    .replace(/\s+/g, '')
  if (!t.includes('.') && (t.match(/,/g) ?? []).length === 1) t = t.replace(',', '.')
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null
  const v = Number(t)
  return Number.isFinite(v) ? v : null
}

/** Everything a source's exercises are computed from: symbols, the first pass, batch-mean gradients. */
export interface ExerciseContext {
  source: ExerciseSource
  symbols: Symbols
  /** The first sample's pass: the z, a, δ questions are about it. */
  pass: Inspection
  /** ∂C/∂W per edge, averaged over the batch (BP-3 with 1/m). */
  gradients: Record<string, number[][]>
  /** The same, summed over the batch (the 1/m slip). */
  gradientSums: Record<string, number[][]>
  /** C averaged over the batch. */
  loss: number
}

export function exerciseContext(source: ExerciseSource): ExerciseContext {
  if (!source.samples.length) throw new RangeError('an exercise needs at least one sample')
  const pass = source.samples[0].inspection
  const inputWidth = source.samples[0].x.length
  const symbols = symbolsFor(source.notation, pass, layerIndices(pass), source.inputId, inputWidth)
  const gradientSums: Record<string, number[][]> = {}
  for (const s of source.samples)
    for (const l of s.inspection.layers)
      for (const g of l.gradients) {
        const acc = (gradientSums[g.edgeId] ??= g.values.map((r) => r.map(() => 0)))
        g.values.forEach((r, i) => r.forEach((v, j) => (acc[i][j] += v)))
      }
  const m = source.samples.length
  const gradients = Object.fromEntries(
    Object.entries(gradientSums).map(([id, G]) => [id, G.map((r) => r.map((v) => v / m))])
  )
  const loss = source.samples.reduce((s, x) => s + x.inspection.loss, 0) / m
  return { source, symbols, pass, gradients, gradientSums, loss }
}

/** Every question a source can ask, in the order backpropagation meets them within each kind. */
export function questions(ctx: ExerciseContext, kind: QuantityKind): Question[] {
  const { pass, symbols: S } = ctx
  const layers = pass.layers
  const units = (l: LayerInspection): number[] => Array.from({ length: l.units }, (_, i) => i)
  const lossNode = (): string[] => []
  switch (kind) {
    case 'z':
    case 'a':
    case 'delta':
    case 'dCda':
      // One question per unit, named like the inspection's field. δ and ∂C/∂a output layer first:
      // the order in which backpropagation computes them.
      return (kind === 'z' || kind === 'a' ? layers : [...layers].reverse()).flatMap((l) =>
        units(l).map((u) => ({
          kind,
          tex: S[kind](l.id, u),
          exact: l[kind][u],
          highlight: { nodes: [l.id], edges: [] },
          layer: l.id,
          unit: u
        }))
      )
    case 'loss':
      return [{ kind, tex: S.loss, exact: ctx.loss, highlight: { nodes: lossNode(), edges: [] } }]
    case 'dCdW':
    case 'updated':
      return [...layers].reverse().flatMap((l) =>
        // An edge whose weights are not known (the user's graph before training) has no updated weight.
        l.gradients
          .filter((g) => kind === 'dCdW' || ctx.source.parameters[g.edgeId])
          .flatMap((g) =>
            g.values.flatMap((row, u) =>
              row.map((_, c) => {
                const grad = ctx.gradients[g.edgeId][u][c]
                const w = ctx.source.parameters[g.edgeId]?.[u][c] ?? NaN
                return {
                  kind,
                  tex: kind === 'dCdW' ? S.dCdW(g.edgeId, u, c) : `${S.weight(g.edgeId, u, c)}^{\\text{new}}`,
                  exact: kind === 'dCdW' ? grad : w - ctx.source.learningRate * grad,
                  highlight: { nodes: [l.id, g.from], edges: [g.edgeId] },
                  layer: l.id,
                  unit: u,
                  edge: g.edgeId,
                  col: c
                }
              })
            )
          )
      )
  }
}

/** The values each known slip would give for this question, in SLIP_KINDS order. */
export function slipCandidates(ctx: ExerciseContext, q: Question): DetectedSlip[] {
  const { pass, symbols: S, source } = ctx
  const out: DetectedSlip[] = []
  const layer = q.layer ? pass.layers.find((l) => l.id === q.layer) : undefined
  const isOutput = layer !== undefined && layer === pass.layers[pass.layers.length - 1]
  const squared = pass.lossKind === 'squared-error'
  const u = q.unit ?? 0
  const m = source.samples.length

  // Every ∂C/∂w next to this layer (its in-edges and out-edges): what a hurried student picks up.
  const gradientsNear = (): DetectedSlip[] => {
    const near: DetectedSlip[] = []
    for (const l of pass.layers)
      for (const g of l.gradients) {
        if (l.id !== q.layer && g.from !== q.layer) continue
        g.values.forEach((row, i) =>
          row.forEach((_, c) =>
            near.push({
              kind: 'gradient-for-error',
              value: ctx.gradients[g.edgeId][i][c],
              tex: S.dCdW(g.edgeId, i, c)
            })
          )
        )
      }
    return near
  }

  switch (q.kind) {
    case 'z':
      if (layer) out.push({ kind: 'activation-mixup', value: layer.a[u], tex: S.a(layer.id, u) })
      break
    case 'a':
      if (layer) out.push({ kind: 'activation-mixup', value: layer.z[u], tex: S.z(layer.id, u) })
      break
    case 'loss':
      if (squared) out.push({ kind: 'half-forgotten', value: 2 * ctx.loss })
      break
    case 'delta':
      if (!layer) break
      out.push(...gradientsNear())
      if (layer.fPrime) out.push({ kind: 'f-prime-forgotten', value: layer.dCda[u] })
      if (isOutput && squared) out.push({ kind: 'half-forgotten', value: 2 * layer.delta[u] })
      out.push({ kind: 'error-sign', value: -layer.delta[u] })
      break
    case 'dCda':
      if (!layer) break
      out.push(...gradientsNear())
      if (!isOutput) {
        // ∂C/∂a_j = Σ over weighted out-edges Σ_i δ_i W_ij — carried back with ∂C/∂W_ij instead of W_ij
        let withGradient = 0
        for (const c of layer.contributions) {
          if (c.kind === 'skip') withGradient += c.values[u]
          if (c.kind !== 'weights') continue
          const tgt = pass.layers.find((l) => l.id === c.from)!
          const G = ctx.gradients[c.edgeId]
          for (let i = 0; i < tgt.units; i++) withGradient += tgt.delta[i] * G[i][u]
        }
        out.push({ kind: 'gradient-for-weights', value: withGradient })
      }
      if (isOutput && squared) out.push({ kind: 'half-forgotten', value: 2 * layer.dCda[u] })
      out.push({ kind: 'error-sign', value: -layer.dCda[u] })
      break
    case 'dCdW':
    case 'updated': {
      if (!layer || q.edge === undefined || q.col === undefined) break
      const e = q.edge
      const c = q.col
      const g = ctx.gradients[e][u][c]
      const sum = ctx.gradientSums[e][u][c]
      const w = source.parameters[e]?.[u][c] ?? NaN
      const α = source.learningRate
      const as = (grad: number): number => (q.kind === 'dCdW' ? grad : w - α * grad)
      // δ without f′ times the same source activation: ∂C/∂a_i · a_j (one sample: a_j = g / δ_i)
      if (layer.fPrime && m === 1 && layer.delta[u] !== 0)
        out.push({ kind: 'f-prime-forgotten', value: as((g / layer.delta[u]) * layer.dCda[u]) })
      if (m > 1) out.push({ kind: 'batch-mean-forgotten', value: as(sum) })
      if (q.kind === 'updated') out.push({ kind: 'step-sign', value: w + α * g })
      if (squared) out.push({ kind: 'half-forgotten', value: as(2 * g) })
      if (q.kind === 'dCdW') out.push({ kind: 'error-sign', value: -g })
      break
    }
  }
  return out
}

/** Every other number of the pass with its symbol, for "you typed the value of …". */
export function otherQuantities(ctx: ExerciseContext, q: Question): DetectedSlip[] {
  const { pass, symbols: S, source } = ctx
  const out: DetectedSlip[] = []
  const add = (tex: string, value: number): void => {
    if (tex !== q.tex) out.push({ kind: 'other-quantity', value, tex })
  }
  source.samples[0].x.forEach((v, i) => add(S.x(i), v))
  source.samples[0].y.forEach((v, i) => add(S.y(i), v))
  for (const l of pass.layers)
    for (let u = 0; u < l.units; u++) {
      add(S.z(l.id, u), l.z[u])
      add(S.a(l.id, u), l.a[u])
      add(S.delta(l.id, u), l.delta[u])
      add(S.dCda(l.id, u), l.dCda[u])
    }
  for (const [e, W] of Object.entries(source.parameters))
    W.forEach((row, i) =>
      row.forEach((v, j) => {
        add(S.weight(e, i, j), v)
        add(S.dCdW(e, i, j), ctx.gradients[e]?.[i][j] ?? 0)
      })
    )
  add(S.loss, ctx.loss)
  return out
}

/** Grades a typed value; when wrong, names the first known slip that gives it (or null: unknown). */
export function grade(ctx: ExerciseContext, q: Question, typed: number): Grade {
  if (within(typed, q.exact)) return { correct: true, exact: q.exact }
  const candidates = [...slipCandidates(ctx, q), ...otherQuantities(ctx, q)]
  // A "slip" that gives the right value is no slip here (e.g. δ·x₀ with x₀ = 1).
  const slip = candidates.find((s) => !within(s.value, q.exact) && within(typed, s.value)) ?? null
  return { correct: false, exact: q.exact, slip }
}

/**
 * What the student is given, to be drawn on the graph: the sample's x on the input, its y on the loss
 * node, every weight on its edge (up to `limit` numbers, so a large graph is not buried under labels).
 */
export function givens(
  ctx: ExerciseContext,
  ids: { input: string; loss: string },
  limit = 40
): { place: { node: string } | { edge: string }; tex: string; value: number }[] {
  const { symbols: S, source } = ctx
  const out: { place: { node: string } | { edge: string }; tex: string; value: number }[] = []
  source.samples[0].x.forEach((v, i) => out.push({ place: { node: ids.input }, tex: S.x(i), value: v }))
  source.samples[0].y.forEach((v, i) => out.push({ place: { node: ids.loss }, tex: S.y(i), value: v }))
  for (const [e, W] of Object.entries(source.parameters))
    W.forEach((row, i) =>
      row.forEach((v, j) => out.push({ place: { edge: e }, tex: S.weight(e, i, j), value: v }))
    )
  return out.length <= limit ? out : out.slice(0, source.samples[0].x.length + source.samples[0].y.length)
}
