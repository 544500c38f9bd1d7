/**
 * The lessons' notation, as KaTeX. Two styles, as the tutorials write them:
 * - 'seed001' (seed 001's hand calculation): units numbered through the network (x₁, x₂ inputs, x₃, x₄
 *   hidden, x₅ output), x_k a unit's weighted sum, O_k its output, w_jk the weight from unit j to k, E the loss;
 * - 'layer' (seeds 002/003): z_i⁽ˡ⁾, a_i⁽ˡ⁾, δ_i⁽ˡ⁾, W⁽ˡ⁾ from layer l−1 to l, with the input as layer 1.
 * Indices are 1-based here (the engine's are 0-based).
 */
import type { Inspection } from '@engine/index'
import type { Notation } from './types'

/** A number in a formula: 4 significant digits, ×10ⁿ for very small or large magnitudes. */
export function texNumber(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v)
  if (v === 0) return '0'
  const a = Math.abs(v)
  if (a < 1e-4 || a >= 1e6) {
    const [m, e] = v.toExponential(digits - 1).split('e')
    return `${Number(m)} \\times 10^{${Number(e)}}`
  }
  return String(Number(v.toPrecision(digits)))
}

/** A column vector of numbers. */
export function texColumn(values: readonly number[]): string {
  return `\\begin{bmatrix}${values.map((v) => texNumber(v)).join('\\\\')}\\end{bmatrix}`
}

/** A matrix of numbers (rows). */
export function texMatrix(rows: readonly (readonly number[])[]): string {
  return `\\begin{bmatrix}${rows.map((r) => r.map((v) => texNumber(v)).join('&')).join('\\\\')}\\end{bmatrix}`
}

/** How a lesson or the user's graph names its quantities. */
export interface Symbols {
  loss: string
  z(layer: string, unit: number): string
  a(layer: string, unit: number): string
  delta(layer: string, unit: number): string
  dCda(layer: string, unit: number): string
  /** One weight: row `unit` of the edge's W (target unit), column `col` (source unit). */
  weight(edge: string, unit: number, col: number): string
  dCdW(edge: string, unit: number, col: number): string
  /** The input's i-th feature. */
  x(unit: number): string
  y(unit: number): string
}

interface EdgeInfo {
  from: string
  to: string
  isBias: boolean
}

/**
 * The symbols of one network. `edges` maps edge id → its ends (the inspection's gradients give them);
 * `layerIndex` numbers the dense layers (input = 1).
 */
export function symbolsFor(
  notation: Notation,
  inspection: Inspection,
  layerIndex: Record<string, number>,
  inputId: string,
  inputWidth: number
): Symbols {
  const edges = new Map<string, EdgeInfo>()
  for (const l of inspection.layers)
    for (const g of l.gradients) edges.set(g.edgeId, { from: g.from, to: l.id, isBias: g.isBias })

  if (notation === 'seed001') {
    // Units numbered through the network: the input's first, then each layer's in order.
    const first: Record<string, number> = { [inputId]: 1 }
    let next = inputWidth + 1
    for (const l of inspection.layers) {
      first[l.id] = next
      next += l.units
    }
    const k = (layer: string, unit: number): number => (first[layer] ?? 1) + unit
    return {
      loss: 'E',
      z: (l, u) => `x_{${k(l, u)}}`,
      a: (l, u) => `O_{${k(l, u)}}`,
      delta: (l, u) => `\\delta_{${k(l, u)}}`,
      dCda: (l, u) => `\\frac{\\partial E}{\\partial O_{${k(l, u)}}}`,
      weight: (e, u, c) => {
        const info = edges.get(e)!
        return info.isBias ? `b_{${k(info.to, u)}}` : `w_{${k(info.from, c)}${k(info.to, u)}}`
      },
      dCdW: (e, u, c) => {
        const info = edges.get(e)!
        return info.isBias
          ? `\\frac{\\partial E}{\\partial b_{${k(info.to, u)}}}`
          : `\\frac{\\partial E}{\\partial w_{${k(info.from, c)}${k(info.to, u)}}}`
      },
      x: (u) => `x_{${u + 1}}`,
      y: (u) => `t_{${k(inspection.layers[inspection.layers.length - 1].id, u)}}`
    }
  }
  const L = (layer: string): number => layerIndex[layer] ?? 1
  return {
    loss: 'C',
    z: (l, u) => `z_{${u + 1}}^{(${L(l)})}`,
    a: (l, u) => `a_{${u + 1}}^{(${L(l)})}`,
    delta: (l, u) => `\\delta_{${u + 1}}^{(${L(l)})}`,
    dCda: (l, u) => `\\frac{\\partial C}{\\partial a_{${u + 1}}^{(${L(l)})}}`,
    weight: (e, u, c) => {
      const info = edges.get(e)!
      return info.isBias ? `b_{${u + 1}}^{(${L(info.to)})}` : `w_{${u + 1}${c + 1}}^{(${L(info.to)})}`
    },
    dCdW: (e, u, c) => {
      const info = edges.get(e)!
      return info.isBias
        ? `\\frac{\\partial C}{\\partial b_{${u + 1}}^{(${L(info.to)})}}`
        : `\\frac{\\partial C}{\\partial w_{${u + 1}${c + 1}}^{(${L(info.to)})}}`
    },
    x: (u) => `x_{${u + 1}}`,
    y: (u) => `y_{${u + 1}}`
  }
}

/** Dense layers numbered as seed 003 does: the input is layer 1, the first dense layer 2, … */
export function layerIndices(inspection: Inspection): Record<string, number> {
  const out: Record<string, number> = {}
  inspection.layers.forEach((l, i) => (out[l.id] = i + 2))
  return out
}

/**
 * The four equations of backpropagation as seed 003 sums them up (its BP-1…BP-4), in matrix form
 * with the loss's derivative left general (for ½‖y − a‖² it is a − y).
 */
export const BP_EQUATIONS: readonly { rule: 'BP-1' | 'BP-2' | 'BP-3' | 'BP-4'; tex: string }[] = [
  {
    rule: 'BP-1',
    tex: "\\boldsymbol{\\delta}^{(L)}=\\frac{\\partial C}{\\partial \\mathbf{a}^{(L)}}\\odot f'(\\mathbf{z}^{(L)})"
  },
  {
    rule: 'BP-2',
    tex: "\\boldsymbol{\\delta}^{(l)}=\\left((W^{(l+1)})^{\\top}\\boldsymbol{\\delta}^{(l+1)}\\right)\\odot f'(\\mathbf{z}^{(l)})"
  },
  {
    rule: 'BP-3',
    tex: '\\frac{\\partial C}{\\partial W^{(l)}}=\\boldsymbol{\\delta}^{(l)}(\\mathbf{a}^{(l-1)})^{\\top}'
  },
  { rule: 'BP-4', tex: '\\frac{\\partial C}{\\partial \\mathbf{b}^{(l)}}=\\boldsymbol{\\delta}^{(l)}' }
]
