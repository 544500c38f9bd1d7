import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, nextTick } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { useCommands } from '@renderer/composables/useCommands'
import { setPlatform, type Platform } from '@renderer/platform'
import { createBrowserPlatform } from '@renderer/platform/browser'
import { useGraphStore } from '@renderer/stores/graph'
import { useProjectStore } from '@renderer/stores/project'
import { useUiStore } from '@renderer/stores/ui'
import { createAppI18n } from '@renderer/i18n'
import { noticeText, translator } from '@renderer/i18n/engineMessages'

/** A browser platform over an in-memory Storage, whose file picker and downloads the test plays. */
function fakePlatform() {
  const memory = new Map<string, string>()
  const storage = {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
    clear: () => memory.clear(),
    key: () => null,
    length: 0
  } as Storage
  const saved: { name: string; text: string }[] = []
  let nextOpen: { name: string; text: string } | null = null
  const platform: Platform = {
    ...createBrowserPlatform(storage),
    openProject: async () => nextOpen,
    saveProject: async (text, name) => {
      saved.push({ name, text })
      return { name }
    }
  }
  return { platform, storage, saved, willOpen: (f: { name: string; text: string } | null) => (nextOpen = f) }
}

describe('project store', () => {
  let fake: ReturnType<typeof fakePlatform>
  beforeEach(() => {
    fake = fakePlatform()
    setPlatform(fake.platform)
    setActivePinia(createPinia())
  })
  afterEach(() => {
    setPlatform(undefined)
    vi.useRealTimers()
  })

  it('starts untitled and clean; an edit marks it unsaved in the title', () => {
    const project = useProjectStore()
    expect(project.windowTitle).toBe('Untitled — Backprop Studio')
    expect(project.dirty).toBe(false)
    useGraphStore().addNode('input', { x: 0, y: 0 })
    expect(project.dirty).toBe(true)
    expect(project.windowTitle).toBe('• Untitled — Backprop Studio')
  })

  it('words the name and the discard question in 简体中文: Untitled, a template by its worded title', async () => {
    const zh = translator(createAppI18n('zh-CN').global)
    const project = useProjectStore()
    const ui = useUiStore()
    expect(noticeText(zh, project.displayNotice)).toBe('未命名')
    await project.newFromTemplate('xor')
    expect(noticeText(zh, project.displayNotice)).toBe(zh.t('shell.templates.xor.title'))
    expect(project.displayName).toBe('XOR (seed 001 gates)')
    useGraphStore().addNode('dense', { x: 0, y: 0 })
    const pending = project.newProject()
    await nextTick()
    const q = ui.confirmRequest!
    expect(noticeText(zh, q.titleNotice)).toBe('放弃未保存的更改？')
    expect(noticeText(zh, q.messageNotice)).toBe(
      `“${zh.t('shell.templates.xor.title')}”有尚未保存的更改。新建项目会丢弃这些更改。`
    )
    expect(noticeText(zh, q.confirmNotice)).toBe('放弃更改')
    expect(q.message).toBe(
      '“XOR (seed 001 gates)” has changes that are not saved. A new project will discard them.'
    )
    q.resolve(false)
    expect(await pending).toBe(false)
  })

  it('Save suggests the name the user sees: a template title in 简体中文, not its English name', async () => {
    const project = useProjectStore()
    await project.newFromTemplate('xor')
    const i18n = createAppI18n('zh-CN')
    // The toolbar's Save, through the same commands the menus and shortcuts use.
    const Saver = defineComponent({
      setup: () => ({ commands: useCommands() }),
      template: '<button @click="commands.save()">save</button>'
    })
    const w = mount(Saver, { global: { plugins: [i18n] } })
    await w.find('button').trigger('click')
    await flushPromises()
    const title = i18n.global.t('shell.templates.xor.title')
    expect(title).not.toBe('XOR (seed 001 gates)')
    expect(fake.saved.map((f) => f.name)).toEqual([`${title}.bps.json`])
    w.unmount()
  })

  it('saves as a named download, then is clean with the file name in the title and in recent projects', async () => {
    const project = useProjectStore()
    await project.newFromTemplate('iris-mlp')
    expect(await project.save()).toBe(true)
    expect(fake.saved.map((s) => s.name)).toEqual(['Iris MLP.bps.json'])
    expect(project.dirty).toBe(false)
    expect(project.windowTitle).toBe('Iris MLP.bps.json — Backprop Studio')
    expect(project.recent.map((r) => r.name)).toEqual(['Iris MLP.bps.json'])
  })

  it('asks before New throws away unsaved work, and keeps it when the answer is no', async () => {
    const project = useProjectStore()
    const ui = useUiStore()
    const graph = useGraphStore()
    graph.addNode('dense', { x: 0, y: 0 })
    const pending = project.newProject()
    await nextTick()
    expect(ui.confirmRequest?.title).toBe('Discard unsaved changes?')
    ui.confirmRequest!.resolve(false)
    expect(await pending).toBe(false)
    expect(graph.graph.nodes).toHaveLength(1)

    const again = project.newProject()
    await nextTick()
    ui.confirmRequest!.resolve(true)
    expect(await again).toBe(true)
    expect(graph.graph.nodes).toHaveLength(0)
    expect(project.dirty).toBe(false)
  })

  it('opens what it saved: the same graph, the weights, and a clean state', async () => {
    const project = useProjectStore()
    const graph = useGraphStore()
    await project.newFromTemplate('xor')
    await project.save()
    const before = JSON.parse(JSON.stringify(graph.graph))
    // saved, so New does not ask
    expect(await project.newProject()).toBe(true)
    expect(graph.graph.nodes).toHaveLength(0)
    fake.willOpen({ name: 'xor.bps.json', text: fake.saved[0].text })
    expect(await project.open()).toBe(true)
    expect(graph.graph).toEqual(before)
    expect(project.parameters?.w1).toEqual([
      [20, 20],
      [-20, -20]
    ])
    expect(project.fileName).toBe('xor.bps.json')
    expect(project.dirty).toBe(false)
    expect(graph.undoable).toBe(false)
  })

  it('refuses a malformed or newer file with the reason, and the open work stays', async () => {
    const project = useProjectStore()
    const graph = useGraphStore()
    const ui = useUiStore()
    await project.newFromTemplate('iris-mlp')
    await project.save()
    const newer = JSON.parse(fake.saved[0].text)
    newer.version = 2
    fake.willOpen({ name: 'future.bps.json', text: JSON.stringify(newer) })
    expect(await project.open()).toBe(false)
    expect(ui.toasts.at(-1)).toMatchObject({ kind: 'error' })
    expect(ui.toasts.at(-1)!.message).toMatch(/future\.bps\.json.*newer Backprop Studio/)
    fake.willOpen({ name: 'broken.bps.json', text: '{ not json' })
    expect(await project.open()).toBe(false)
    expect(ui.toasts.at(-1)!.message).toMatch(/broken\.bps\.json.*not valid JSON/)
    expect(graph.graph.name).toBe('Iris MLP')
    expect(project.fileName).toBe('Iris MLP.bps.json')
  })

  it('autosaves unsaved work, offers it back after a crash, and restores it', async () => {
    vi.useFakeTimers()
    const project = useProjectStore()
    const stop = project.startAutosave()
    await project.newFromTemplate('deep-relu-skip')
    useGraphStore().updateNode('h1', { name: 'first' })
    await nextTick()
    vi.advanceTimersByTime(1000)
    stop()
    expect(fake.platform.autosave.read()?.text).toContain('"first"')

    // a new session on the same storage: the app crashed before saving
    setActivePinia(createPinia())
    const next = useProjectStore()
    next.checkRecovery()
    expect(next.recovery).not.toBeNull()
    expect(next.restoreRecovery()).toBe(true)
    expect(useGraphStore().graph.nodes.find((n) => n.id === 'h1')!.name).toBe('first')
    expect(next.dirty).toBe(true)
  })

  it('clears the recovery copy once the work is saved, and discarding forgets it', async () => {
    vi.useFakeTimers()
    const project = useProjectStore()
    const stop = project.startAutosave()
    useGraphStore().addNode('input', { x: 0, y: 0 })
    await nextTick()
    vi.advanceTimersByTime(1000)
    expect(fake.platform.autosave.read()).not.toBeNull()
    await project.save()
    expect(fake.platform.autosave.read()).toBeNull()
    stop()

    fake.platform.autosave.write({ text: '{}', at: 1 })
    setActivePinia(createPinia())
    const next = useProjectStore()
    next.checkRecovery()
    next.discardRecovery()
    expect(next.recovery).toBeNull()
    expect(fake.platform.autosave.read()).toBeNull()
  })
})
