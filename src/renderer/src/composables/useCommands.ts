import { useVueFlow } from '@vue-flow/core'
import { useI18n } from 'vue-i18n'
import { noticeText } from '@renderer/i18n/engineMessages'
import { useGraphStore } from '@renderer/stores/graph'
import { useProjectStore } from '@renderer/stores/project'
import { useTrainingStore } from '@renderer/stores/training'
import { useUiStore } from '@renderer/stores/ui'
import { useWeightsStore } from '@renderer/stores/weights'

export const FLOW_ID = 'editor'

/**
 * Every editor command in one place, shared by the toolbar, the keyboard shortcuts and the desktop
 * app's Edit/File/View menus, so each does exactly the same thing however it is invoked.
 */
export function useCommands() {
  const graph = useGraphStore()
  const project = useProjectStore()
  const ui = useUiStore()
  const training = useTrainingStore()
  const weights = useWeightsStore()
  const flow = useVueFlow(FLOW_ID)
  const i18n = useI18n()
  /** The save dialog suggests the name the toolbar shows, in the user's language. */
  const shownName = (): string => noticeText(i18n, project.displayNotice)

  /** Save during a run writes the weights of this moment, not those of the last pause or finished run. */
  const currentWeights = (): Promise<unknown> =>
    training.isRunning || training.isPaused ? weights.captureModel() : weights.settled()

  const fitView = (): void => {
    void flow.fitView({ padding: 0.2, duration: 200 })
  }

  return {
    newProject: () => project.newProject(),
    newFromTemplate: async (id: string) => {
      if (await project.newFromTemplate(id)) setTimeout(fitView, 50)
    },
    open: async () => {
      if (await project.open()) setTimeout(fitView, 50)
    },
    save: async () => {
      await currentWeights()
      return project.save(shownName())
    },
    saveAs: async () => {
      await currentWeights()
      return project.saveAs(shownName())
    },
    undo: () => graph.undo(),
    redo: () => graph.redo(),
    copy: () => graph.copy(),
    cut: () => graph.cut(),
    paste: () => graph.paste(),
    duplicate: () => graph.duplicate(),
    remove: () => graph.removeSelected(),
    selectAll: () => graph.selectAll(),
    autoArrange: () => {
      // The canvas's measured node heights: an expanded layer is as tall as its units.
      const heights = Object.fromEntries(
        flow.getNodes.value.map((n) => [n.id, n.dimensions?.height ?? 0] as const)
      )
      graph.autoArrange(heights)
      setTimeout(fitView, 50)
    },
    fitView,
    zoomIn: () => void flow.zoomIn({ duration: 150 }),
    zoomOut: () => void flow.zoomOut({ duration: 150 }),
    showProblems: () => {
      ui.bottomTab = 'problems'
    }
  }
}

export type Commands = ReturnType<typeof useCommands>
