/**
 * Main's refusals reach the user in their language (issue 13). Main's real dialogs (src/main/dialogs.ts,
 * with a fake file system and dialog: the true boundary) answer through `reply` as they do over IPC;
 * the desktop platform adapter turns each refusal into an error the stores word with the catalogue's
 * `engine.desktop.<code>`, in 简体中文 and English.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createAppI18n, type Locale } from '@renderer/i18n'
import { engineMessageOf, engineText, noticeText, translator } from '@renderer/i18n/engineMessages'
import { setPlatform, type Platform } from '@renderer/platform'
import { createDesktopPlatform, DesktopRefusal } from '@renderer/platform/desktop'
import { useDataStore } from '@renderer/stores/data'
import { useProjectStore } from '@renderer/stores/project'
import { useUiStore } from '@renderer/stores/ui'
import { reply } from '../../src/main/desktop-errors'
import { createFileDialogs, MAX_OPEN_BYTES, type DialogDeps } from '../../src/main/dialogs'
import { openRecentProject, type RecentProjects } from '../../src/main/recent-projects'
import type { DesktopApi } from '../../src/preload/desktop-api'

const os = (code: string) => Object.assign(new Error(`${code}: something, open '/home/ann/x'`), { code })

/** Main's dialogs on a fake disk; `fail` makes a path's read or write fail with an OS code. */
function mainSide() {
  const disk = new Map<string, string>()
  const sizes = new Map<string, number>()
  const readErrors = new Map<string, string>()
  let writeError: string | undefined
  const openAnswers: string[] = []
  const saveAnswers: string[] = []
  const deps: DialogDeps = {
    showOpenDialog: async () => {
      const p = openAnswers.shift()
      return p ? { canceled: false, filePaths: [p] } : { canceled: true, filePaths: [] }
    },
    showSaveDialog: async () => {
      const p = saveAnswers.shift()
      return p ? { canceled: false, filePath: p } : { canceled: true }
    },
    fileSize: async (p) => sizes.get(p) ?? (disk.get(p) ?? '').length,
    readText: async (p) => {
      const code = readErrors.get(p)
      if (code) throw os(code)
      const text = disk.get(p)
      if (text === undefined) throw os('ENOENT')
      return text
    },
    writeText: async (p, t) => {
      if (writeError) throw os(writeError)
      disk.set(p, t)
    }
  }
  const dialogs = createFileDialogs(deps)
  // The bridge as the preload exposes it: each invoke answered by main's handler.
  const bridge = {
    platform: 'linux',
    openCsv: () => reply(() => dialogs.openCsv()),
    openProject: () => reply(() => dialogs.openProject()),
    importWeights: () => reply(() => dialogs.importWeights()),
    saveProject: (name: string, text: string, saveAs?: boolean) =>
      reply(() => dialogs.saveProject(name, text, saveAs)),
    saveWeights: (name: string, text: string) => reply(() => dialogs.saveWeights(name, text)),
    newProject: () => dialogs.newProject(),
    recentProjects: async () => [{ id: 'r1', name: 'locked.bps.json', dir: '~/nets', at: 1 }],
    openRecent: (id: string) =>
      openRecentProject(
        {
          pathOf: (i: unknown) => (i === 'r1' ? '/home/ann/nets/locked.bps.json' : undefined)
        } as RecentProjects,
        id,
        dialogs.openProjectFile
      ),
    onOpenRecent: () => () => {},
    onMenu: () => () => {},
    onOpenWeights: () => () => {},
    setLocale: () => {}
  } as unknown as DesktopApi
  return {
    platform: createDesktopPlatform(bridge, window.localStorage),
    disk,
    sizes,
    readErrors,
    failWrites: (code: string) => (writeError = code),
    openAnswers,
    saveAnswers
  }
}

const tr = (locale: Locale) => translator(createAppI18n(locale).global)

