import { describe, expect, it } from 'vitest'
import { templateById } from '@renderer/graph/templates'
import {
  PROJECT_FORMAT,
  PROJECT_VERSION,
  ProjectFileError,
  parseProject,
  projectFileName,
  serializeProject,
  type Project
} from '@renderer/project/file'
import { pruneParameters } from '@renderer/project/parameters'
import { createAppI18n, messages } from '@renderer/i18n'
import { validateSaveArgs } from '../../src/main/dialogs'
import { engineMessageOf, engineText, translator } from '@renderer/i18n/engineMessages'

const xor = templateById('xor')!
const project = (): Project => ({
  graph: structuredClone(xor.graph),
  data: { fileName: 'xor.csv', roles: { a: 'feature', b: 'feature', y: 'target' } },
  training: { optimizer: 'adam', learningRate: 0.01, epochs: 200, seed: 7 },
  parameters: structuredClone(xor.parameters),
  viewport: { x: 10, y: -20, zoom: 0.8 }
})

/** Parses and expects a ProjectFileError naming `field`. */
function refusal(text: string): ProjectFileError {
  try {
    parseProject(text)
  } catch (err) {
    expect(err).toBeInstanceOf(ProjectFileError)
    return err as ProjectFileError
  }
  throw new Error('the file was accepted')
}

const withFile = (patch: (file: Record<string, unknown>) => void): string => {
  const file = JSON.parse(serializeProject(project())) as Record<string, unknown>
  patch(file)
  return JSON.stringify(file)
}

