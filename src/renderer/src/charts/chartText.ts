/**
 * What the chart option builders need to put words and numbers on a chart in the user's language:
 * vue-i18n's `t` and the locale (for formatNumber). The builders stay pure functions; without a
 * ChartText they speak English (tests, CSV-free callers).
 */
import { createAppI18n, formatNumber } from '@renderer/i18n'

export type Translate = (key: string, named?: Record<string, unknown>) => string

export interface ChartText {
  t: Translate
  locale: string
}

let english: ChartText | undefined

export function englishText(): ChartText {
  if (!english) {
    const { t } = createAppI18n('en').global
    english = { t: (key, named) => (named ? t(key, named) : t(key)), locale: 'en' }
  }
  return english
}

/** A number in the text's locale (summaries, tooltips). */
export const numberIn = (text: ChartText, v: number): string => formatNumber(v, text.locale)

/** A count or step in the text's locale, every digit kept (1,164,644, not 1.165E6). */
export const integerIn = (text: ChartText, v: number): string =>
  new Intl.NumberFormat(text.locale, { maximumFractionDigits: 0 }).format(v)

/** The formula parameter {d} of the catalogue's "mean {d}" messages. */
export const ABS_DELTA = '|δ|'

/** ‖∂C/∂W‖, a formula: the same in every language. */
export const GRAD_NORM = '‖∂C/∂W‖'
