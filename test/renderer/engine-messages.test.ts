// Engine errors and notices travel as a code plus params and are worded in the renderer (issue 13):
// every code has a sentence in both catalogues using only params the engine sends (or the wording
// derives); real errors from the real engine come out in 简体中文 with their line, column and node
// names; the English catalogue says what the engine's own English message says; unknown codes fall back.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GraphError, compileGraph, validateGraph, type GraphIssue, type GraphSpec } from '@engine/index'
import { parseCsv } from '@engine/data/csv'
import { createAppI18n, messages } from '@renderer/i18n'
import {
  DERIVED_PARAMS,
  ENGINE_CODES,
  engineMessageOf,
  engineText,
  doneText,
  noticeText,
  translator,
  type EngineFamily,
  type Translator
} from '@renderer/i18n/engineMessages'
import { useDataStore } from '@renderer/stores/data'
import { ENGINE_NOT_READY } from '@renderer/stores/readiness'
import { useUiStore } from '@renderer/stores/ui'
import { connectRealEngine, disconnectRealEngine } from './realEngine'

const fixtures = path.resolve(__dirname, '../fixtures/csv-app')

function inLocale(locale: 'en' | 'zh-CN'): Translator {
  return translator(createAppI18n(locale).global)
}

/** The sentences of one catalogue entry: itself, or each variant's. */
function sentences(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry]
  if (entry && typeof entry === 'object') return Object.values(entry).flatMap(sentences)
  return []
}

const paramsOf = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1])

/**
 * Every param name the engine puts in a message of each family: read from the engine's sources, so a
 * sentence that names a param no engine site sends fails here.
 */
function engineParamNames(): Set<string> {
  const root = path.resolve(__dirname, '../../src/engine')
  const files = [
    'data/table.ts',
    'data/csvScanner.ts',
    'data/utf8.ts',
    'data/encode.ts',
    'data/preprocess.ts',
    'data/errors.ts',
    'model/data.ts',
    'model/training.ts',
    'model/workspace.ts',
    'model/network.ts',
    'graph/rules/edges.ts',
    'graph/rules/inventory.ts',
    'graph/rules/structure.ts',
    'graph/rules/file.ts',
    'graph/rules/nodes.ts',
    'graph/rules/loss.ts',
    'graph/rules/reach.ts',
    'graph/rules/labels.ts',
    'graph/parse.ts',
    'graph/compile.ts',
    'graph/errors.ts',
    'protocol/schema.ts',
    'protocol/server.ts',
    'weights/file.ts',
    'train/settings.ts',
    // Main's refusals (the 'desktop' family) are built here.
    '../main/desktop-errors.ts',
    '../main/dialogs.ts',
    '../main/index.ts',
    // A project file the renderer reads (the 'project' family).
    '../renderer/src/project/file.ts',
    'project/schema.ts'
  ]
  const names = new Set<string>()
  for (const f of files) {
    const src = readFileSync(path.join(root, f), 'utf8')
    for (const m of src.matchAll(/([A-Za-z]\w*)\??:/g)) names.add(m[1])
  }
  // nodeParams(node, key) sends `${key}` and `${key}Kind`.
  for (const key of ['node', 'from', 'output']) names.add(key).add(`${key}Kind`)
  // The done event's fields (doneMessage passes them through).
  for (const k of ['epochs', 'step', 'loss', 'bestEpoch', 'quantity', 'layer', 'lowestLoss', 'threshold'])
    names.add(k)
  return names
}

