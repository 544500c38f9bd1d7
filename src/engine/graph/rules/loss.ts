/** The rules about the loss: its one source (the output layer), softmax only there, and loss/activation pairing. */
import type { GraphNode } from '../types'
import { describe, nodeLabel, nodeParams } from './labels'
import type { Report } from './report'
import type { Structure } from './structure'

/**
 * A loss is fed by exactly one layer. Returns the output layer: the dense layer feeding the one
 * loss, if there is exactly one loss and it is so fed.
 */
export function checkLossFanIn(s: Structure, error: Report): GraphNode | undefined {
  let output: GraphNode | undefined
  const loss = s.losses.length === 1 ? s.losses[0] : undefined
  for (const l of s.losses) {
    const sources = s.ins.get(l.id)!
    if (sources.length !== 1) {
      error(
        'loss-fan-in',
        sources.length === 0
          ? `${describe(l)} is not fed by any layer; connect the output layer to it.`
          : `${describe(l)} is fed by ${sources.length} layers (${sources.map((e) => nodeLabel(s.byId.get(e.from)!)).join(', ')}); it needs exactly one.`,
        { nodeId: l.id },
        {
          ...nodeParams(l),
          variant: sources.length === 0 ? 'none' : 'several',
          count: sources.length,
          sources: sources.map((e) => nodeLabel(s.byId.get(e.from)!)).join(', ')
        }
      )
    } else if (l === loss && s.byId.get(sources[0].from)!.kind === 'dense') {
      output = s.byId.get(sources[0].from)
    }
  }
  return output
}

/** Softmax only on the output layer, and never with a skip edge into it. */
export function checkSoftmax(s: Structure, output: GraphNode | undefined, error: Report): void {
  for (const node of s.byId.values()) {
    if (node.kind !== 'dense' || node.activation !== 'softmax') continue
    const feedsOnlyLoss = s.outs.get(node.id)!.every((e) => s.byId.get(e.to)!.kind === 'loss')
    if (!feedsOnlyLoss || (output && node !== output)) {
      error(
        'softmax-not-output',
        `${describe(node)} uses softmax, which is only allowed on the output layer.`,
        { nodeId: node.id },
        nodeParams(node)
      )
    }
    const skipIn = s.ins.get(node.id)!.find((e) => e.kind === 'skip')
    if (skipIn) {
      error(
        'softmax-skip-input',
        `${describe(node)} uses softmax and receives skip edge "${skipIn.id}"; its output must stay a probability vector.`,
        { nodeId: node.id, edgeId: skipIn.id },
        { ...nodeParams(node), edgeId: skipIn.id }
      )
    }
  }
}

/** Cross-entropy needs a softmax output; binary cross-entropy a sigmoid or softmax one without a skip edge. */
export function checkLossActivation(s: Structure, output: GraphNode | undefined, error: Report): void {
  const loss = s.losses.length === 1 ? s.losses[0] : undefined
  if (!(output && output.kind === 'dense' && loss && loss.kind === 'loss')) return
  const act = output.activation
  const outHasSkip = s.ins.get(output.id)!.some((e) => e.kind === 'skip')
  if (loss.loss === 'cross-entropy' && act !== 'softmax') {
    error(
      'loss-activation-mismatch',
      `${describe(loss)} uses cross-entropy, which needs a softmax output layer, but ${describe(output)} uses ${act}.`,
      { nodeId: loss.id },
      { variant: 'cross-entropy', ...nodeParams(loss), ...nodeParams(output, 'output'), activation: act }
    )
  }
  if (loss.loss === 'binary-cross-entropy' && ((act !== 'sigmoid' && act !== 'softmax') || outHasSkip)) {
    // Its logs are only exact from the logits of a sigmoid or softmax output; on anything else they
    // were clipped, and a clipped log has a zero gradient (issue 10), so the pairing is refused.
    error(
      'loss-activation-mismatch',
      outHasSkip
        ? `${describe(loss)} uses binary cross-entropy, which needs the output of ${describe(output)} to be a probability, but a skip edge adds to it; remove the skip edge into the output or use squared error.`
        : `${describe(loss)} uses binary cross-entropy, which needs a sigmoid or softmax output layer, but ${describe(output)} uses ${act}.`,
      { nodeId: loss.id },
      {
        variant: outHasSkip ? 'bce-skip' : 'bce',
        ...nodeParams(loss),
        ...nodeParams(output, 'output'),
        activation: act
      }
    )
  }
}
