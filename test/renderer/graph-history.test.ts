import { describe, expect, it } from 'vitest'
import {
  canRedo,
  canUndo,
  createHistory,
  record,
  redo,
  redoLabel,
  undo,
  undoLabel,
  type History
} from '@renderer/graph/history'

const steps = (labels: string[], start = 0): History<number> =>
  labels.reduce((h, label, i) => record(h, start + i + 1, label, { now: i * 10_000 }), createHistory(start))

describe('graph/history', () => {
  it('undoes and redoes snapshots in order, naming the step', () => {
    let h = steps(['Add Input', 'Add Dense layer', 'Connect'])
    expect(h.present.state).toBe(3)
    expect(undoLabel(h)).toBe('Connect')
    h = undo(h)
    expect(h.present.state).toBe(2)
    expect(redoLabel(h)).toBe('Connect')
    h = undo(undo(h))
    expect(h.present.state).toBe(0)
    expect(canUndo(h)).toBe(false)
    expect(undo(h)).toBe(h) // a no-op at the start
    h = redo(redo(redo(h)))
    expect(h.present.state).toBe(3)
    expect(canRedo(h)).toBe(false)
    expect(redo(h)).toBe(h)
  })

  it('drops the redo branch when a new edit is recorded after an undo', () => {
    let h = undo(steps(['a', 'b']))
    h = record(h, 42, 'c', { now: 1e9 })
    expect(canRedo(h)).toBe(false)
    expect(undo(h).present.state).toBe(1)
  })

  it('merges a burst of the same edit into one step, but not after the window or with another key', () => {
    let h = createHistory('start')
    h = record(h, 'u=5', 'Change units', { coalesceKey: 'units:h1', now: 0 })
    h = record(h, 'u=6', 'Change units', { coalesceKey: 'units:h1', now: 300 })
    h = record(h, 'u=7', 'Change units', { coalesceKey: 'units:h1', now: 600 })
    expect(h.past).toHaveLength(1)
    expect(undo(h).present.state).toBe('start')
    h = record(h, 'u=8', 'Change units', { coalesceKey: 'units:h1', now: 5000 })
    expect(h.past).toHaveLength(2)
    h = record(h, 'act', 'Change activation', { coalesceKey: 'act:h1', now: 5100 })
    expect(h.past).toHaveLength(3)
  })

  it('keeps at most `cap` undo steps, forgetting the oldest', () => {
    let h = createHistory(0)
    for (let i = 1; i <= 10; i++) h = record(h, i, `step ${i}`, { cap: 3, now: i * 10_000 })
    expect(h.past.map((e) => e.state)).toEqual([7, 8, 9])
  })
})
