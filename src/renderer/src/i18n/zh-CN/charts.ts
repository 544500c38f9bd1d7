/** 简体中文: the live charts: loss, δ, histograms, boundary, confusion, predicted vs actual. Same keys as en/charts.ts. */
import type en from '../en/charts'

const charts: typeof en = {}

export default charts
