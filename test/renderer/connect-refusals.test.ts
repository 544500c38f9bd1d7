/**
 * canConnect's refusals travel as a code, params and the English sentence (the 'connect' family):
 * the English catalogue says exactly what the engine says, and 简体中文 words every one.
 */
import { describe, expect, it } from 'vitest'
import { connectRefusal, type EdgeKind, type GraphSpec } from '@engine/index'
import { createAppI18n } from '@renderer/i18n'
import { engineText, translator } from '@renderer/i18n/engineMessages'

const graph = (): GraphSpec => ({
  format: 'backprop-studio/graph',
  version: 1,
  nodes: [
    { id: 'x', kind: 'input', units: 2 },
    { id: 'one', kind: 'bias' },
    { id: 'h', kind: 'dense', name: 'Hidden', units: 3, activation: 'sigmoid' },
    { id: 'h2', kind: 'dense', units: 4, activation: 'tanh' },
    { id: 'sm', kind: 'dense', units: 3, activation: 'softmax' },
    { id: 'out', kind: 'dense', name: 'Output', units: 1, activation: 'sigmoid' },
    { id: 'L', kind: 'loss', loss: 'squared-error' },
    { id: 'L2', kind: 'loss', loss: 'squared-error' }
  ],
  edges: [
    { id: 'w1', from: 'x', to: 'h' },
    { id: 'w2', from: 'h', to: 'out' },
    { id: 'c', from: 'out', to: 'L' }
  ]
})

/** One attempt per refusal the editor can meet. */
const attempts: [string, string, EdgeKind, string][] = [
  ['h', 'h', 'weights', 'cycle'],
  ['out', 'h', 'weights', 'cycle'],
  ['h', 'x', 'weights', 'edge-into-input'],
  ['h', 'one', 'weights', 'edge-into-bias'],
  ['L', 'h2', 'weights', 'edge-out-of-loss'],
  ['x', 'h', 'weights', 'duplicate-edge'],
  ['h', 'L2', 'skip', 'skip-into-loss'],
  ['x', 'L2', 'weights', 'loss-source-not-dense'],
  ['one', 'h2', 'skip', 'skip-from-bias'],
  ['h', 'h2', 'skip', 'skip-width-mismatch'],
  ['nope', 'h', 'weights', 'dangling-edge'],
  ['h2', 'L', 'weights', 'loss-fan-in'],
  ['sm', 'h2', 'weights', 'softmax-not-output'],
  ['h', 'sm', 'skip', 'softmax-skip-input']
]

describe('connect refusals', () => {
  const en = translator(createAppI18n('en').global)
  const zh = translator(createAppI18n('zh-CN').global)
  for (const [from, to, kind, code] of attempts)
    it(`${from} → ${to} (${kind}): ${code}, worded in both languages`, () => {
      const r = connectRefusal(graph(), from, to, kind)
      expect(r?.code).toBe(code)
      const msg = { ...r!, family: 'connect' }
      expect(engineText(en, msg)).toBe(r!.message)
      const text = engineText(zh, msg)
      expect(text).not.toBe(r!.message)
      // Only ids, labels and notation may stay Latin.
      expect(text.replace(/"[^"]*"|\([^)]*\)|softmax|\b(h2?|sm|nope)\b/g, '')).not.toMatch(/[A-Za-z]{3,}/)
    })
})
