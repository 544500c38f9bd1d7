/** The rules on one node's own fields: units, activation, leak, initialiser, loss, Huber δ. */
import { ACTIVATIONS, INITIALIZERS, LOSSES, type GraphNode } from '../types'
import { describe, isPositiveInt, nodeParams } from './labels'
import type { Report } from './report'

/** Largest layer width accepted (guards against a typo allocating gigabytes). */
export const MAX_UNITS = 100_000

/** Reports every bad field of `node` (a node of a known kind). */
export function checkNodeFields(node: GraphNode, error: Report): void {
  const at = { nodeId: node.id }
  switch (node.kind) {
    case 'input':
      if (node.units !== undefined && !isPositiveInt(node.units)) {
        error('bad-units', `${describe(node)} has units ${String(node.units)}; use a whole number ≥ 1.`, at, {
          ...nodeParams(node),
          variant: 'input',
          units: String(node.units)
        })
      }
      break
    case 'dense':
      if (!isPositiveInt(node.units) || node.units > MAX_UNITS) {
        error(
          'bad-units',
          `${describe(node)} has units ${String(node.units)}; use a whole number from 1 to ${MAX_UNITS}.`,
          at,
          { ...nodeParams(node), variant: 'dense', units: String(node.units), max: MAX_UNITS }
        )
      }
      if (!(ACTIVATIONS as readonly string[]).includes(node.activation)) {
        error(
          'bad-activation',
          `${describe(node)} has unknown activation "${String(node.activation)}" (one of ${ACTIVATIONS.join(', ')}).`,
          at,
          { ...nodeParams(node), value: String(node.activation), allowed: ACTIVATIONS.join(', ') }
        )
      }
      if (node.leak !== undefined && !(Number.isFinite(node.leak) && node.leak >= 0 && node.leak < 1)) {
        error('bad-leak', `${describe(node)} has leak ${String(node.leak)}; use a number in [0, 1).`, at, {
          ...nodeParams(node),
          value: String(node.leak)
        })
      }
      if (node.init !== undefined && !(INITIALIZERS as readonly string[]).includes(node.init)) {
        error(
          'bad-init',
          `${describe(node)} has unknown initialiser "${String(node.init)}" (one of ${INITIALIZERS.join(', ')}).`,
          at,
          { ...nodeParams(node), value: String(node.init), allowed: INITIALIZERS.join(', ') }
        )
      }
      break
    case 'loss':
      if (!(LOSSES as readonly string[]).includes(node.loss)) {
        error(
          'bad-loss',
          `${describe(node)} has unknown loss "${String(node.loss)}" (one of ${LOSSES.join(', ')}).`,
          at,
          { ...nodeParams(node), value: String(node.loss), allowed: LOSSES.join(', ') }
        )
      }
      if (node.huberDelta !== undefined && !(Number.isFinite(node.huberDelta) && node.huberDelta > 0)) {
        error(
          'bad-huber-delta',
          `${describe(node)} has huberDelta ${String(node.huberDelta)}; use a number > 0.`,
          at,
          { ...nodeParams(node), value: String(node.huberDelta) }
        )
      }
      break
  }
}
