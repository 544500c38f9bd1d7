import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/engine/random'

/** mulberry32 as published (Tommy Ettinger), with the seed folding and 53-bit doubles of random.ts. */
function reference(seed: number): () => number {
  let state = (Math.trunc(seed) ^ Math.round((seed % 1) * 0x7fffffff) ^ 0x9e3779b9) >>> 0
  const next32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992
}

describe('createRng', () => {
  it('gives the mulberry32 stream bit for bit (seeds reproduce every initialisation and shuffle)', () => {
    for (const seed of [0, 1, 42, 1.5, -7, 2 ** 31 + 5]) {
      const rng = createRng(seed)
      const ref = reference(seed)
      for (let i = 0; i < 10_000; i++) expect(rng.next()).toBe(ref())
    }
  })

  it('shuffles as Fisher–Yates on that stream', () => {
    const ref = reference(3)
    const expected = Array.from({ length: 50 }, (_, i) => i)
    for (let i = expected.length - 1; i > 0; i--) {
      const j = Math.floor(ref() * (i + 1))
      ;[expected[i], expected[j]] = [expected[j], expected[i]]
    }
    const items = Int32Array.from({ length: 50 }, (_, i) => i)
    expect(Array.from(createRng(3).shuffle(items))).toEqual(expected)
  })
})
