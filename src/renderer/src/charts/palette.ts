/** Colours shared by the charts and the graph overlay. */

/** TensorFlow Playground's weight colours: orange for negative, blue for positive. */
export const NEGATIVE = '#f59322'
export const POSITIVE = '#0877bd'

/** Train / validation lines. */
export const TRAIN = '#2f6fde'
export const VALIDATION = '#e4572e'

/** One colour per layer or class, cycled (Tableau 10: distinct for colour-blind readers too). */
export const CATEGORICAL = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac'
]

export function categorical(i: number): string {
  return CATEGORICAL[((i % CATEGORICAL.length) + CATEGORICAL.length) % CATEGORICAL.length]
}

/** Linear mix of two #rrggbb colours: t = 0 gives a, t = 1 gives b. */
export function mix(a: string, b: string, t: number): string {
  const ca = rgbOf(a)
  const cb = rgbOf(b)
  const c = ca.map((v, i) => Math.round(v + (cb[i] - v) * Math.min(1, Math.max(0, t))))
  return '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('')
}

/** The red, green and blue of a #rrggbb colour, 0–255. */
export function rgbOf(c: string): number[] {
  const m = /^#([0-9a-f]{6})$/i.exec(c)
  if (!m) throw new Error(`expected a #rrggbb colour, got ${c}`)
  return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16))
}
