import { describe, expect, it } from 'vitest'
import { createFileDialogs } from '../../src/main/dialogs'
import { expectedRenderer, guarded, UntrustedSenderError } from '../../src/main/ipc-guard'
import { buildMenuTemplate, type MenuItem } from '../../src/main/menu-template'
import {
  createRecentProjects,
  folderLabel,
  openRecentProject,
  RECENT_PROJECTS_LIMIT,
  type RecentProjectsDeps
} from '../../src/main/recent-projects'

const STORE = '/cfg/recent-projects.json'

/** An in-memory file system with Node-style ENOENT errors. */
function fakeFs(initial: Record<string, string> = {}) {
  const files = new Map(Object.entries(initial))
  const missing = (path: string) =>
    Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' })
  return {
    files,
    readText: async (path: string) => {
      const text = files.get(path)
      if (text === undefined) throw missing(path)
      return text
    },
    writeText: async (path: string, text: string) => void files.set(path, text),
    fileSize: async (path: string) => {
      const text = files.get(path)
      if (text === undefined) throw missing(path)
      return text.length
    }
  }
}

function setup(initial: Record<string, string> = {}, extra: Partial<RecentProjectsDeps> = {}) {
  const fs = fakeFs(initial)
  let n = 0
  let clock = 1000
  const documents: string[] = []
  let changes = 0
  const recent = createRecentProjects({
    file: STORE,
    readText: fs.readText,
    writeText: fs.writeText,
    homeDir: '/home/ann',
    addRecentDocument: (p) => documents.push(p),
    onChange: () => changes++,
    newId: () => `id-${++n}`,
    now: () => ++clock,
    ...extra
  })
  const stored = () => JSON.parse(fs.files.get(STORE)!) as { entries: { path: string; at: number }[] }
  return { fs, recent, documents, stored, changes: () => changes }
}

describe('recent projects (main)', () => {
  it('starts empty without a file, and with a damaged file', async () => {
    const a = setup()
    await a.recent.load()
    expect(a.recent.list()).toEqual([])
    const b = setup({ [STORE]: '{ not json' })
    await b.recent.load()
    expect(b.recent.list()).toEqual([])
  })

  it('lists newest first with names and folders, never paths', async () => {
    const { recent } = setup()
    await recent.add('/home/ann/nets/iris.bps.json')
    await recent.add('/srv/shared/xor.bps.json')
    expect(recent.list()).toEqual([
      { id: 'id-2', name: 'xor.bps.json', dir: '/srv/shared', at: 1002 },
      { id: 'id-1', name: 'iris.bps.json', dir: '~/nets', at: 1001 }
    ])
    expect(JSON.stringify(recent.list())).not.toContain('/home/ann')
    expect(recent.pathOf('id-1')).toBe('/home/ann/nets/iris.bps.json')
  })

  it('moves a path added again to the top, keeping its id, without a duplicate', async () => {
    const { recent } = setup()
    await recent.add('/p/a.bps.json')
    await recent.add('/p/b.bps.json')
    await recent.add('/p/a.bps.json')
    expect(recent.list().map((e) => [e.id, e.name])).toEqual([
      ['id-1', 'a.bps.json'],
      ['id-2', 'b.bps.json']
    ])
  })

  it(`keeps at most ${RECENT_PROJECTS_LIMIT}, dropping the oldest`, async () => {
    const { recent, stored } = setup()
    for (let i = 0; i < RECENT_PROJECTS_LIMIT + 3; i++) await recent.add(`/p/n${i}.bps.json`)
    const names = recent.list().map((e) => e.name)
    expect(names).toHaveLength(RECENT_PROJECTS_LIMIT)
    expect(names[0]).toBe(`n${RECENT_PROJECTS_LIMIT + 2}.bps.json`)
    expect(names).not.toContain('n0.bps.json')
    expect(stored().entries).toHaveLength(RECENT_PROJECTS_LIMIT)
  })

  it('persists paths (not ids) as JSON and reads them back in a new session with fresh ids', async () => {
    const first = setup()
    await first.recent.add('/p/a.bps.json')
    await first.recent.add('/p/b.bps.json')
    expect(first.stored()).toEqual({
      version: 1,
      entries: [
        { path: '/p/b.bps.json', at: 1002 },
        { path: '/p/a.bps.json', at: 1001 }
      ]
    })
    const text = first.fs.files.get(STORE)!
    const second = setup({ [STORE]: text })
    await second.recent.load()
    expect(second.recent.list().map((e) => e.name)).toEqual(['b.bps.json', 'a.bps.json'])
    expect(second.recent.pathOf(second.recent.list()[0].id)).toBe('/p/b.bps.json')
  })

  it('ignores entries in the file that are not absolute paths, duplicated or malformed', async () => {
    const text = JSON.stringify({
      version: 1,
      entries: [
        { path: '/p/a.bps.json', at: 1 },
        { path: 'relative/b.bps.json', at: 2 },
        { path: '/p/a.bps.json', at: 3 },
        { path: 42, at: 4 },
        { path: '/p/c.bps.json' },
        null
      ]
    })
    const { recent } = setup({ [STORE]: text })
    await recent.load()
    expect(recent.list().map((e) => e.name)).toEqual(['a.bps.json'])
  })

  it('refuses relative paths and tells the OS and the menu about additions', async () => {
    const { recent, documents, changes } = setup()
    await expect(recent.add('a.bps.json')).rejects.toThrow(/absolute path/)
    await recent.add('/p/a.bps.json')
    expect(documents).toEqual(['/p/a.bps.json'])
    expect(changes()).toBe(1)
  })

  it('looks up only its own ids', async () => {
    const { recent } = setup()
    await recent.add('/p/a.bps.json')
    expect(recent.pathOf('/p/a.bps.json')).toBeUndefined()
    expect(recent.pathOf(0)).toBeUndefined()
    expect(recent.pathOf({ id: 'id-1' })).toBeUndefined()
    expect(recent.pathOf('x'.repeat(500))).toBeUndefined()
  })

  it('removes an entry and persists the removal', async () => {
    const { recent, stored } = setup()
    await recent.add('/p/a.bps.json')
    await recent.add('/p/b.bps.json')
    await recent.remove('id-1')
    expect(recent.list().map((e) => e.name)).toEqual(['b.bps.json'])
    expect(stored().entries.map((e) => e.path)).toEqual(['/p/b.bps.json'])
  })

  it('keeps working when the list cannot be written', async () => {
    const { recent } = setup(
      {},
      {
        writeText: async () => {
          throw new Error('EACCES')
        }
      }
    )
    await recent.add('/p/a.bps.json')
    expect(recent.list().map((e) => e.name)).toEqual(['a.bps.json'])
  })

  it('shows home as ~ only for folders inside it', () => {
    expect(folderLabel('/home/ann/x.bps.json', '/home/ann')).toBe('~')
    expect(folderLabel('/home/ann/a/b/x.bps.json', '/home/ann')).toBe('~/a/b')
    expect(folderLabel('/home/anna/x.bps.json', '/home/ann')).toBe('/home/anna')
  })
})

