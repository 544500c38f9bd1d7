/** Reachability: every layer receives from the input (bias units carry no signal from x) and leads to the loss. */
import { describe, nodeParams } from './labels'
import type { Report } from './report'
import type { Structure } from './structure'

export function checkReachability(s: Structure, disconnected: ReadonlySet<string>, error: Report): void {
  const fromInput = new Set<string>()
  const stack = s.inputs.slice(0, 1).map((n) => n.id)
  while (stack.length) {
    const id = stack.pop()!
    if (fromInput.has(id)) continue
    fromInput.add(id)
    for (const e of s.outs.get(id) ?? []) stack.push(e.to)
  }
  const toLoss = new Set<string>()
  const back = s.losses.map((n) => n.id)
  while (back.length) {
    const id = back.pop()!
    if (toLoss.has(id)) continue
    toLoss.add(id)
    for (const e of s.ins.get(id) ?? []) back.push(e.from)
  }
  for (const node of s.byId.values()) {
    if (disconnected.has(node.id)) continue
    if (node.kind === 'dense' && s.inputs.length > 0 && !fromInput.has(node.id)) {
      error(
        'unreachable',
        `${describe(node)} receives nothing from the input.`,
        { nodeId: node.id },
        nodeParams(node)
      )
    }
    if ((node.kind === 'dense' || node.kind === 'input') && s.losses.length > 0 && !toLoss.has(node.id)) {
      error(
        'dead-end',
        `${describe(node)} does not lead to the loss, so it cannot be trained.`,
        { nodeId: node.id },
        nodeParams(node)
      )
    }
  }
}
