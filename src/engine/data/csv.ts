/**
 * CSV in: text or bytes, whole or in chunks, to a compact column table (see table.ts).
 *
 *   parseCsv(text, opts)            the whole text at once
 *   parseCsvBytes(bytes, opts)      a file's bytes (checks UTF-8, strips a BOM, refuses binary files)
 *   createCsvParser(opts)           push(chunk) … end(): incremental, for large files and progress bars
 *   parseCsvStream(chunks, opts)    async: drives a parser over an (async) iterable of chunks, yielding
 *                                   to the event loop so progress is reported and a cancel arrives
 *
 * Every problem is a DataError with the line and column (field number) where it is.
 */
import { CsvScanner } from './csvScanner'
import { DataError } from './errors'
import { DEFAULT_MISSING, missingSet } from './numbers'
import { detectDelimiter, type Delimiter } from './sniff'
import { TableBuilder, type CsvTable } from './table'
import { Utf8Chunks } from './utf8'

export interface CsvOptions {
  /** ',' ';' or tab, or 'auto' (default) to guess from the start of the file. */
  delimiter?: Delimiter | 'auto'
  /** Whether the first row names the columns; 'auto' (default) guesses. */
  header?: boolean | 'auto'
  /** Cell spellings that mean "missing" (default DEFAULT_MISSING; the empty cell always is). */
  missing?: readonly string[]
  /** Keep each record's character span (for copying rows verbatim, as predictCsv does). */
  keepSpans?: boolean
}

export interface CsvProgress {
  /** Bytes consumed (byte input) — divide by the file size for a fraction. */
  bytes: number
  /** Characters consumed. */
  chars: number
  /** Data rows read so far. */
  rows: number
}

export interface CsvParser {
  /** Feeds the next chunk. Use either strings or bytes for one parser, not both. */
  push(chunk: string | Uint8Array): void
  /** Ends the input and returns the table; throws a DataError for a bad file. */
  end(): CsvTable
  progress(): CsvProgress
}

/** Text collected before the delimiter is guessed (unless the file ends sooner). */
const SNIFF_CHARS = 64 * 1024

/** A chunked parser: `push` pieces of text or bytes of any size, then `end()`. */
export function createCsvParser(opts: CsvOptions = {}): CsvParser {
  const fixedDelimiter = opts.delimiter && opts.delimiter !== 'auto' ? opts.delimiter : null
  if (fixedDelimiter !== null && ![',', ';', '\t'].includes(fixedDelimiter)) {
    throw new DataError(
      'bad-input',
      `delimiter must be ",", ";", a tab or "auto", got ${JSON.stringify(fixedDelimiter)}`
    )
  }
  const missing = missingSet(opts.missing ?? DEFAULT_MISSING)
  let builder: TableBuilder | null = null
  let scanner: CsvScanner | null = null
  let sniffBuffer = ''
  let first = true
  let inputKind: 'string' | 'bytes' | null = null
  let utf8: Utf8Chunks | null = null
  let ended = false

  const start = (delimiter: string): void => {
    builder = new TableBuilder({
      header: opts.header ?? 'auto',
      missing,
      keepSpans: opts.keepSpans ?? false,
      delimiter
    })
    scanner = new CsvScanner(delimiter, builder)
  }

  const pushText = (text: string): void => {
    if (first && text.length > 0) {
      first = false
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1) // a UTF-8 BOM (decoded from text input)
    }
    if (scanner) {
      scanner.push(text)
      return
    }
    sniffBuffer += text
    if (fixedDelimiter !== null || sniffBuffer.length >= SNIFF_CHARS) flushSniff(false)
  }

  const flushSniff = (complete: boolean): void => {
    start(fixedDelimiter ?? detectDelimiter(sniffBuffer, complete))
    const text = sniffBuffer
    sniffBuffer = ''
    scanner!.push(text)
  }

  /** Line and character of the end of `prefix`, read on from what the parser has consumed. */
  const locate = (prefix: string): { line: number; column: number } => {
    let { line, column } = scanner ? scanner.cursor : { line: 1, column: 0 }
    const text = sniffBuffer + prefix
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++
        column = 0
      } else if (c !== 13) column++
    }
    return { line, column: column + 1 }
  }

  return {
    push(chunk) {
      if (ended) throw new DataError('bad-input', 'push() after end()')
      const kind = typeof chunk === 'string' ? 'string' : 'bytes'
      if (inputKind !== null && inputKind !== kind) {
        throw new DataError('bad-input', 'push() got both text and bytes; use one kind per parser')
      }
      inputKind = kind
      if (typeof chunk === 'string') {
        pushText(chunk)
      } else {
        utf8 ??= new Utf8Chunks() // its decoder strips a BOM by itself
        pushText(utf8.decode(chunk, locate))
      }
    },
    end() {
      if (ended) throw new DataError('bad-input', 'end() called twice')
      if (utf8) pushText(utf8.end(locate))
      ended = true
      if (!scanner) flushSniff(true)
      scanner!.end()
      return builder!.finish()
    },
    progress() {
      return {
        bytes: utf8 ? utf8.bytes : 0,
        chars: (scanner ? scanner.position : 0) + sniffBuffer.length,
        rows: builder ? builder.rowCount : 0
      }
    }
  }
}

