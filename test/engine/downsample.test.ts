/**
 * The engine's one stride-doubling downsampler (src/engine/strideBuckets.ts): MeanSeries, and the loss
 * history of a weights file built on it. Expected points are computed here from the raw items.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOSS_HISTORY_POINTS, LossHistory } from '../../src/engine/model/lossHistory'
import { MeanSeries, StrideBuckets } from '../../src/engine/strideBuckets'
import { parseWeightsFile } from '../../src/engine/weights/file'

/** Means of consecutive groups of `size` items (the last group may be short), at each group's last x. */
function groupMeans(xs: number[], ys: number[], size: number): [number, number][] {
  const out: [number, number][] = []
  for (let start = 0; start < xs.length; start += size) {
    const end = Math.min(start + size, xs.length)
    let sum = 0
    for (let i = start; i < end; i++) sum += ys[i]
    out.push([xs[end - 1], sum / (end - start)])
  }
  return out
}

/** The stride a capacity-`c` series reaches after n items: 1, doubled while the groups do not fit. */
function strideFor(n: number, c: number): number {
  let s = 1
  while (Math.ceil(n / s) > c) s *= 2
  return s
}

describe('MeanSeries', () => {
  it('keeps every item while they fit, then means of power-of-two groups, the open group last', () => {
    for (const n of [0, 1, 7, 8, 9, 16, 17, 100, 1000, 1025]) {
      const xs = Array.from({ length: n }, (_, i) => 10 + 3 * i)
      const ys = xs.map((x) => Math.sin(x) * 100 + x)
      const m = new MeanSeries(8)
      for (let i = 0; i < n; i++) m.push(xs[i], ys[i])
      const size = strideFor(n, 8)
      const expected = groupMeans(xs, ys, size)
      const got = m.points()
      expect(got.length, `n = ${n}`).toBe(expected.length)
      expect(got.length).toBeLessThanOrEqual(8)
      got.forEach(([x, y], i) => {
        expect(x).toBe(expected[i][0])
        expect(y).toBeCloseTo(expected[i][1], 9)
      })
      expect(m.stride).toBe(size)
      expect(m.columns()).toEqual([got.map((p) => p[0]), got.map((p) => p[1])])
    }
  })

  it('keeps a NaN in its point (the caller decides what a failed step is) and clears to empty', () => {
    const m = new MeanSeries(2)
    m.push(1, 1)
    m.push(2, NaN)
    m.push(3, 3)
    const [[x0, y0], [x1, y1]] = m.points()
    expect([x0, x1, y1]).toEqual([2, 3, 3])
    expect(y0).toBeNaN()
    m.clear()
    expect(m.points()).toEqual([])
    m.push(5, 4)
    expect(m.points()).toEqual([[5, 4]])
  })

  it('refuses an odd or too small capacity', () => {
    expect(() => new MeanSeries(3)).toThrow(/even integer/)
    expect(() => new MeanSeries(0)).toThrow(/even integer/)
    expect(new StrideBuckets(2).capacity).toBe(2)
  })
})

