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
  return (
    '#' +
    mixRgb(rgbOf(a), rgbOf(b), t)
      .map((v) => v.toString(16).padStart(2, '0'))
      .join('')
  )
}

/** mix on red, green and blue already parsed (0–255 each; t clamped to [0, 1]), rounded. */
export function mixRgb(a: readonly number[], b: readonly number[], t: number): number[] {
  const u = Math.min(1, Math.max(0, t))
  return a.map((v, i) => Math.round(v + (b[i] - v) * u))
}

/** The red, green and blue of a #rrggbb colour, 0–255. */
export function rgbOf(c: string): number[] {
  const m = /^#([0-9a-f]{6})$/i.exec(c)
  if (!m) throw new Error(`expected a #rrggbb colour, got ${c}`)
  return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16))
}
