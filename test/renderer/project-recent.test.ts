import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { setPlatform, type Platform } from '@renderer/platform'
import { createBrowserPlatform } from '@renderer/platform/browser'
import { createDesktopPlatform } from '@renderer/platform/desktop'
import {
  listRecent,
  readRecentText,
  RECENT_LIMIT,
  RECENT_TEXT_BUDGET,
  rememberRecent
} from '@renderer/platform/storage'
import { useGraphStore } from '@renderer/stores/graph'
import { useProjectStore } from '@renderer/stores/project'
import { useUiStore } from '@renderer/stores/ui'
import type { DesktopApi, OpenRecentResult, RecentProjectEntry } from '../../src/preload/desktop-api'

/** Web Storage in memory; `quota` (characters of keys + values) makes setItem throw as a full browser does. */
function memoryStorage(quota = Infinity): Storage & { memory: Map<string, string> } {
  const memory = new Map<string, string>()
  const used = () => [...memory].reduce((n, [k, v]) => n + k.length + v.length, 0)
  return {
    memory,
    getItem: (k: string) => memory.get(k) ?? null,
    setItem(k: string, v: string) {
      const without = used() - (memory.has(k) ? k.length + memory.get(k)!.length : 0)
      if (without + k.length + v.length > quota)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      memory.set(k, v)
    },
    removeItem: (k: string) => void memory.delete(k),
    clear: () => memory.clear(),
    key: () => null,
    get length() {
      return memory.size
    }
  }
}

let ids = 0
const nextId = () => `r${++ids}`
const remember = (s: Storage, name: string, text: string, at = ++ids * 10) =>
  rememberRecent(s, { name, text }, at, nextId)

describe('browser recent projects in localStorage', () => {
  it('keeps a copy of each project, newest first, one entry per name', () => {
    const s = memoryStorage()
    remember(s, 'a.bps.json', 'A1')
    remember(s, 'b.bps.json', 'B')
    const list = remember(s, 'a.bps.json', 'A2')
    expect(list.map((r) => r.name)).toEqual(['a.bps.json', 'b.bps.json'])
    expect(readRecentText(s, list[0].id)).toBe('A2')
    expect(listRecent(s)).toEqual(list)
    // the first entry kept its id, so there is one copy for it
    expect([...s.memory.keys()].filter((k) => k.startsWith('backprop-studio.recent.'))).toHaveLength(2)
  })

  it(`keeps at most ${RECENT_LIMIT}, and the dropped one's copy goes too`, () => {
    const s = memoryStorage()
    const first = remember(s, 'p0.bps.json', 'P0')[0]
    for (let i = 1; i <= RECENT_LIMIT; i++) remember(s, `p${i}.bps.json`, `P${i}`)
    const list = listRecent(s)
    expect(list).toHaveLength(RECENT_LIMIT)
    expect(list.map((r) => r.name)).not.toContain('p0.bps.json')
    expect(readRecentText(s, first.id)).toBeNull()
  })

  it('keeps the copies within the size budget by dropping the oldest entries', () => {
    const s = memoryStorage()
    const third = Math.floor(RECENT_TEXT_BUDGET / 3)
    remember(s, 'old.bps.json', 'o'.repeat(third))
    remember(s, 'mid.bps.json', 'm'.repeat(third))
    remember(s, 'new.bps.json', 'n'.repeat(third))
    expect(listRecent(s).map((r) => r.name)).toEqual(['new.bps.json', 'mid.bps.json', 'old.bps.json'])
    const list = remember(s, 'newest.bps.json', 'x'.repeat(third))
    expect(list.map((r) => r.name)).toEqual(['newest.bps.json', 'new.bps.json', 'mid.bps.json'])
    const copies = [...s.memory].filter(([k]) => k.startsWith('backprop-studio.recent.'))
    expect(copies.reduce((n, [, v]) => n + v.length, 0)).toBeLessThanOrEqual(RECENT_TEXT_BUDGET)
  })

  it('lists a project too large to keep without a copy', () => {
    const s = memoryStorage()
    const [big] = remember(s, 'huge.bps.json', 'h'.repeat(RECENT_TEXT_BUDGET + 1))
    expect(big.size).toBeUndefined()
    expect(readRecentText(s, big.id)).toBeNull()
  })

  it('makes room when storage itself is full, oldest copies first', () => {
    const s = memoryStorage(600)
    remember(s, 'a.bps.json', 'a'.repeat(200))
    remember(s, 'b.bps.json', 'b'.repeat(200))
    const list = remember(s, 'c.bps.json', 'c'.repeat(200))
    expect(list[0]).toMatchObject({ name: 'c.bps.json', size: 200 })
    expect(list.map((r) => r.name)).not.toContain('a.bps.json')
    expect(readRecentText(s, list[0].id)).toBe('c'.repeat(200))
    // nothing left to drop: listed without a copy rather than failing
    const alone = memoryStorage(100)
    const [entry] = remember(alone, 'd.bps.json', 'd'.repeat(200))
    expect(entry.size).toBeUndefined()
  })

  it('ignores a corrupt list and the name-only entries of older versions', () => {
    const s = memoryStorage()
    s.setItem('backprop-studio.recent', '{ nope')
    expect(listRecent(s)).toEqual([])
    s.setItem('backprop-studio.recent', JSON.stringify([{ name: 'old.bps.json', at: 1 }]))
    expect(listRecent(s)).toEqual([])
  })

  it('reopens from the copy, and says so when the copy has vanished', async () => {
    const s = memoryStorage()
    const platform = createBrowserPlatform(s)
    const [entry] = await platform.recent.remember({ name: 'a.bps.json', text: '{"a":1}' })
    expect(await platform.recent.open(entry)).toEqual({ name: 'a.bps.json', text: '{"a":1}' })
    s.removeItem(`backprop-studio.recent.${entry.id}`)
    await expect(platform.recent.open(entry)).rejects.toThrow(/copy of a\.bps\.json .* is gone/)
    expect(await platform.recent.list()).toEqual([])
  })
})