describe('LossHistory on MeanSeries', () => {
  it('holds the mean loss of each group of steps, the last group open', () => {
    const steps = Array.from({ length: 1000 }, (_, i) => i + 1)
    const losses = steps.map((s) => 1000 / s)
    const h = new LossHistory(10)
    steps.forEach((s, i) => h.add(s, losses[i]))
    // 1000 steps into 10 points: groups of 128 steps (8 points), the last of 1000 − 7·128 = 104 steps.
    const expected = groupMeans(steps, losses, 128)
    expect(expected).toHaveLength(8)
    const got = h.toArray()
    expect(got.map((p) => p[0])).toEqual([128, 256, 384, 512, 640, 768, 896, 1000])
    got.forEach(([, loss], i) => expect(loss).toBeCloseTo(expected[i][1], 12))
  })

  it('weights a point that is already a mean (a progress event’s) by the steps it stands for', () => {
    // Raw losses of steps 1…8: 8, 7, …, 1. Given as points for steps 1–2, 3, 4–8 (their means).
    const raw = [8, 7, 6, 5, 4, 3, 2, 1]
    const mean = (a: number, b: number): number => raw.slice(a - 1, b).reduce((x, y) => x + y) / (b - a + 1)
    const h = new LossHistory(2)
    h.add(2, mean(1, 2))
    h.add(3, mean(3, 3))
    h.add(8, mean(4, 8))
    // Three points into two: the first two merge (steps 1–3), the third is open (steps 4–8).
    const got = h.toArray()
    expect(got.map((p) => p[0])).toEqual([3, 8])
    expect(got[0][1]).toBeCloseTo(mean(1, 3), 12)
    expect(got[1][1]).toBeCloseTo(mean(4, 8), 12)
  })

  it('leaves failed steps (NaN, ±Infinity) out of the groups', () => {
    const h = new LossHistory(4)
    for (const [s, l] of [
      [1, 2],
      [2, NaN],
      [3, 4],
      [4, Infinity],
      [5, 6],
      [6, -Infinity],
      [7, 8],
      [8, 10]
    ])
      h.add(s, l)
    // Finite steps 1, 3, 5, 7, 8 (losses 2, 4, 6, 8, 10) into 4 points: groups of 2, the last open.
    expect(h.toArray()).toEqual([
      [3, 3],
      [7, 7],
      [8, 10]
    ])
  })

  describe('a weights file written before the merge (test/fixtures/weights)', () => {
    const file = path.resolve(__dirname, '../fixtures/weights/iris-old-loss-history.weights.json')
    const saved = parseWeightsFile(readFileSync(file, 'utf8')).training!.lossHistory

    it('reads with its 301 old points as they were written', () => {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as { training: { lossHistory: [number, number][] } }
      expect(saved).toHaveLength(301)
      expect(saved).toEqual(raw.training.lossHistory)
      expect(saved.at(-1)![0]).toBe(600)
    })

    it('continues: the 301 points become 150 pairs and the last, each mean weighted by the steps it covers', () => {
      const h = new LossHistory(LOSS_HISTORY_POINTS, saved)
      // A saved point stands for the steps since the one before it (2 each, but 1 for step 301 and 600).
      const covers = saved.map(([step], i) => step - (i === 0 ? 0 : saved[i - 1][0]))
      expect(covers.filter((n) => n !== 2)).toEqual([1, 1])
      const expected: [number, number][] = []
      for (let i = 0; i < 300; i += 2) {
        const [a, b] = [saved[i], saved[i + 1]]
        const w = covers[i] + covers[i + 1]
        expected.push([b[0], (a[1] * covers[i] + b[1] * covers[i + 1]) / w])
      }
      expected.push(saved[300])
      const got = h.toArray()
      expect(got).toHaveLength(151)
      got.forEach(([step, loss], i) => {
        expect(step).toBe(expected[i][0])
        expect(loss).toBeCloseTo(expected[i][1], 12)
      })
      // The next step joins the open group (stride 2 now): saved[300] covers 1 step, the new one 1.
      h.add(601, 0.5)
      expect(h.toArray().at(-1)![0]).toBe(601)
      expect(h.toArray().at(-1)![1]).toBeCloseTo((saved[300][1] + 0.5) / 2, 12)
    })

    it('a file of at most LOSS_HISTORY_POINTS points comes back unchanged', () => {
      const first300 = saved.slice(0, 300)
      expect(new LossHistory(LOSS_HISTORY_POINTS, first300).toArray()).toEqual(first300)
      // Also where a point stands for a step count whose product and quotient round (0.1 · 3 / 3 ≠ 0.1).
      expect((0.1 * 3) / 3).not.toBe(0.1)
      const odd: [number, number][] = [
        [3, 0.1],
        [10, 0.7],
        [21, 0.3]
      ]
      expect(new LossHistory(LOSS_HISTORY_POINTS, odd).toArray()).toEqual(odd)
    })
  })
})
