/**
 * What a long task on the page's main thread was, from a Chromium trace (CDP `Tracing`, JSON events).
 * The Long Tasks API says only that a task took over 50 ms; a trace names it: the top-level task
 * event (`toplevel` category) with where it was posted from, and the events nested in it — V8's
 * collector phases, a message, an animation frame, a paint — with their time. Pure: events in, a
 * summary out (bench/ui.ts --trace prints it).
 */

export interface TraceEvent {
  name: string
  cat?: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: Record<string, unknown>
}

export interface TracedTask {
  /** Microseconds on the trace's clock. */
  ts: number
  ms: number
  name: string
  /** Where the task was posted from, when the trace says. */
  postedFrom: string
  /** Milliseconds per name of the events nested in it (summed: an event nested in a same-named one counts twice), largest first. */
  inside: [string, number][]
}

/** The main thread of the first renderer whose thread is named CrRendererMain and that ran the most tasks. */
function mainThreadOf(events: readonly TraceEvent[]): { pid: number; tid: number } | null {
  const mains = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
  )
  let best: { pid: number; tid: number } | null = null
  let most = -1
  for (const m of mains) {
    const n = events.reduce((k, e) => k + (e.pid === m.pid && e.tid === m.tid && e.ph === 'X' ? 1 : 0), 0)
    if (n > most) {
      most = n
      best = { pid: m.pid, tid: m.tid }
    }
  }
  return best
}

function postedFromOf(args: Record<string, unknown> | undefined): string {
  if (!args) return ''
  const src =
    args.src_file ??
    (args.task as { posted_from?: { file_name?: string } } | undefined)?.posted_from?.file_name
  const fn =
    args.src_func ??
    (args.task as { posted_from?: { function_name?: string } } | undefined)?.posted_from?.function_name
  return [src, fn].filter(Boolean).join(' ')
}

/** The page main thread's top-level tasks longer than `minMs`, each with what ran inside it. */
export function longTracedTasks(events: readonly TraceEvent[], minMs = 50): TracedTask[] {
  const main = mainThreadOf(events)
  if (!main) return []
  const own = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  const out: TracedTask[] = []
  for (const task of own) {
    if (!task.cat?.includes('toplevel') || task.dur! / 1000 <= minMs) continue
    const end = task.ts + task.dur!
    const inside = new Map<string, number>()
    for (const e of own) {
      if (e === task || e.ts < task.ts || e.ts + e.dur! > end) continue
      if (e.ts >= end) break
      inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur! / 1000)
    }
    out.push({
      ts: task.ts,
      ms: task.dur! / 1000,
      name: task.name,
      postedFrom: postedFromOf(task.args),
      inside: [...inside].sort((a, b) => b[1] - a[1]).slice(0, 12)
    })
  }
  return out
}