describe('project:open-recent (handler logic without Electron)', () => {
  const project = '{"format":"backprop-studio"}'

  const dialogDeps = (fs: ReturnType<typeof fakeFs>) => ({
    showOpenDialog: async () => ({ canceled: false, filePaths: ['/home/ann/nets/iris.bps.json'] }),
    showSaveDialog: async () => ({ canceled: true }),
    fileSize: fs.fileSize,
    readText: (p: string) => fs.readText(p),
    writeText: fs.writeText
  })

  function withDialogs(files: Record<string, string>) {
    const s = setup(files)
    const dialogs = createFileDialogs({
      ...dialogDeps(s.fs),
      onProjectFile: (path) => void s.recent.add(path)
    })
    return { ...s, dialogs }
  }

  it('records only files picked in the dialogs, then reopens one by id and saves back in place', async () => {
    const { recent, dialogs, fs } = withDialogs({ '/home/ann/nets/iris.bps.json': project })
    await recent.load()
    expect(await dialogs.openProject()).toEqual({ name: 'iris.bps.json', text: project })
    await recent.flush()
    const [entry] = recent.list()
    expect(entry).toMatchObject({ name: 'iris.bps.json', dir: '~/nets' })

    dialogs.newProject()
    const result = await openRecentProject(recent, entry.id, dialogs.openProjectFile)
    expect(result).toEqual({ ok: true, file: { name: 'iris.bps.json', text: project } })
    // The reopened file is this window's project again: a plain Save writes there without a dialog.
    expect(await dialogs.saveProject('iris', '{"v":2}')).toEqual({ name: 'iris.bps.json' })
    expect(fs.files.get('/home/ann/nets/iris.bps.json')).toBe('{"v":2}')
  })

  it('a moved or deleted file gives a clear message and drops the entry', async () => {
    const { recent, dialogs, fs } = withDialogs({ '/home/ann/nets/iris.bps.json': project })
    await dialogs.openProject()
    await recent.flush()
    fs.files.delete('/home/ann/nets/iris.bps.json')
    const result = await openRecentProject(recent, recent.list()[0].id, dialogs.openProjectFile)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toMatch(
      /iris\.bps\.json is no longer in ~\/nets \(moved, renamed or deleted\).*removed from the recent projects/
    )
    // The renderer words it from the code and params (main's sentence is for its log); no path leaves main.
    expect(result).toMatchObject({ code: 'moved', params: { name: 'iris.bps.json', dir: '~/nets' } })
    expect(recent.list()).toEqual([])
  })

  it('an id it does not know, or a path in place of an id, opens nothing', async () => {
    const { recent, dialogs } = withDialogs({ '/home/ann/nets/iris.bps.json': project })
    await dialogs.openProject()
    const read: string[] = []
    const open = async (path: string) => {
      read.push(path)
      return dialogs.openProjectFile(path)
    }
    for (const id of ['nope', '/home/ann/nets/iris.bps.json', 7, null])
      expect(await openRecentProject(recent, id, open)).toEqual({
        ok: false,
        code: 'not-recent',
        message: 'That project is no longer in the recent list.'
      })
    expect(read).toEqual([])
  })

  it('other read failures answer with the OS code as a param and keep the entry', async () => {
    const { recent, dialogs, fs } = withDialogs({ '/home/ann/nets/iris.bps.json': project })
    await dialogs.openProject()
    await recent.flush()
    const denied = Object.assign(new Error('EACCES: permission denied, open …'), { code: 'EACCES' })
    fs.readText = async () => {
      throw denied
    }
    const result = await openRecentProject(recent, recent.list()[0].id, dialogs.openProjectFile)
    // Not a rejection (Electron would keep only the English message): a code the renderer words.
    expect(result).toMatchObject({
      ok: false,
      code: 'read-failed',
      params: { name: 'iris.bps.json', errno: 'EACCES', variant: 'permission-denied' }
    })
    expect(recent.list()).toHaveLength(1)
  })

  it('is refused for a sender other than the app page, like every handler', async () => {
    const { recent } = setup()
    await recent.add('/p/a.bps.json')
    const expected = expectedRenderer(undefined)
    let opened = 0
    const handler = guarded(
      'project:open-recent',
      expected,
      (_e: { senderFrame: { url: string; parent: unknown } | null }, id: unknown) =>
        openRecentProject(recent, id, async () => {
          opened++
          return { name: 'a.bps.json', text: '{}' }
        })
    )
    const event = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } })
    expect(() => handler(event('https://evil.example/'), 'id-1')).toThrow(UntrustedSenderError)
    expect(() => handler(event('app://bundle/index.html', {}), 'id-1')).toThrow(UntrustedSenderError)
    expect(opened).toBe(0)
    expect(() => handler(event('file:///app/out/renderer/index.html'), 'id-1')).toThrow(UntrustedSenderError)
    expect(await handler(event('app://bundle/index.html'), 'id-1')).toMatchObject({ ok: true })
    expect(opened).toBe(1)
  })
})

