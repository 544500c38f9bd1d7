/**
 * `npm run bench [-- options]`: trains the workloads (bench/workloads.ts) with our engine and, in the
 * same process and on the same data, with TF.js (pure-JS CPU and WASM backends) and brain.js (W1), then
 * prints samples/second, our ratio to each peer, the cost of the per-layer statistics and the time to
 * load a 50 MB CSV — a table for people, then one JSON line per measurement for scripts.
 *
 * Method (why): every implementation gets one warm-up epoch (JIT, WASM compilation, TF.js kernel
 * setup), then `repeats` timed runs of the workload's epochs (repeated up to a minimum duration), interleaved round-robin so a burst of
 * load from other processes hits every peer alike; the best run counts, since noise only ever slows a
 * run down. "ours" is float64 with the per-layer statistics requested as the app's training session
 * requests them (once per progress event, every 75 ms); the worst case, statistics before every step,
 * runs interleaved with the others as well and is reported beside it ("every step").
 */
import { createBrainSession } from './peers/brain'
import { createOursSession } from './peers/ours'
import { createTfjsSession } from './peers/tfjs'
import { measureCsvLoad, type CsvLoadResult } from './csvload'
import { measureControl, type ControlResult } from './control'
import { makeDataset, type Dataset } from './data'
import { parseBenchArgs, BENCH_USAGE, type BenchOptions } from './options'
import type { Session } from './session'
import { stepsPerEpoch, WORKLOADS, type Workload } from './workloads'
import type { KernelChoice } from '../src/engine/wasm/kernels'

export type PeerId = 'ours' | 'tfjs-cpu' | 'tfjs-wasm' | 'brain.js'

/** Which implementations run a workload: brain.js has no softmax or cross-entropy, so W1 only. */
export const peersFor = (w: Workload): PeerId[] =>
  w.id === 'W1' ? ['ours', 'tfjs-cpu', 'tfjs-wasm', 'brain.js'] : ['ours', 'tfjs-cpu', 'tfjs-wasm']

/** Our engine with the statistics before every step (the worst case), timed beside the peers. */
const OURS_EVERY_STEP = 'ours-every-step'
type SessionId = PeerId | typeof OURS_EVERY_STEP | 'ours-stats-off'

async function createSession(
  peer: SessionId,
  w: Workload,
  data: Dataset,
  kernels: KernelChoice
): Promise<Session> {
  switch (peer) {
    case 'ours':
      return createOursSession(w, data, { stats: 'app', kernels })
    case OURS_EVERY_STEP:
      return createOursSession(w, data, { stats: 'every-step', kernels })
    case 'ours-stats-off':
      return createOursSession(w, data, { stats: 'off', kernels })
    case 'tfjs-cpu':
      return createTfjsSession('cpu', w, data)
    case 'tfjs-wasm':
      return createTfjsSession('wasm', w, data)
    case 'brain.js':
      return createBrainSession(w, data)
  }
}

export interface WorkloadResult {
  workload: Workload['id']
  samples_per_sec: Partial<Record<PeerId, number>>
  /** ours ÷ peer */
  ratio: Partial<Record<PeerId, number>>
  /** ours with the statistics before every step (the worst case), and its ratio to each peer */
  every_step: { samples_per_sec: number; ratio: Partial<Record<PeerId, number>> } | null
  /**
   * (time with statistics − time without) ÷ time with statistics, with them before every step (the
   * worst case); null when not measured
   */
  stats_overhead: number | null
  /** the same with the statistics as the app requests them (once per 75 ms progress event) */
  stats_overhead_app: number | null
  /** mean training loss of the first and last timed epoch per implementation (a sanity check) */
  loss: Partial<Record<PeerId, [number, number]>>
}

/** The workload scaled for --quick: a fraction of the samples, at least a few batches, one epoch. */
function scaled(w: Workload, opts: BenchOptions): Workload {
  if (!opts.quick) return w
  const samples = Math.max(w.batch * 20, Math.round(w.samples / 5))
  return { ...w, samples, epochs: Math.min(w.epochs, 2) }
}

