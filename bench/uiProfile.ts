/**
 * What the UI thread's long tasks are made of, from a Chromium CPU profile (CDP `Profiler`). A task is
 * a stretch of samples with no `(idle)` gap longer than `gapMs`; for every stretch over `longMs` each
 * sample is charged to every distinct function on its stack (inclusive time), so "setOption 40 ms of
 * a 70 ms task" can be read off. Pure: profile in, numbers out (bench/ui.ts --profile prints them).
 */

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}
interface ProfileNode {
  id: number
  callFrame: CallFrame
  children?: number[]
}
export interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

export interface LongTask {
  startMs: number
  durationMs: number
  /** Inclusive milliseconds per function ("name file:line"), largest first. */
  top: [string, number][]
}

export interface ProfileSummary {
  tasks: number
  longTasks: LongTask[]
  /** Inclusive milliseconds per function summed over all long tasks, largest first. */
  inLongTasks: [string, number][]
  busyMs: number
  spanMs: number
}

const label = (f: CallFrame): string => {
  const file = f.url.split('/').pop()?.split('?')[0] ?? ''
  return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`
}

export function summariseProfile(p: CpuProfile, longMs = 50, gapMs = 1, topN = 12): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const stackCache = new Map<number, string[]>()
  const stackOf = (id: number): string[] => {
    let s = stackCache.get(id)
    if (!s) {
      const names = new Set<string>()
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const f = byId.get(cur)!.callFrame
        if (f.functionName !== '(root)') names.add(label(f))
      }
      s = [...names]
      stackCache.set(id, s)
    }
    return s
  }
  const isIdle = (id: number): boolean => byId.get(id)?.callFrame.functionName === '(idle)'

  // Sample i covers [t_i, t_{i+1}).
  const times: number[] = []
  let t = p.startTime
  for (const d of p.timeDeltas) times.push((t += d))
  const runs: { from: number; to: number }[] = []
  let open: { from: number; to: number } | null = null
  let idleSince = -1
  for (let i = 0; i + 1 < p.samples.length; i++) {
    if (isIdle(p.samples[i])) {
      if (open && idleSince < 0) idleSince = times[i]
      if (open && times[i + 1] - idleSince > gapMs * 1000) {
        runs.push(open)
        open = null
      }
      continue
    }
    idleSince = -1
    if (!open) open = { from: i, to: i }
    open.to = i
  }
  if (open) runs.push(open)

  const total = new Map<string, number>()
  const longTasks: LongTask[] = []
  let busy = 0
  for (const r of runs) {
    const dur = (times[r.to + 1] - times[r.from]) / 1000
    busy += dur
    if (dur <= longMs) continue
    const m = new Map<string, number>()
    for (let i = r.from; i <= r.to; i++) {
      if (isIdle(p.samples[i])) continue
      const ms = (times[i + 1] - times[i]) / 1000
      for (const name of stackOf(p.samples[i])) {
        m.set(name, (m.get(name) ?? 0) + ms)
        total.set(name, (total.get(name) ?? 0) + ms)
      }
    }
    longTasks.push({
      startMs: (times[r.from] - p.startTime) / 1000,
      durationMs: dur,
      top: [...m].sort((a, b) => b[1] - a[1]).slice(0, topN)
    })
  }
  return {
    tasks: runs.length,
    longTasks,
    inLongTasks: [...total].sort((a, b) => b[1] - a[1]).slice(0, topN * 6),
    busyMs: busy,
    spanMs: (times[times.length - 1] - p.startTime) / 1000
  }
}