describe('File → Open Recent', () => {
  const callbacks = (opened: string[]) => ({
    send: () => {},
    showAbout: () => {},
    openDocumentation: () => {},
    openRecent: (id: string) => opened.push(id)
  })
  const openRecentMenu = (template: MenuItem[]) =>
    template.find((m) => m.label === 'File')!.submenu!.find((i) => i.label === 'Open Recent')

  it('lists the entries by name and folder and sends the picked id', () => {
    const opened: string[] = []
    const template = buildMenuTemplate('linux', callbacks(opened), [
      { id: 'a', name: 'R&D.bps.json', dir: '~/nets' },
      { id: 'b', name: 'xor.bps.json', dir: '/srv' }
    ])
    const items = openRecentMenu(template)!.submenu!
    expect(items.map((i) => i.label)).toEqual(['R&&D.bps.json — ~/nets', 'xor.bps.json — /srv'])
    items[1].click!()
    expect(opened).toEqual(['b'])
    // Right after Open Project….
    const file = template.find((m) => m.label === 'File')!.submenu!
    expect(file.map((i) => i.label).slice(0, 3)).toEqual(['New', 'Open Project…', 'Open Recent'])
  })

  it('says when there is nothing recent, and is absent without an openRecent callback', () => {
    const empty = openRecentMenu(buildMenuTemplate('darwin', callbacks([]), []))!
    expect(empty.submenu).toEqual([{ label: 'No Recent Projects', enabled: false }])
    const { openRecent: _unused, ...rest } = callbacks([])
    expect(openRecentMenu(buildMenuTemplate('linux', rest))).toBeUndefined()
  })
})