/** What a platform call's refusal says in each language. */
async function refusal(call: () => Promise<unknown>): Promise<{ en: string; zh: string; err: unknown }> {
  const err = await call().then(
    () => {
      throw new Error('expected a refusal')
    },
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(DesktopRefusal)
  const msg = engineMessageOf(err)
  expect(msg.family).toBe('desktop')
  return { en: engineText(tr('en'), msg), zh: engineText(tr('zh-CN'), msg), err }
}

describe('the desktop adapter words each of main’s refusals', () => {
  let m: ReturnType<typeof mainSide>
  let platform: Platform
  beforeEach(() => {
    m = mainSide()
    platform = m.platform
  })

  it('a file over 200 MB', async () => {
    m.sizes.set('/d/huge.csv', MAX_OPEN_BYTES + 100 * 1024 * 1024)
    m.openAnswers.push('/d/huge.csv')
    expect(await refusal(() => platform.openCsv())).toMatchObject({
      en: 'huge.csv is 300 MB; files up to 200 MB can be opened.',
      zh: 'huge.csv 的大小为 300 MB；只能打开不超过 200 MB 的文件。'
    })
  })

  it('the file system’s reason: not found, permission denied, a folder, and any other code as itself', async () => {
    const cases: [string, string, string][] = [
      [
        'ENOENT',
        'a.bps.json is not there any more (moved, renamed or deleted).',
        'a.bps.json 已不在原处（已被移动、重命名或删除）。'
      ],
      ['EACCES', 'You do not have permission to read a.bps.json.', '你没有读取 a.bps.json 的权限。'],
      ['EISDIR', 'a.bps.json is a folder, not a file.', 'a.bps.json 是一个文件夹，不是文件。'],
      [
        'EMFILE',
        'a.bps.json could not be read (the system said EMFILE).',
        '无法读取 a.bps.json（系统错误 EMFILE）。'
      ]
    ]
    for (const [code, en, zh] of cases) {
      m.disk.set('/p/a.bps.json', '{}')
      m.readErrors.set('/p/a.bps.json', code)
      m.openAnswers.push('/p/a.bps.json')
      const said = await refusal(() => platform.openProject())
      expect(said, code).toMatchObject({ en, zh })
      // No path left main, and no English reason rides inside the Chinese sentence.
      expect(said.zh).not.toMatch(/home|such|permission|something/)
    }
  })

  it('a save’s name and text, checked by main', async () => {
    expect(await refusal(() => platform.saveProject('{}', '  ', { saveAs: true }))).toMatchObject({
      en: 'The file name is empty.',
      zh: '文件名为空。'
    })
    expect(await refusal(() => platform.saveProject('{}', 'x'.repeat(201), { saveAs: true }))).toMatchObject({
      en: 'The file name is longer than 200 characters.',
      zh: '文件名超过 200 个字符。'
    })
    expect(await refusal(() => platform.saveWeights('{}', 'nets/iris'))).toMatchObject({
      en: 'The file name "nets/iris" contains folders; choose the folder in the dialog.',
      zh: '文件名“nets/iris”中包含文件夹；请在对话框中选择文件夹。'
    })
    expect(
      await refusal(() => platform.saveProject(7 as unknown as string, 'iris', { saveAs: true }))
    ).toMatchObject({ en: 'There is no text to save.', zh: '没有可保存的文本。' })
  })

  it('a write the disk refuses', async () => {
    m.failWrites('ENOSPC')
    m.saveAnswers.push('/w/iris.weights.json')
    expect(await refusal(() => platform.saveWeights('{}', 'iris'))).toMatchObject({
      en: 'The disk is full: iris.weights.json could not be written.',
      zh: '磁盘已满：无法写入 iris.weights.json。'
    })
  })
})

describe('the stores show main’s refusals in the user’s language', () => {
  let m: ReturnType<typeof mainSide>
  beforeEach(() => {
    m = mainSide()
    setPlatform(m.platform)
    setActivePinia(createPinia())
  })
  afterEach(() => setPlatform(undefined))

  const lastToast = (locale: Locale) => {
    const toast = useUiStore().toasts.at(-1)!
    return noticeText(tr(locale), toast.notice)
  }

  it('Open Project: permission denied', async () => {
    m.disk.set('/p/secret.bps.json', '{}')
    m.readErrors.set('/p/secret.bps.json', 'EACCES')
    m.openAnswers.push('/p/secret.bps.json')
    expect(await useProjectStore().open()).toBe(false)
    expect(lastToast('zh-CN')).toBe('无法打开项目：你没有读取 secret.bps.json 的权限。')
    expect(lastToast('en')).toBe(
      'Could not open the project: You do not have permission to read secret.bps.json.'
    )
  })

  it('Open Recent: a file it may not read keeps its entry and says why', async () => {
    m.disk.set('/home/ann/nets/locked.bps.json', '{}')
    m.readErrors.set('/home/ann/nets/locked.bps.json', 'EACCES')
    const project = useProjectStore()
    const entry = { id: 'r1', name: 'locked.bps.json', dir: '~/nets', at: 1 }
    expect(await project.openRecent(entry)).toBe(false)
    expect(lastToast('zh-CN')).toBe('无法打开 locked.bps.json：你没有读取 locked.bps.json 的权限。')
  })

  it('Open CSV: a file over the limit, where load errors show', async () => {
    m.sizes.set('/d/huge.csv', MAX_OPEN_BYTES + 1)
    m.openAnswers.push('/d/huge.csv')
    const data = useDataStore()
    expect(await data.openFromDialog()).toBe(false)
    expect(noticeText(tr('zh-CN'), data.loadNotice!)).toBe(
      '无法打开数据文件：huge.csv 的大小为 200 MB；只能打开不超过 200 MB 的文件。'
    )
  })

  it('Save: a read-only disk', async () => {
    m.failWrites('EROFS')
    m.saveAnswers.push('/ro/untitled.bps.json')
    const project = useProjectStore()
    expect(await project.saveAs()).toBe(false)
    expect(lastToast('zh-CN')).toMatch(/^无法保存 .*：磁盘是只读的：无法写入 untitled\.bps\.json。$/)
    expect(lastToast('en')).toMatch(
      /^Could not save .*: The disk is read-only: untitled\.bps\.json could not be written\.$/
    )
  })
})