describe('project file (*.bps.json)', () => {
  it('round-trips graph, layout, viewport, data and training settings, and weights exactly', () => {
    const p = project()
    expect(parseProject(serializeProject(p))).toEqual(p)
  })

  it('writes versioned JSON with the graph exactly as the engine reads it and positions under layout', () => {
    const file = JSON.parse(serializeProject(project()))
    expect(file.format).toBe(PROJECT_FORMAT)
    expect(file.version).toBe(PROJECT_VERSION)
    expect(file.graph.format).toBe('backprop-studio/graph')
    expect(file.graph.nodes.some((n: Record<string, unknown>) => 'position' in n)).toBe(false)
    expect(Object.keys(file.layout.nodes)).toEqual(xor.graph.nodes.map((n) => n.id))
    expect(file.parameters.w1).toEqual([
      [20, 20],
      [-20, -20]
    ])
  })

  it('leaves out weights when there are none', () => {
    const p = project()
    delete p.parameters
    expect(JSON.parse(serializeProject(p))).not.toHaveProperty('parameters')
  })

  it('refuses a file from a newer version with a clear message', () => {
    const err = refusal(withFile((f) => (f.version = PROJECT_VERSION + 1)))
    expect(err.field).toBe('version')
    expect(err.message).toMatch(/newer Backprop Studio/)
  })

  it('refuses a graph from a newer version, through the engine’s parseGraph', () => {
    const err = refusal(withFile((f) => ((f.graph as Record<string, unknown>).version = 99)))
    expect(err.field).toBe('graph')
    expect(err.message).toMatch(/newer Backprop Studio/)
  })

  it('refuses text that is not JSON, JSON that is not a project, and a weights file', () => {
    expect(refusal('{"format": "backprop-studio/project", ').message).toMatch(/not valid JSON/)
    expect(refusal('[1, 2, 3]').message).toMatch(/JSON object/)
    const weights = refusal(JSON.stringify({ format: 'backprop-studio/weights', version: 1 }))
    expect(weights.field).toBe('format')
    expect(weights.message).toContain('backprop-studio/weights')
  })

  it('names the field of a malformed part', () => {
    expect(refusal(withFile((f) => delete f.graph)).field).toBe('graph')
    expect(refusal(withFile((f) => (f.version = '1'))).field).toBe('version')
    const badNode = refusal(
      withFile(
        (f) => (((f.graph as { nodes: Record<string, unknown>[] }).nodes[2].units = 'eight'), undefined)
      )
    )
    expect(badNode.field).toBe('graph')
    expect(badNode.message).toMatch(/units/)
    expect(
      refusal(withFile((f) => ((f.layout as { nodes: object }).nodes = { x: { x: 'left', y: 0 } }))).field
    ).toBe('layout.nodes.x.x')
    expect(
      refusal(withFile((f) => ((f.parameters as object as { w1: unknown }).w1 = [[1, 2], [3]]))).field
    ).toBe('parameters.w1[1]')
    expect(
      refusal(withFile((f) => ((f.parameters as object as { b1: unknown }).b1 = [[null], [1]]))).field
    ).toBe('parameters.b1[0][0]')
    expect(refusal(withFile((f) => (f.training = 'fast'))).field).toBe('training')
  })

  it('words each refusal in 简体中文 from its code and params, no English reason inside', () => {
    const zh = translator(createAppI18n('zh-CN').global)
    const said = (text: string) => engineText(zh, engineMessageOf(refusal(text)))
    expect(said('{"format": ')).toBe('这不是项目文件：其文本不是有效的 JSON。')
    expect(said('[1, 2, 3]')).toBe('这不是项目文件：应为对象。')
    expect(said(JSON.stringify({ format: 'backprop-studio/weights', version: 1 }))).toBe(
      '项目文件的字段“format”无效：应为“backprop-studio/project”，实际为 "backprop-studio/weights"。'
    )
    expect(said(withFile((f) => (f.version = PROJECT_VERSION + 1)))).toBe(
      `项目文件的字段“version”无效：它由更新版本的 Backprop Studio 保存（文件版本 ${PROJECT_VERSION + 1}；本应用最多读取版本 ${PROJECT_VERSION}）。`
    )
    expect(said(withFile((f) => delete f.graph))).toBe('项目文件的字段“graph”无效：缺少这个值。')
    expect(said(withFile((f) => ((f.layout as { nodes: object }).nodes = { x: { x: 'left', y: 0 } })))).toBe(
      '项目文件的字段“layout.nodes.x.x”无效：应为数字。'
    )
    // A graph inside the project that the engine's parseGraph refuses: the graph's own error, worded.
    const graphError = engineMessageOf(
      refusal(withFile((f) => ((f.graph as Record<string, unknown>).version = 99)))
    )
    expect(graphError.family).toBe('graph')
    expect(engineText(zh, graphError)).toMatch(/^图的版本是 99，由更新版本的 Backprop Studio 创建/)
    // English keeps saying what it said.
    const en = translator(createAppI18n('en').global)
    expect(engineText(en, engineMessageOf(refusal(withFile((f) => delete f.graph))))).toBe(
      'The project file\'s field "graph" is not valid: it is missing.'
    )
  })

  it('loads a well-formed graph that breaks a rule, so the editor can show its problems', () => {
    const text = withFile((f) => {
      const g = f.graph as { edges: unknown[] }
      g.edges = g.edges.filter((e) => (e as { id: string }).id !== 'c')
    })
    expect(parseProject(text).graph.edges).toHaveLength(4)
  })

  it('loads an older file without layout, data or training sections', () => {
    const text = JSON.stringify({
      format: PROJECT_FORMAT,
      version: 1,
      graph: templateById('iris-mlp')!.graph
    })
    const p = parseProject(text)
    expect(p.data).toEqual({})
    expect(p.training).toEqual({})
    expect(p.viewport).toBeUndefined()
  })

  it('suggests file names with the .bps.json extension', () => {
    expect(projectFileName('iris')).toBe('iris.bps.json')
    expect(projectFileName('iris.bps.json')).toBe('iris.bps.json')
    expect(projectFileName('iris.json')).toBe('iris.bps.json')
    // A lesson's title as the project's name: no folder, nothing Windows refuses.
    expect(projectFileName('Batch averaging: the 1/m')).toBe('Batch averaging the 1_m.bps.json')
    expect(projectFileName('Iris: 2-layer MLP')).toBe('Iris 2-layer MLP.bps.json')
    expect(projectFileName('批量平均：1/m')).toBe('批量平均：1_m.bps.json')
    // Every lesson's and template's title, in both languages, is a name the desktop app saves under.
    for (const locale of ['en', 'zh-CN'] as const) {
      const { t } = createAppI18n(locale).global
      const titles = [
        ...Object.keys(messages.en.lessons).map((id) => t(`lessons.${id}.title`)),
        ...Object.keys(messages.en.shell.templates).map((id) => t(`shell.templates.${id}.title`))
      ]
      for (const title of titles) expect(() => validateSaveArgs(projectFileName(title), '{}')).not.toThrow()
    }
    expect(projectFileName('  ')).toBe('untitled.bps.json')
  })

  it('drops weights that no longer fit the graph (deleted edge, changed width, now a skip)', () => {
    const p = project()
    p.graph.nodes = p.graph.nodes.map((n) => (n.id === 'out' ? { ...n, units: 2 } : n))
    p.graph.edges = p.graph.edges.filter((e) => e.id !== 'b1')
    const kept = pruneParameters(p.graph, p.parameters)
    expect(Object.keys(kept!)).toEqual(['w1'])
    expect(pruneParameters(p.graph, undefined)).toBeUndefined()
  })
})
