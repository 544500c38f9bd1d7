/**
 * The desktop host's engine status travels as a code and params (main keeps its English for the log):
 * the renderer's English wording is main's sentence, and 简体中文 words every state the supervisor reaches.
 */
import { describe, expect, it } from 'vitest'
import { createSupervisor, type Clock, type SupervisedProcess, type SupervisorStatus } from '@engine/index'
import { toEngineStatus } from '../../src/main/engine-hub'
import { createAppI18n } from '@renderer/i18n'
import { englishText, noticeText, translator } from '@renderer/i18n/engineMessages'
import { hostNotice } from '@renderer/stores/engine'

class Proc implements SupervisedProcess {
  spawned?: () => void
  exited?: (code: number | null) => void
  answer?: { resolve(): void; reject(err: Error): void }
  onSpawn(fn: () => void) {
    this.spawned = fn
  }
  onExit(fn: (code: number | null) => void) {
    this.exited = fn
  }
  handshake() {
    return new Promise<void>((resolve, reject) => (this.answer = { resolve, reject }))
  }
  kill() {
    this.exited?.(null)
  }
}

const flush = () => new Promise<void>((r) => setImmediate(r))

describe('host status notices', () => {
  it('words every status the supervisor sends, in English exactly as main logs it', async () => {
    const clock: Clock = { now: () => 0, setTimeout: () => 1, clearTimeout: () => undefined }
    const procs: Proc[] = []
    const sup = createSupervisor({
      fork: () => {
        const p = new Proc()
        procs.push(p)
        return p
      },
      clock,
      policy: { maxCrashes: 1, windowMs: 10_000, maxRestarts: 4, initialDelayMs: 100, maxDelayMs: 1_000 }
    })
    const seen: SupervisorStatus[] = [sup.status]
    sup.onStatus((s) => seen.push(s))
    sup.start()
    procs[0].spawned!()
    procs[0].answer!.resolve()
    await flush()
    procs[0].exited!(3) // restarting
    sup.restart()
    procs[1].spawned!()
    procs[1].answer!.reject(new Error('timeout'))
    await flush() // no answer: restarting
    sup.restart()
    procs[2].exited!(null)
    procs[2].exited!(null)
    sup.stop()
    const zh = translator(createAppI18n('zh-CN').global)
    const codes = new Set<string>()
    for (const s of seen) {
      const status = toEngineStatus(s)
      expect(status.code, s.message).toBeDefined()
      codes.add(status.code!)
      const n = hostNotice(status)
      expect(englishText(n)).toBe(s.message)
      const text = noticeText(zh, n).replace(/timeout/g, '')
      expect(text).not.toBe(s.message)
      expect(text, text).not.toMatch(/[A-Za-z]{3,}/)
    }
    expect(codes).toEqual(new Set(['not-started', 'starting', 'ready', 'restarting', 'stopped']))
  })
})
