/**
 * Bytes to text for the CSV parser: strict UTF-8 (a file in another encoding is refused, not garbled),
 * streamed so a multi-byte character may straddle two chunks, with the position of the first bad byte.
 */
import { DataError } from './errors'

export class Utf8Chunks {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true })
  /** Bytes decoded so far (for progress and error positions). */
  bytes = 0

  /**
   * Decodes one chunk. On invalid UTF-8 throws a DataError placed by `locate`, which maps the valid
   * text before the bad byte to a line and column.
   */
  decode(chunk: Uint8Array, locate: (validPrefix: string) => { line: number; column: number }): string {
    try {
      const text = this.decoder.decode(chunk, { stream: true })
      this.bytes += chunk.length
      return text
    } catch {
      throw this.notUtf8(chunk, locate)
    }
  }

  /** Flushes the decoder: a file that ends inside a multi-byte character is not UTF-8 either. */
  end(locate: (validPrefix: string) => { line: number; column: number }): string {
    try {
      return this.decoder.decode()
    } catch {
      const { line, column } = locate('')
      throw notUtf8Error(line, column, this.bytes, 'the file ends in the middle of a multi-byte character')
    }
  }

  private notUtf8(chunk: Uint8Array, locate: (p: string) => { line: number; column: number }): DataError {
    // −1: the chunk itself is valid, so the bad sequence began with bytes the decoder held back from the
    // previous chunk and ends at this chunk's start.
    const bad = Math.max(firstInvalidUtf8(chunk), 0)
    const prefix = new TextDecoder('utf-8').decode(chunk.subarray(0, bad))
    const { line, column } = locate(prefix)
    const hex = `0x${chunk[bad].toString(16).padStart(2, '0')}`
    return notUtf8Error(line, column, this.bytes + bad, `byte ${hex} is not valid UTF-8`)
  }
}

function notUtf8Error(line: number, column: number, byteOffset: number, what: string): DataError {
  return new DataError(
    'not-utf8',
    `line ${line}, character ${column} (byte ${byteOffset}): ${what} — expected a UTF-8 text file. ` +
      `Save the file as "CSV UTF-8" and load it again.`,
    { line },
    { character: column, byte: byteOffset }
  )
}

/**
 * Offset of the first byte that starts an invalid UTF-8 sequence, −1 if none (a sequence cut off by
 * the end of the chunk counts as valid: the next chunk completes it).
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0
  const n = b.length
  while (i < n) {
    const c = b[i]
    if (c < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1
      min = 0x80
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2
      min = 0x800
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3
      min = 0x10000
    } else return i
    let cp = c & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return -1
      const d = b[i + k]
      if ((d & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (d & 0x3f)
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid too.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i
    i += need + 1
  }
  return -1
}
