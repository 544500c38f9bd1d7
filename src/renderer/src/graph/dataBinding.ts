/**
 * How the graph follows the data (issue 3): the input's width is the encoded feature count, the loss
 * node knows its targets, task and classes, and the output layer must have as many units as the
 * targets need, with an activation and loss that fit the task. Pure functions over the graph JSON.
 */
import type { Activation, DenseNode, GraphSpec, LossKind, LossNode, PreparedSummary } from '@engine/index'

/** Losses that make sense for each way of encoding the target. */
function fittingLosses(prepared: PreparedSummary): readonly LossKind[] {
  if (prepared.task === 'regression') return ['squared-error', 'mean-absolute-error', 'huber']
  return prepared.outputActivation === 'softmax'
    ? ['cross-entropy']
    : ['binary-cross-entropy', 'squared-error']
}

export interface GraphParts {
  loss?: LossNode
  /** The dense layer feeding the loss node. */
  output?: DenseNode
}

export function findParts(graph: GraphSpec): GraphParts {
  const loss = graph.nodes.find((n): n is LossNode => n.kind === 'loss')
  if (!loss) return {}
  const feed = graph.edges.find((e) => e.to === loss.id)
  const output = graph.nodes.find((n): n is DenseNode => n.kind === 'dense' && n.id === feed?.from)
  return { loss, output }
}

/** The loss node's data fields for `prepared`; undefined when they are already set. */
export function lossPatch(
  graph: GraphSpec,
  prepared: PreparedSummary
): { id: string; patch: Pick<LossNode, 'targets' | 'task' | 'classes'> } | undefined {
  const { loss } = findParts(graph)
  if (!loss) return undefined
  const patch = { targets: prepared.targets, task: prepared.task, classes: prepared.classes }
  const same =
    sameList(loss.targets, patch.targets) && loss.task === patch.task && sameList(loss.classes, patch.classes)
  return same ? undefined : { id: loss.id, patch }
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  return a.length === b.length && a.every((v, i) => v === b[i])
}

export interface Mismatch {
  /** Sentences for the panel, e.g. "The output layer "out" has 1 unit; the target needs 3." */
  messages: string[]
  /** What "Make output match data" changes (absent when the graph has no loss or output layer). */
  fix?: {
    outputId: string
    units: number
    activation: Activation
    lossId: string
    loss: LossKind
  }
}

/** Where the output layer or the loss does not fit the data; null when everything fits. */
export function findMismatch(graph: GraphSpec, prepared: PreparedSummary): Mismatch | null {
  const { loss, output } = findParts(graph)
  if (!loss) return { messages: ['The graph has no loss node to compare against the targets.'] }
  if (!output) return { messages: [`The loss node "${loss.name ?? loss.id}" is not fed by a dense layer.`] }
  const name = output.name ?? output.id
  const messages: string[] = []
  const units = prepared.outputWidth
  if (output.units !== units)
    messages.push(
      `The output layer "${name}" has ${output.units} unit${output.units === 1 ? '' : 's'}; ` +
        `the data needs ${units} (${describeTarget(prepared)}).`
    )
  const activationFits =
    prepared.outputActivation === 'softmax'
      ? output.activation === 'softmax'
      : prepared.task === 'regression'
        ? output.activation !== 'softmax' && output.activation !== 'sigmoid'
        : output.activation === 'sigmoid'
  if (!activationFits)
    messages.push(
      `The output activation "${output.activation}" does not fit a ${prepared.task} target; use "${prepared.outputActivation}".`
    )
  if (!fittingLosses(prepared).includes(loss.loss))
    messages.push(`The loss "${loss.loss}" does not fit a ${prepared.task} target; use "${prepared.loss}".`)
  if (messages.length === 0) return null
  return {
    messages,
    fix: {
      outputId: output.id,
      units,
      activation: activationFits ? output.activation : prepared.outputActivation,
      lossId: loss.id,
      loss: fittingLosses(prepared).includes(loss.loss) ? loss.loss : prepared.loss
    }
  }
}

function describeTarget(prepared: PreparedSummary): string {
  if (prepared.task === 'regression')
    return prepared.targets.length === 1 ? `one numeric target` : `${prepared.targets.length} numeric targets`
  const k = prepared.classes?.length ?? 0
  return prepared.outputWidth === 1 ? `two classes as one sigmoid unit` : `${k} classes, one unit each`
}
