import { describe, expect, it } from 'vitest'
import { listenForFileDrops } from '@renderer/platform/drop'

/** A drag event carrying `files` (or, with none, a palette drag's own MIME type only). */
function drag(type: 'dragover' | 'drop', files: File[]): Event {
  const e = new Event(type, { bubbles: true, cancelable: true })
  const types = files.length ? ['Files'] : ['application/x-backprop-node']
  Object.defineProperty(e, 'dataTransfer', { value: { types, files } })
  return e
}

describe('listenForFileDrops (the one drop handler)', () => {
  it('takes files dropped on any element of the window, and leaves palette drags alone', () => {
    const got: string[][] = []
    const stop = listenForFileDrops(window, (files) => got.push(files.map((f) => f.name)))
    const canvas = document.createElement('div')
    document.body.append(canvas)
    const csv = new File(['a,b\n1,2\n'], 'iris.csv', { type: 'text/csv' })

    // dragover must be prevented, or the browser never sends the drop.
    const over = drag('dragover', [csv])
    canvas.dispatchEvent(over)
    expect(over.defaultPrevented).toBe(true)
    const drop = drag('drop', [csv])
    canvas.dispatchEvent(drop)
    expect(drop.defaultPrevented).toBe(true)
    expect(got).toEqual([['iris.csv']])

    const palette = drag('drop', [])
    canvas.dispatchEvent(palette)
    expect(palette.defaultPrevented).toBe(false)
    expect(got).toHaveLength(1)

    stop()
    canvas.dispatchEvent(drag('drop', [csv]))
    expect(got).toHaveLength(1)
    canvas.remove()
  })
})
