/**
 * CSV out, RFC 4180: a field is quoted when it holds the delimiter, a quote, a line end or leading or
 * trailing spaces, and its quotes are doubled. Numbers print with full round-trip precision.
 */

/** One field, quoted only when it must be. */
export function formatCsvField(value: string | number, delimiter = ','): string {
  const s = typeof value === 'number' ? formatNumber(value) : value
  if (s === '') return s
  let needs = s.charCodeAt(0) === 32 || s.charCodeAt(s.length - 1) === 32
  for (let i = 0; i < s.length && !needs; i++) {
    const c = s[i]
    needs = c === delimiter || c === '"' || c === '\n' || c === '\r'
  }
  return needs ? `"${s.replace(/"/g, '""')}"` : s
}

/**
 * A text cell a spreadsheet would run as a formula, made inert: OWASP's CSV-injection guidance
 * (https://owasp.org/www-community/attacks/CSV_Injection) — a cell starting with = + - @, a tab or a
 * carriage return gets a leading single quote, which spreadsheets show as text. For text that came from
 * a file (class labels); numbers we print ourselves (−0.5) are not formulas and stay numbers.
 */
export function inertText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}

/** A number as CSV text: shortest round-trip form; NaN/±Infinity (no CSV meaning) as an empty cell. */
export function formatNumber(v: number): string {
  return Number.isFinite(v) ? String(v) : ''
}

/** One record (no line end). */
export function formatCsvRow(fields: readonly (string | number)[], delimiter = ','): string {
  return fields.map((f) => formatCsvField(f, delimiter)).join(delimiter)
}
