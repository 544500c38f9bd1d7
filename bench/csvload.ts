/**
 * The CSV load measurement: a synthetic table of the requested size (makeSyntheticCsv) as UTF-8 bytes,
 * fed to parseCsvStream in 64 KiB chunks — the way the Node host streams a file from disk. Generating
 * and encoding the text is not timed; parsing into typed columns (and its yields to the event loop) is.
 */
import { chunksOf, parseCsvStream } from '../src/engine/data/csv'
import { makeSyntheticCsv } from '../src/engine/data/synthetic'

export interface CsvLoadResult {
  bytes: number
  rows: number
  columns: number
  /** best of the runs */
  seconds: number
  mbPerSec: number
}

export const CSV_CHUNK_BYTES = 64 * 1024

export async function measureCsvLoad(bytes: number, repeats: number): Promise<CsvLoadResult> {
  const data = new TextEncoder().encode(makeSyntheticCsv(bytes))
  let best = Infinity
  let rows = 0
  let columns = 0
  for (let rep = 0; rep < repeats; rep++) {
    const t0 = performance.now()
    const table = await parseCsvStream(chunksOf(data, CSV_CHUNK_BYTES))
    const seconds = (performance.now() - t0) / 1000
    best = Math.min(best, seconds)
    rows = table.rowCount
    columns = table.columns.length
  }
  return {
    bytes: data.length,
    rows,
    columns,
    seconds: Number(best.toFixed(3)),
    mbPerSec: Number((data.length / 1e6 / best).toFixed(1))
  }
}
