/**
 * Building the network for a graph on prepared data, and the checks that weights and data fit it.
 */
import type { PreparedData } from '../data/types'
import { GraphError } from '../graph/errors'
import { parseGraph } from '../graph/parse'
import type { GraphSpec, Initializer } from '../graph/types'
import { nodeLabel } from '../graph/validate'
import { createNetwork } from '../nn/network'
import type { Network } from '../nn/types'
import { ModelError } from './errors'

/** True when `b` has exactly `a`'s weighted edges (ids, shapes, order), so a's weights fit b. */
export function sameParameterLayout(a: Network, b: Network): boolean {
  if (a.params.length !== b.params.length || a.slices.length !== b.slices.length) return false
  return a.slices.every((s, i) => {
    const t = b.slices[i]
    return s.edgeId === t.edgeId && s.rows === t.rows && s.cols === t.cols && s.offset === t.offset
  })
}

/**
 * The network for a graph on prepared data: the input takes the data's width, and the output layer
 * must produce what the targets need (else a GraphError naming the output layer).
 */
export function networkForData(
  graphJson: unknown,
  prepared: PreparedData,
  init: Initializer,
  seed: number
): Network {
  const spec: GraphSpec = parseGraph(graphJson)
  // Training takes the WASM SIMD kernels where the host has them (what `npm run bench` measures);
  // the plain-TypeScript kernels stay the reference the tests compare them with.
  const net = createNetwork(spec, { inputWidth: prepared.summary.inputWidth, init, seed, kernels: 'auto' })
  const need = prepared.summary.outputWidth
  if (net.outputWidth !== need) {
    const out = net.layers[net.layers.length - 1]
    const targets = prepared.summary.targets.join(', ')
    const classes = prepared.summary.classes ? `: ${prepared.summary.classes.join(', ')}` : ''
    throw new GraphError([
      {
        code: 'output-width-mismatch',
        message: `Output layer ${nodeLabel(out)} has ${out.units} unit${out.units === 1 ? '' : 's'}, but the prepared targets (${targets}${classes}) need ${need}.`,
        nodeId: out.id,
        severity: 'error'
      }
    ])
  }
  return net
}

/** A model imported for other data cannot be inspected or checked on this data. */
export function fitsData(net: Network, prepared: PreparedData): void {
  const { inputWidth, outputWidth } = prepared.summary
  if (net.inputWidth !== inputWidth || net.outputWidth !== outputWidth)
    throw new ModelError(
      'data-mismatch',
      `the network takes ${net.inputWidth} inputs and gives ${net.outputWidth} outputs, but the prepared data has ${inputWidth} features and ${outputWidth} targets`,
      { inputs: net.inputWidth, outputs: net.outputWidth, features: inputWidth, targets: outputWidth }
    )
}
