// The Learn panel's wiring: a lesson is built through the graph store's load (with its weights as the
// project's parameters), steps highlight their nodes, the user's own graph is never replaced without
// asking, and the exercise grades through the UI — in both languages.
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import LearnPanel from '@renderer/components/lessons/LearnPanel.vue'
import { learnOpen } from '@renderer/components/lessons/learnState'
import { createAppI18n } from '@renderer/i18n'
import { noticeText, translator } from '@renderer/i18n/engineMessages'
import { lesson } from '@renderer/lessons/catalog'
import { useGraphStore } from '@renderer/stores/graph'
import { useProjectStore } from '@renderer/stores/project'
import { useUiStore } from '@renderer/stores/ui'

function mountPanel(locale: 'en' | 'zh-CN' = 'en') {
  const i18n = createAppI18n(locale)
  const w = mount(LearnPanel, { global: { plugins: [i18n] }, attachTo: document.body })
  return { w, i18n }
}
const button = (w: ReturnType<typeof mount>, name: string) => {
  const b = w.findAll('button').find((x) => x.text() === name)
  if (!b) throw new Error(`no button "${name}"`)
  return b
}

describe('Learn panel', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    learnOpen.value = true
  })

  it('builds lesson 1 on an empty canvas with its exact weights, and highlights each step', async () => {
    const { w } = mountPanel()
    await flushPromises()
    const graph = useGraphStore()
    expect(graph.graph.nodes.map((n) => n.id)).toEqual(['x', 'h', 'o', 'E'])
    expect(useProjectStore().parameters).toEqual(lesson('hand').network.parameters)
    expect(useUiStore().highlight).toEqual({ nodes: ['x', 'h'], edges: ['w1'] })
    await button(w, 'Next step').trigger('click')
    expect(w.text()).toContain('Step 2 of 9')
    expect(w.find('[role="note"]').text()).toContain('σ(0.755) = 0.6803')
    expect(useUiStore().highlight).toEqual({ nodes: ['h'], edges: [] })
    w.unmount()
    expect(useUiStore().highlight).toBeNull()
  })

  it('asks before replacing the user’s own unsaved graph, and keeps it when told no', async () => {
    const graph = useGraphStore()
    expect(useProjectStore().dirty).toBe(false) // the project as opened: nothing to lose yet
    graph.addNode('dense', { x: 0, y: 0 })
    expect(useProjectStore().dirty).toBe(true)
    const mine = graph.graph
    const { w } = mountPanel()
    await flushPromises()
    expect(graph.graph).toStrictEqual(mine) // opening the panel replaced nothing
    expect(useUiStore().confirmRequest).toBeNull() // and did not ask: the user may want their own graph
    await w.find('select').setValue('xnor')
    await flushPromises()
    const ui = useUiStore()
    expect(ui.confirmRequest?.title).toBe('Discard unsaved changes?')
    ui.confirmRequest!.resolve(false)
    await flushPromises()
    expect(graph.graph).toStrictEqual(mine)
    w.unmount()
  })

  it('grades an exercise through the UI and names the tutorial’s slip, in 简体中文 too', async () => {
    const { w, i18n } = mountPanel()
    await flushPromises()
    await button(w, 'Exercise').trigger('click')
    await w.find('input[type="text"]').setValue('0.027')
    await w.find('form').trigger('submit')
    expect(w.find('[role="status"]').text()).toContain('a weight’s gradient ∂C/∂w, not the error')
    i18n.global.locale.value = 'zh-CN'
    await flushPromises()
    expect(w.find('[role="status"]').text()).toContain('权重的梯度')
    await w.find('input[type="text"]').setValue('0.04068')
    await w.find('form').trigger('submit')
    expect(w.find('[role="status"]').text()).toContain('正确！')
    w.unmount()
  })
})

describe('Learn panel exercises', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('highlights what the question is about, the loss node for the loss', async () => {
    const { w } = mountPanel()
    await flushPromises()
    await button(w, 'Exercise').trigger('click')
    expect(useUiStore().highlight).toEqual({ nodes: ['o'], edges: [] }) // δ₅ first
    await w.findAll('select')[1].setValue('loss')
    await flushPromises()
    expect(useUiStore().highlight).toEqual({ nodes: ['E'], edges: [] })
    w.unmount()
  })

  it('names the project after the lesson in the language of the moment; a name the user gave stays', async () => {
    const { w, i18n } = mountPanel('zh-CN')
    await flushPromises()
    const graph = useGraphStore()
    const project = useProjectStore()
    const zh = translator(createAppI18n('zh-CN').global)
    const en = translator(createAppI18n('en').global)
    // Built in 简体中文, stored language-free (the English title, as a template's name is)…
    expect(graph.graph.name).toBe('Seed 001’s hand calculation (2-2-1, sigmoid)')
    // …and shown in whichever language is on: the user did not type this name.
    expect(noticeText(zh, project.displayNotice)).toBe('教程 001 的手推过程（2-2-1，sigmoid）')
    expect(noticeText(en, project.displayNotice)).toBe('Seed 001’s hand calculation (2-2-1, sigmoid)')
    i18n.global.locale.value = 'en'
    await w.find('select').setValue('xnor')
    await flushPromises()
    expect(noticeText(zh, project.displayNotice)).toBe(zh.t('lessons.xnor.title'))
    expect(project.displayName).toBe(en.t('lessons.xnor.title'))
    w.unmount()

    // A name that came from the user (their file's graph) is shown as it is, in both languages.
    graph.load({ ...graph.graph, name: 'My XNOR' })
    expect(noticeText(zh, project.displayNotice)).toBe('My XNOR')
    expect(noticeText(en, project.displayNotice)).toBe('My XNOR')
  })
})
