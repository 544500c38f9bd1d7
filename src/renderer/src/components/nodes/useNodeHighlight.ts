import { computed, type ComputedRef } from 'vue'
import { useTrainingOverlay } from '@renderer/components/training/useTrainingOverlay'

/**
 * Whether the backprop explainer's current step involves this node, for the card's highlight class.
 * Each card watches only its own answer, so stepping re-renders the cards that change, not all of them.
 */
export function useNodeHighlight(id: () => string): ComputedRef<boolean> {
  const overlay = useTrainingOverlay()
  return computed(() => overlay.isNodeHighlighted(id()))
}
