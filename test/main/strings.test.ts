import { describe, expect, it } from 'vitest'
import { channels, localeListener } from '../../src/main/ipc-channels'
import { createFileDialogs } from '../../src/main/dialogs'
import { buildMenuTemplate, type MenuItem } from '../../src/main/menu-template'
import { failureOf, fsError } from '../../src/main/desktop-errors'
import {
  defaultMainLocale,
  fill,
  mainCatalogues,
  mainText,
  reasonText,
  type MainLocale
} from '../../src/main/strings'
import { aboutBox, couldNotOpenBox, unsavedChangesPrompt } from '../../src/main/window-options'

/** Every leaf of a catalogue as `path → string`. */
function leaves(obj: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [k, v] of Object.entries(obj)) {
    if (v && typeof v === 'object') for (const [p, s] of leaves(v, `${prefix}${k}.`)) out.set(p, s)
    else out.set(prefix + k, v)
  }
  return out
}

const callbacks = { send: () => {}, showAbout: () => {}, openDocumentation: () => {}, openRecent: () => {} }
const recent = [{ id: 'a', name: 'iris.bps.json', dir: '~/data' }]

function menu(platform: string, locale: MainLocale, list = recent): MenuItem[] {
  return buildMenuTemplate(platform, callbacks, list, { developer: true, text: mainText(locale).menu })
}

/** The menu's shape without its labels: roles, separators, accelerators, enabled, nesting. */
function shape(items: MenuItem[]): unknown[] {
  return items.map(({ role, type, accelerator, enabled, submenu }) => ({
    role,
    type,
    accelerator,
    enabled,
    submenu: submenu && shape(submenu)
  }))
}

function labels(items: MenuItem[]): string[] {
  return items.flatMap((i) => [...(i.label ? [i.label] : []), ...labels(i.submenu ?? [])])
}

describe('main catalogue', () => {
  it('has the same keys in both languages, none empty', () => {
    const en = leaves(mainCatalogues.en)
    const zh = leaves(mainCatalogues['zh-CN'])
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort())
    for (const [key, value] of [...en, ...zh]) {
      expect(typeof value, key).toBe('string')
      expect((value as string).trim(), key).not.toBe('')
    }
  })

  it('keeps each placeholder of the English text in the Chinese one', () => {
    const zh = leaves(mainCatalogues['zh-CN'])
    for (const [key, value] of leaves(mainCatalogues.en)) {
      const names = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      expect(names(zh.get(key)), key).toEqual(names(value))
    }
  })

  it('starts in the OS language: zh* is 简体中文, anything else English', () => {
    expect(defaultMainLocale('zh-CN')).toBe('zh-CN')
    expect(defaultMainLocale('zh-TW')).toBe('zh-CN')
    expect(defaultMainLocale('zh')).toBe('zh-CN')
    expect(defaultMainLocale('en-US')).toBe('en')
    expect(defaultMainLocale('de')).toBe('en')
    expect(defaultMainLocale('')).toBe('en')
    expect(mainText('fr')).toBe(mainCatalogues.en)
  })

  it('fills placeholders and leaves an unknown one visible', () => {
    expect(fill('Could not open {name}: {reason}', { name: 'a.json', reason: 'gone' })).toBe(
      'Could not open a.json: gone'
    )
    expect(fill('{x} and {y}', { x: 1 })).toBe('1 and {y}')
  })
})

