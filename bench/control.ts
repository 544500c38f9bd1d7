/**
 * Prompt control (issue 10, item 9): how long pause, resume, setLearningRate and stop take to answer
 * while the engine trains 784-256-256-10 on 60k rows (54k training, 6k validation; SGD, batch 32).
 *
 * Method: the engine runs in its own process (bench/controlHost.ts: the Node host's command table
 * over IPC), as in the app, so a request waits for whatever the training loop is doing — a slice of
 * steps, an epoch-end evaluation chunk — exactly as the renderer's would. The client sends a control
 * request at random intervals (20–120 ms, seeded) and times request → reply with performance.now().
 * The run lasts long enough to cross several epoch ends (where the old evaluation blocked). Stop is
 * timed once at the end, with the time until its done event (the final metrics, computed in slices).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { forkNodeEngine } from '../src/engine/hosts/node-fork'
import { createEngineClient } from '../src/engine/protocol'
import type { TrainEventData } from '../src/engine/protocol/handlers/train'
import { createRng } from '../src/engine/random'
import { workloadGraph } from './peers/ours'
import { CONTROL_WORKLOAD } from './controlWorkload'

export interface LatencyStats {
  n: number
  p50: number
  p99: number
  max: number
}

export interface ControlResult {
  rows: number
  seconds: number
  /** Epoch ends the measurement window crossed. */
  epochs: number
  steps: number
  /** Milliseconds, request → reply. */
  pause: LatencyStats
  resume: LatencyStats
  setLearningRate: LatencyStats
  stop: number
  /** Milliseconds from sending train.stop to its done event. */
  stopToDone: number
  /** Milliseconds the engine's loop ran between two yields (its own blocking, without IPC). */
  slice: LatencyStats
}

export interface ControlOptions {
  rows: number
  seconds: number
  log: (line: string) => void
}

export function latencyStats(ms: number[]): LatencyStats {
  const s = [...ms].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]
  const r = (v: number) => Number(v.toFixed(1))
  return { n: s.length, p50: r(at(0.5)), p99: r(at(0.99)), max: r(s[s.length - 1]) }
}

export async function measureControl(opts: ControlOptions): Promise<ControlResult> {
  const entry = path.join(__dirname, 'controlHost.ts')
  const dir = mkdtempSync(path.join(tmpdir(), 'bps-control-'))
  const slicesFile = path.join(dir, 'slices.json')
  const proc = forkNodeEngine({
    entry,
    env: { BPS_CONTROL_ROWS: String(opts.rows), BPS_CONTROL_SLICES: slicesFile }
  })
  const exited = new Promise<void>((resolve) => proc.onExit(() => resolve()))
  const client = createEngineClient(proc.port, { timeoutMs: 120_000 })
  let epochs = 0
  let lastStep = 0
  let doneAt = 0
  client.on('train.event', (e: TrainEventData) => {
    if (e.type === 'progress') {
      epochs += e.epochs.length
      lastStep = e.step
    }
    if (e.type === 'done') doneAt = performance.now()
  })
  const time = async (fn: () => Promise<unknown>): Promise<number> => {
    const t0 = performance.now()
    await fn()
    return performance.now() - t0
  }
  try {
    await client.request('hello')
    const w = CONTROL_WORKLOAD
    await client.request('train.start', {
      graph: workloadGraph(w) as unknown as Record<string, unknown>,
      settings: {
        optimizer: 'sgd',
        learningRate: w.learningRate,
        batchSize: w.batch,
        epochs: w.epochs,
        seed: 1
      }
    })
    const rng = createRng(7)
    const pause: number[] = []
    const resume: number[] = []
    const rate: number[] = []
    const started = performance.now()
    let lr = w.learningRate
    let k = 0
    while (performance.now() - started < opts.seconds * 1000) {
      await new Promise((r) => setTimeout(r, 20 + 100 * rng.next()))
      if (k++ % 2 === 0) {
        lr = lr === w.learningRate ? w.learningRate / 2 : w.learningRate
        rate.push(await time(() => client.request('train.setLearningRate', { learningRate: lr })))
      } else {
        pause.push(await time(() => client.request('train.pause', {})))
        resume.push(await time(() => client.request('train.resume', {})))
      }
    }
    const sent = performance.now()
    const stop = await time(() => client.request('train.stop', {}))
    while (doneAt === 0) await new Promise((r) => setTimeout(r, 5))
    client.close()
    await exited
    const sliceMs = JSON.parse(readFileSync(slicesFile, 'utf8')) as number[]
    const result: ControlResult = {
      rows: opts.rows,
      seconds: Number(((sent - started) / 1000).toFixed(1)),
      epochs,
      steps: lastStep,
      pause: latencyStats(pause),
      resume: latencyStats(resume),
      setLearningRate: latencyStats(rate),
      stop: Number(stop.toFixed(1)),
      stopToDone: Number((doneAt - sent).toFixed(1)),
      slice: latencyStats(sliceMs)
    }
    opts.log(
      `  control: ${result.epochs} epoch ends in ${result.seconds} s; p99 pause ${result.pause.p99} ms, setLearningRate ${result.setLearningRate.p99} ms, stop ${result.stop} ms (done after ${result.stopToDone} ms); slices p99 ${result.slice.p99} / max ${result.slice.max} ms`
    )
    return result
  } finally {
    client.close()
    proc.kill()
    rmSync(dir, { recursive: true, force: true })
  }
}