/** A browser platform whose downloads the test keeps. */
function browserFake() {
  const storage = memoryStorage()
  const saved: { name: string; text: string }[] = []
  const platform: Platform = {
    ...createBrowserPlatform(storage),
    openProject: async () => null,
    saveProject: async (text, name) => {
      saved.push({ name, text })
      return { name }
    }
  }
  return { platform, storage, saved }
}

/** The preload bridge as main would answer it: ids only, a file that can go missing. */
function desktopFake() {
  const files = new Map<string, string>()
  let entries: (RecentProjectEntry & { path: string })[] = []
  const opened: string[] = []
  let pick: ((id: string) => void) | undefined
  const bridge = {
    platform: 'linux',
    newProject: () => {},
    recentProjects: async () => entries.map(({ path: _path, ...e }) => e),
    openRecent: async (id: string): Promise<OpenRecentResult> => {
      opened.push(id)
      const entry = entries.find((e) => e.id === id)
      const text = entry && files.get(entry.path)
      if (!entry || text === undefined) {
        entries = entries.filter((e) => e.id !== id)
        return {
          ok: false,
          message: `${entry?.name} is no longer in ${entry?.dir} (moved, renamed or deleted).`
        }
      }
      return { ok: true, file: { name: entry.name, text } }
    },
    onOpenRecent: (listener: (id: string) => void) => {
      pick = listener
      return () => (pick = undefined)
    }
  } as unknown as DesktopApi
  const add = (id: string, path: string, text: string) => {
    files.set(path, text)
    const name = path.split('/').pop()!
    entries.unshift({ id, name, dir: '~/nets', at: Date.now(), path })
  }
  return {
    platform: createDesktopPlatform(bridge, memoryStorage()),
    files,
    opened,
    add,
    pick: (id: string) => pick?.(id)
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0))

