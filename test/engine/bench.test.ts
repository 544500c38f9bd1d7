/**
 * The benchmark harness, not its timings: every implementation gets the same architecture and data and
 * actually learns, the options parse, and a (tiny) run produces the table's numbers and JSON fields.
 */
import { describe, expect, it } from 'vitest'
import { makeDataset } from '../../bench/data'
import { parseBenchArgs } from '../../bench/options'
import { createBrainSession } from '../../bench/peers/brain'
import { createOursSession, workloadGraph } from '../../bench/peers/ours'
import { createTfjsSession } from '../../bench/peers/tfjs'
import { runBench } from '../../bench/run'
import { workload, WORKLOADS } from '../../bench/workloads'
import { createNetwork } from '../../src/engine/nn/network'

const quiet = (): void => {}

describe('bench workloads', () => {
  it('have the sizes, batch and epochs of the issue', () => {
    expect(WORKLOADS.map((w) => [w.id, w.sizes.join('-'), w.samples, w.batch, w.epochs])).toEqual([
      ['W1', '2-8-8-1', 1000, 10, 20],
      ['W2', '13-64-64-3', 5000, 32, 5],
      ['W3', '784-128-64-10', 10000, 64, 2]
    ])
  })

  it('become a graph with the same layer sizes and activations for our engine', () => {
    for (const w of WORKLOADS) {
      const net = createNetwork(workloadGraph(w))
      expect([net.inputWidth, ...net.layers.map((l) => l.units)]).toEqual(w.sizes)
      expect(net.layers.map((l) => l.activation)).toEqual([...w.sizes.slice(2).map(() => w.hidden), w.output])
      expect(net.lossKind).toBe(w.loss)
    }
  })

  it('make the same seeded data every time, with one-hot labels for classification', () => {
    const w = workload('W2')
    const a = makeDataset(w, 42, 100)
    expect(makeDataset(w, 42, 100)).toEqual(a)
    for (let r = 0; r < 100; r++) {
      const row = Array.from(a.y.subarray(r * 3, r * 3 + 3))
      expect(row.sort()).toEqual([0, 0, 1])
    }
  })
})

describe('bench peers', () => {
  const w1 = { ...workload('W1'), samples: 500 }
  const w2 = { ...workload('W2'), samples: 640 }

  it('ours learns W1 and W2 with statistics on and off, on both kernel sets', async () => {
    for (const w of [w1, w2]) {
      const data = makeDataset(w)
      for (const kernels of ['js', 'wasm'] as const) {
        for (const stats of ['every-step', 'off'] as const) {
          const s = createOursSession(w, data, { stats, kernels })
          const r = await s.train(6)
          expect(r.samples).toBe(6 * Math.floor(w.samples / w.batch) * w.batch)
          expect(r.epochLosses.at(-1)!).toBeLessThan(r.epochLosses[0])
        }
      }
    }
  })

  it('brain.js trains W1 for the requested epochs', async () => {
    const s = createBrainSession(w1, makeDataset(w1))
    const r = await s.train(3)
    expect(r.samples).toBe(1500)
    expect(Number.isFinite(r.epochLosses[0])).toBe(true)
  })

  it('TF.js (cpu and wasm) learns W2 on the same data', async () => {
    const data = makeDataset(w2)
    for (const backend of ['cpu', 'wasm'] as const) {
      const s = await createTfjsSession(backend, w2, data)
      const r = await s.train(6)
      s.dispose()
      expect(r.samples).toBe(6 * 640)
      expect(r.epochLosses.at(-1)!).toBeLessThan(r.epochLosses[0])
    }
  })
})

describe('bench options', () => {
  it('default to every workload and peer, three runs and a 50 MB CSV; --quick shortens', () => {
    const full = parseBenchArgs([], quiet)
    expect(full).toMatchObject({
      quick: false,
      repeats: 3,
      csvBytes: 50e6,
      kernels: 'auto',
      controlRows: 60000
    })
    expect(full.workloads).toEqual(['W1', 'W2', 'W3'])
    const quick = parseBenchArgs(['--quick', '--only', 'W2', '--peers', 'ours,tfjs-wasm'], quiet)
    expect(quick).toMatchObject({ quick: true, repeats: 1, csvBytes: 5e6, workloads: ['W2'] })
    expect(quick.peers).toEqual(['ours', 'tfjs-wasm'])
  })

  it('reject unknown options and values with a message naming them', () => {
    expect(() => parseBenchArgs(['--fast'], quiet)).toThrow(/unknown option "--fast"/)
    expect(() => parseBenchArgs(['--only', 'W9'], quiet)).toThrow(/--only: unknown 'W9'/)
    expect(() => parseBenchArgs(['--repeats', '0'], quiet)).toThrow(/--repeats expects a whole number ≥ 1/)
    expect(() => parseBenchArgs(['--kernels'], quiet)).toThrow(/--kernels needs a value/)
  })
})

describe('runBench', () => {
  it('reports samples/s per implementation, ours ÷ each peer, the statistics cost and the CSV load', async () => {
    const opts = {
      ...parseBenchArgs(['--quick', '--only', 'W1', '--csv-mb', '0'], quiet),
      minSeconds: 0,
      csvBytes: 200_000,
      // A small prompt-control run: the real engine process, the real requests (timings not asserted).
      controlRows: 600,
      controlSeconds: 0.5
    }
    const { results, csv, control } = await runBench(opts)
    expect(results).toHaveLength(1)
    const [r] = results
    expect(Object.keys(r.samples_per_sec).sort()).toEqual(['brain.js', 'ours', 'tfjs-cpu', 'tfjs-wasm'])
    for (const v of Object.values(r.samples_per_sec)) expect(v).toBeGreaterThan(0)
    for (const p of ['brain.js', 'tfjs-cpu', 'tfjs-wasm'] as const) {
      // Relative, not absolute: samples/s are printed rounded, so a ratio of ~800 can differ by 0.06.
      const exact = r.samples_per_sec.ours! / r.samples_per_sec[p]!
      expect(Math.abs(r.ratio[p]! / exact - 1)).toBeLessThan(0.01)
    }
    expect(r.stats_overhead).not.toBeNull()
    expect(csv).toMatchObject({ columns: 13 })
    expect(csv!.bytes).toBeGreaterThanOrEqual(200_000)
    expect(csv!.rows).toBeGreaterThan(1000)
    expect(control!.rows).toBe(600)
    expect(control!.pause.n + control!.setLearningRate.n).toBeGreaterThan(0)
    expect(control!.steps).toBeGreaterThan(0)
    expect(control!.stopToDone).toBeGreaterThanOrEqual(control!.stop - 1)
  })
})
