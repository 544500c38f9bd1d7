/**
 * A small real workload that proves the event channel: `demo.start { count, intervalMs }` emits
 * `count` `demo.progress` events `intervalMs` apart and then `demo.done`; `demo.cancel` stops it early.
 * Tasks belong to the connection that started them and stop when it closes.
 */
import { ProtocolError } from './errors'
import { defineCommand, type CommandTable, type Connection } from './server'
import { num, payload, validator } from './schema'

const MAX_COUNT = 100_000
const MAX_INTERVAL_MS = 60_000

export function demoCommands(connection: Connection): CommandTable {
  const running = new Map<number, () => void>()
  let nextTaskId = 1

  connection.onClose(() => {
    for (const stop of running.values()) stop()
  })

  function start(count: number, intervalMs: number): number {
    const taskId = nextTaskId++
    let done = 0
    let timer: ReturnType<typeof setTimeout> | undefined

    const finish = (cancelled: boolean) => {
      clearTimeout(timer)
      running.delete(taskId)
      connection.emit('demo.done', { taskId, done, count, cancelled })
    }
    const tick = () => {
      done += 1
      connection.emit('demo.progress', { taskId, done, count })
      if (done === count) finish(false)
      else timer = setTimeout(tick, intervalMs)
    }

    running.set(taskId, () => finish(true))
    // The first tick waits one interval too, so a cancel sent right after the reply can win.
    timer = setTimeout(tick, intervalMs)
    return taskId
  }

  return {
    'demo.start': defineCommand(
      'demo.start',
      validator(
        payload({
          count: num({ integer: true, min: 1, max: MAX_COUNT }),
          intervalMs: num({ integer: true, min: 0, max: MAX_INTERVAL_MS })
        })
      ),
      ({ count, intervalMs }) => ({ taskId: start(count, intervalMs) })
    ),
    'demo.cancel': defineCommand(
      'demo.cancel',
      validator(payload({ taskId: num({ integer: true, min: 1 }) })),
      ({ taskId }) => {
        const stop = running.get(taskId)
        if (!stop) {
          if (taskId >= nextTaskId) throw new ProtocolError('not-found', `no demo task ${taskId}`)
          return { cancelled: false }
        }
        stop()
        return { cancelled: true }
      }
    )
  }
}
