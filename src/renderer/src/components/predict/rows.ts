/** Pure helpers of the prediction panel. */

/** The cells of one preview row for the feature columns, by name ('' for a column the file lacks). */
export function rowFromPreview(
  columns: readonly string[],
  row: readonly string[] | undefined,
  featureColumns: readonly string[]
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of featureColumns) {
    const i = columns.indexOf(name)
    out[name] = i >= 0 && row ? (row[i] ?? '') : ''
  }
  return out
}

/** RMSE and R² = 1 − SS_res/SS_tot of predicted against actual (NaN for an empty set). */
export function regressionSummary(p: { actual: readonly number[]; predicted: readonly number[] }): {
  rmse: number
  r2: number
} {
  const n = p.actual.length
  if (n === 0) return { rmse: NaN, r2: NaN }
  let mean = 0
  for (const a of p.actual) mean += a / n
  let ssRes = 0
  let ssTot = 0
  for (let i = 0; i < n; i++) {
    ssRes += (p.actual[i] - p.predicted[i]) ** 2
    ssTot += (p.actual[i] - mean) ** 2
  }
  return { rmse: Math.sqrt(ssRes / n), r2: ssTot > 0 ? 1 - ssRes / ssTot : NaN }
}
