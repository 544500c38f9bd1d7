/**
 * Which layers the canvas shows unit by unit, and the weight being typed in. View state only: it is
 * not part of the graph (undo, the project file) — expanding a layer changes nothing about the network.
 */
import { reactive, shallowRef, type ShallowRef } from 'vue'
import { MAX_EXPANDED_UNITS } from '@renderer/charts/unitGeometry'

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
