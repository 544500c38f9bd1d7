/**
 * A protocol `bad-payload` and a `bad-settings` error carry zod's issue (its rule, bounds, expected
 * type, options) and the field path, so the renderer words the reason in the user's language instead
 * of quoting the engine's English sentence (issue 13). Real bad requests through the real protocol.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createAppI18n } from '@renderer/i18n'
import { engineMessageOf, engineText, translator } from '@renderer/i18n/engineMessages'
import { resolveTrainSettings } from '@engine/index'
import type { EngineClient } from '@engine/index'
import { prepareIris } from '../engine/data-fixtures'
import { mlpGraph } from '../engine/trainFixtures'
import { connectRealEngine, disconnectRealEngine } from './realEngine'

const zh = translator(createAppI18n('zh-CN').global)
const en = translator(createAppI18n('en').global)
const graph = mlpGraph(4, [[8, 'tanh']], [3, 'softmax'], 'cross-entropy') as unknown as Record<
  string,
  unknown
>

async function refusal(client: EngineClient, type: string, fields: Record<string, unknown>) {
  const err = await client.requestUnchecked(type, fields).then(
    () => {
      throw new Error(`${type} was accepted`)
    },
    (e: unknown) => e
  )
  const msg = engineMessageOf(err)
  return { code: msg.code, params: msg.params, zh: engineText(zh, msg), en: engineText(en, msg) }
}

describe('zod reasons, worded from the issue', () => {
  let client: EngineClient
  beforeEach(async () => {
    setActivePinia(createPinia())
    const engine = await connectRealEngine()
    engine.ws.prepared = prepareIris()
    client = engine.client
  })
  afterEach(() => disconnectRealEngine())

  it('a bad-payload: bound, type, options, integer, missing — the field path kept', async () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      [
        'train.setLearningRate',
        { learningRate: 0 },
        '请求的字段“learningRate”无效：必须大于 0。',
        'The request\'s field "learningRate" is not valid: must be greater than 0.'
      ],
      [
        'train.setLearningRate',
        { learningRate: 'fast' },
        '请求的字段“learningRate”无效：应为数字。',
        'The request\'s field "learningRate" is not valid: expected a number.'
      ],
      [
        'train.step',
        { unit: 'week' },
        '请求的字段“unit”无效：必须是以下之一："batch", "epoch"。',
        'The request\'s field "unit" is not valid: must be one of "batch", "epoch".'
      ],
      [
        'inspect',
        { sample: 1.5 },
        '请求的字段“sample”无效：应为整数。',
        'The request\'s field "sample" is not valid: expected a whole number.'
      ],
      [
        'inspect',
        { sample: -1 },
        '请求的字段“sample”无效：必须不小于 0。',
        'The request\'s field "sample" is not valid: must be at least 0.'
      ],
      [
        'train.reset',
        { init: 'glorot-uniform' },
        '请求的字段“seed”无效：缺少这个值。',
        'The request\'s field "seed" is not valid: it is missing.'
      ]
    ]
    for (const [type, fields, zhText, enText] of cases) {
      const r = await refusal(client, type, fields)
      expect(r.code, type).toBe('bad-payload')
      expect(r.zh, JSON.stringify(fields)).toBe(zhText)
      expect(r.en, JSON.stringify(fields)).toBe(enText)
      // No English from zod or the engine inside the Chinese sentence.
      expect(r.zh).not.toMatch(/must|expected|got|missing/)
    }
  })

  it('a bad training setting: the bound and the nested field path (settings.rprop.etaMinus)', async () => {
    const low = await refusal(client, 'train.start', { graph, settings: { learningRate: -1 } })
    expect(low.code).toBe('bad-settings')
    expect(low.params).toMatchObject({ field: 'learningRate', rule: 'too-small', exclusive: true, min: 0 })
    expect(low.zh).toBe('训练设置“learningRate”无效：必须大于 0。')
    expect(low.en).toBe('The training setting "learningRate" is not valid: must be greater than 0.')

    const choice = await refusal(client, 'train.start', { graph, settings: { optimizer: 'magic' } })
    expect(choice.zh).toMatch(/^训练设置“optimizer”无效：必须是以下之一："gd", "sgd", .*"rprop"。$/)

    const nested = await refusal(client, 'train.start', { graph, settings: { rprop: { etaMinus: 2 } } })
    expect(nested.params).toMatchObject({ field: 'rprop.etaMinus', rule: 'too-big' })
    expect(nested.zh).toMatch(/^训练设置“rprop\.etaMinus”无效：必须小于 1。$/)

    const typo = await refusal(client, 'train.start', { graph, settings: { learnRate: 0.1 } })
    expect(typo.zh).toBe('训练设置“learnRate”无效：不是训练设置（你是不是想用“learningRate”？）。')
  })

  it('a setting that exceeds another, and a rule of a schema’s own (English fallback)', () => {
    const wordOf = (input: unknown) => {
      try {
        resolveTrainSettings(input as never)
      } catch (err) {
        return engineText(zh, engineMessageOf(err))
      }
      throw new Error('accepted')
    }
    expect(wordOf({ rprop: { deltaMin: 10, deltaMax: 5 } })).toBe(
      '训练设置“rprop.deltaMin”无效：不能超过 rprop.deltaMax（5）。'
    )
    expect(wordOf(7)).toBe('训练设置“settings”无效：应为对象。')
    // A rule the catalogue does not word keeps the engine's English reason rather than losing it.
    expect(
      engineText(zh, {
        code: 'bad-settings',
        family: 'settings',
        message: 'training setting "x": must be prime, got 4',
        params: { field: 'x', rule: 'other', detail: 'must be prime, got 4' }
      })
    ).toBe('训练设置“x”无效：must be prime, got 4。')
  })
})
