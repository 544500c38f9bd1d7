// The lessons' numbers are the engine's: each test names the value the issue (and the tutorial) gives
// and checks the lesson shows it, and where the tutorial slips, that the lesson says so with both numbers.
import { describe, expect, it } from 'vitest'
import katex from 'katex'
import { validateGraph } from '@engine/index'
import { lesson, LESSON_IDS, SEED001 } from '@renderer/lessons/catalog'
import type { Lesson, LessonStep } from '@renderer/lessons/types'
import { chartGeometry } from '@renderer/components/lessons/chartGeometry'
import { BP_EQUATIONS } from '@renderer/lessons/notation'
import { messages } from '@renderer/i18n'

const σ = (v: number): number => 1 / (1 + Math.exp(-v))
const step = (l: Lesson, id: string): LessonStep => {
  const s = l.steps.find((x) => x.id === id)
  if (!s) throw new Error(`lesson ${l.id} has no step ${id}`)
  return s
}
/** A value shown on the graph, by its symbol. */
const shown = (s: LessonStep, tex: string): number => {
  const v = s.shown.find((x) => x.tex === tex)
  if (!v) throw new Error(`step ${s.id} shows no ${tex}`)
  return v.value
}
const lookup = (catalogue: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], catalogue)

describe('lesson 1: seed 001’s hand calculation', () => {
  const l = lesson('hand')

  it('goes forward to O₅ ≈ 0.69 and E ≈ 0.018 (with the ½)', () => {
    expect(step(l, 'output').params!.O5).toBeCloseTo(0.69, 2)
    expect(shown(step(l, 'output'), 'O_5')).toBeCloseTo(0.6903, 4)
    expect(step(l, 'loss').params!.E).toBeCloseTo(0.018, 3)
    expect(step(l, 'loss').params!.E).toBeCloseTo(0.5 * (0.6902834929 - 0.5) ** 2, 9)
    expect(step(l, 'loss').formulas[0]).toContain('\\tfrac{1}{2}')
  })

  it('goes back to ∂E/∂w₃₅ ≈ 0.0277, ∂E/∂w₄₅ ≈ 0.0270, ∂E/∂w₁₃ ≈ 0.00093 and δ₅ = ∂E/∂x₅ ≈ 0.0407', () => {
    expect(step(l, 'grad-out').params!.g35).toBeCloseTo(0.0277, 4)
    expect(step(l, 'grad-out').params!.g45).toBeCloseTo(0.027, 4)
    expect(step(l, 'grad-hidden').params!.g13).toBeCloseTo(0.00093, 5)
    expect(step(l, 'delta-out').params!.delta5).toBeCloseTo(0.0407, 4)
    // on the graph, where they belong: δ₅ on the output layer, the gradients on the edges
    const d = step(l, 'delta-out').shown.find((s) => s.tex === '\\delta_5')!
    expect(d.place).toEqual({ node: 'o' })
    expect(step(l, 'grad-out').shown.every((s) => 'edge' in s.place && s.place.edge === 'w2')).toBe(true)
  })

  it('catches the tutorial’s 0.027 printed for ∂E/∂x₅ (that is ∂E/∂w₄₅)', () => {
    const slip = step(l, 'delta-out').slips!.find((s) => s.key === 'lessons.slips.dx5')!
    expect(slip.printed).toBe(SEED001.printed.dEdx5)
    expect(slip.correct).toBeCloseTo(0.0407, 4)
    expect(Math.abs(slip.printed! - slip.correct!)).toBeGreaterThan(0.01)
    expect(slip.printed).toBeCloseTo(step(l, 'grad-out').params!.g45, 4)
  })

  it('catches O₃ = 0.69 where σ(0.755) = 0.6803', () => {
    const slip = step(l, 'hidden-out').slips!.find((s) => s.key === 'lessons.slips.o3')!
    expect(step(l, 'hidden-sum').params!.x3).toBeCloseTo(0.755, 12)
    expect(slip.correct).toBeCloseTo(σ(0.755), 12)
    expect(slip.correct).toBeCloseTo(0.6803, 4)
    expect(slip.printed).toBe(0.69)
  })

  it('takes one step of gradient descent that lowers E', () => {
    const p = step(l, 'update').params!
    expect(p.after).toBeLessThan(p.before)
    expect(p.before).toBeCloseTo(step(l, 'loss').params!.E, 15)
  })
})

