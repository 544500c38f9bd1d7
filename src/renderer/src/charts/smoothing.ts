/**
 * Exponential moving average with start-up bias correction, as TensorBoard smooths scalars
 * (tensorflow/tensorboard#639): ema_t = w·ema_{t−1} + (1 − w)·y_t with ema_0 = 0, and the shown
 * value is ema_t / (1 − w^t). Without the division the curve would start near 0 and crawl up,
 * which reads as a fake "loss rises at first".
 */

/**
 * @param ys the raw values in order
 * @param weight the smoothing weight w in [0, 1): 0 leaves the data as it is
 * @returns the smoothed values, same length; a non-finite y is passed through and not averaged in,
 *   so one NaN does not wipe out the rest of the curve
 */
export function emaSmooth(ys: ArrayLike<number>, weight: number): number[] {
  if (!(weight >= 0 && weight < 1)) throw new Error(`smoothing weight must be in [0, 1), got ${weight}`)
  const out = new Array<number>(ys.length)
  let ema = 0
  let t = 0
  for (let i = 0; i < ys.length; i++) {
    const y = ys[i]
    if (!Number.isFinite(y)) {
      out[i] = y
      continue
    }
    t++
    ema = weight * ema + (1 - weight) * y
    out[i] = ema / (1 - Math.pow(weight, t))
  }
  return out
}

/** Smooths the y values of [x, y] points, keeping x. */
export function emaSmoothPoints(points: readonly [number, number][], weight: number): [number, number][] {
  const ys = emaSmooth(
    points.map((p) => p[1]),
    weight
  )
  return points.map((p, i) => [p[0], ys[i]])
}