/** Parses a whole CSV text. */
export function parseCsv(text: string, opts: CsvOptions = {}): CsvTable {
  const parser = createCsvParser(opts)
  parser.push(text)
  return parser.end()
}

/**
 * The raw records of a CSV text, every field as written (quotes removed, nothing trimmed or typed).
 * For tools and tests; data for training goes through parseCsv.
 */
export function parseCsvRecords(text: string, delimiter: Delimiter | 'auto' = 'auto'): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const records: string[][] = []
  let fields: string[] = []
  const scanner = new CsvScanner(delimiter === 'auto' ? detectDelimiter(text, true) : delimiter, {
    field: (value) => fields.push(value),
    endRecord: () => {
      records.push(fields)
      fields = []
    }
  })
  scanner.push(text)
  scanner.end()
  return records
}

/** Parses a whole file's bytes: refuses non-UTF-8 and binary data, strips a UTF-8 BOM. */
export function parseCsvBytes(bytes: Uint8Array, opts: CsvOptions = {}): CsvTable {
  const parser = createCsvParser(opts)
  parser.push(bytes)
  return parser.end()
}

export interface CsvStreamOptions extends CsvOptions {
  /** Called after each chunk, at most every `progressEveryMs`. */
  onProgress?: (p: CsvProgress) => void
  progressEveryMs?: number
  /** Aborting rejects with a DataError 'cancelled' at the next chunk. */
  signal?: AbortSignal
}

/**
 * Parses chunks from an (async) iterable — a File's stream in a Worker, an fs read stream in Node —
 * giving the event loop a turn every ~30 ms so progress events go out and a cancel comes in.
 */
export async function parseCsvStream(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  opts: CsvStreamOptions = {}
): Promise<CsvTable> {
  const parser = createCsvParser(opts)
  const every = opts.progressEveryMs ?? 100
  let lastProgress = 0
  let lastYield = Date.now()
  const checkCancel = (): void => {
    if (opts.signal?.aborted) throw new DataError('cancelled', 'Loading the file was cancelled.')
  }
  for await (const chunk of chunks) {
    checkCancel()
    parser.push(chunk)
    const now = Date.now()
    if (opts.onProgress && now - lastProgress >= every) {
      lastProgress = now
      opts.onProgress(parser.progress())
    }
    if (now - lastYield >= 30) {
      // A macrotask turn, not a microtask: only that lets a pending 'cancel' message be delivered.
      await new Promise((resolve) => setTimeout(resolve, 0))
      lastYield = Date.now()
    }
  }
  checkCancel()
  const table = parser.end()
  opts.onProgress?.(parser.progress())
  return table
}

/** Splits text or bytes into chunks of `size` (tests and hosts that hold the whole file). */
export function* chunksOf<T extends string | Uint8Array>(data: T, size: number): Generator<T> {
  for (let i = 0; i < data.length; i += size) yield data.slice(i, i + size) as T
}
