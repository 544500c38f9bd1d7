/**
 * The RFC 4180 state machine: text chunks in, fields and record ends out. It never holds more than
 * the field being read, so a 50 MB file streams through in chunks of any size (a chunk may end in the
 * middle of a field, a doubled quote or a CRLF) and every problem is reported at its exact line.
 *
 * Accepted on top of RFC 4180, as real files need: LF, CRLF and lone CR line ends; a last record with
 * no line end; blank lines (skipped); a quote inside an unquoted field (kept literally, like 5'11").
 */
import { DataError, placeText, quoteValue } from './errors'

/** Receives what the scanner reads. `line` is the 1-based line a record starts on. */
export interface CsvSink {
  field(value: string): void
  /** The record spans characters [start, end) of the whole input, line end excluded. */
  endRecord(line: number, start: number, end: number): void
}

const QUOTE = 34
const LF = 10
const CR = 13
const NUL = 0

const enum State {
  /** At the start of a field: nothing of it read yet. */
  FieldStart,
  /** Inside an unquoted field. */
  Unquoted,
  /** Inside a quoted field. */
  Quoted,
  /** Just after a quote inside a quoted field: a second quote means a literal ", anything else ends it. */
  QuoteInQuoted
}

/**
 * Caps that keep a hostile or broken file from exhausting memory (issue 10): columns per record
 * (MNIST as CSV has 785) and characters per field (a free-text cell; an unclosed quote would
 * otherwise swallow the rest of the file into one field).
 */
export const MAX_COLUMNS = 10_000
export const MAX_FIELD_CHARS = 100_000

export class CsvScanner {
  private readonly delim: number
  private readonly sink: CsvSink
  private state = State.FieldStart
  /** The current field's text read so far from earlier chunks (or before a doubled quote). */
  private partial = ''
  /** Absolute offset of the current chunk's first character. */
  private offset = 0
  /** Physical line (1-based) and the absolute offset where it starts: for error positions. */
  private line = 1
  private lineStart = 0
  /** A CR ended the previous chunk: an LF at the start of this one belongs to it. */
  private pendingCR = false
  private fieldIndex = 0
  private recordLine = 1
  private recordStart = 0
  /** Where the current quoted field opened (for the unclosed-quote message). */
  private quoteLine = 0
  private quoteChar = 0
  private quoteField = 0
  private ended = false

