/**
 * Weight initialisation, all from the seeded PRNG so a run is reproducible bit for bit.
 *
 * Fan-in of a layer = Σ of source widths over its weighted (non-bias) in-edges, so a layer fed by
 * several edges gets the variance of one layer fed by their concatenation; fan-out = its units.
 * - glorot-uniform U(±√(6/(fan_in+fan_out))), glorot-normal N(0, 2/(fan_in+fan_out))  (Glorot & Bengio 2010)
 * - he-uniform U(±√(6/fan_in)), he-normal N(0, 2/fan_in)                              (He et al. 2015)
 * - small-uniform U(−0.05, 0.05) for weights *and* biases: the seeds' "small random values near zero"
 * - zeros: every parameter 0 (shows the symmetry problem: all units of a layer stay identical)
 * Bias edges start at 0 except with small-uniform. A dense node's own `init` overrides the network's.
 */
import type { Initializer } from '../graph/types'
import type { PlanLayer } from '../graph/compile'
import { createRng } from '../random'

/** Half-width of the small-uniform initialiser. */
export const SMALL_UNIFORM_LIMIT = 0.05

export function initializeParameters(
  params: Float64Array,
  layers: readonly PlanLayer[],
  init: Initializer,
  seed: number
): void {
  const rng = createRng(seed)
  for (const layer of layers) {
    const kind = layer.init ?? init
    const fanIn = Math.max(layer.fanIn, 1)
    const fanOut = layer.units
    // Visit edges in parameter order so the random stream maps to parameters deterministically.
    const edges = [...layer.weights, ...layer.biases].sort((a, b) => a.offset - b.offset)
    for (const e of edges) {
      const end = e.offset + e.rows * e.cols
      if (kind === 'zeros' || (e.isBias && kind !== 'small-uniform')) {
        params.fill(0, e.offset, end)
        continue
      }
      for (let i = e.offset; i < end; i++) params[i] = draw(kind, fanIn, fanOut, rng)
    }
  }
}

function draw(kind: Initializer, fanIn: number, fanOut: number, rng: ReturnType<typeof createRng>): number {
  switch (kind) {
    case 'glorot-uniform': {
      const limit = Math.sqrt(6 / (fanIn + fanOut))
      return rng.uniform(-limit, limit)
    }
    case 'glorot-normal':
      return rng.normal(0, Math.sqrt(2 / (fanIn + fanOut)))
    case 'he-uniform': {
      const limit = Math.sqrt(6 / fanIn)
      return rng.uniform(-limit, limit)
    }
    case 'he-normal':
      return rng.normal(0, Math.sqrt(2 / fanIn))
    case 'small-uniform':
      return rng.uniform(-SMALL_UNIFORM_LIMIT, SMALL_UNIFORM_LIMIT)
    case 'zeros':
      return 0
    default:
      throw new Error(`unknown initialiser "${kind as string}"`)
  }
}
