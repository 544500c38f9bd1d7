import { ref } from 'vue'
import { useVueFlow } from '@vue-flow/core'
import type { NodeKind } from '@engine/index'
import { useGraphStore } from '@renderer/stores/graph'
import { useUiStore } from '@renderer/stores/ui'
import { snapPosition } from '@renderer/graph/layout'

/** Our own MIME type, so a palette drag is never mistaken for a file (CSV) drop or a text drag. */
export const NODE_MIME = 'application/x-backprop-node'
const KINDS: readonly NodeKind[] = ['input', 'bias', 'dense', 'loss']

/** Roughly half a node card, so a dropped node lands centred under the pointer. */
const HALF_NODE = { x: 80, y: 40 }

/** Palette → canvas drag and drop, modelled on Vue Flow's dnd example. */
export function useDragAndDrop(flowId: string) {
  const graph = useGraphStore()
  const ui = useUiStore()
  const { screenToFlowCoordinate } = useVueFlow(flowId)
  const isDragOver = ref(false)

  function onDragStart(event: DragEvent, kind: NodeKind): void {
    event.dataTransfer?.setData(NODE_MIME, kind)
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'copy'
  }

  function onDragOver(event: DragEvent): void {
    const types = event.dataTransfer?.types ?? []
    if (!types.includes(NODE_MIME) && !types.includes('Files')) return
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    isDragOver.value = types.includes(NODE_MIME)
  }

  function onDragLeave(): void {
    isDragOver.value = false
  }

  function onDrop(event: DragEvent): void {
    isDragOver.value = false
    const transfer = event.dataTransfer
    if (!transfer) return
    // Files go on to the window's one drop handler (platform/drop.ts), which loads the CSV.
    if (transfer.types.includes('Files')) return
    const kind = transfer.getData(NODE_MIME) as NodeKind
    if (!KINDS.includes(kind)) return
    event.preventDefault()
    const at = screenToFlowCoordinate({ x: event.clientX, y: event.clientY })
    const position = { x: Math.round(at.x - HALF_NODE.x), y: Math.round(at.y - HALF_NODE.y) }
    graph.addNode(kind, ui.snapToGrid ? snapPosition(position) : position)
  }

  return { isDragOver, onDragStart, onDragOver, onDragLeave, onDrop }
}
