/**
 * One verdict on whether Train can start, and why not: the graph's rules (the engine's validateGraph),
 * the data binding (data loaded and prepared; input width, output width, activation and loss against
 * the task) and the training settings (the engine's resolveTrainSettings). The status bar, the Problems
 * panel and the Train button all read this store, so they can never disagree.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed } from 'vue'
import { resolveTrainSettings } from '@engine/index'
import { englishText, engineMessageOf, notice, type Notice } from '@renderer/i18n/engineMessages'
import { useDataStore } from './data'
import { useGraphStore } from './graph'
import { useTrainingStore } from './training'

/** A way to fix a problem, offered where the problem is shown. */
export type ProblemFix = 'make-output-match-data' | 'open-data-tab'

export interface Problem {
  severity: 'error' | 'warning'
  /** Which part it is about. */
  source: 'graph' | 'data' | 'settings' | 'engine'
  /** What is wrong, worded in the user's language where it is shown. */
  notice: Notice
  /** The same in English (logs, tests, the strings the toolbar still takes). */
  message: string
  nodeId?: string
  edgeId?: string
  fix?: { kind: ProblemFix; label: string; labelKey: string }
}

const ENGINE_NOT_READY_NOTICE = notice('notices.readiness.engineNotReady')
/**
 * Its English, for the training panel mounted on its own. A literal, not englishText(): translating
 * while the modules load would build the catalogue's i18n before every catalogue module is evaluated
 * (the bundle's init order); test/renderer/engine-messages.test.ts checks it equals the catalogue.
 */
export const ENGINE_NOT_READY = 'The engine is not ready to train yet.'

/** A problem from a notice: its English text beside it. */
const problem = (p: Omit<Problem, 'message'>): Problem => ({ ...p, message: englishText(p.notice) })

const fixOf = (kind: ProblemFix, labelKey: string) => ({
  kind,
  labelKey,
  label: englishText(notice(labelKey))
})

export const useReadinessStore = defineStore('readiness', () => {
  const graph = useGraphStore()
  const data = useDataStore()
  const training = useTrainingStore()

  const dataProblems = computed<Problem[]>(() => {
    const openData = fixOf('open-data-tab', 'notices.readiness.openDataTab')
    const dataProblem = (n: Notice, fix?: Problem['fix']): Problem[] => [
      problem({ severity: 'error', source: 'data', notice: n, fix })
    ]
    if (data.loading) return dataProblem(notice('notices.readiness.loading'))
    if (!data.loaded) return dataProblem(notice('notices.readiness.noData'), openData)
    if (data.prepareError) return dataProblem(data.prepareNotice ?? { text: data.prepareError }, openData)
    if (data.preparing && !data.prepared) return dataProblem(notice('notices.readiness.preparing'))
    if (!data.prepared) return dataProblem(notice('notices.readiness.notPrepared'), openData)
    const mismatch = data.mismatch
    if (!mismatch) return []
    const output = mismatch.fix?.outputId
    return mismatch.notices.map((n) =>
      problem({
        severity: 'error' as const,
        source: 'data' as const,
        notice: n,
        nodeId: output,
        fix: mismatch.fix ? fixOf('make-output-match-data', 'notices.readiness.makeOutputMatch') : undefined
      })
    )
  })

  const settingsProblems = computed<Problem[]>(() => {
    try {
      resolveTrainSettings(training.settings)
      return []
    } catch (err) {
      return [
        problem({
          severity: 'error',
          source: 'settings',
          notice: { engine: engineMessageOf(err) }
        })
      ]
    }
  })

  /** Every problem, errors first: graph, data, settings, then the engine; warnings last. */
  const problems = computed<Problem[]>(() => {
    if (graph.graph.nodes.length === 0) return []
    const fromGraph: Problem[] = graph.issues.map((i) => ({
      severity: i.severity,
      source: 'graph',
      // The graph's rules word the issue from its code and params (the English stays the engine's).
      notice: { engine: { code: i.code, message: i.message, params: i.params, family: 'graph' } },
      message: i.message,
      nodeId: i.nodeId,
      edgeId: i.edgeId
    }))
    const engine: Problem[] = training.engineReady
      ? []
      : [problem({ severity: 'error', source: 'engine', notice: ENGINE_NOT_READY_NOTICE })]
    const all = [...fromGraph, ...dataProblems.value, ...settingsProblems.value, ...engine]
    return [...all.filter((p) => p.severity === 'error'), ...all.filter((p) => p.severity === 'warning')]
  })

  /** Why Train cannot start, or undefined when it can: the first error, in the order above. */
  const blockedNotice = computed<Notice | undefined>(() => {
    if (graph.graph.nodes.length === 0) return notice('notices.readiness.emptyCanvas')
    return problems.value.find((p) => p.severity === 'error')?.notice
  })
  const blockedReason = computed<string | undefined>(() =>
    blockedNotice.value ? englishText(blockedNotice.value) : undefined
  )

  /** The one sentence the toolbar shows (wordable with noticeText; `verdict` is its English). */
  const verdictNotice = computed<Notice>(() =>
    blockedNotice.value
      ? notice('notices.readiness.cannotTrain', { reason: { notice: blockedNotice.value } })
      : notice('notices.readiness.ready')
  )
  const verdict = computed(() => englishText(verdictNotice.value))

  return { problems, blockedReason, blockedNotice, verdict, verdictNotice }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useReadinessStore, import.meta.hot))
