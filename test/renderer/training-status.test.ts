import { describe, expect, it } from 'vitest'
import type { DoneEvent } from '@engine/train/types'
import { createAppI18n } from '@renderer/i18n'
import {
  doneText,
  englishTranslator,
  noticeText,
  doneMessage,
  translator
} from '@renderer/i18n/engineMessages'
import { formatDuration, RateMeter } from '@renderer/training/eta'

const done = (d: Partial<DoneEvent>): DoneEvent => ({
  type: 'done',
  reason: 'epochs',
  message: '',
  epoch: 3,
  step: 30,
  final: { epoch: 3, step: 30, learningRate: 0.01, train: { loss: 0.25 }, validation: { loss: 0.3125 } },
  ...d
})

const stopReasonText = (d: DoneEvent, layerName?: (id: string) => string): string =>
  doneText(englishTranslator(), d, layerName)

describe('why training ended (doneText)', () => {
  it('names each reason in a sentence', () => {
    expect(stopReasonText(done({}))).toBe('Finished: all 3 epochs done. Loss 0.3125.')
    expect(stopReasonText(done({ reason: 'target', final: null }))).toBe(
      'Finished: loss target reached after 3 epochs.'
    )
    expect(stopReasonText(done({ reason: 'converged' }))).toMatch(/change in loss fell below ε/)
    expect(stopReasonText(done({ reason: 'early-stop', bestEpoch: 2 }))).toMatch(/Early stop.*\(epoch 2\)/)
    expect(stopReasonText(done({ reason: 'stopped', epoch: 1 }))).toBe(
      'Stopped by user after 1 epoch (step 30). Loss 0.3125.'
    )
  })

  it('says where a NaN appeared, with the layer’s display name', () => {
    const text = stopReasonText(
      done({ reason: 'non-finite', nonFinite: { layer: 'h1', quantity: 'z', step: 12 } }),
      (id) => (id === 'h1' ? 'Hidden' : id)
    )
    expect(text).toMatch(/^Stopped: NaN\/∞ in z at layer Hidden, step 12\./)
  })

  it('is worded in 简体中文 as a notice, quantity and final loss included', () => {
    const zh = translator(createAppI18n('zh-CN').global)
    const d = done({
      reason: 'non-finite',
      final: null,
      nonFinite: { layer: 'h1', quantity: 'loss', step: 12 }
    })
    const text = noticeText(zh, { engine: doneMessage(d) })
    expect(text).toBe(doneText(zh, d))
    expect(text).toMatch(/h1/)
    expect(text.replace('NaN', '')).not.toMatch(/[A-Za-z]{3,}/)
    const finished = noticeText(zh, { engine: doneMessage(done({})) })
    expect(finished).toMatch(/0\.3125/)
    expect(finished).not.toMatch(/Loss|Finished/)
  })
})

describe('RateMeter', () => {
  it('measures steps per second and the time left', () => {
    const m = new RateMeter(0)
    m.update(0, 0)
    expect(m.etaSeconds(0, 100)).toBeNaN()
    m.update(50, 2000)
    expect(m.stepsPerSecond).toBeCloseTo(25, 12)
    expect(m.etaSeconds(50, 100)).toBeCloseTo(2, 12)
    m.reset()
    m.update(60, 100_000) // after a pause: no bogus low rate
    expect(m.stepsPerSecond).toBeCloseTo(25, 12)
  })

  it('formats durations', () => {
    expect(formatDuration(75)).toBe('1:15')
    expect(formatDuration(3725)).toBe('1:02:05')
    expect(formatDuration(NaN)).toBe('–')
  })
})