async function runWorkload(base: Workload, opts: BenchOptions): Promise<WorkloadResult> {
  const w = scaled(base, opts)
  const data = makeDataset(w)
  const peers = peersFor(w).filter((p) => opts.peers.includes(p))
  const timed: SessionId[] = peers.includes('ours') ? ['ours', OURS_EVERY_STEP, ...peers.slice(1)] : peers
  const sessions = new Map<string, Session>()
  for (const p of timed) {
    const s = await createSession(p, w, data, opts.kernels)
    await s.train(1) // warm-up
    sessions.set(p, s)
  }
  const best = new Map<string, number>()
  const losses = new Map<string, [number, number]>()
  for (let rep = 0; rep < opts.repeats; rep++) {
    for (const p of timed) {
      const session = sessions.get(p)!
      // A run is the workload's epochs, repeated until it lasts minSeconds: W1 takes only tens of
      // milliseconds, too short to time on a shared machine.
      let seconds = 0
      let samples = 0
      let first = NaN
      let last: number
      do {
        const r = await session.train(w.epochs)
        seconds += r.seconds
        samples += r.samples
        if (Number.isNaN(first)) first = r.epochLosses[0]
        last = r.epochLosses[r.epochLosses.length - 1]
      } while (seconds < opts.minSeconds)
      const rate = samples / seconds
      if (rate > (best.get(p) ?? 0)) best.set(p, rate)
      losses.set(p, [first, last])
      opts.log(`  ${w.id} ${p.padEnd(14)} run ${rep + 1}: ${fmtRate(rate)} samples/s`)
    }
  }
  for (const s of sessions.values()) s.dispose()
  const statsOverhead =
    opts.statsCost && peers.includes('ours') ? await measureStatsOverhead(w, data, opts) : null

  const result: WorkloadResult = {
    workload: w.id,
    samples_per_sec: {},
    ratio: {},
    every_step: null,
    stats_overhead: statsOverhead?.everyStep ?? null,
    stats_overhead_app: statsOverhead?.app ?? null,
    loss: {}
  }
  for (const p of peers) {
    result.samples_per_sec[p] = round(best.get(p)!, 0)
    result.loss[p] = losses.get(p)!.map((v) => round(v, 4)) as [number, number]
  }
  const ours = best.get('ours')
  if (ours !== undefined) {
    for (const p of peers) if (p !== 'ours') result.ratio[p] = round(ours / best.get(p)!, 2)
    const every = best.get(OURS_EVERY_STEP)!
    result.every_step = { samples_per_sec: round(every, 0), ratio: {} }
    for (const p of peers) if (p !== 'ours') result.every_step.ratio[p] = round(every / best.get(p)!, 2)
  }
  return result
}

/**
 * (time with statistics − time without) ÷ time with, from a tight A/B/C: short runs of the same
 * workload alternating between otherwise identical sessions (statistics off, as the app asks for them,
 * before every step), best of each. Comparing the peers' long runs instead would mix the statistics'
 * cost with changes in the machine's load.
 */
async function measureStatsOverhead(
  w: Workload,
  data: Dataset,
  opts: BenchOptions
): Promise<{ app: number; everyStep: number }> {
  // Fresh sessions that all train the same number of epochs: the statistics do not change the
  // arithmetic, so the three follow the same weights and differ only by the statistics' cost.
  // (Comparing with the timed sessions would not do: they have trained for different numbers of
  // epochs, and a well-trained network's tiny values can run at a different speed.)
  const sessions = {
    off: await createSession('ours-stats-off', w, data, opts.kernels),
    app: await createSession('ours', w, data, opts.kernels),
    everyStep: await createSession(OURS_EVERY_STEP, w, data, opts.kernels)
  }
  let warm = 0
  for (const session of Object.values(sessions)) warm = (await session.train(w.epochs)).seconds
  // Runs of about a quarter of minSeconds: one W1 pass of 20 epochs takes ~20 ms, too short to
  // resolve a few percent on a shared machine.
  const passes = Math.max(1, Math.ceil(opts.minSeconds / 4 / Math.max(warm, 1e-3)))
  const best = { off: 0, app: 0, everyStep: 0 }
  const rounds = opts.quick ? 4 : 12
  for (let rep = 0; rep < rounds; rep++) {
    for (const side of ['off', 'app', 'everyStep'] as const) {
      let seconds = 0
      let samples = 0
      for (let p = 0; p < passes; p++) {
        const r = await sessions[side].train(w.epochs)
        seconds += r.seconds
        samples += r.samples
      }
      best[side] = Math.max(best[side], samples / seconds)
    }
  }
  for (const session of Object.values(sessions)) session.dispose()
  opts.log(
    `  ${w.id} statistics     off ${fmtRate(best.off)}, as the app asks ${fmtRate(best.app)}, every step ${fmtRate(best.everyStep)} samples/s`
  )
  // Time per sample with (1/on) and without (1/off) the statistics.
  return { app: round(1 - best.app / best.off, 3), everyStep: round(1 - best.everyStep / best.off, 3) }
}

const round = (v: number, digits: number): number => Number(v.toFixed(digits))
const fmtRate = (v: number): string => Math.round(v).toLocaleString('en-US')

