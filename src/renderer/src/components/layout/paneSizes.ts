/**
 * The workbench's pane sizes (percentages, as splitpanes gives them), remembered between sessions in
 * localStorage. Anything unreadable there — another version's shape, a hand edit, a full or missing
 * storage — gives the defaults, which put canvas, training controls, loss and δ on one screen.
 */
export interface PaneSizes {
  /** Height of the canvas row (palette | canvas | inspector), % of the workbench. */
  canvas: number
  /** Width of the tabs (problems, data, training) beside the live charts, % of the bottom row. */
  tabs: number
}

export const DEFAULT_PANE_SIZES: PaneSizes = { canvas: 52, tabs: 46 }
export const PANE_SIZES_KEY = 'backprop-studio.panes.v1'

/** Each pane keeps at least this share, so none can be dragged out of sight. */
export const MIN_PANE = 20

const valid = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= MIN_PANE && v <= 100 - MIN_PANE

export function parsePaneSizes(text: string | null): PaneSizes {
  if (!text) return { ...DEFAULT_PANE_SIZES }
  try {
    const o = JSON.parse(text) as Partial<Record<keyof PaneSizes, unknown>>
    return {
      canvas: valid(o.canvas) ? o.canvas : DEFAULT_PANE_SIZES.canvas,
      tabs: valid(o.tabs) ? o.tabs : DEFAULT_PANE_SIZES.tabs
    }
  } catch {
    return { ...DEFAULT_PANE_SIZES }
  }
}

export function loadPaneSizes(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage
): PaneSizes {
  try {
    return parsePaneSizes(storage?.getItem(PANE_SIZES_KEY) ?? null)
  } catch {
    return { ...DEFAULT_PANE_SIZES }
  }
}

export function savePaneSizes(
  sizes: PaneSizes,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage
): void {
  try {
    storage?.setItem(PANE_SIZES_KEY, JSON.stringify(sizes))
  } catch {
    // A full or disabled storage only costs the remembered sizes.
  }
}
