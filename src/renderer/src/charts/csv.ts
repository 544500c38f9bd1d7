/** Chart data → CSV text (RFC 4180 quoting), for the "Save CSV" buttons. */
import type { Point } from './seriesBuffer'

export type Cell = number | string | null | undefined

function cellText(c: Cell): string {
  if (c === null || c === undefined) return ''
  if (typeof c === 'number') return Number.isNaN(c) ? 'NaN' : String(c)
  return /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c
}

/** One header row and the data rows, CRLF-free (\n) with a final newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header.map(cellText).join(',')]
  for (const r of rows) {
    if (r.length !== header.length) {
      throw new Error(`CSV row ${lines.length} has ${r.length} cells, the header has ${header.length}`)
    }
    lines.push(r.map(cellText).join(','))
  }
  return lines.join('\n') + '\n'
}

export interface NamedSeries {
  name: string
  points: readonly Point[]
}

/**
 * Several series side by side, one row per distinct x (ascending), an empty cell where a series has
 * no point at that x. When a series has several points at one x (min and max of a bucket), each
 * gets its own row so no value is lost.
 */
export function seriesToCsv(xName: string, series: readonly NamedSeries[]): string {
  const rows: Cell[][] = []
  const cursors = series.map(() => 0)
  for (;;) {
    let x = Infinity
    series.forEach((s, k) => {
      if (cursors[k] < s.points.length) x = Math.min(x, s.points[cursors[k]][0])
    })
    if (x === Infinity) break
    const row: Cell[] = [x]
    series.forEach((s, k) => {
      const p = s.points[cursors[k]]
      if (p !== undefined && p[0] === x) {
        row.push(p[1])
        cursors[k]++
      } else {
        row.push(null)
      }
    })
    rows.push(row)
  }
  return toCsv([xName, ...series.map((s) => s.name)], rows)
}
