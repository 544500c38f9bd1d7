/**
 * The app's languages: English and 简体中文 (vue-i18n, Composition API mode). The choice is kept in
 * localStorage; numbers are formatted for the locale. Everything visible goes through `t()`;
 * the catalogues have one file per area of the app (en/, zh-CN/).
 */
import { createI18n } from 'vue-i18n'
import en from './en/index'
import zhCN from './zh-CN/index'

export const LOCALES = ['en', 'zh-CN'] as const
export type Locale = (typeof LOCALES)[number]

export const LOCALE_STORAGE_KEY = 'backprop-studio.locale'

export const messages = { en, 'zh-CN': zhCN }

const isLocale = (v: unknown): v is Locale => LOCALES.includes(v as Locale)

/** The remembered locale, else the browser's language when it is Chinese, else English. */
export function initialLocale(
  storage: Pick<Storage, 'getItem'> | undefined,
  languages: readonly string[] = []
): Locale {
  try {
    const saved = storage?.getItem(LOCALE_STORAGE_KEY)
    if (isLocale(saved)) return saved
  } catch {
    // Storage can be unavailable (privacy mode); the default does.
  }
  return languages.some((l) => /^zh(-(cn|hans|sg))?$/i.test(l) || /^zh-hans/i.test(l)) ? 'zh-CN' : 'en'
}

export function createAppI18n(locale: Locale = 'en') {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages,
    // Missing keys are a test failure (test/renderer/i18n.test.ts), never a runtime warning flood.
    missingWarn: false,
    fallbackWarn: false
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>

/**
 * Switches the language, remembers it and tells the page (for screen readers and fonts).
 * `composer` is the global composer: `i18n.global`, or `useI18n({ useScope: 'global' })` in a component.
 */
export function setLocale(
  composer: { locale: { value: string } },
  locale: Locale,
  storage?: Pick<Storage, 'setItem'>
): void {
  composer.locale.value = locale
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // Not remembered, still switched.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}

/**
 * A number for reading, in the locale's digits and separators: 4 significant digits, scientific
 * notation below 10⁻⁴ (the tutorials' small gradients) and from 10⁶.
 */
export function formatNumber(v: number, locale: string): string {
  if (!Number.isFinite(v)) return String(v)
  if (v === 0) return '0'
  const a = Math.abs(v)
  const scientific = a < 1e-4 || a >= 1e6
  return new Intl.NumberFormat(locale, {
    maximumSignificantDigits: scientific ? 3 : 4,
    ...(scientific ? { notation: 'scientific' as const } : {})
  }).format(v)
}
