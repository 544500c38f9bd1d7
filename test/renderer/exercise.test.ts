// Exercise mode: grading within the stated tolerance, and the slip detector tried on the tutorials'
// own slips (each test quotes the seed's arithmetic).
import { describe, expect, it } from 'vitest'
import { createNetwork, inspect } from '@engine/index'
import {
  exerciseContext,
  grade,
  parseAnswer,
  questions,
  QUANTITY_KINDS,
  TOLERANCE,
  within,
  type Question
} from '@renderer/exercise'
import { lesson } from '@renderer/lessons/catalog'
import { SEED000_GRAPH, seed000Parameters } from '../engine/seed000-fixtures'

const hand = exerciseContext(lesson('hand').exercise)
const find = (ctx: typeof hand, kind: Question['kind'], tex: string): Question => {
  const q = questions(ctx, kind).find((x) => x.tex === tex)
  if (!q)
    throw new Error(
      `no ${kind} question ${tex}: ${questions(ctx, kind)
        .map((x) => x.tex)
        .join(', ')}`
    )
  return q
}

describe('grading', () => {
  it('states its tolerance and keeps to it', () => {
    expect(TOLERANCE.relative).toBe(0.005)
    expect(within(0.0277, 0.027674)).toBe(true) // 4 significant digits pass
    expect(within(0.69, 0.6803)).toBe(false) // 1.4 % off does not
    expect(within(1e-7, 0)).toBe(true) // near zero, an absolute floor
  })

  it('accepts what students type: a typographic minus, an exponent, a decimal comma', () => {
    expect(parseAnswer(' 0.0407 ')).toBe(0.0407)
    expect(parseAnswer('−0.5')).toBe(-0.5)
    expect(parseAnswer('9.3e-4')).toBe(0.00093)
    expect(parseAnswer('0,0277')).toBe(0.0277)
    expect(parseAnswer('0.04.1')).toBeNull()
    expect(parseAnswer('abc')).toBeNull()
    expect(parseAnswer('')).toBeNull()
  })

  it('grades the seed’s own correct arithmetic right: δ₅ = (0.69 − 0.5)·0.69·(1 − 0.69)', () => {
    const q = find(hand, 'delta', '\\delta_{5}')
    expect(grade(hand, q, (0.69 - 0.5) * 0.69 * (1 - 0.69)).correct).toBe(true)
    expect(grade(hand, q, 0.0407).correct).toBe(true)
  })

  it('asks every kind of quantity on lesson 1’s network', () => {
    for (const k of QUANTITY_KINDS) expect(questions(hand, k).length, k).toBeGreaterThan(0)
    expect(questions(hand, 'dCdW').map((q) => q.tex)[0]).toBe('\\frac{\\partial E}{\\partial w_{35}}')
  })
})

