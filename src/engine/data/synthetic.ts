/**
 * A synthetic CSV of a requested size, for the 50 MB load benchmark and the streaming tests. Its shape
 * is a typical user table: numeric measurements, a categorical column, a quoted free-text column
 * (with commas and doubled quotes), some missing values, and a class target.
 */
import { createRng } from '../random'

export interface SyntheticCsvOptions {
  /** Numeric feature columns (default 10). */
  numericColumns?: number
  seed?: number
  lineEnd?: '\n' | '\r\n'
}

const COLOURS = ['red', 'green', 'blue', 'amber']
const WORDS = ['alpha', 'beta', 'gamma, delta', 'say "hi"', 'epsilon']

/**
 * CSV text of about `bytes` characters (all ASCII, so characters = bytes): a header and rows
 * `x1..xN` (numbers, ~1% missing), `colour`, `note` (quoted text), `label` (yes/no).
 */
export function makeSyntheticCsv(bytes: number, opts: SyntheticCsvOptions = {}): string {
  const cols = opts.numericColumns ?? 10
  const eol = opts.lineEnd ?? '\n'
  const rng = createRng(opts.seed ?? 1)
  const header = [...Array.from({ length: cols }, (_, j) => `x${j + 1}`), 'colour', 'note', 'label'].join(',')
  const parts: string[] = [header + eol]
  let size = header.length + eol.length
  while (size < bytes) {
    const cells: string[] = []
    let s = 0
    for (let j = 0; j < cols; j++) {
      const v = rng.normal(j, 1 + j)
      s += v
      cells.push(rng.next() < 0.01 ? '' : v.toFixed(4))
    }
    cells.push(COLOURS[rng.int(COLOURS.length)])
    const word = WORDS[rng.int(WORDS.length)]
    cells.push(`"${word.replace(/"/g, '""')}"`)
    cells.push(s > (cols * (cols - 1)) / 2 ? 'yes' : 'no')
    const line = cells.join(',') + eol
    parts.push(line)
    size += line.length
  }
  return parts.join('')
}