describe('the menu in 简体中文', () => {
  for (const platform of ['linux', 'darwin', 'win32'])
    it(`has every label from the zh catalogue and the English structure (${platform})`, () => {
      const zh = menu(platform, 'zh-CN')
      const en = menu(platform, 'en')
      expect(shape(zh)).toEqual(shape(en))
      const zhLabels = new Set(Object.values(mainText('zh-CN').menu))
      const enLabels = new Set(Object.values(mainText('en').menu))
      const recentLabel = 'iris.bps.json — ~/data'
      for (const label of labels(zh)) {
        if (label === recentLabel) continue
        // ONNX… is a name, the same in both.
        if (label !== 'ONNX…') expect(enLabels.has(label), label).toBe(false)
        expect(zhLabels.has(label), label).toBe(true)
      }
      expect(labels(zh)).toContain(recentLabel)
      // No Latin word is left except product and format names.
      for (const label of labels(zh).filter((l) => l !== recentLabel))
        expect(label.replace(/Backprop Studio|ONNX|PyTorch|CSV/g, ''), label).not.toMatch(/[A-Za-z]{2,}/)
    })

  it('words the empty Open Recent and the top menus', () => {
    const zh = menu('linux', 'zh-CN', [])
    expect(zh.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助'])
    const openRecent = zh[0].submenu!.find((i) => i.label === '打开最近的项目')!
    expect(openRecent.submenu).toEqual([{ label: '没有最近的项目', enabled: false }])
    expect(labels(zh[1].submenu!)).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选'])
  })
})

describe("main's dialogs in both languages", () => {
  it('asks about unsaved changes, the safe answer (stay) the default', () => {
    const en = unsavedChangesPrompt(mainText('en'))
    expect(en).toMatchObject({
      title: 'Unsaved changes',
      buttons: ['Close without saving', 'Keep editing'],
      defaultId: 1,
      cancelId: 1
    })
    const zh = unsavedChangesPrompt(mainText('zh-CN'))
    expect(zh).toMatchObject({
      title: '未保存的更改',
      buttons: ['关闭且不保存', '继续编辑'],
      defaultId: 1,
      cancelId: 1
    })
    expect(zh.message).toBe('项目有尚未保存的更改。')
    expect(unsavedChangesPrompt()).toEqual(en)
  })

  it('says which file could not be opened and why, the reason worded from its code (no English in 简体中文)', () => {
    const gone = failureOf(
      fsError('read-failed', 'iris.weights.json', Object.assign(new Error('ENOENT: …'), { code: 'ENOENT' }))
    )
    expect(couldNotOpenBox('iris.weights.json', gone, mainText('en'))).toEqual({
      type: 'error',
      message: 'Could not open the file',
      detail: 'Could not open iris.weights.json: the file is not there (moved, renamed or deleted)'
    })
    expect(couldNotOpenBox('iris.weights.json', gone, mainText('zh-CN'))).toEqual({
      type: 'error',
      message: '无法打开文件',
      detail: '无法打开 iris.weights.json：找不到该文件（已被移动、重命名或删除）'
    })
    const fs = (errno: string) =>
      failureOf(fsError('read-failed', 'a.json', Object.assign(new Error(errno), { code: errno })))
    expect(reasonText(fs('EACCES'), mainText('zh-CN'))).toBe('没有访问权限')
    expect(reasonText(fs('EISDIR'), mainText('zh-CN'))).toBe('这是一个文件夹，不是文件')
    // A code without a sentence of its own: the OS's code itself.
    expect(reasonText(fs('EMFILE'), mainText('zh-CN'))).toBe('无法读取该文件（系统错误 EMFILE）')
    expect(reasonText(fs('EMFILE'), mainText('en'))).toBe(
      'the file could not be read (the system said EMFILE)'
    )
    const tooLarge = { code: 'file-too-large' as const, params: { name: 'a.json', sizeMb: 300, maxMb: 200 } }
    expect(reasonText(tooLarge, mainText('zh-CN'))).toBe('文件大小为 300 MB；只能打开不超过 200 MB 的文件')
    expect(reasonText({ code: 'recent-unavailable', params: {} }, mainText('zh-CN'))).toBe(
      '最近的项目列表不可用'
    )
  })

  it('the About box carries the version in both', () => {
    expect(aboutBox('1.2.3', mainText('zh-CN'))).toMatchObject({
      title: '关于 Backprop Studio',
      message: 'Backprop Studio 1.2.3'
    })
    expect(aboutBox('1.2.3').title).toBe('About Backprop Studio')
  })

  it('file dialogs take their titles and filter names from the locale at the time they open', async () => {
    let locale: MainLocale = 'en'
    const asked: { title: string; filters: string[] }[] = []
    const dialogs = createFileDialogs({
      showOpenDialog: async (o) => {
        asked.push({ title: o.title, filters: o.filters.map((f) => f.name) })
        return { canceled: true, filePaths: [] }
      },
      showSaveDialog: async (o) => {
        asked.push({ title: o.title, filters: o.filters.map((f) => f.name) })
        return { canceled: true }
      },
      fileSize: async () => 0,
      readText: async () => '',
      writeText: async () => {},
      text: () => mainText(locale).dialogs
    })
    await dialogs.openCsv()
    locale = 'zh-CN'
    await dialogs.openCsv()
    await dialogs.openProject()
    await dialogs.importWeights()
    await dialogs.saveProject('xor', '{}')
    await dialogs.saveWeights('xor', '{}')
    expect(asked).toEqual([
      { title: 'Open CSV data', filters: ['CSV data', 'All files'] },
      { title: '打开 CSV 数据', filters: ['CSV 数据', '所有文件'] },
      { title: '打开项目', filters: ['Backprop Studio 项目'] },
      { title: '导入权重', filters: ['Backprop Studio 权重'] },
      { title: '保存项目', filters: ['Backprop Studio 项目'] },
      { title: '导出权重', filters: ['Backprop Studio 权重'] }
    ])
  })
})

describe('locale:set', () => {
  it('accepts only "en" and "zh-CN"; anything else is ignored with a log', () => {
    const applied: string[] = []
    const logged: string[] = []
    const listener = localeListener<object>(
      (l) => void applied.push(l),
      (m) => void logged.push(m)
    )
    for (const value of ['zh-CN', 'en', 'fr', 'zh', '', 42, null, undefined, { locale: 'en' }, ['en']])
      listener({}, value)
    expect(applied).toEqual(['zh-CN', 'en'])
    expect(logged).toHaveLength(8)
    expect(logged[0]).toBe(`${channels.setLocale}: ignored "fr"; expected "en" or "zh-CN"`)
    expect(logged.some((m) => m.includes('undefined'))).toBe(true)
  })
})
