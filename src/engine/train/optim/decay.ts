/**
 * L2 weight decay: C' = C + ½λ‖W‖² over the weight matrices, so ∂C'/∂W = ∂C/∂W + λW.
 * Bias vectors are not decayed (shrinking b towards 0 does not reduce the network's capacity).
 */
import type { ParamSlice } from '../../nn/types'

/** [start, end) offset ranges of the non-bias slices, merged where adjacent. */
export function weightRanges(slices: readonly ParamSlice[]): Int32Array {
  const sorted = slices.filter((s) => !s.isBias).sort((a, b) => a.offset - b.offset)
  const ranges: number[] = []
  for (const s of sorted) {
    const end = s.offset + s.rows * s.cols
    if (ranges.length > 0 && ranges[ranges.length - 1] === s.offset) ranges[ranges.length - 1] = end
    else ranges.push(s.offset, end)
  }
  return Int32Array.from(ranges)
}

/** grads += λ·params on the given ranges. */
export function addWeightDecay(
  params: Float64Array,
  grads: Float64Array,
  ranges: Int32Array,
  lambda: number
): void {
  for (let r = 0; r < ranges.length; r += 2) {
    for (let i = ranges[r]; i < ranges[r + 1]; i++) grads[i] += lambda * params[i]
  }
}