describe('every engine code has a wording', () => {
  const en = messages.en.engine as unknown as Record<string, Record<string, unknown>>
  const zh = messages['zh-CN'].engine as unknown as Record<string, Record<string, unknown>>
  const sent = engineParamNames()
  const allowed = (p: string) => sent.has(p) || (DERIVED_PARAMS as readonly string[]).includes(p)

  for (const family of Object.keys(ENGINE_CODES) as EngineFamily[])
    it(`${family}: ${ENGINE_CODES[family].length} codes, in both catalogues, with params the engine sends`, () => {
      for (const code of ENGINE_CODES[family]) {
        for (const [locale, cat] of [
          ['en', en],
          ['zh-CN', zh]
        ] as const) {
          const entry = cat[family]?.[code]
          expect(sentences(entry).length, `${locale} engine.${family}.${code}`).toBeGreaterThan(0)
          for (const s of sentences(entry))
            for (const p of paramsOf(s))
              expect(allowed(p), `${locale} engine.${family}.${code} {${p}}`).toBe(true)
        }
      }
    })

  it('the code lists are the engine’s own (a code added to the engine shows up here)', () => {
    expect(ENGINE_CODES.data).toContain('ragged-row')
    expect(ENGINE_CODES.graph).toContain('skip-width-mismatch')
    expect(ENGINE_CODES.protocol).toContain('bad-payload')
    expect(ENGINE_CODES.train).toContain('diverged')
    // Every code the graph validator's doc comment lists is in the enumerable list.
    const doc = readFileSync(path.resolve(__dirname, '../../src/engine/graph/validate.ts'), 'utf8')
    const listed = doc
      .slice(doc.indexOf('Issue codes'), doc.indexOf('*/', doc.indexOf('Issue codes')))
      .replace(/\(warning[^)]*\)|\([^)]*MAX_[^)]*\)/g, '')
      .match(/[a-z]+(?:-[a-z]+)+|\bcycle\b|\bunreachable\b|\bdisconnected\b/g)!
    for (const code of listed) expect(ENGINE_CODES.graph, code).toContain(code)
  })
})

/** A small valid network: input → h (dense) → out (dense) → loss. */
function network(): GraphSpec {
  return {
    format: 'backprop-studio/graph',
    version: 1,
    nodes: [
      { id: 'x', kind: 'input', units: 2 },
      { id: 'h', kind: 'dense', name: 'Hidden', units: 3, activation: 'sigmoid' },
      { id: 'out', kind: 'dense', name: 'Output', units: 1, activation: 'sigmoid' },
      { id: 'L', kind: 'loss', loss: 'squared-error' }
    ],
    edges: [
      { id: 'w1', from: 'x', to: 'h' },
      { id: 'w2', from: 'h', to: 'out' },
      { id: 'w3', from: 'out', to: 'L' }
    ]
  } as GraphSpec
}

const issueMessage = (i: GraphIssue) => ({
  code: i.code,
  message: i.message,
  params: i.params,
  family: 'graph'
})

