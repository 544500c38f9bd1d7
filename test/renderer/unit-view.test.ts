/** The unit view's pure parts: unit geometry, colours, pooled matrices, the heatmap grids, pane sizes. */
import { describe, expect, it } from 'vitest'
import type { GraphSpec } from '@engine/graph/types'
import {
  divergingColor,
  expandedHandleTop,
  pooledMatrix,
  sideOffset,
  UNIT_HEADER,
  UNIT_PITCH,
  unitOffset,
  weightTitle
} from '@renderer/charts/unitGeometry'
import { unitOutputGrids } from '@renderer/components/nodes/useUnitHeatmaps'
import { unitNames } from '@renderer/components/nodes/subscript'
import { DEFAULT_PANE_SIZES, parsePaneSizes } from '@renderer/components/layout/paneSizes'
import { NEGATIVE, POSITIVE } from '@renderer/charts/palette'

describe('unit geometry', () => {
  it('puts n units symmetrically around the handle, one pitch apart', () => {
    expect([0, 1, 2].map((k) => unitOffset(k, 3))).toEqual([-UNIT_PITCH, 0, UNIT_PITCH])
    expect(unitOffset(0, 1)).toBe(0)
    // The handle sits at the centre of the unit column below the header.
    expect(expandedHandleTop(4)).toBe(UNIT_HEADER + 2 * UNIT_PITCH)
    // Collapsed, the fan spans 28 px; expanded, the units' own rows.
    expect(sideOffset(0, 8, false)).toBe(-14)
    expect(sideOffset(7, 8, false)).toBe(14)
    expect(sideOffset(7, 8, true)).toBe(3.5 * UNIT_PITCH)
  })

  it('colours diverge from grey at 0 to orange (negative) and blue (positive) at the scale', () => {
    expect(divergingColor(0, 1)).toBe('#b0b0b0')
    expect(divergingColor(Number.NaN, 1)).toBe('#b0b0b0')
    expect(divergingColor(1, 1)).toBe(POSITIVE)
    expect(divergingColor(-2, 1)).toBe(NEGATIVE)
    expect(divergingColor(0.1, 1)).not.toBe(divergingColor(0.9, 1))
  })

  it('says w, ∂C/∂w and the last update of a weight', () => {
    expect(weightTitle('x → h1', 2, 1, 0.5, -0.25, 0.0025)).toBe(
      'x → h1: W[2][1] = 0.5 · ∂C/∂w = -0.25 · last update +0.0025'
    )
    expect(weightTitle('e', 0, 0, 1, undefined, undefined)).toBe('e: W[0][0] = 1')
  })

  it('pools a large matrix to block means and leaves a small one alone', () => {
    const W = Array.from({ length: 64 }, (_, i) =>
      Array.from({ length: 40 }, (_, j) => (i < 32 ? 1 : -1) + j * 0)
    )
    const p = pooledMatrix(W, 32)
    expect(p).toHaveLength(32)
    expect(p[0]).toHaveLength(32)
    expect(p[0][0]).toBe(1)
    expect(p[31][31]).toBe(-1)
    expect(pooledMatrix([[1, 2]], 32)).toEqual([[1, 2]])
  })

  it('names units as the tutorials do', () => {
    expect(unitNames('x', 3)).toEqual(['x₁', 'x₂', 'x₃'])
    expect(unitNames('a', 12)[11]).toBe('a₁₂')
  })
})

describe('per-unit heatmaps', () => {
  it("XOR's hidden AND unit is high only near (+, +) and its NOR unit only near (−, −)", () => {
    const spec: GraphSpec = {
      format: 'backprop-studio/graph',
      version: 1,
      nodes: [
        { id: 'x', kind: 'input', units: 2 },
        { id: 'one', kind: 'bias' },
        { id: 'h', kind: 'dense', units: 2, activation: 'sigmoid' },
        { id: 'out', kind: 'dense', units: 1, activation: 'sigmoid' },
        { id: 'cost', kind: 'loss', loss: 'squared-error' }
      ],
      edges: [
        { id: 'w1', from: 'x', to: 'h' },
        { id: 'b1', from: 'one', to: 'h' },
        { id: 'w2', from: 'h', to: 'out' },
        { id: 'b2', from: 'one', to: 'out' },
        { id: 'c', from: 'out', to: 'cost' }
      ]
    }
    const grids = unitOutputGrids(
      spec,
      {
        w1: [
          [20, 20],
          [-20, -20]
        ],
        b1: [[-30], [10]],
        w2: [[20, 20]],
        b2: [[-10]]
      },
      4,
      2
    )
    const [and, nor] = grids.get('h')!
    expect(and).toHaveLength(16)
    // row-major from the top-left: x₁ low, x₂ high first; the top-right cell is (+1.5, +1.5)
    expect(and[3]).toBeGreaterThan(0.99)
    expect(and[12]).toBeLessThan(0.01)
    expect(nor[12]).toBeGreaterThan(0.99)
    expect(nor[3]).toBeLessThan(0.01)
    expect(grids.get('out')![0]).toHaveLength(16)
  })
})

describe('pane sizes', () => {
  it('reads remembered sizes and falls back to the defaults on anything else', () => {
    expect(parsePaneSizes(JSON.stringify({ canvas: 60, tabs: 30 }))).toEqual({ canvas: 60, tabs: 30 })
    expect(parsePaneSizes(null)).toEqual(DEFAULT_PANE_SIZES)
    expect(parsePaneSizes('{broken')).toEqual(DEFAULT_PANE_SIZES)
    expect(parsePaneSizes(JSON.stringify({ canvas: 99, tabs: 'wide' }))).toEqual(DEFAULT_PANE_SIZES)
  })
})
