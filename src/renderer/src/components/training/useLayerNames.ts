/** Keeps the training store's layer display names in step with the graph being edited. */
import { watch } from 'vue'
import { nodeNames } from '@renderer/components/explainer/backwardSteps'
import { useGraphStore } from '@renderer/stores/graph'
import { useTrainingStore } from '@renderer/stores/training'

export function useLayerNames(): void {
  const graph = useGraphStore()
  const training = useTrainingStore()
  watch(
    () => graph.graph,
    (g) => {
      training.layerNames = nodeNames(g)
    },
    { immediate: true }
  )
}
