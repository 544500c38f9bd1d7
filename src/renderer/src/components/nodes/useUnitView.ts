/**
 * Which layers the canvas shows unit by unit, and the weight being typed in. View state only: it is
 * not part of the graph (undo, the project file) — expanding a layer changes nothing about the network.
 */
import { computed, reactive, shallowRef, type ComputedRef, type ShallowRef } from 'vue'
import { expandedHandleTop, MAX_EXPANDED_UNITS } from '@renderer/charts/unitGeometry'

export interface WeightEdit {
  edgeId: string
  row: number
  col: number
  value: number
  /** Where the editor opens, in the canvas's client coordinates. */
  x: number
  y: number
}

export interface UnitView {
  expanded: Set<string>
  isExpanded(nodeId: string): boolean
  canExpand(units: number | undefined): boolean
  toggle(nodeId: string): void
  editing: ShallowRef<WeightEdit | null>
}

let shared: UnitView | null = null

export function useUnitView(): UnitView {
  if (shared) return shared
  const expanded = reactive(new Set<string>())
  shared = {
    expanded,
    isExpanded: (id) => expanded.has(id),
    canExpand: (units) => units !== undefined && units >= 1 && units <= MAX_EXPANDED_UNITS,
    toggle: (id) => (expanded.has(id) ? expanded.delete(id) : expanded.add(id)),
    editing: shallowRef(null)
  }
  return shared
}

/**
 * One layer node's expansion: whether it can open into its units (≤ MAX_EXPANDED_UNITS), whether it
 * is open, and where its handle sits then (beside the middle unit). Shared by the input and dense nodes.
 */
export function useUnitExpansion(
  nodeId: () => string,
  width: () => number | undefined
): {
  view: UnitView
  canExpand: ComputedRef<boolean>
  expanded: ComputedRef<boolean>
  handleStyle: ComputedRef<{ top: string } | undefined>
} {
  const view = useUnitView()
  const canExpand = computed(() => view.canExpand(width()))
  const expanded = computed(() => canExpand.value && view.isExpanded(nodeId()))
  const handleStyle = computed(() =>
    expanded.value ? { top: `${expandedHandleTop(width() ?? 0)}px` } : undefined
  )
  return { view, canExpand, expanded, handleStyle }
}