  constructor(delimiter: string, sink: CsvSink) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new DataError('bad-input', `delimiter must be one character other than a quote or line end`)
    }
    this.delim = delimiter.charCodeAt(0)
    this.sink = sink
  }

  /** Characters consumed so far. */
  get position(): number {
    return this.offset
  }

  /** The line being read (1-based) and how many characters of it have been read. */
  get cursor(): { line: number; column: number } {
    return { line: this.line, column: this.offset - this.lineStart }
  }

  push(chunk: string): void {
    if (this.ended) throw new DataError('bad-input', 'push() after end()')
    const n = chunk.length
    if (n === 0) return
    const delim = this.delim
    let i = 0
    if (this.pendingCR) {
      this.pendingCR = false
      if (n > 0 && chunk.charCodeAt(0) === LF) {
        i = 1
        this.lineStart = this.offset + 1
        this.recordStart = this.offset + 1
      }
    }
    let start = i // where the current field's text starts in this chunk

    while (i < n) {
      switch (this.state) {
        case State.FieldStart: {
          const c = chunk.charCodeAt(i)
          if (c === QUOTE) {
            this.state = State.Quoted
            this.quoteLine = this.line
            this.quoteChar = this.offset + i - this.lineStart + 1
            this.quoteField = this.fieldIndex + 1
            start = ++i
          } else if (c === delim) {
            this.emit('')
            this.fieldIndex++
            start = ++i
          } else if (c === LF || c === CR) {
            // "a,b," ends with an empty field; a line end with nothing before it is a blank line
            const hasField = this.fieldIndex > 0
            if (hasField) this.emit('')
            i = this.endLine(chunk, i, c, hasField)
            start = i
          } else {
            this.state = State.Unquoted
            start = i
          }
          break
        }
        case State.Unquoted: {
          let c = 0
          while (i < n) {
            c = chunk.charCodeAt(i)
            if (c === delim || c === LF || c === CR) break
            if (c === NUL) this.binary(i)
            i++
          }
          if (i === n) {
            this.partial += chunk.slice(start, n)
            if (this.partial.length > MAX_FIELD_CHARS) this.tooLong(this.line)
            break
          }
          const value = this.partial === '' ? chunk.slice(start, i) : this.partial + chunk.slice(start, i)
          this.partial = ''
          this.emit(value)
          this.state = State.FieldStart
          if (c === delim) {
            this.fieldIndex++
            start = ++i
          } else {
            i = this.endLine(chunk, i, c, true)
            start = i
          }
          break
        }
        case State.Quoted: {
          // Fast scan to the next quote, counting the line ends a quoted field may hold.
          while (i < n) {
            const c = chunk.charCodeAt(i)
            if (c === QUOTE) break
            if (c === LF) {
              if (!(i > 0 ? chunk.charCodeAt(i - 1) === CR : this.lastWasCR)) this.line++
              this.lineStart = this.offset + i + 1
            } else if (c === CR) {
              this.line++
              this.lineStart = this.offset + i + 1
            } else if (c === NUL) this.binary(i)
            i++
          }
          this.partial += chunk.slice(start, i)
          if (this.partial.length > MAX_FIELD_CHARS) this.tooLong(this.quoteLine)
          if (i < n) {
            this.state = State.QuoteInQuoted
            start = ++i
          }
          break
        }
        case State.QuoteInQuoted: {
          const c = chunk.charCodeAt(i)
          if (c === QUOTE) {
            this.partial += '"' // a doubled quote is one literal quote
            this.state = State.Quoted
            start = ++i
          } else if (c === delim || c === LF || c === CR) {
            this.emit(this.partial)
            this.partial = ''
            this.state = State.FieldStart
            if (c === delim) {
              this.fieldIndex++
              start = ++i
            } else {
              i = this.endLine(chunk, i, c, true)
              start = i
            }
          } else {
            const col = this.offset + i - this.lineStart + 1
            throw new DataError(
              'unexpected-character',
              `${placeText(this.line, this.fieldIndex + 1)} (character ${col}): expected ` +
                `${delimiterName(delim)} or the end of the line after the closing quote, found ` +
                quoteValue(String.fromCharCode(c)),
              { line: this.line, column: this.fieldIndex + 1 },
              {
                character: col,
                delimiter: String.fromCharCode(delim),
                found: quoteValue(String.fromCharCode(c))
              }
            )
          }
          break
        }
      }
    }
    this.lastWasCR = chunk.charCodeAt(n - 1) === CR
    this.offset += n
  }

  /** Hands a field to the sink, within the caps on columns per record and characters per field. */
  private emit(value: string): void {
    if (this.fieldIndex >= MAX_COLUMNS) {
      throw new DataError(
        'too-many-columns',
        `${placeText(this.recordLine, MAX_COLUMNS + 1)}: more than ${MAX_COLUMNS} fields in one record; at most ${MAX_COLUMNS} columns are accepted.`,
        { line: this.recordLine, column: MAX_COLUMNS + 1 },
        { max: MAX_COLUMNS }
      )
    }
    if (value.length > MAX_FIELD_CHARS) this.tooLong(this.recordLine)
    this.sink.field(value)
  }

  private tooLong(line: number): never {
    throw new DataError(
      'field-too-long',
      `${placeText(line, this.fieldIndex + 1)}: a field longer than ${MAX_FIELD_CHARS.toLocaleString('en-US')} characters; at most that many are accepted (is a quote left open?).`,
      { line, column: this.fieldIndex + 1 },
      { max: MAX_FIELD_CHARS }
    )
  }

  /** The previous chunk ended in CR: an LF opening this one inside a quoted field is the same line end. */
  private lastWasCR = false

  /** Flushes the last record. Throws if a quoted field was never closed. */
  end(): void {
    if (this.ended) return
    this.ended = true
    switch (this.state) {
      case State.Quoted:
        throw new DataError(
          'unclosed-quote',
          `${placeText(this.quoteLine, this.quoteField)} (character ${this.quoteChar}): ` +
            `the quoted field opened here is never closed (expected a closing " before the end of the file)`,
          { line: this.quoteLine, column: this.quoteField },
          { character: this.quoteChar }
        )
      case State.Unquoted:
      case State.QuoteInQuoted:
        this.emit(this.partial)
        this.partial = ''
        this.sink.endRecord(this.recordLine, this.recordStart, this.offset)
        break
      case State.FieldStart:
        if (this.fieldIndex > 0) {
          this.emit('')
          this.sink.endRecord(this.recordLine, this.recordStart, this.offset)
        }
        break
    }
  }

  /**
   * Handles a line end at chunk[i] (outside quotes); returns the index after it. Without a field
   * (`hasField` false) the line was blank: skipped, not an empty record.
   */
  private endLine(chunk: string, i: number, c: number, hasField: boolean): number {
    if (hasField) this.sink.endRecord(this.recordLine, this.recordStart, this.offset + i)
    this.fieldIndex = 0
    this.state = State.FieldStart
    i++
    if (c === CR) {
      if (i < chunk.length) {
        if (chunk.charCodeAt(i) === LF) i++
      } else {
        this.pendingCR = true
      }
    }
    this.line++
    this.lineStart = this.offset + i
    this.recordLine = this.line
    this.recordStart = this.offset + i
    return i
  }

  private binary(i: number): never {
    const col = this.offset + i - this.lineStart + 1
    throw new DataError(
      'binary',
      `${placeText(this.line, this.fieldIndex + 1)} (character ${col}): found a NUL byte — ` +
        `this looks like a binary file, expected CSV text`,
      { line: this.line, column: this.fieldIndex + 1 },
      { character: col }
    )
  }
}

function delimiterName(delim: number): string {
  if (delim === 9) return 'a tab'
  return `the delimiter ${quoteValue(String.fromCharCode(delim))}`
}