describe('the slip detector on the tutorials’ slips', () => {
  it('seed 001 prints 0.027 for ∂E/∂x₅: a weight’s gradient (∂E/∂w₄₅) given for the error', () => {
    const g = grade(hand, find(hand, 'delta', '\\delta_{5}'), 0.027)
    expect(g.correct).toBe(false)
    if (g.correct) return
    expect(g.slip?.kind).toBe('gradient-for-error')
    expect(g.slip?.tex).toBe('\\frac{\\partial E}{\\partial w_{45}}')
  })

  it('seed 001 prints O₃ = 0.69: the value of another unit (O₅)', () => {
    const g = grade(hand, find(hand, 'a', 'O_{3}'), 0.69)
    expect(g.correct).toBe(false)
    if (g.correct) return
    expect(g.slip).toMatchObject({ kind: 'other-quantity', tex: 'O_{5}' })
  })

  it('the ½ of squared error forgotten: E = (O₅ − t₅)² and ∂E/∂O₅ = 2(O₅ − t₅)', () => {
    const E = find(hand, 'loss', 'E')
    const O5 = hand.pass.layers[1].a[0]
    expect(grade(hand, E, (O5 - 0.5) ** 2)).toMatchObject({
      correct: false,
      slip: { kind: 'half-forgotten' }
    })
    const dEdO5 = find(hand, 'dCda', '\\frac{\\partial E}{\\partial O_{5}}')
    expect(grade(hand, dEdO5, 2 * (O5 - 0.5))).toMatchObject({ slip: { kind: 'half-forgotten' } })
  })

  it('f′ forgotten: δ₅ given as O₅ − t₅', () => {
    const O5 = hand.pass.layers[1].a[0]
    expect(grade(hand, find(hand, 'delta', '\\delta_{5}'), O5 - 0.5)).toMatchObject({
      slip: { kind: 'f-prime-forgotten' }
    })
  })

  it('the sign of the step: w₃₅ + α ∂E/∂w₃₅', () => {
    const q = find(hand, 'updated', 'w_{35}^{\\text{new}}')
    const g35 = hand.gradients.w2[0][0]
    expect(grade(hand, q, 0.3 - 0.5 * g35).correct).toBe(true)
    expect(grade(hand, q, 0.3 + 0.5 * g35)).toMatchObject({ slip: { kind: 'step-sign' } })
  })

  it('1/m forgotten (seed 000’s recipe divides the summed θ′ by m): the batch sum given for the mean', () => {
    const batch = exerciseContext(lesson('batch').exercise)
    const q = find(batch, 'dCdW', '\\frac{\\partial E}{\\partial w_{35}}')
    const sum = batch.gradientSums.w2[0][0]
    expect(q.exact).toBeCloseTo(sum / 3, 15)
    expect(grade(batch, q, sum)).toMatchObject({ correct: false, slip: { kind: 'batch-mean-forgotten' } })
    expect(grade(batch, q, sum / 3).correct).toBe(true)
  })

  it('seed 000 writes δ = y − a for cross-entropy: the sign of the error', () => {
    const bce = exerciseContext(lesson('bce').exercise)
    const q = questions(bce, 'delta')[0]
    const a = bce.pass.layers[1].a[0]
    expect(q.exact).toBeCloseTo(a - 1, 15)
    expect(grade(bce, q, 1 - a)).toMatchObject({ slip: { kind: 'error-sign' } })
  })

  it('seed 000’s pseudo-code carries the error back with θ′ (the gradient) instead of θ', () => {
    // Seed 000's 2-2-3 network with its own sample loop: Delta3 = (theta2')^T * delta3.
    const net = createNetwork(SEED000_GRAPH)
    const parameters = seed000Parameters()
    net.setParameters(parameters)
    const x = [5.1, 3.5]
    const y = [1, 0, 0]
    const ins = inspect(net, Float64Array.from(x), Float64Array.from(y))
    const ctx = exerciseContext({
      samples: [{ inspection: ins, x, y }],
      parameters,
      learningRate: 0.1,
      notation: 'layer',
      inputId: 'a1'
    })
    const q = find(ctx, 'dCda', '\\frac{\\partial C}{\\partial a_{1}^{(2)}}')
    const delta3 = ins.layers[1].delta
    const theta2Prime = ins.layers[1].gradients[0].values // δ3 · a2ᵀ
    const slipped = delta3.reduce((s, d, i) => s + d * theta2Prime[i][0], 0)
    expect(grade(ctx, q, slipped)).toMatchObject({ correct: false, slip: { kind: 'gradient-for-weights' } })
    expect(grade(ctx, q, q.exact).correct).toBe(true)
  })

  it('says it does not know when no slip gives the number', () => {
    const g = grade(hand, find(hand, 'delta', '\\delta_{5}'), 0.123456)
    expect(g).toEqual({ correct: false, exact: expect.any(Number), slip: null })
  })

  it('names symbols in the lesson’s notation: layer-indexed W⁽ˡ⁾ and δ⁽ˡ⁾, never edge ids', () => {
    const xnor = exerciseContext(lesson('xnor').exercise)
    const texs = [...questions(xnor, 'dCdW'), ...questions(xnor, 'delta')].map((q) => q.tex)
    expect(texs).toContain('\\frac{\\partial C}{\\partial w_{11}^{(3)}}')
    expect(texs).toContain('\\frac{\\partial C}{\\partial b_{1}^{(2)}}')
    expect(texs).toContain('\\delta_{2}^{(2)}')
    for (const t of texs) expect(t).not.toMatch(/w1|w2|b1|b2/)
  })
})
