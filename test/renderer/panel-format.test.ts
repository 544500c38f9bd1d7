// The panels' numbers: the same digits in English as before the catalogues (the tests and the e2e pin
// them), and the locale's separators elsewhere.
import { describe, expect, it } from 'vitest'
import { formatCount, formatExponent, formatStat } from '@renderer/components/data/format'
import { formatValue } from '@renderer/charts/format'

describe('formatStat', () => {
  it('prints in English what the charts print: 4 significant digits, 3.00e-9 for the tiny', () => {
    for (const v of [
      0, 1, -1, 0.040681125, 1234.5, 99999, 99999.9, 0.001, 0.00123456, 12.3456, 5.5, 3e-9, 2.5e7, -0.148
    ])
      expect(formatStat(v, 'en'), String(v)).toBe(formatValue(v))
    expect(formatStat(undefined)).toBe('–')
    expect(formatStat(NaN)).toBe('–')
  })

  it('uses the locale’s decimal separator and never groups digits in a cell', () => {
    expect(formatStat(1234.5, 'de-DE')).toBe('1235')
    expect(formatStat(5.843, 'de-DE')).toBe('5,843')
    expect(formatStat(0.0004, 'de-DE')).toBe('4,00e-4')
    expect(formatStat(5.843, 'zh-CN')).toBe('5.843')
    expect(formatExponent(3e-9, 'zh-CN')).toBe('3.00e-9')
  })

  it('groups counts in the locale’s way', () => {
    expect(formatCount(1797, 'en')).toBe('1,797')
    expect(formatCount(1797, 'zh-CN')).toBe('1,797')
    expect(formatCount(1797, 'de-DE')).toBe('1.797')
  })
})
