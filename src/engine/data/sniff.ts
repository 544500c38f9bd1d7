/**
 * Guessing what the user did not say: the delimiter (`,` `;` or tab) and whether the first row is a
 * header. Both guesses look only at the start of the file and both can be overridden.
 */
import { parseNumber } from './numbers'

/** The delimiters a CSV may use, in the order sniffing tries them. */
export const DELIMITERS = [',', '\t', ';'] as const
export type Delimiter = (typeof DELIMITERS)[number]

/** How many lines of the sample the delimiter guess looks at. */
const SNIFF_LINES = 50

/**
 * The delimiter that splits the sample's lines most consistently: for each candidate, count its
 * occurrences outside quotes on every complete line; a candidate that appears the same (non-zero)
 * number of times on every line wins, the higher count breaking ties; otherwise the candidate with
 * the most lines agreeing with its most common count. With no candidate at all it is `,`
 * (a one-column file).
 *
 * @param sample the first part of the file
 * @param complete true when the sample is the whole file (its last line is then complete too)
 */
export function detectDelimiter(sample: string, complete: boolean): Delimiter {
  let best: Delimiter = ','
  let bestScore = -1
  // On a tie the later candidate wins: `;` over tab over `,` — a `;` file with decimal commas
  // ("1,5;2,25") has as many commas per line as semicolons, never the other way round.
  for (const d of DELIMITERS) {
    const counts = countPerLine(sample, d.charCodeAt(0), complete)
    if (counts.length === 0) continue
    const mode = modeOf(counts)
    if (mode === 0) continue
    const agreeing = counts.filter((c) => c === mode).length
    // Consistency first (fraction of lines agreeing), then width; scaled so width only breaks ties.
    const score = (agreeing / counts.length) * 1e6 + Math.min(mode, 1e6 - 1)
    if (score >= bestScore) {
      bestScore = score
      best = d
    }
  }
  return best
}

/** Occurrences of `delim` outside quotes on each complete non-blank line (a quoted line end joins lines). */
function countPerLine(sample: string, delim: number, complete: boolean): number[] {
  const counts: number[] = []
  let inQuotes = false
  let count = 0
  let lineHasText = false
  for (let i = 0; i < sample.length && counts.length < SNIFF_LINES; i++) {
    const c = sample.charCodeAt(i)
    if (c === 34)
      inQuotes = !inQuotes // a doubled quote toggles twice: no change, as it should
    else if (inQuotes) continue
    else if (c === delim) count++
    else if (c === 10 || c === 13) {
      if (lineHasText) counts.push(count)
      count = 0
      lineHasText = false
      continue
    }
    lineHasText = true
  }
  if (complete && lineHasText && counts.length < SNIFF_LINES) counts.push(count)
  return counts
}

function modeOf(values: number[]): number {
  const freq = new Map<number, number>()
  let mode = 0
  let best = 0
  for (const v of values) {
    const f = (freq.get(v) ?? 0) + 1
    freq.set(v, f)
    if (f > best || (f === best && v > mode)) {
      best = f
      mode = v
    }
  }
  return mode
}

/**
 * Whether the first of these rows is a header:
 * - no, if any of its cells is a number (column names are words);
 * - yes, if some column holds a word in the first row and only numbers (or blanks) below it;
 * - otherwise (a table of words) yes when its cells are all non-blank and all different.
 */
export function detectHeader(rows: readonly string[][]): boolean {
  if (rows.length === 0) return false
  const first = rows[0]
  const isNum = (s: string): boolean => parseNumber(s) === parseNumber(s)
  if (first.some(isNum)) return false
  for (let col = 0; col < first.length; col++) {
    let numbersBelow = 0
    let wordsBelow = 0
    for (let r = 1; r < rows.length; r++) {
      const cell = rows[r][col]
      if (cell === undefined || cell.trim() === '') continue
      if (isNum(cell)) numbersBelow++
      else wordsBelow++
    }
    if (numbersBelow > 0 && wordsBelow === 0 && first[col].trim() !== '') return true
  }
  const names = first.map((s) => s.trim())
  return names.every((s) => s !== '') && new Set(names).size === names.length
}
