import { describe, expect, it } from 'vitest'
import { SeriesBuffer } from '@renderer/charts/seriesBuffer'
import { SampledHistory } from '@engine/index'
import { StrideBuckets } from '@engine/index'
import { emaSmooth, emaSmoothPoints } from '@renderer/charts/smoothing'
import { checkBins, evenEdges, histogramOutline, rebin } from '@renderer/charts/histogram'
import { seriesToCsv, toCsv } from '@renderer/charts/csv'
import { gradientHint } from '@renderer/charts/gradientHint'

/** A deterministic noisy decaying loss, like a real run: no Math.random in tests. */
function lossAt(step: number): number {
  return 2 * Math.exp(-step / 200_000) + 0.05 * Math.sin(step * 12.9898) + 0.1
}

describe('SeriesBuffer', () => {
  it('keeps every point exactly while under capacity', () => {
    const b = new SeriesBuffer(8)
    for (let i = 0; i < 8; i++) b.push(i, i * i)
    expect(b.points()).toEqual(Array.from({ length: 8 }, (_, i) => [i, i * i]))
    expect(b.currentStride).toBe(1)
  })

  it('bounds memory on a 1,000,000-step run and keeps the global extremes', () => {
    const b = new SeriesBuffer(2048)
    let min = Infinity
    let max = -Infinity
    let argMin = -1
    let argMax = -1
    for (let s = 0; s < 1_000_000; s++) {
      const y = s === 777_777 ? 50 : lossAt(s) // one spike late in the run must survive decimation
      if (y < min) [min, argMin] = [y, s]
      if (y > max) [max, argMax] = [y, s]
      b.push(s, y)
    }
    const pts = b.points()
    expect(b.count).toBe(1_000_000)
    expect(pts.length).toBeLessThanOrEqual(2 * 2048 + 2)
    expect(pts.length).toBeGreaterThan(2048) // decimated, not thrown away
    expect(pts).toContainEqual([argMin, min])
    expect(pts).toContainEqual([argMax, 50])
    expect(argMax).toBe(777_777)
    expect(pts[0][0]).toBe(0)
    expect(pts[pts.length - 1]).toEqual([999_999, lossAt(999_999)])
    for (let i = 1; i < pts.length; i++) expect(pts[i][0]).toBeGreaterThan(pts[i - 1][0])
  })

  it('keeps each bucket min and max: every raw point lies within the envelope of its neighbours', () => {
    const b = new SeriesBuffer(16)
    const raw: number[] = []
    for (let s = 0; s < 1000; s++) {
      raw.push(lossAt(s * 997))
      b.push(s, raw[s])
    }
    expect(b.currentStride).toBe(64)
    const pts = b.points()
    // The bucket of raw points [64k, 64k+63] is represented by its own min and max.
    for (let k = 0; k * 64 < 1000; k++) {
      const slice = raw.slice(k * 64, k * 64 + 64)
      const inBucket = pts.filter((p) => p[0] >= k * 64 && p[0] < k * 64 + 64).map((p) => p[1])
      expect(inBucket).toContain(Math.min(...slice))
      expect(inBucket).toContain(Math.max(...slice))
    }
  })

  it('keeps a NaN visible after decimation', () => {
    const b = new SeriesBuffer(4)
    for (let s = 0; s < 100; s++) b.push(s, s === 40 ? NaN : 1)
    expect(b.points().some((p) => Number.isNaN(p[1]))).toBe(true)
  })

  it('moves its revision on every push and clear, never back to an earlier value', () => {
    const b = new SeriesBuffer(4)
    const seen = new Set([b.revision])
    for (let i = 0; i < 3; i++) {
      b.push(i, i)
      seen.add(b.revision)
    }
    b.clear()
    seen.add(b.revision)
    // the same count as before the clear, but not the same revision
    for (let i = 0; i < 3; i++) b.push(i, i)
    expect(b.count).toBe(3)
    expect(seen.has(b.revision)).toBe(false)
    expect(seen.size).toBe(5)
  })

  it('rejects a bad capacity and clears', () => {
    expect(() => new SeriesBuffer(3)).toThrow(/even integer/)
    const b = new SeriesBuffer(4)
    b.push(1, 2)
    b.clear()
    expect(b.points()).toEqual([])
    expect(b.last).toBeNull()
  })
})

describe('emaSmooth', () => {
  it('applies the debiased EMA: smoothed_t = ema_t / (1 − w^t)', () => {
    const w = 0.6
    const ys = [4, 2, 8, 1]
    let ema = 0
    const expected = ys.map((y, i) => {
      ema = w * ema + (1 - w) * y
      return ema / (1 - w ** (i + 1))
    })
    const got = emaSmooth(ys, w)
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12))
    // Bias correction: the first smoothed value is the first raw value, not (1 − w)·y.
    expect(got[0]).toBeCloseTo(4, 12)
  })

  it('leaves data unchanged at weight 0 and keeps a constant series constant at any weight', () => {
    expect(emaSmooth([3, 1, 2], 0)).toEqual([3, 1, 2])
    for (const v of emaSmooth([5, 5, 5, 5, 5], 0.99)) expect(v).toBeCloseTo(5, 10)
  })

  it('passes non-finite values through without poisoning later ones', () => {
    const got = emaSmooth([1, NaN, 1], 0.5)
    expect(got[1]).toBeNaN()
    expect(got[2]).toBeCloseTo(1, 12)
  })

  it('rejects weights outside [0, 1) and smooths points keeping x', () => {
    expect(() => emaSmooth([1], 1)).toThrow(/\[0, 1\)/)
    expect(
      emaSmoothPoints(
        [
          [10, 2],
          [20, 4]
        ],
        0.5
      ).map((p) => p[0])
    ).toEqual([10, 20])
  })
})

