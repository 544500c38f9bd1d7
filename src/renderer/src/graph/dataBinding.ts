/**
 * How the graph follows the data (issue 3): the input's width is the encoded feature count, the loss
 * node knows its targets, task and classes, and the output layer must have as many units as the
 * targets need, with an activation and loss that fit the task. Pure functions over the graph JSON.
 */
import type { Activation, DenseNode, GraphSpec, LossKind, LossNode, PreparedSummary } from '@engine/index'
import { englishText, notice, type Notice } from '@renderer/i18n/engineMessages'

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
  /** What does not fit, as notices for the panel (worded in the user's language where shown)… */
  notices: Notice[]
  /** …and in English, e.g. "The output layer "out" has 1 unit; the data needs 3 (…)." (logs, tests). */
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

const K = 'notices.readiness.mismatch'
const only = (n: Notice): Mismatch => ({ notices: [n], messages: [englishText(n)] })

/** Where the output layer or the loss does not fit the data; null when everything fits. */
export function findMismatch(graph: GraphSpec, prepared: PreparedSummary): Mismatch | null {
  const { loss, output } = findParts(graph)
  if (!loss) return only(notice(`${K}.noLoss`))
  if (!output) return only(notice(`${K}.lossNotFed`, { name: loss.name ?? loss.id }))
  const name = output.name ?? output.id
  const notices: Notice[] = []
  const units = prepared.outputWidth
  const task = { notice: notice(`${K}.task.${prepared.task}`) }
  if (output.units !== units)
    notices.push(
      notice(output.units === 1 ? `${K}.unitsOne` : `${K}.units`, {
        name,
        units: output.units,
        needed: units,
        target: { notice: describeTarget(prepared) }
      })
    )
  const activationFits =
    prepared.outputActivation === 'softmax'
      ? output.activation === 'softmax'
      : prepared.task === 'regression'
        ? output.activation !== 'softmax' && output.activation !== 'sigmoid'
        : output.activation === 'sigmoid'
  // Ids are worded (canvas.activationKind / lossKind): "squared-error" is not Chinese, nor English prose.
  const activationName = (a: Activation) => ({ notice: notice(`canvas.activationKind.${a}`) })
  const lossName = (l: LossKind) => ({ notice: notice(`canvas.lossKind.${l}`) })
  if (!activationFits)
    notices.push(
      notice(`${K}.activation`, {
        activation: activationName(output.activation),
        task,
        use: activationName(prepared.outputActivation)
      })
    )
  if (!fittingLosses(prepared).includes(loss.loss))
    notices.push(notice(`${K}.loss`, { loss: lossName(loss.loss), task, use: lossName(prepared.loss) }))
  if (notices.length === 0) return null
  return {
    notices,
    messages: notices.map(englishText),
    fix: {
      outputId: output.id,
      units,
      activation: activationFits ? output.activation : prepared.outputActivation,
      lossId: loss.id,
      loss: fittingLosses(prepared).includes(loss.loss) ? loss.loss : prepared.loss
    }
  }
}

function describeTarget(prepared: PreparedSummary): Notice {
  if (prepared.task === 'regression')
    return prepared.targets.length === 1
      ? notice(`${K}.target.oneNumeric`)
      : notice(`${K}.target.numeric`, { n: prepared.targets.length })
  const k = prepared.classes?.length ?? 0
  return prepared.outputWidth === 1
    ? notice(`${K}.target.twoClasses`)
    : notice(`${K}.target.classes`, { n: k })
}
