/**
 * The engine's one histogram count (src/engine/histogram.ts), against numpy.histogram's documented
 * behaviour with `bins` equal-width bins over the data's range: edges from numpy.linspace, every bin
 * [e_i, e_(i+1)) but the last, which is closed; a zero-width range widened by ±0.5; an empty input
 * over [0, 1]. The expected counts are worked out by hand in the comments (and agree with numpy 2.4).
 */
import { describe, expect, it } from 'vitest'
import { profileTable } from '../../src/engine/data/profile'
import { parseCsv } from '../../src/engine/data/csv'
import { histogramCounts, histogramEdges } from '../../src/engine/histogram'
import { sliceHistogram } from '../../src/engine/train/histogram'
import { createRng } from '../../src/engine/random'

describe('histogramCounts', () => {
  it('counts a value on an inner edge in the bin above it, and the maximum in the last bin', () => {
    // np.histogram(range(11), 10): edges 0, 1, …, 10; 10 falls in the closed last bin [9, 10].
    const r = histogramCounts(
      Array.from({ length: 11 }, (_, i) => i),
      10
    )
    expect(r.counts).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 2])
    expect([r.min, r.max, r.nonFinite]).toEqual([0, 10, 0])
    // np.histogram([-1, -0.5, 0, 0.5, 1], 4): edges −1, −0.5, 0, 0.5, 1 exactly.
    expect(histogramCounts([-1, -0.5, 0, 0.5, 1], 4).counts).toEqual([1, 1, 1, 2])
  })

  it('compares with the edges as computed, where rounding moves them off the decimal', () => {
    // linspace(0, 1, 11): e_3 = 3·0.1 = 0.30000000000000004 > 0.3, e_6 = 0.6000000000000001 > 0.6,
    // e_7 = 0.7000000000000001 > 0.7. So 0.3 is in bin 2 (with 0.2), 0.6 in bin 5 (with 0.5), 0.7 in
    // bin 6 alone, bins 3 and 7 hold nothing, and 0.9 and 1 share the closed last bin.
    const edges = histogramEdges(0, 1, 10)
    expect(edges[3]).toBe(0.30000000000000004)
    expect(edges[3]).toBeGreaterThan(0.3)
    const values = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]
    expect(histogramCounts(values, 10).counts).toEqual([1, 1, 2, 0, 1, 2, 1, 0, 1, 2])
  })

  it('puts all-equal values in the centre bin of [v − 0.5, v + 0.5]', () => {
    // np.histogram([5, 5, 5], 4): edges 4.5, 4.75, 5, 5.25, 5.5 → bin 2; with 5 bins 5 is in [4.9, 5.1).
    expect(histogramCounts([5, 5, 5], 4)).toEqual({ min: 4.5, max: 5.5, counts: [0, 0, 3, 0], nonFinite: 0 })
    expect(histogramCounts([5, 5, 5], 5).counts).toEqual([0, 0, 3, 0, 0])
    expect(histogramCounts([-2], 1).counts).toEqual([1])
  })

  it('leaves NaN and ±Infinity out of the range and the bins, and counts them apart', () => {
    // The finite values 1, 2, 3 as np.histogram([1, 2, 3], 2): edges 1, 2, 3 → [1], [2, 3].
    const r = histogramCounts([1, NaN, 2, Infinity, 3, -Infinity], 2)
    expect(r).toEqual({ min: 1, max: 3, counts: [1, 2], nonFinite: 3 })
    // Only non-finite values: like an empty input, with the count beside.
    expect(histogramCounts([NaN, Infinity], 3)).toEqual({ min: 0, max: 1, counts: [0, 0, 0], nonFinite: 2 })
  })

  it('gives an empty input numpy’s range [0, 1] and zero counts', () => {
    expect(histogramCounts([], 3)).toEqual({ min: 0, max: 1, counts: [0, 0, 0], nonFinite: 0 })
  })

  it('copes with a range wider than the largest double', () => {
    expect(histogramCounts([-1e308, 0, 1e308], 2)).toEqual({
      min: -1e308,
      max: 1e308,
      counts: [1, 2],
      nonFinite: 0
    })
  })

  it('counts a sub-range [start, end) only', () => {
    expect(histogramCounts([100, 0, 1, 2, 3, -100], 3, 1, 5).counts).toEqual([1, 1, 2])
  })

  it('puts every value in the bin whose edges hold it, on random data with values on the edges', () => {
    const r0 = createRng(11)
    const rng = (): number => r0.next()
    for (let trial = 0; trial < 400; trial++) {
      const bins = 1 + Math.floor(rng() * 25)
      // Ranges from 0.001 to 100 wide, as far as 1e9 from 0 (a narrow range far out has coarse edges).
      const lo = (rng() - 0.5) * 10 ** Math.floor(rng() * 13 - 3)
      const hi = lo + rng() * 10 ** Math.floor(rng() * 6 - 3)
      const edges = histogramEdges(lo, hi, bins)
      // Half the values exactly on an edge (the hard case), half anywhere in the range.
      const values = Array.from({ length: 60 }, (_, i) =>
        i % 2 === 0 ? edges[Math.floor(rng() * (bins + 1))] : lo + rng() * (hi - lo)
      )
      values.push(lo, hi)
      const r = histogramCounts(values, bins)
      const e = histogramEdges(r.min, r.max, bins)
      const expected = new Array<number>(bins).fill(0)
      for (const v of values) {
        let b = 0
        while (b < bins - 1 && v >= e[b + 1]) b++
        expected[b]++
      }
      expect(r.counts, `trial ${trial}`).toEqual(expected)
    }
  })

  it('refuses a bin count that is not a positive integer', () => {
    expect(() => histogramCounts([1], 0)).toThrow(/bins must be a positive integer/)
    expect(() => histogramCounts([1], 2.5)).toThrow(/bins must be a positive integer/)
  })
})

describe('both histograms count by that rule', () => {
  const values = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]

  it('the weight histograms, with a diverged weight counted apart', () => {
    const params = new Float64Array([9, ...values, NaN, 9])
    const slice = { edgeId: 'w', from: 'in', to: 'h', isBias: false, offset: 1, rows: 3, cols: 4 }
    expect(sliceHistogram(params, slice, 10)).toEqual({
      edgeId: 'w',
      layer: 'h',
      isBias: false,
      min: 0,
      max: 1,
      counts: [1, 1, 2, 0, 1, 2, 1, 0, 1, 2],
      nonFinite: 1
    })
  })

  it('the data profile’s column histograms, a missing cell in no bar and a constant column centred', () => {
    const csv = ['x,c', ...values.map((v, i) => `${v},${i === 3 ? '' : 7}`)].join('\n')
    const [x, c] = profileTable(parseCsv(csv))
    expect(x.histogram).toEqual([1, 1, 2, 0, 1, 2, 1, 0, 1, 2])
    expect(c.missing).toBe(1)
    expect(c.histogram).toEqual([0, 0, 0, 0, 0, 10, 0, 0, 0, 0])
  })
})
