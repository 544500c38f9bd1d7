import { getInstanceByDom, type ECharts } from 'echarts/core'
import type { VueWrapper } from '@vue/test-utils'

/**
 * The ECharts instance a mounted chart draws with: of the chart frame titled `title`, or of the
 * wrapper's only chart. vue-echarts puts the instance on its root or that root's first child.
 */
export function chartInstance(w: VueWrapper, title?: string): ECharts {
  const frame =
    title === undefined
      ? w
      : w.findAll('figure.chart-frame').find((f) => f.attributes('aria-label') === title)
  if (!frame) throw new Error(`no chart "${title}"`)
  const el = frame.element.querySelector('.chart-canvas') as HTMLElement
  const chart = getInstanceByDom(el) ?? getInstanceByDom(el.firstElementChild as HTMLElement)
  if (!chart) throw new Error(`chart "${title ?? ''}" has no ECharts instance`)
  return chart
}

/**
 * A series' data as ECharts holds it in its option, with line series' packed Float64Array
 * ([x0, y0, x1, y1, …], see charts/packSeries.ts) read back as [x, y] pairs; other data as it is.
 */
export function seriesItems(data: unknown): unknown[] {
  if (!(data instanceof Float64Array)) return data as unknown[]
  const pairs: [number, number][] = []
  for (let i = 0; i + 1 < data.length; i += 2) pairs.push([data[i], data[i + 1]])
  return pairs
}
