/**
 * The explainer's notation, as seed 003 writes it: layers numbered from the input (a⁽¹⁾ = x), so a
 * quantity is named by its layer — z⁽³⁾, δ⁽³⁾, W⁽³⁾, b⁽³⁾ — and never by an edge id. A layer with
 * more than one weighted input names each W by its source: W⁽³⁾[a⁽¹⁾] is the matrix from a⁽¹⁾ into
 * layer 3. Pure: the inspection in, strings out.
 */
import type { Inspection, LayerInspection } from '@engine/index'

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹'
const sup = (n: number): string => String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)])

export interface ExplainerNotation {
  /** ⁽ˡ⁾ of a node: the input is layer 1, the dense layers follow in topological order. */
  index(nodeId: string): string
  a(nodeId: string): string
  z(nodeId: string): string
  delta(nodeId: string): string
  /** The symbol of an edge's parameters: W⁽ˡ⁾ (W⁽ˡ⁾[a⁽ᵏ⁾] when the layer has several), b⁽ˡ⁾ for a bias. */
  parameter(edgeId: string): string
}

export function explainerNotation(inspection: Inspection): ExplainerNotation {
  const number = new Map<string, number>()
  inspection.layers.forEach((l, i) => number.set(l.id, i + 2))
  const ofNode = (id: string): number => number.get(id) ?? 1
  const params = new Map<string, string>()
  for (const l of inspection.layers) {
    const weighted = l.gradients.filter((g) => !g.isBias)
    const biases = l.gradients.filter((g) => g.isBias)
    const L = ofNode(l.id)
    for (const g of weighted)
      params.set(g.edgeId, weighted.length === 1 ? `W⁽${sup(L)}⁾` : `W⁽${sup(L)}⁾[a⁽${sup(ofNode(g.from))}⁾]`)
    biases.forEach((g, i) =>
      params.set(g.edgeId, biases.length === 1 ? `b⁽${sup(L)}⁾` : `b⁽${sup(L)}⁾${'′'.repeat(i)}`)
    )
  }
  const index = (id: string): string => `⁽${sup(ofNode(id))}⁾`
  return {
    index,
    a: (id) => `a${index(id)}`,
    z: (id) => `z${index(id)}`,
    delta: (id) => `δ${index(id)}`,
    parameter: (edgeId) => params.get(edgeId) ?? edgeId
  }
}

/**
 * Hidden units whose f′(z) is below `threshold` on this sample: δ hardly passes through them (BP-2).
 * The output layer is never flagged: a confident output (a softmax at 0.999) is what training aims
 * for, and its δ comes from the loss, not through f′ alone. ReLU's zeros are "dead", not saturated.
 */
export function saturatedHiddenUnits(layer: LayerInspection, isOutput: boolean, threshold: number): number {
  if (isOutput || !layer.fPrime) return 0
  if (!['sigmoid', 'tanh', 'softplus'].includes(layer.activation)) return 0
  return layer.fPrime.filter((f) => Math.abs(f) < threshold).length
}
