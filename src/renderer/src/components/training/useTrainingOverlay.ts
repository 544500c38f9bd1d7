/**
 * What the graph draws while training (TensorFlow Playground style): for each weighted edge, its
 * weights as strokes (width by |w|, colour by sign; one stroke per weight when W is small, a summary
 * otherwise), and for each dense layer a badge of its current mean |δ|; plus the explainer's highlight.
 * The node and edge components call this; everything they need is a function of an id.
 */
import { computed } from 'vue'
import {
  deltaBadge,
  edgeWeightOverlay,
  histogramOverlay,
  type EdgeWeightOverlay
} from '@renderer/charts/weightOverlay'
import { useTrainingStore } from '@renderer/stores/training'

/** Draw per weight up to this many weights in one matrix (Playground's largest layers are 8×8). */
export const MAX_PER_WEIGHT = 64

export function useTrainingOverlay() {
  const store = useTrainingStore()

  /** True once there is something to draw (weights fetched or statistics streamed) and the overlay is on. */
  const active = computed(() => {
    void store.version
    return store.overlayEnabled && (store.parameters !== null || store.latestLayers.length > 0)
  })

  const edges = computed(() => {
    void store.version
    const out = new Map<string, EdgeWeightOverlay>()
    if (!store.overlayEnabled) return out
    for (const [id, h] of store.buffers.edgeHistograms) {
      out.set(id, histogramOverlay(h, `(${h.counts.reduce((a, b) => a + b, 0)} weights)`))
    }
    // Real weights, when fetched, win over the histogram estimate.
    for (const [id, W] of Object.entries(store.parameters ?? {}))
      out.set(id, edgeWeightOverlay(W, MAX_PER_WEIGHT))
    return out
  })

  const badges = computed(() => {
    const out = new Map<string, string>()
    if (!store.overlayEnabled) return out
    for (const l of store.latestLayers) out.set(l.id, deltaBadge(l.meanAbsDelta))
    return out
  })

  const highlighted = computed(() => ({
    nodes: new Set(store.highlight?.nodes ?? []),
    edges: new Set(store.highlight?.edges ?? [])
  }))

  return {
    active,
    /** The overlay of a weighted edge, or null when none is known. */
    edgeOverlay: (edgeId: string): EdgeWeightOverlay | null => edges.value.get(edgeId) ?? null,
    /** "|δ| 0.0123" for a dense layer, or '' when unknown. */
    nodeBadge: (nodeId: string): string => badges.value.get(nodeId) ?? '',
    /** Whether the explainer's current step involves this node / edge. */
    isNodeHighlighted: (nodeId: string): boolean => highlighted.value.nodes.has(nodeId),
    isEdgeHighlighted: (edgeId: string): boolean => highlighted.value.edges.has(edgeId)
  }
}
