/**
 * What the graph draws while training (TensorFlow Playground style): for each weighted edge, its
 * weights as strokes (width by |w|, colour by sign; one stroke per weight when W is small, a summary
 * otherwise), and for each dense layer a badge of its current mean |δ|; plus the explainer's highlight.
 * The node and edge components call this; everything they need is a function of an id.
 *
 * One overlay is shared by every node and edge of a store: a canvas has dozens of them, and each
 * building its own maps would redo the same work per element on every animation frame.
 */
import { computed, effectScope, shallowRef, type ComputedRef, type Ref } from 'vue'
import {
  deltaBadge,
  edgeWeightOverlay,
  histogramOverlay,
  type EdgeWeightOverlay
} from '@renderer/charts/weightOverlay'
import { useTrainingStore } from '@renderer/stores/training'
import { useUiStore } from '@renderer/stores/ui'

/** Draw per weight up to this many weights in one matrix (Playground's largest layers are 8×8). */
export const MAX_PER_WEIGHT = 64

export interface TrainingOverlay {
  active: ComputedRef<boolean>
  /** The overlay of a weighted edge, or null when none is known. */
  edgeOverlay(edgeId: string): EdgeSummary | null
  /** "|δ| 0.0123" for a dense layer, or '' when unknown. */
  nodeBadge(nodeId: string): string
  /** The badge's value, the layer's mean |δ| (the badge words it for screen readers), or undefined. */
  nodeMeanAbsDelta(nodeId: string): number | undefined
  /** Whether the explainer's current step involves this node / edge. */
  isNodeHighlighted(nodeId: string): boolean
  isEdgeHighlighted(edgeId: string): boolean
  /**
   * The canvas's way back to the explainer: a layer's "Explain" (or a click on it) leaves a request
   * here and the Training tab takes it (setting it back to null), whether it is open already or opens
   * because of it. `inspect`: run a pass on sample 0 if none has been inspected yet.
   */
  explainRequest: Ref<ExplainRequest | null>
  requestExplain(layerId: string, inspect?: boolean): void
}

/**
 * An edge's overlay with what its label is made of, for the canvas to word in the user's language:
 * the matrix's shape, or (estimated from a histogram) how many weights it has.
 */
export type EdgeSummary = EdgeWeightOverlay & ({ rows: number; cols: number } | { count: number })

export interface ExplainRequest {
  layerId: string
  inspect: boolean
}

type TrainingStore = ReturnType<typeof useTrainingStore>

/** Keyed by the store so each Pinia (each test, each window) gets its own overlay. */
const shared = new WeakMap<TrainingStore, TrainingOverlay>()

function createOverlay(store: TrainingStore): TrainingOverlay {
  const ui = useUiStore()
  /** True once there is something to draw (weights fetched or statistics streamed) and the overlay is on. */
  const active = computed(() => {
    void store.version
    return ui.overlayEnabled && (store.parameters !== null || store.latestLayers.length > 0)
  })

  // Two sources with two rates: the weight snapshot changes about once a second, the histograms with
  // every frame's `version`. Kept apart so an edge with real weights is not re-drawn per frame.
  const fromParameters = computed(() => {
    const out = new Map<string, EdgeSummary>()
    if (!ui.overlayEnabled) return out
    for (const [id, W] of Object.entries(store.parameters ?? {}))
      out.set(id, { ...edgeWeightOverlay(W, MAX_PER_WEIGHT), rows: W.length, cols: W[0]?.length ?? 0 })
    return out
  })

  const fromHistograms = computed(() => {
    void store.version
    const out = new Map<string, EdgeSummary>()
    if (!ui.overlayEnabled) return out
    for (const [id, h] of store.buffers.edgeHistograms) {
      const count = h.counts.reduce((a, b) => a + b, 0)
      out.set(id, { ...histogramOverlay(h, `(${count} weights)`), count })
    }
    return out
  })

  const deltas = computed(() => {
    const out = new Map<string, number>()
    if (!ui.overlayEnabled) return out
    for (const l of store.latestLayers) out.set(l.id, l.meanAbsDelta)
    return out
  })

  const highlighted = computed(() => ({
    nodes: new Set(ui.highlight?.nodes ?? []),
    edges: new Set(ui.highlight?.edges ?? [])
  }))

  const explainRequest = shallowRef<ExplainRequest | null>(null)

  return {
    active,
    // Real weights, when fetched, win over the histogram estimate (and `??` then never reads the
    // per-frame histograms, so the edge does not depend on them).
    edgeOverlay: (edgeId) => fromParameters.value.get(edgeId) ?? fromHistograms.value.get(edgeId) ?? null,
    nodeBadge: (nodeId) => deltaBadge(deltas.value.get(nodeId)),
    nodeMeanAbsDelta: (nodeId) => deltas.value.get(nodeId),
    isNodeHighlighted: (nodeId) => highlighted.value.nodes.has(nodeId),
    isEdgeHighlighted: (edgeId) => highlighted.value.edges.has(edgeId),
    explainRequest,
    requestExplain: (layerId, inspect = true) => {
      // A new object each time: asking again for the same layer is still news to the watcher.
      explainRequest.value = { layerId, inspect }
    }
  }
}

export function useTrainingOverlay(): TrainingOverlay {
  const store = useTrainingStore()
  let overlay = shared.get(store)
  if (!overlay) {
    // Detached: the overlay outlives whichever component asked first; it is dropped with its store.
    overlay = effectScope(true).run(() => createOverlay(store))!
    shared.set(store, overlay)
  }
  return overlay
}