describe('real engine errors in 简体中文', () => {
  const zh = inLocale('zh-CN')

  it('a ragged CSV row: line and column filled in', () => {
    let err: unknown
    try {
      parseCsv(readFileSync(path.join(fixtures, 'ragged.csv'), 'utf8'))
    } catch (e) {
      err = e
    }
    const msg = engineMessageOf(err)
    expect(msg.code).toBe('ragged-row')
    expect(msg.message).toMatch(/^line 4, column 3/)
    expect(engineText(zh, msg)).toBe(
      '第 4 行，第 3 列：应有 3 个字段（与第 1 行的表头一致），实际只有 2 个 —— 缺少第 3 个字段（“species”）。请检查某个值里是否有未加引号的“,”。'
    )
  })

  it('a cycle: the nodes named', () => {
    const g = network()
    g.edges.push({ id: 'back', from: 'out', to: 'h' } as GraphSpec['edges'][number])
    const cycle = validateGraph(g).find((i) => i.code === 'cycle')!
    expect(engineText(zh, issueMessage(cycle))).toBe(
      '图中有环："Hidden" (h) → "Output" (out) → "Hidden" (h)。'
    )
  })

  it('a skip-width mismatch: the edge and both widths named', () => {
    const g = network()
    g.edges.push({ id: 's1', from: 'x', to: 'out', kind: 'skip' } as GraphSpec['edges'][number])
    const issue = validateGraph(g).find((i) => i.code === 'skip-width-mismatch')!
    expect(engineText(zh, issueMessage(issue))).toBe(
      '跳跃连接 "s1" (x → out) 把 2 个单元接到 1 个单元；跳跃连接两端的宽度必须相等。'
    )
  })

  it('enum ids among the params are worded: an activation, an edge kind', () => {
    const g = network()
    g.nodes = g.nodes.map((n) =>
      n.id === 'out' ? ({ ...n, units: 3, activation: 'linear' } as GraphSpec['nodes'][number]) : n
    )
    g.nodes = g.nodes.map((n) => (n.id === 'L' ? ({ ...n, loss: 'cross-entropy' } as typeof n) : n))
    const mismatch = validateGraph(g).find((i) => i.code === 'loss-activation-mismatch')!
    expect(mismatch.params?.activation).toBe('linear')
    expect(engineText(zh, issueMessage(mismatch))).toBe(
      '损失 "L" 使用交叉熵，需要 softmax 输出层，但 层 "Output" (out) 使用的是“线性”。'
    )
    // English is still the engine's own sentence.
    expect(engineText(inLocale('en'), issueMessage(mismatch))).toBe(mismatch.message)

    const twice = network()
    twice.edges.push({ id: 'w1b', from: 'x', to: 'h' } as GraphSpec['edges'][number])
    const dup = validateGraph(twice).find((i) => i.code === 'duplicate-edge')!
    expect(dup.params?.edgeKind).toBe('weights')
    expect(engineText(zh, issueMessage(dup))).toMatch(/另一条权重边重复。$/)
    expect(engineText(zh, issueMessage(dup))).not.toMatch(/weights/)
  })

  it('a thrown GraphError keeps its params and counts the further problems', () => {
    const g = network()
    g.nodes.push({ id: 'lost', kind: 'dense', units: 2, activation: 'relu' } as GraphSpec['nodes'][number])
    g.edges.push({ id: 'loop', from: 'h', to: 'h' } as GraphSpec['edges'][number])
    let err: unknown
    try {
      compileGraph(g)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(GraphError)
    expect(engineText(zh, engineMessageOf(err))).toBe(
      '边 "loop" (h → h) 把 层 "Hidden" (h) 连到了它自己。（另有 1 个问题）'
    )
  })

  describe('through the stores and the protocol (a real engine behind the data store)', () => {
    beforeEach(async () => {
      setActivePinia(createPinia())
      await connectRealEngine()
    })
    afterEach(() => disconnectRealEngine())

    it('a ragged file loaded by the data store: the error reply carries code, params and family', async () => {
      const data = useDataStore()
      const file = new File([readFileSync(path.join(fixtures, 'ragged.csv'))], 'ragged.csv')
      expect(await data.loadFile(file)).toBe(false)
      // English for logs and tests, exactly the engine's message.
      expect(data.loadError).toMatch(/^Could not load ragged\.csv: line 4, column 3: expected 3 fields/)
      expect(noticeText(zh, data.loadNotice!)).toMatch(
        /^无法加载 ragged\.csv：第 4 行，第 3 列：应有 3 个字段/
      )
    })

    it('the readiness store’s English constant is the catalogue’s', () => {
      expect(ENGINE_NOT_READY).toBe(messages.en.notices.readiness.engineNotReady)
    })

    it('a toast holds a key and params, worded when shown', () => {
      const ui = useUiStore()
      ui.notify({ key: 'notices.project.opened', params: { name: 'a.bps.json' } }, 'success')
      const toast = ui.toasts.at(-1)!
      expect(toast.message).toBe('Opened a.bps.json')
      expect(noticeText(zh, toast.notice)).toBe('已打开 a.bps.json')
    })
  })
})

describe('the English catalogue says what the engine says', () => {
  const en = inLocale('en')

  it('graph issues: every issue of a broken graph, worded from the catalogue, equals the engine’s sentence', () => {
    const g = network()
    g.edges.push({ id: 'back', from: 'out', to: 'h' } as GraphSpec['edges'][number])
    g.edges.push({ id: 's1', from: 'x', to: 'out', kind: 'skip' } as GraphSpec['edges'][number])
    g.edges.push({ id: 'self', from: 'h', to: 'h' } as GraphSpec['edges'][number])
    g.nodes.push({ id: 'b', kind: 'bias' } as GraphSpec['nodes'][number])
    g.nodes.push({ id: 'x2', kind: 'input', units: 0 } as GraphSpec['nodes'][number])
    const issues = validateGraph(g)
    expect(new Set(issues.map((i) => i.code))).toEqual(
      new Set(['bad-units', 'multiple-inputs', 'cycle', 'skip-width-mismatch', 'disconnected'])
    )
    for (const issue of issues) expect(engineText(en, issueMessage(issue)), issue.code).toBe(issue.message)
  })

  it('data errors: a ragged row, an unclosed quote, a non-numeric cell', async () => {
    const cases = [
      readFileSync(path.join(fixtures, 'ragged.csv'), 'utf8'),
      readFileSync(path.join(fixtures, 'unclosed-quote.csv'), 'utf8'),
      'a,b\n1,2\n3,"x"y\n'
    ]
    for (const text of cases) {
      let err: unknown
      try {
        parseCsv(text)
      } catch (e) {
        err = e
      }
      const msg = engineMessageOf(err)
      expect(msg.code, text).toBeDefined()
      expect(engineText(en, msg)).toBe(msg.message)
    }
  })

  it('a done event: the training panel’s sentence in both languages', () => {
    const done = {
      type: 'done',
      reason: 'early-stop',
      message: '',
      epoch: 40,
      step: 400,
      final: null,
      bestEpoch: 31
    } as const
    expect(doneText(en, done)).toBe(
      'Early stop after 40 epochs: no improvement for the patience window; restored the best weights (epoch 31).'
    )
    expect(doneText(inLocale('zh-CN'), done)).toBe(
      '训练 40 轮后提前停止：在耐心窗口内没有改进；已恢复最佳权重（第 31 轮）。'
    )
  })
})

describe('falling back', () => {
  const zh = inLocale('zh-CN')

  it('an unknown code, no code, or a variant the catalogue lacks: the engine’s English message', () => {
    expect(engineText(zh, { code: 'brand-new-code', message: 'Something new went wrong.' })).toBe(
      'Something new went wrong.'
    )
    expect(engineText(zh, engineMessageOf(new Error('plain failure')))).toBe('plain failure')
    expect(
      engineText(zh, { code: 'bad-input', message: 'push() after end()', params: {}, family: 'data' })
    ).toBe('push() after end()')
  })

  it('numbers are formatted for the locale', () => {
    const msg = {
      code: 'too-many-parameters',
      message: '',
      family: 'graph',
      params: {
        count: 123456789,
        gigabytes: 3.95,
        max: 50000000,
        edgeId: 'w',
        from: 'a',
        to: 'b',
        rows: 1,
        cols: 2
      }
    }
    expect(engineText(inLocale('en'), msg)).toMatch(
      /^The network has 123,456,789 parameters \(about 3\.95 GB/
    )
    expect(engineText(zh, msg)).toMatch(/^网络有 123,456,789 个参数（训练约需 3\.95 GB）/)
    // A locale with other separators (the English sentences, German digits).
    const de = createAppI18n('en').global
    ;(de.locale as { value: string }).value = 'de-DE'
    expect(engineText(translator(de), msg)).toMatch(
      /^The network has 123\.456\.789 parameters \(about 3,95 GB/
    )
  })
})