describe('lesson 2: XNOR from AND, NOR and OR', () => {
  const l = lesson('xnor')

  it('checks the truth table live: every row of the composed network is XNOR', () => {
    const t = step(l, 'table').table!
    expect(t.ok).toEqual([true, true, true, true])
    expect(t.rows.map((r) => Math.round(r[4] as number))).toEqual([1, 0, 0, 1])
    expect(step(l, 'and').table!.ok).toEqual([true, true, true, true])
    expect(step(l, 'nor').table!.ok).toEqual([true, true, true, true])
  })

  it('notes the NOR sign slip: g(−10 − 20x₁ − 20x₂) gives ≈ 0 for (0, 0), not 1', () => {
    const slip = step(l, 'nor').slips!.find((s) => s.key === 'lessons.slips.nor')!
    expect(slip.printed).toBeCloseTo(σ(-10), 12)
    expect(slip.correct).toBeCloseTo(σ(10), 12)
    expect(Math.round(slip.printed!)).toBe(0)
  })
})

describe('lessons 3–8', () => {
  it('3: the bias unit and the x₀ = 1 input give the same z, a, C and gradients', () => {
    const l = lesson('bias')
    expect(step(l, 'forward').table!.ok).toEqual([true, true, true, true])
    expect(step(l, 'gradient').table!.ok).toEqual([true, true, true, true])
    // BP-4: ∂C/∂b = δ
    const g = step(l, 'gradient')
    expect(shown(g, '\\tfrac{\\partial C}{\\partial b^{(2)}_1}')).toBe(shown(g, '\\delta^{(2)}_1'))
  })

  it('4: δ flows through the skip: ∂C/∂X = (W⁽³⁾)ᵀδ⁽³⁾ + ∂C/∂Y, and the skip term is the larger', () => {
    const l = lesson('residual')
    const ins = l.exercise.samples[0].inspection
    const [X, Y] = ins.layers
    const skip = X.contributions.find((c) => c.kind === 'skip')!
    expect(skip.values).toEqual(Y.dCda)
    const p = step(l, 'through-skip').params!
    expect(X.dCda[0]).toBeCloseTo(p.viaW + p.viaSkip, 15)
    expect(Math.abs(p.viaSkip)).toBeGreaterThan(Math.abs(p.viaW))
  })

  it('5: the batch gradient is the mean of the samples’ gradients (the 1/m), the sum m times it', () => {
    const l = lesson('batch')
    const rows = step(l, 'per-sample').table!.rows
    const per = rows.map((r) => r[5] as number)
    const { g35, m, sum } = step(l, 'sum-slip').params!
    expect(m).toBe(3)
    expect(g35).toBeCloseTo(per.reduce((s, v) => s + v, 0) / 3, 15)
    expect(sum).toBeCloseTo(3 * g35, 15)
    // the first sample is seed 001's own: its gradient is lesson 1's ∂E/∂w₃₅
    expect(per[0]).toBeCloseTo(step(lesson('hand'), 'grad-out').params!.g35, 15)
  })

  it('6: δ vanishes through six sigmoid layers; ReLU and skip connections keep it', () => {
    const l = lesson('vanishing')
    const sig = step(l, 'sigmoid').params!.ratio
    const relu = step(l, 'relu').params!.ratio
    const skip = step(l, 'skip').params!.ratio
    expect(sig).toBeLessThan(1e-3)
    expect(relu).toBeGreaterThan(100 * sig)
    expect(skip).toBeGreaterThan(100 * sig)
    const bars = step(l, 'skip').chart!
    expect(bars.series).toHaveLength(3)
    expect(bars.series[0].values).toHaveLength(7) // six hidden layers and the output
  })

  it('7: from the same start, Rprop learns XNOR where gradient descent stays on the plateau', () => {
    const l = lesson('rprop')
    const gd = step(l, 'gd').params!
    const rp = step(l, 'rprop').params!
    expect(gd.last).toBeGreaterThan(0.1)
    expect(rp.last).toBeLessThan(gd.last / 100)
    expect(step(l, 'outputs').table!.ok).toEqual([true, true, true, true])
    const lines = step(l, 'rprop').chart!.series
    expect(lines[0].values[0]).toBe(lines[1].values[0]) // the same start
  })

  it('8: with a sigmoid output and binary cross-entropy, δ = a − y = ∂C/∂a · σ′(z)', () => {
    const l = lesson('bce')
    const { a } = step(l, 'forward').params!
    const { product } = step(l, 'chain').params!
    const { delta } = step(l, 'delta').params!
    expect(delta).toBeCloseTo(a - 1, 15)
    expect(product).toBeCloseTo(delta, 12)
    const slip = step(l, 'delta').slips![0]
    expect(slip.printed).toBeCloseTo(-slip.correct!, 15)
  })
})

