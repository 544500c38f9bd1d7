// The catalogues: the same keys in English and 简体中文, none empty, every message valid vue-i18n
// syntax; the locale remembered; numbers formatted for the locale; and no literal words in the new
// components' templates (everything visible goes through t()).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseSfc } from 'vue/compiler-sfc'
import {
  createAppI18n,
  formatNumber,
  initialLocale,
  LOCALE_STORAGE_KEY,
  LOCALES,
  messages,
  setLocale
} from '@renderer/i18n'

/** Every leaf of a catalogue as [dotted key, value]. */
function leaves(o: unknown, prefix = ''): [string, unknown][] {
  if (typeof o !== 'object' || o === null) return [[prefix, o]]
  return Object.entries(o).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

describe('the catalogues', () => {
  const en = new Map(leaves(messages.en))
  const zh = new Map(leaves(messages['zh-CN']))

  it('have the same keys', () => {
    expect(
      [...zh.keys()].filter((k) => !en.has(k)),
      'in zh-CN only'
    ).toEqual([])
    expect(
      [...en.keys()].filter((k) => !zh.has(k)),
      'missing in zh-CN'
    ).toEqual([])
  })

  it('have no empty or non-string message in either language', () => {
    for (const [locale, cat] of [
      ['en', en],
      ['zh-CN', zh]
    ] as const)
      for (const [k, v] of cat) {
        expect(typeof v, `${locale} ${k}`).toBe('string')
        expect((v as string).trim(), `${locale} ${k}`).not.toBe('')
      }
  })

  it('name the same parameters in both languages', () => {
    const params = (s: unknown): string[] => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const [k, v] of en) expect(params(zh.get(k)), k).toEqual(params(v))
  })

  it('use no character vue-i18n would read as syntax (| plural, @ link)', () => {
    for (const [k, v] of [...en, ...zh]) expect(String(v), k).not.toMatch(/[|@]/)
  })

  it('translate every key through vue-i18n in both languages, parameters filled in', () => {
    const i18n = createAppI18n('en')
    for (const locale of LOCALES) {
      i18n.global.locale.value = locale
      for (const [k] of en) {
        const out = i18n.global.t(k, { n: 1, total: 2, x3: 0.755, symbol: 'S', m: 3, seeds: '001' })
        expect(out, `${locale} ${k}`).not.toBe(k)
        expect(out.trim(), `${locale} ${k}`).not.toBe('')
      }
    }
    i18n.global.locale.value = 'zh-CN'
    expect(i18n.global.t('learn.stepOf', { n: 2, total: 9 })).toBe('第 2 步，共 9 步')
  })
})

describe('the locale', () => {
  const memory = (): Storage => {
    const m = new Map<string, string>()
    return {
      getItem: (k) => m.get(k) ?? null,
      setItem: (k, v) => void m.set(k, v),
      removeItem: (k) => void m.delete(k),
      clear: () => m.clear(),
      key: () => null,
      get length() {
        return m.size
      }
    }
  }

  it('is remembered across a restart', () => {
    const storage = memory()
    const i18n = createAppI18n(initialLocale(storage))
    expect(i18n.global.locale.value).toBe('en')
    setLocale(i18n.global, 'zh-CN', storage)
    expect(storage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-CN')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(initialLocale(storage)).toBe('zh-CN')
  })

  it('starts in Chinese for a Chinese browser, English otherwise, and ignores a bad saved value', () => {
    expect(initialLocale(undefined, ['zh-CN', 'en'])).toBe('zh-CN')
    expect(initialLocale(undefined, ['zh-Hans-CN'])).toBe('zh-CN')
    expect(initialLocale(undefined, ['de-DE', 'en'])).toBe('en')
    const storage = memory()
    storage.setItem(LOCALE_STORAGE_KEY, 'klingon')
    expect(initialLocale(storage, ['en'])).toBe('en')
  })

  it('formats numbers for the locale: 4 significant digits, scientific for the tiny ones', () => {
    expect(formatNumber(0.040681125, 'en')).toBe('0.04068')
    expect(formatNumber(0.040681125, 'zh-CN')).toBe('0.04068')
    expect(formatNumber(12345.678, 'en')).toBe('12,350')
    expect(formatNumber(5.4832e-6, 'en')).toBe('5.48E-6')
    expect(formatNumber(0, 'zh-CN')).toBe('0')
    expect(formatNumber(-0.5, 'de-DE')).toBe('-0,5')
  })
})

describe('no component shows a literal word', () => {
  const root = path.resolve(__dirname, '../../src/renderer/src')

  /** Every .vue file of the renderer, relative to src/renderer/src. */
  function vueFiles(dir = root): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name)
      if (e.isDirectory()) return vueFiles(full)
      return e.name.endsWith('.vue') ? [path.relative(root, full)] : []
    })
  }

  // Vue's template AST node types (@vue/compiler-core's NodeTypes).
  const ELEMENT = 1
  const TEXT = 2
  const INTERPOLATION = 5
  const ATTRIBUTE = 6
  const DIRECTIVE = 7
  interface TemplateNode {
    type: number
    content?: string | { content?: string }
    props?: {
      type: number
      name: string
      value?: { content: string }
      arg?: { content?: string }
      exp?: { content?: string }
    }[]
    children?: TemplateNode[]
  }

  const READ = ['aria-label', 'aria-description', 'aria-roledescription', 'title', 'placeholder', 'alt']
  const hasWord = (s: string): boolean => /\p{L}/u.test(s)
  /** Quoted strings with a letter in an expression, once t('key') / $t('key') calls are taken out. */
  const quotedWords = (exp: string): string[] =>
    [...exp.replace(/\$?t[cde]?\(\s*(['"`])[^'"`]*\1/g, '').matchAll(/(['"`])((?:(?!\1).)*)\1/g)]
      .map((m) => m[2])
      .filter(hasWord)

  /** What a person would read that does not come from the catalogue. */
  function literals(nodes: TemplateNode[], out: string[] = []): string[] {
    for (const n of nodes) {
      if (n.type === TEXT && typeof n.content === 'string' && hasWord(n.content)) out.push(n.content.trim())
      if (n.type === INTERPOLATION && typeof n.content === 'object')
        for (const w of quotedWords(n.content.content ?? '')) out.push(`{{ '${w}' }}`)
      if (n.type === ELEMENT) {
        for (const p of n.props ?? []) {
          if (p.type === ATTRIBUTE && READ.includes(p.name) && p.value && hasWord(p.value.content))
            out.push(`${p.name}="${p.value.content}"`)
          if (p.type === DIRECTIVE && p.name === 'bind' && READ.includes(p.arg?.content ?? ''))
            for (const w of quotedWords(p.exp?.content ?? '')) out.push(`:${p.arg!.content}="'${w}'"`)
        }
        literals(n.children ?? [], out)
      }
    }
    return out
  }

  const files = vueFiles()

  it('finds the components to check', () => {
    expect(files.length).toBeGreaterThan(40)
  })

  for (const file of files)
    it(file, () => {
      const { descriptor } = parseSfc(readFileSync(path.join(root, file), 'utf8'), { filename: file })
      if (!descriptor.template) return
      const ast = descriptor.template.ast as unknown as { children: TemplateNode[] }
      expect(literals(ast.children)).toEqual([])
    })
})
