/** English: the live charts: loss, δ, histograms, boundary, confusion, predicted vs actual. */
const charts = {}

export default charts