function table(results: WorkloadResult[]): string {
  const lines: string[] = []
  const head = ['workload', 'implementation', 'samples/s', 'ours ÷ it', 'loss first→last']
  const rows: string[][] = []
  for (const r of results) {
    const w = WORKLOADS.find((x) => x.id === r.workload)!
    for (const [p, rate] of Object.entries(r.samples_per_sec)) {
      const loss = r.loss[p as PeerId]
      rows.push([
        `${w.id} ${w.name}`,
        p,
        fmtRate(rate),
        p === 'ours' ? '' : `${r.ratio[p as PeerId]?.toFixed(2) ?? ''}×`,
        loss ? `${loss[0]} → ${loss[1]}` : ''
      ])
    }
    if (r.every_step) {
      const ratios = Object.entries(r.every_step.ratio).map(([p, v]) => `${v.toFixed(2)}× ${p}`)
      rows.push([
        `${w.id} ${w.name}`,
        'ours, stats every step',
        fmtRate(r.every_step.samples_per_sec),
        ratios.join(', '),
        ''
      ])
    }
    if (r.stats_overhead_app !== null) {
      const pct = (v: number) => `${(v * 100).toFixed(1)} %`
      rows.push([`${w.id} ${w.name}`, 'stats overhead (app)', pct(r.stats_overhead_app), '', ''])
      rows.push([`${w.id} ${w.name}`, 'stats overhead (every step)', pct(r.stats_overhead!), '', ''])
    }
  }
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)))
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (c === 2 || c === 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
  lines.push(line(head), widths.map((n) => '-'.repeat(n)).join('  '))
  for (const r of rows) lines.push(line(r))
  return lines.join('\n')
}

function describe(w: Workload, opts: BenchOptions): string {
  const s = scaled(w, opts)
  return (
    `${w.id} ${w.name}: ${w.sizes.join('-')}, ${w.hidden} hidden, ${w.output} output, ${w.loss}, ` +
    `${s.samples} samples, batch ${w.batch}, ${s.epochs} epochs (${stepsPerEpoch(s)} steps each), SGD lr ${w.learningRate}`
  )
}

export async function runBench(opts: BenchOptions): Promise<{
  results: WorkloadResult[]
  csv: CsvLoadResult | null
  control: ControlResult | null
}> {
  const workloads = WORKLOADS.filter((w) => opts.workloads.includes(w.id))
  opts.log(
    `Backprop Studio benchmark${opts.quick ? ' (--quick)' : ''}: best of ${opts.repeats} runs after a warm-up; ours = float64, kernels '${opts.kernels}', per-layer statistics as the app asks for them (every 75 ms) and, separately, before every step`
  )
  for (const w of workloads) opts.log(`  ${describe(w, opts)}`)
  const results: WorkloadResult[] = []
  for (const w of workloads) results.push(await runWorkload(w, opts))
  let csv: CsvLoadResult | null = null
  if (opts.csvBytes > 0) {
    opts.log(`  CSV: loading ${(opts.csvBytes / 1e6).toFixed(0)} MB …`)
    csv = await measureCsvLoad(opts.csvBytes, opts.repeats)
  }
  let control: ControlResult | null = null
  if (opts.controlRows > 0) {
    opts.log(`  control: training 784-256-256-10 on ${opts.controlRows} rows in an engine process …`)
    control = await measureControl({ rows: opts.controlRows, seconds: opts.controlSeconds, log: opts.log })
  }
  return { results, csv, control }
}

async function main(): Promise<void> {
  let opts: BenchOptions
  try {
    opts = parseBenchArgs(process.argv.slice(2), (line) => process.stderr.write(line + '\n'))
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n\n${BENCH_USAGE}\n`)
    process.exitCode = 2
    return
  }
  if (opts.help) {
    process.stdout.write(BENCH_USAGE + '\n')
    return
  }
  const { results, csv, control } = await runBench(opts)
  const out: string[] = ['', table(results)]
  if (csv) {
    out.push(
      '',
      `CSV load: ${(csv.bytes / 1e6).toFixed(1)} MB, ${csv.rows.toLocaleString('en-US')} rows × ${csv.columns} columns ` +
        `in ${csv.seconds.toFixed(2)} s (${csv.mbPerSec.toFixed(0)} MB/s; makeSyntheticCsv + parseCsvStream on UTF-8 chunks of 64 KiB)`
    )
  }
  if (control) {
    const l = (s: { p50: number; p99: number; max: number }) =>
      `p50 ${s.p50} / p99 ${s.p99} / max ${s.max} ms`
    out.push(
      '',
      `Prompt control, 784-256-256-10 on ${control.rows.toLocaleString('en-US')} rows (engine process, SGD batch 32, ${control.epochs} epoch ends in ${control.seconds} s):`,
      `  pause ${l(control.pause)} (n ${control.pause.n}); resume ${l(control.resume)}; setLearningRate ${l(control.setLearningRate)} (n ${control.setLearningRate.n})`,
      `  stop answered in ${control.stop} ms; its done event (final metrics) after ${control.stopToDone} ms`,
      `  the engine's slices between yields (its own blocking): ${l(control.slice)} (n ${control.slice.n})`
    )
  }
  out.push('')
  for (const r of results) {
    const { workload, samples_per_sec, ratio, every_step, stats_overhead, stats_overhead_app } = r
    out.push(
      JSON.stringify({ workload, samples_per_sec, ratio, every_step, stats_overhead, stats_overhead_app })
    )
  }
  if (csv) out.push(JSON.stringify({ csv_load: csv }))
  if (control) out.push(JSON.stringify({ control }))
  process.stdout.write(out.join('\n') + '\n')
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    process.exitCode = 1
  })
}