describe('SampledHistory', () => {
  it('never holds more than capacity + 1 snapshots, spans the run and ends with the newest', () => {
    const h = new SampledHistory<number>(10)
    for (let i = 0; i < 10_000; i++) h.push(i)
    const v = h.values()
    expect(v.length).toBeLessThanOrEqual(11)
    expect(v[0]).toBe(0)
    expect(v[v.length - 1]).toBe(9999)
    // evenly spaced apart from the newest
    const gaps = v.slice(1, -1).map((x, i) => x - v[i])
    expect(new Set(gaps).size).toBe(1)
  })
})

describe('StrideBuckets (the one stride-doubling rule of the chart buffers)', () => {
  it('opens a bucket every `stride` items and merges pairs when the buckets run out', () => {
    const b = new StrideBuckets(4)
    const opened: number[] = []
    let merges = 0
    for (let i = 0; i < 32; i++) if (b.next(() => merges++)) opened.push(i)
    // stride 1 for items 0–3, then 2 (4, 6), then 4 (8, 12), then 8 (16, 24).
    expect(opened).toEqual([0, 1, 2, 3, 4, 6, 8, 12, 16, 24])
    expect(merges).toBe(3)
    expect([b.stride, b.buckets, b.fill]).toEqual([8, 4, 8])
    b.clear()
    expect([b.stride, b.buckets, b.fill]).toEqual([1, 0, 0])
    expect(() => new StrideBuckets(3)).toThrow(/even integer/)
  })

  it('SampledHistory keeps exactly the snapshots it kept before it shared the rule', () => {
    // The previous implementation, as it was.
    const reference = (capacity: number, n: number): number[] => {
      let items: number[] = []
      let stride = 1
      for (let seen = 0; seen < n; seen++) {
        if (seen % stride !== 0) continue
        if (items.length === capacity) {
          items = items.filter((_, i) => i % 2 === 0)
          stride *= 2
        }
        if (seen % stride === 0) items.push(seen)
      }
      if (items[items.length - 1] !== n - 1) items.push(n - 1)
      return items
    }
    for (const capacity of [2, 4, 10, 120])
      for (const n of [1, 2, 3, 7, 64, 129, 1000, 4097]) {
        const h = new SampledHistory<number>(capacity)
        for (let i = 0; i < n; i++) h.push(i)
        expect(h.values()).toEqual(reference(capacity, n))
      }
  })
})

describe('histogram helpers', () => {
  it('draws the outline of each bin at its count', () => {
    expect(histogramOutline({ edges: [0, 1, 3], counts: [2, 5] })).toEqual([
      [0, 0],
      [0, 2],
      [1, 2],
      [1, 5],
      [3, 5],
      [3, 0]
    ])
  })

  it('names the field when edges and counts disagree', () => {
    expect(() => checkBins({ edges: [0, 1], counts: [1, 2] })).toThrow(/edges has 2 values/)
    expect(() => checkBins({ edges: [0, 2, 1], counts: [1, 2] })).toThrow(/edges\[2\]/)
  })

  it('re-bins by overlap and keeps the total', () => {
    const counts = rebin({ edges: [0, 2, 4], counts: [4, 8] }, [0, 1, 3, 4])
    expect(counts).toEqual([2, 2 + 4, 4])
    const total = rebin({ edges: [-1, 0.3, 0.5, 2], counts: [3, 7, 11] }, evenEdges(-1, 2, 7)).reduce(
      (a, b) => a + b
    )
    expect(total).toBeCloseTo(21, 10)
  })

  it('puts a zero-width bin (all weights equal) into the bin that holds it', () => {
    expect(rebin({ edges: [0.5, 0.5], counts: [9] }, [0, 1, 2])).toEqual([9, 0])
  })
})

describe('gradientHint', () => {
  const layer = (name: string, d: number) => ({ name, meanAbsDelta: d })

  it('says vanishing when the first layer’s mean |δ| is far below the output layer’s', () => {
    const h = gradientHint([layer('h1', 1e-6), layer('h2', 1e-4), layer('out', 1e-2)], 100)
    expect(h?.kind).toBe('vanishing')
    expect(h?.ratio).toBeCloseTo(1e-4, 12)
    expect(h?.message).toMatch(/h1.*10000×.*out/)
  })

  it('says exploding past the threshold the other way and nothing in between', () => {
    expect(gradientHint([layer('a', 500), layer('b', 1)], 100)?.kind).toBe('exploding')
    expect(gradientHint([layer('a', 0.05), layer('b', 1)], 100)).toBeNull()
    expect(gradientHint([layer('a', 1)])).toBeNull()
    expect(gradientHint([layer('a', NaN), layer('b', 1)])).toBeNull()
  })
})

describe('CSV export', () => {
  it('quotes cells that need it and checks row widths', () => {
    expect(
      toCsv(
        ['a', 'b, c'],
        [
          [1, 'say "hi"'],
          [NaN, null]
        ]
      )
    ).toBe('a,"b, c"\n1,"say ""hi"""\nNaN,\n')
    expect(() => toCsv(['a'], [[1, 2]])).toThrow(/row 1 has 2 cells/)
  })

  it('joins series on x, leaving gaps empty and keeping repeated x values', () => {
    const csv = seriesToCsv('step', [
      {
        name: 'train',
        points: [
          [1, 0.5],
          [2, 0.4],
          [2, 0.45],
          [3, 0.3]
        ]
      },
      { name: 'validation', points: [[2, 0.6]] }
    ])
    expect(csv).toBe('step,train,validation\n1,0.5,\n2,0.4,0.6\n2,0.45,\n3,0.3,\n')
  })
})