describe('every lesson', () => {
  const all = LESSON_IDS.map(lesson)

  it('numbers 1…8 in order, each with steps', () => {
    expect(all.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    for (const l of all) expect(l.steps.length).toBeGreaterThan(2)
  })

  it('builds a valid graph with a parameter matrix for every weighted edge', () => {
    for (const l of all)
      for (const n of [l.network, ...l.steps.flatMap((s) => (s.graph ? [s.graph] : []))]) {
        expect(
          validateGraph(n.graph).filter((i) => i.severity === 'error'),
          l.id
        ).toEqual([])
        for (const e of n.graph.edges.filter((e) => e.kind !== 'skip' && !e.to.match(/^(E|C)$/)))
          expect(n.parameters[e.id], `${l.id} ${e.id}`).toBeDefined()
        for (const nd of n.graph.nodes) expect(nd.position, `${l.id} ${nd.id}`).toBeDefined()
      }
  })

  it('typesets every formula and symbol with KaTeX, BP-1…BP-4 among them', () => {
    expect(BP_EQUATIONS.map((e) => e.rule)).toEqual(['BP-1', 'BP-2', 'BP-3', 'BP-4'])
    for (const e of BP_EQUATIONS)
      expect(() => katex.renderToString(e.tex, { throwOnError: true })).not.toThrow()
    // every rule is met in some lesson step
    const met = new Set(all.flatMap((l) => l.steps.flatMap((s) => s.rules ?? [])))
    expect([...met].sort()).toEqual(['BP-1', 'BP-2', 'BP-3', 'BP-4'])
    for (const l of all)
      for (const s of l.steps) {
        const tex = [...s.formulas, ...s.shown.map((v) => v.tex), ...(s.table?.columns ?? [])]
        for (const f of tex)
          expect(() => katex.renderToString(f, { throwOnError: true }), `${l.id}/${s.id}: ${f}`).not.toThrow()
      }
  })

  it('has its texts in both catalogues, with every number the text names', () => {
    for (const l of all)
      for (const locale of ['en', 'zh-CN'] as const) {
        const cat = messages[locale]
        for (const key of [
          l.title,
          l.summary,
          ...l.steps.flatMap((s) => [s.text, ...(s.slips ?? []).map((x) => x.key)])
        ]) {
          const text = lookup(cat, key)
          expect(typeof text, `${locale} ${key}`).toBe('string')
          expect((text as string).trim(), `${locale} ${key}`).not.toBe('')
        }
        for (const s of l.steps) {
          const text = lookup(cat, s.text) as string
          const named = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
          for (const name of named)
            expect(s.params?.[name], `${locale} ${s.text} {${name}}`).toBeTypeOf('number')
        }
        for (const s of l.steps)
          for (const series of s.chart?.series ?? [])
            expect(lookup(cat, series.key), series.key).toBeTypeOf('string')
      }
  })
})

describe('the lesson charts', () => {
  it('draw every bar of a log chart, the smallest too, and one line per series', () => {
    const bars = step(lesson('vanishing'), 'skip').chart!
    const g = chartGeometry(bars, 400, 170)
    expect(g.bars).toHaveLength(21)
    for (const b of g.bars) expect(b.height, `${b.series}/${b.index}`).toBeGreaterThan(0)
    // larger values stand taller
    const sig = g.bars.filter((b) => b.series === 0)
    expect(sig[0].height).toBeLessThan(sig[sig.length - 1].height)
    expect(g.ticks.length).toBeGreaterThan(1)
    const lines = chartGeometry(step(lesson('rprop'), 'rprop').chart!, 400, 170)
    expect(lines.lines).toHaveLength(2)
    expect(lines.lines[0].split(' ')).toHaveLength(300)
  })
})