describe('project store: Recent projects', () => {
  afterEach(() => setPlatform(undefined))

  describe('browser preview', () => {
    let fake: ReturnType<typeof browserFake>
    beforeEach(() => {
      fake = browserFake()
      setPlatform(fake.platform)
      setActivePinia(createPinia())
    })

    it('picking a saved project reopens that project, not a file picker', async () => {
      const project = useProjectStore()
      const graph = useGraphStore()
      await project.newFromTemplate('xor')
      expect(await project.save()).toBe(true)
      const before = JSON.parse(JSON.stringify(graph.graph))
      expect(project.recent.map((r) => r.name)).toEqual(['XOR from logic gates.bps.json'])

      expect(await project.newProject()).toBe(true)
      expect(graph.graph.nodes).toHaveLength(0)
      expect(await project.openRecent(project.recent[0])).toBe(true)
      expect(graph.graph).toEqual(before)
      expect(project.parameters?.w1).toEqual([
        [20, 20],
        [-20, -20]
      ])
      expect(project.windowTitle).toBe('XOR from logic gates.bps.json — Backprop Studio')
      expect(project.dirty).toBe(false)
    })

    it('asks about unsaved work first, and keeps it when the answer is no', async () => {
      const project = useProjectStore()
      const graph = useGraphStore()
      const ui = useUiStore()
      await project.newFromTemplate('xor')
      await project.save()
      await project.newProject()
      graph.addNode('dense', { x: 0, y: 0 })
      const pending = project.openRecent(project.recent[0])
      await nextTick()
      expect(ui.confirmRequest?.title).toBe('Discard unsaved changes?')
      ui.confirmRequest!.resolve(false)
      expect(await pending).toBe(false)
      expect(graph.graph.nodes).toHaveLength(1)
    })

    it('a kept copy from a newer version is refused like Open would', async () => {
      const project = useProjectStore()
      const ui = useUiStore()
      await project.newFromTemplate('xor')
      await project.save()
      const newer = JSON.parse(fake.saved[0].text)
      newer.version = 99
      fake.storage.setItem(`backprop-studio.recent.${project.recent[0].id}`, JSON.stringify(newer))
      await project.newProject()
      expect(await project.openRecent(project.recent[0])).toBe(false)
      expect(ui.toasts.at(-1)!.message).toMatch(/XOR from logic gates\.bps\.json.*newer Backprop Studio/)
    })

    it('finds the list kept by an earlier session', async () => {
      useProjectStore()
      await fake.platform.recent.remember({ name: 'kept.bps.json', text: '{}' })
      setActivePinia(createPinia())
      const next = useProjectStore()
      await flush()
      expect(next.recent.map((r) => r.name)).toEqual(['kept.bps.json'])
    })
  })

  describe('desktop app', () => {
    let fake: ReturnType<typeof desktopFake>
    let projectText: string
    beforeEach(async () => {
      fake = desktopFake()
      setPlatform(browserFake().platform)
      setActivePinia(createPinia())
      const p = useProjectStore()
      await p.newFromTemplate('iris-mlp')
      projectText = p.text
      setPlatform(fake.platform)
      setActivePinia(createPinia())
    })

    it('lists what main keeps and opens by id', async () => {
      fake.add('id-7', '/home/ann/nets/iris.bps.json', projectText)
      const project = useProjectStore()
      await flush()
      expect(project.recent).toEqual([
        { id: 'id-7', name: 'iris.bps.json', dir: '~/nets', at: expect.any(Number) }
      ])
      expect(await project.openRecent(project.recent[0])).toBe(true)
      expect(fake.opened).toEqual(['id-7'])
      expect(useGraphStore().graph.name).toBe('Iris MLP')
      expect(project.windowTitle).toBe('iris.bps.json — Backprop Studio')
    })

    it('a moved file: the message from main is shown and the entry leaves the menu', async () => {
      fake.add('id-1', '/home/ann/nets/gone.bps.json', projectText)
      fake.files.delete('/home/ann/nets/gone.bps.json')
      const project = useProjectStore()
      const ui = useUiStore()
      await flush()
      expect(await project.openRecent(project.recent[0])).toBe(false)
      expect(ui.toasts.at(-1)).toMatchObject({
        kind: 'error',
        message: 'gone.bps.json is no longer in ~/nets (moved, renamed or deleted).'
      })
      expect(project.recent).toEqual([])
    })

    it('File → Open Recent opens the picked id after the unsaved-work prompt', async () => {
      fake.add('id-3', '/home/ann/nets/iris.bps.json', projectText)
      const project = useProjectStore()
      const ui = useUiStore()
      await flush()
      useGraphStore().addNode('dense', { x: 0, y: 0 })
      fake.pick('id-3')
      await flush()
      expect(ui.confirmRequest?.title).toBe('Discard unsaved changes?')
      ui.confirmRequest!.resolve(true)
      await flush()
      expect(fake.opened).toEqual(['id-3'])
      expect(project.fileName).toBe('iris.bps.json')
    })
  })
})
