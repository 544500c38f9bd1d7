/**
 * One verdict on whether Train can start, and why not: the graph's rules (the engine's validateGraph),
 * the data binding (data loaded and prepared; input width, output width, activation and loss against
 * the task) and the training settings (the engine's resolveTrainSettings). The status bar, the Problems
 * panel and the Train button all read this store, so they can never disagree.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed } from 'vue'
import { resolveTrainSettings } from '@engine/index'
import { useDataStore } from './data'
import { useGraphStore } from './graph'
import { useTrainingStore } from './training'

/** A way to fix a problem, offered where the problem is shown. */
export type ProblemFix = 'make-output-match-data' | 'open-data-tab'

export interface Problem {
  severity: 'error' | 'warning'
  /** Which part it is about. */
  source: 'graph' | 'data' | 'settings' | 'engine'
  message: string
  nodeId?: string
  edgeId?: string
  fix?: { kind: ProblemFix; label: string }
}

export const ENGINE_NOT_READY = 'The engine is not ready to train yet.'

export const useReadinessStore = defineStore('readiness', () => {
  const graph = useGraphStore()
  const data = useDataStore()
  const training = useTrainingStore()

  const dataProblems = computed<Problem[]>(() => {
    const openData = { kind: 'open-data-tab' as const, label: 'Open the Data tab' }
    if (data.loading) return [{ severity: 'error', source: 'data', message: 'The data is still loading.' }]
    if (!data.loaded)
      return [
        {
          severity: 'error',
          source: 'data',
          message: 'No data yet: load a CSV file on the Data tab and choose its target.',
          fix: openData
        }
      ]
    if (data.prepareError)
      return [{ severity: 'error', source: 'data', message: data.prepareError, fix: openData }]
    if (data.preparing && !data.prepared)
      return [{ severity: 'error', source: 'data', message: 'The data is being prepared.' }]
    if (!data.prepared)
      return [
        {
          severity: 'error',
          source: 'data',
          message: 'The data is not prepared: choose its feature and target columns on the Data tab.',
          fix: openData
        }
      ]
    const mismatch = data.mismatch
    if (!mismatch) return []
    const output = mismatch.fix?.outputId
    return mismatch.messages.map((message) => ({
      severity: 'error' as const,
      source: 'data' as const,
      message,
      nodeId: output,
      fix: mismatch.fix
        ? { kind: 'make-output-match-data' as const, label: 'Make output match data' }
        : undefined
    }))
  })

  const settingsProblems = computed<Problem[]>(() => {
    try {
      resolveTrainSettings(training.settings)
      return []
    } catch (err) {
      return [{ severity: 'error', source: 'settings', message: (err as Error).message }]
    }
  })

  /** Every problem, errors first: graph, data, settings, then the engine; warnings last. */
  const problems = computed<Problem[]>(() => {
    if (graph.graph.nodes.length === 0) return []
    const fromGraph: Problem[] = graph.issues.map((i) => ({
      severity: i.severity,
      source: 'graph',
      message: i.message,
      nodeId: i.nodeId,
      edgeId: i.edgeId
    }))
    const engine: Problem[] = training.engineReady
      ? []
      : [{ severity: 'error', source: 'engine', message: ENGINE_NOT_READY }]
    const all = [...fromGraph, ...dataProblems.value, ...settingsProblems.value, ...engine]
    return [...all.filter((p) => p.severity === 'error'), ...all.filter((p) => p.severity === 'warning')]
  })

  /** Why Train cannot start, or undefined when it can: the first error, in the order above. */
  const blockedReason = computed<string | undefined>(() => {
    if (graph.graph.nodes.length === 0) return 'The canvas is empty: add layers or start from a template.'
    return problems.value.find((p) => p.severity === 'error')?.message
  })

  /** The one sentence the toolbar shows. */
  const verdict = computed(() =>
    blockedReason.value ? `Cannot train: ${blockedReason.value}` : 'Ready to train'
  )

  return { problems, blockedReason, verdict }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useReadinessStore, import.meta.hot))
