/** The benchmark's command line (`npm run bench -- --help`). */
import { KERNEL_CHOICES, type KernelChoice } from '../src/engine/wasm/kernels'
import type { PeerId } from './run'
import { WORKLOADS, type WorkloadId } from './workloads'

export interface BenchOptions {
  help: boolean
  quick: boolean
  workloads: WorkloadId[]
  peers: PeerId[]
  repeats: number
  /** A timed run repeats the workload's epochs until it lasts at least this long. */
  minSeconds: number
  kernels: KernelChoice
  /** Also time ours with the per-layer statistics off. */
  statsCost: boolean
  /** Size of the synthetic CSV to load; 0 skips it. */
  csvBytes: number
  /** Rows of the prompt-control measurement (784-256-256-10); 0 skips it. */
  controlRows: number
  /** How long the prompt-control measurement sends requests. */
  controlSeconds: number
  /** Progress lines (stderr), so stdout stays the table and the JSON lines. */
  log: (line: string) => void
}

const PEERS: readonly PeerId[] = ['ours', 'tfjs-cpu', 'tfjs-wasm', 'brain.js']
const MB = 1_000_000

export const BENCH_USAGE = `usage: npm run bench -- [options]

  --quick               short run: a fifth of the samples, ≤ 2 epochs, 1 timed run of ≥ 0.2 s
                        (instead of 3 of ≥ 1 s), a 5 MB CSV
  --only W1,W3          workloads to run (default: ${WORKLOADS.map((w) => w.id).join(',')})
  --peers ours,tfjs-wasm
                        implementations (default: ${PEERS.join(',')}); ratios need ours
  --repeats N           timed runs per implementation; the best counts (default 3, --quick 1)
  --kernels auto|js|wasm
                        our matrix kernels (default auto: WASM SIMD where available)
  --no-stats-cost       skip the statistics on/off comparison
  --csv-mb N            size of the CSV load test in MB, 0 to skip (default 50, --quick 5)
  --control-rows N      rows of the prompt-control test (784-256-256-10 in its own process:
                        pause / setLearningRate / stop latency), 0 to skip (default 60000,
                        --quick 12000); it runs 30 s (--quick 6 s)
  --help                this text`

function list<T extends string>(raw: string | undefined, allowed: readonly T[], name: string): T[] {
  if (raw === undefined || raw === '') throw new Error(`--${name} needs a value`)
  const items = raw.split(',').map((s) => s.trim())
  for (const item of items) {
    if (!allowed.includes(item as T))
      throw new Error(`--${name}: unknown '${item}' (expected ${allowed.join(', ')})`)
  }
  return items as T[]
}

function count(raw: string | undefined, name: string, min: number): number {
  const v = Number(raw)
  if (raw === undefined || raw === '' || !Number.isInteger(v) || v < min)
    throw new Error(`--${name} expects a whole number ≥ ${min}, got ${JSON.stringify(raw ?? '')}`)
  return v
}

export function parseBenchArgs(argv: readonly string[], log: (line: string) => void): BenchOptions {
  const quick = argv.includes('--quick')
  const opts: BenchOptions = {
    help: false,
    quick,
    workloads: WORKLOADS.map((w) => w.id),
    peers: [...PEERS],
    repeats: quick ? 1 : 3,
    minSeconds: quick ? 0.2 : 1,
    kernels: 'auto',
    statsCost: true,
    csvBytes: (quick ? 5 : 50) * MB,
    controlRows: quick ? 12000 : 60000,
    controlSeconds: quick ? 6 : 30,
    log
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = (): string | undefined => argv[++i]
    switch (arg) {
      case '--quick':
        break
      case '--help':
      case '-h':
        opts.help = true
        break
      case '--only':
        opts.workloads = list(
          value(),
          WORKLOADS.map((w) => w.id),
          'only'
        )
        break
      case '--peers':
        opts.peers = list(value(), PEERS, 'peers')
        break
      case '--repeats':
        opts.repeats = count(value(), 'repeats', 1)
        break
      case '--kernels':
        opts.kernels = list(value(), KERNEL_CHOICES, 'kernels')[0]
        break
      case '--no-stats-cost':
        opts.statsCost = false
        break
      case '--control-rows':
        opts.controlRows = count(value(), 'control-rows', 0)
        break
      case '--csv-mb':
        opts.csvBytes = count(value(), 'csv-mb', 0) * MB
        break
      default:
        throw new Error(`unknown option ${JSON.stringify(arg)}`)
    }
  }
  return opts
}
