/**
 * With two numeric inputs, each unit of an expanded layer shows its output over the input plane, as
 * TensorFlow Playground does: the engine's own network (imported, not re-written) run on a small grid
 * of the standardised inputs with the overlay's latest weight snapshot, once per snapshot.
 */
import { computed, toRaw, type ComputedRef } from 'vue'
import { createNetwork, inspect, type GraphSpec, type ParameterMap } from '@engine/index'
import { divergingColor } from '@renderer/charts/unitGeometry'
import { useGraphStore } from '@renderer/stores/graph'
import { useTrainingStore } from '@renderer/stores/training'

/** Grid cells per side, and the span of the standardised inputs (± this many standard deviations). */
export const HEATMAP_CELLS = 12
export const HEATMAP_SPAN = 2.5

/** Per layer id, per unit: the outputs on the grid, row-major from the top-left (x₂ high) corner. */
export function unitOutputGrids(
  spec: GraphSpec,
  parameters: ParameterMap,
  cells = HEATMAP_CELLS,
  span = HEATMAP_SPAN
): Map<string, number[][]> {
  const net = createNetwork(spec, { inputWidth: 2 })
  net.setParameters(parameters)
  const y = new Float64Array(net.outputWidth)
  const out = new Map<string, number[][]>()
  for (let r = 0; r < cells; r++) {
    for (let c = 0; c < cells; c++) {
      const x1 = -span + (2 * span * (c + 0.5)) / cells
      const x2 = span - (2 * span * (r + 0.5)) / cells
      const ins = inspect(net, Float64Array.from([x1, x2]), y)
      for (const layer of ins.layers) {
        let grids = out.get(layer.id)
        if (!grids) out.set(layer.id, (grids = layer.a.map(() => [])))
        layer.a.forEach((a, k) => grids![k].push(a))
      }
    }
  }
  return out
}

/** A grid of values as a tiny PNG (one pixel per cell; the <img> scales it up without smoothing). */
function toDataUrl(values: number[], cells: number): string | null {
  if (typeof document === 'undefined') return null
  const canvas = document.createElement('canvas')
  canvas.width = canvas.height = cells
  const ctx = canvas.getContext('2d')
  if (!ctx) return null
  const scale = Math.max(1e-6, ...values.map((v) => Math.abs(v)))
  values.forEach((v, i) => {
    ctx.fillStyle = divergingColor(v, scale)
    ctx.fillRect(i % cells, Math.floor(i / cells), 1, 1)
  })
  return canvas.toDataURL()
}

const cache = new WeakMap<object, Map<string, (string | null)[]>>()

/** The heatmap images of one layer's units, or [] when the network does not have two inputs. */
export function useUnitHeatmaps(layerId: () => string | null): ComputedRef<(string | null)[]> {
  const graph = useGraphStore()
  const training = useTrainingStore()
  return computed(() => {
    const id = layerId()
    const params = training.parameters
    if (!id || !params || graph.inputWidth !== 2) return []
    let images = cache.get(params)
    if (!images) {
      images = new Map()
      try {
        // Plain copies: the engine structured-clones its spec, which a reactive proxy cannot be.
        const spec = JSON.parse(JSON.stringify(toRaw(graph.graph))) as GraphSpec
        for (const [layer, grids] of unitOutputGrids(spec, toRaw(params)))
          images.set(
            layer,
            grids.map((g) => toDataUrl(g, HEATMAP_CELLS))
          )
      } catch {
        // Weights that do not fit the graph being edited: no pictures until the next snapshot.
      }
      cache.set(params, images)
    }
    return images.get(id) ?? []
  })
}
