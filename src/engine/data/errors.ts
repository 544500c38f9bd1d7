/**
 * Errors and warnings about the user's data. Every message names where the problem is — the line of
 * the file, the column (1-based field number and, when known, its name) — and what was expected, so the
 * data panel and the CLI can print it as is.
 */
import { paramsOf, type MessageParams, type MessageParamValue } from '../messageParams'

/** Every data error code, enumerable (the renderer's catalogue has a wording for each). */
export const DATA_ERROR_CODES = [
  /** No data at all (or only blank lines / a BOM). */
  'empty-file',
  /** A header row and nothing under it. */
  'header-only',
  /** A record with more or fewer fields than the header (or the first row). */
  'ragged-row',
  /** A quoted field whose closing quote never comes. */
  'unclosed-quote',
  /** More fields in a record than MAX_COLUMNS (csvScanner.ts). */
  'too-many-columns',
  /** A field longer than MAX_FIELD_CHARS characters. */
  'field-too-long',
  /** Something other than a delimiter or a line end right after a closing quote. */
  'unexpected-character',
  /** A NUL byte: not a text file. */
  'binary',
  /** Bytes that are not valid UTF-8. */
  'not-utf8',
  /** A value that is not a number in a column used as numeric. */
  'non-numeric',
  /** A classification target with a single class. */
  'one-class-target',
  /** A column name that the table (or the model) does not have. */
  'unknown-column',
  /** A role/encoding combination that cannot be built (no features, no target, several class targets…). */
  'bad-spec',
  /** Too few rows left (after dropping missing values) to train and validate. */
  'too-few-rows',
  /** The caller cancelled a streamed parse. */
  'cancelled',
  /** The parser was used wrongly (e.g. pushed after end). */
  'bad-input'
] as const

export type DataErrorCode = (typeof DATA_ERROR_CODES)[number]

export class DataError extends Error {
  readonly code: DataErrorCode
  /** 1-based line of the file, or null when the problem is not on one line. */
  readonly line: number | null
  /** 1-based column (field number), or null when the problem is not in one column. */
  readonly column: number | null
  /** The column's name when known. */
  readonly columnName: string | null
  /**
   * What the message is built from, for wording it in another language: the place (line, column,
   * columnName when known) plus the code's own values; `variant` picks one of a code's sentences.
   */
  readonly params: MessageParams

  constructor(
    code: DataErrorCode,
    message: string,
    where: { line?: number | null; column?: number | null; columnName?: string | null } = {},
    params: Record<string, MessageParamValue | undefined> = {}
  ) {
    super(message)
    this.name = 'DataError'
    this.code = code
    this.line = where.line ?? null
    this.column = where.column ?? null
    this.columnName = where.columnName ?? null
    this.params = paramsOf({
      line: this.line ?? undefined,
      column: this.column ?? undefined,
      columnName: this.columnName ?? undefined,
      ...params
    })
  }
}

export type DataWarningCode =
  /** A feature with the same value in every (training) row: it cannot help the network. */
  | 'zero-variance'
  /** Missing values were imputed or their rows dropped. */
  | 'missing-values'
  /** Validation rows with a category the training split never saw (encoded as all zeros). */
  | 'unseen-category'

export interface DataWarning {
  code: DataWarningCode
  message: string
  column: string | null
}

/** "line 12, column 3 ("age")" — the place part of every message. */
export function placeText(line: number | null, column: number | null, columnName?: string | null): string {
  const parts: string[] = []
  if (line !== null) parts.push(`line ${line}`)
  if (column !== null) parts.push(columnName ? `column ${column} ("${columnName}")` : `column ${column}`)
  else if (columnName) parts.push(`column "${columnName}"`)
  return parts.join(', ')
}

/** A value quoted for a message, shortened so a 10 kB cell cannot flood the UI. */
export function quoteValue(value: string, max = 40): string {
  const shown = value.length > max ? value.slice(0, max) + '…' : value
  return JSON.stringify(shown)
}
