import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { EdgeKind, GraphSpec, NodeKind, Position, GraphIssue } from '@engine/index'
import {
  addEdge,
  addNode as addNodeTo,
  copyElements,
  createEdge,
  createNode,
  emptyGraph,
  moveNodes,
  pasteElements,
  removeElements,
  setEdgeKind as setEdgeKindOf,
  updateNode as updateNodeOf,
  type Clipboard,
  type NodePatch
} from '@renderer/graph/edit'
import {
  type HistoryLabel,
  canRedo,
  canUndo,
  createHistory,
  record,
  redo as redoOf,
  redoLabel,
  undo as undoOf,
  undoLabel
} from '@renderer/graph/history'
import { autoLayout } from '@renderer/graph/layout'
import { toFlowEdges, toFlowNodes } from '@renderer/graph/toFlow'
import { parameterCounts } from '@renderer/graph/shapes'
import { checkConnection, checkGraph, problemsByElement } from '@renderer/graph/validation'
import { englishText, notice, type Notice } from '@renderer/i18n/engineMessages'

/** The result of trying to connect two nodes. */
/** A refusal carries the reason in English (`reason`, logs and tests) and as a notice to show. */
export type ConnectResult = { ok: true; edgeId: string } | { ok: false; reason: string; notice: Notice }

/** Where to paste relative to the copied nodes, growing with each paste so copies do not stack. */
const PASTE_STEP = 40

/**
 * The network being edited: the domain graph (DESIGN §2) is the single source of truth; Vue Flow's
 * nodes and edges are derived from it. Every change goes through `commit`, so every change can be undone.
 */
export const useGraphStore = defineStore('graph', () => {
  /** The graph, with editor positions in its nodes. Replace it, never mutate it in place. */
  const graph = ref<GraphSpec>(emptyGraph())
  /** Snapshot undo/redo of `graph`. */
  const history = shallowRef(createHistory<GraphSpec>(graph.value))
  const selectedNodeIds = ref<string[]>([])
  const selectedEdgeIds = ref<string[]>([])
  /** Encoded feature count of the bound data; the input's width when set (DESIGN §2). */
  const inputWidth = ref<number | undefined>(undefined)
  /** What Copy took; survives until the next Copy. */
  const clipboard = shallowRef<Clipboard | null>(null)
  let pasteCount = 0

  /** Problems of the whole graph, from the engine's own validateGraph. */
  const issues = computed<GraphIssue[]>(() => checkGraph(graph.value, inputWidth.value))
  const errors = computed(() => issues.value.filter((i) => i.severity === 'error'))
  const isValid = computed(() => errors.value.length === 0)
  /** Why training cannot start yet, or undefined when it can. */
  const trainBlockedReason = computed(() => {
    if (graph.value.nodes.length === 0) return 'The canvas is empty: add layers or start from a template.'
    return errors.value[0]?.message
  })
  const counts = computed(() => parameterCounts(graph.value, { inputWidth: inputWidth.value }))
  const parameterTotal = computed(() => counts.value.total)

  const flowNodes = computed(() => {
    const { nodes } = problemsByElement(issues.value)
    return toFlowNodes(graph.value, {
      inputWidth: inputWidth.value,
      selectedNodes: new Set(selectedNodeIds.value),
      nodeProblems: nodes
    })
  })
  const flowEdges = computed(() => {
    const { edges } = problemsByElement(issues.value)
    return toFlowEdges(graph.value, {
      inputWidth: inputWidth.value,
      selectedEdges: new Set(selectedEdgeIds.value),
      edgeProblems: edges
    })
  })

  const selectedNode = computed(() =>
    selectedNodeIds.value.length === 1 && selectedEdgeIds.value.length === 0
      ? graph.value.nodes.find((n) => n.id === selectedNodeIds.value[0])
      : undefined
  )
  const selectedEdge = computed(() =>
    selectedEdgeIds.value.length === 1 && selectedNodeIds.value.length === 0
      ? graph.value.edges.find((e) => e.id === selectedEdgeIds.value[0])
      : undefined
  )

  const undoable = computed(() => canUndo(history.value))
  const redoable = computed(() => canRedo(history.value))
  const nextUndoLabel = computed(() => undoLabel(history.value))
  const nextRedoLabel = computed(() => redoLabel(history.value))

  /** Makes `next` the graph and one undo step (or part of the last one, when `coalesceKey` repeats). */
  function commit(next: GraphSpec, label: HistoryLabel, coalesceKey?: string): void {
    graph.value = next
    history.value = record(history.value, next, label, { coalesceKey })
    pruneSelection()
  }

  function pruneSelection(): void {
    const nodes = new Set(graph.value.nodes.map((n) => n.id))
    const edges = new Set(graph.value.edges.map((e) => e.id))
    selectedNodeIds.value = selectedNodeIds.value.filter((id) => nodes.has(id))
    selectedEdgeIds.value = selectedEdgeIds.value.filter((id) => edges.has(id))
  }

  /** Replaces the whole graph (open, new, template) and starts a fresh history. */
  function load(next: GraphSpec, label: HistoryLabel = 'Open'): void {
    graph.value = next
    history.value = createHistory(next, label)
    selectedNodeIds.value = []
    selectedEdgeIds.value = []
    pasteCount = 0
  }

  function select(nodeIds: string[], edgeIds: string[] = []): void {
    selectedNodeIds.value = [...new Set(nodeIds)]
    selectedEdgeIds.value = [...new Set(edgeIds)]
  }

  const selectAll = (): void =>
    select(
      graph.value.nodes.map((n) => n.id),
      graph.value.edges.map((e) => e.id)
    )

  /** Adds a node of `kind` at `position` (flow coordinates), selects it and returns its id. */
  function addNode(kind: NodeKind, position: Position): string {
    const node = createNode(graph.value, kind, position)
    commit(addNodeTo(graph.value, node), { key: `shell.history.add.${kind}` })
    select([node.id])
    return node.id
  }

  /**
   * Why from → to (of `kind`) would break a rule, per the engine's canConnect, as a notice to word;
   * undefined when allowed. `connectionProblem` is its English.
   */
  const connectionNotice = (from: string, to: string, kind: EdgeKind): Notice | undefined => {
    const refusal = checkConnection(graph.value, from, to, kind, inputWidth.value)
    return refusal ? { engine: refusal } : undefined
  }
  const connectionProblem = (from: string, to: string, kind: EdgeKind): string | undefined => {
    const n = connectionNotice(from, to, kind)
    return n ? englishText(n) : undefined
  }
  const refused = (n: Notice): ConnectResult => ({ ok: false, reason: englishText(n), notice: n })

  function connect(from: string, to: string, kind: EdgeKind = 'weights'): ConnectResult {
    const problem = connectionNotice(from, to, kind)
    if (problem) return refused(problem)
    const edge = createEdge(graph.value, from, to, kind)
    commit(addEdge(graph.value, edge), {
      key: kind === 'skip' ? 'shell.history.addSkip' : 'shell.history.connect'
    })
    return { ok: true, edgeId: edge.id }
  }

  function removeSelected(): void {
    if (!selectedNodeIds.value.length && !selectedEdgeIds.value.length) return
    const count = selectedNodeIds.value.length + selectedEdgeIds.value.length
    commit(
      removeElements(graph.value, selectedNodeIds.value, selectedEdgeIds.value),
      count === 1
        ? { key: 'shell.history.delete' }
        : { key: 'shell.history.deleteMany', params: { n: count } }
    )
    select([])
  }

  function removeElementsById(nodeIds: string[], edgeIds: string[]): void {
    if (!nodeIds.length && !edgeIds.length) return
    commit(removeElements(graph.value, nodeIds, edgeIds), { key: 'shell.history.delete' })
  }

  /** Edits a node's fields; repeated edits of the same field of the same node merge into one undo step. */
  function updateNode(
    id: string,
    patch: NodePatch,
    label: HistoryLabel = { key: 'shell.history.edit' }
  ): void {
    commit(updateNodeOf(graph.value, id, patch), label, `edit:${id}:${Object.keys(patch).sort().join(',')}`)
  }

  /** Turns an edge into a skip or back into weights; refused (with the reason) when the rules forbid it. */
  function setEdgeKind(id: string, kind: EdgeKind): ConnectResult {
    const edge = graph.value.edges.find((e) => e.id === id)
    if (!edge) return refused(notice('canvas.noEdge', { id }))
    const without = removeElements(graph.value, [], [id])
    const problem = checkConnection(without, edge.from, edge.to, kind, inputWidth.value)
    if (problem) return refused({ engine: problem })
    commit(setEdgeKindOf(graph.value, id, kind), {
      key: kind === 'skip' ? 'shell.history.makeSkip' : 'shell.history.makeWeighted'
    })
    return { ok: true, edgeId: id }
  }

  /** Positions while a drag is in progress: shown at once, recorded only by `commitMove`. */
  function moveLive(positions: Record<string, Position>): void {
    graph.value = moveNodes(graph.value, positions)
  }

  /** Records the end of a drag (or a nudge); moves of the same nodes in quick succession are one step. */
  function commitMove(positions: Record<string, Position>): void {
    const ids = Object.keys(positions).sort().join(',')
    commit(moveNodes(graph.value, positions), { key: 'shell.history.move' }, `move:${ids}`)
  }

  /** `heights`: the nodes' drawn heights, so expanded layers get the room they take (see autoLayout). */
  function autoArrange(heights?: Readonly<Record<string, number>>): void {
    if (!graph.value.nodes.length) return
    commit(moveNodes(graph.value, autoLayout(graph.value, { heights })), { key: 'shell.history.autoArrange' })
  }

  function copy(): boolean {
    if (!selectedNodeIds.value.length) return false
    clipboard.value = copyElements(graph.value, selectedNodeIds.value)
    pasteCount = 0
    return true
  }

  function paste(): boolean {
    if (!clipboard.value?.nodes.length) return false
    pasteCount++
    const offset = { x: PASTE_STEP * pasteCount, y: PASTE_STEP * pasteCount }
    const { spec, nodeIds } = pasteElements(graph.value, clipboard.value, offset)
    commit(
      spec,
      nodeIds.length === 1
        ? { key: 'shell.history.paste' }
        : { key: 'shell.history.pasteMany', params: { n: nodeIds.length } }
    )
    select(nodeIds)
    return true
  }

  function cut(): boolean {
    if (!copy()) return false
    removeSelected()
    return true
  }

  /** Copy + paste in one step, leaving the clipboard as it was. */
  function duplicate(): boolean {
    if (!selectedNodeIds.value.length) return false
    const copied = copyElements(graph.value, selectedNodeIds.value)
    const { spec, nodeIds } = pasteElements(graph.value, copied, { x: PASTE_STEP, y: PASTE_STEP })
    commit(spec, { key: 'shell.history.duplicate' })
    select(nodeIds)
    return true
  }

  function undo(): void {
    history.value = undoOf(history.value)
    graph.value = history.value.present.state
    pruneSelection()
  }

  function redo(): void {
    history.value = redoOf(history.value)
    graph.value = history.value.present.state
    pruneSelection()
  }

  return {
    graph,
    history,
    selectedNodeIds,
    selectedEdgeIds,
    inputWidth,
    clipboard,
    issues,
    errors,
    isValid,
    trainBlockedReason,
    counts,
    parameterTotal,
    flowNodes,
    flowEdges,
    selectedNode,
    selectedEdge,
    undoable,
    redoable,
    nextUndoLabel,
    nextRedoLabel,
    load,
    select,
    selectAll,
    addNode,
    connectionProblem,
    connectionNotice,
    connect,
    removeSelected,
    removeElements: removeElementsById,
    updateNode,
    setEdgeKind,
    moveLive,
    commitMove,
    autoArrange,
    copy,
    paste,
    cut,
    duplicate,
    undo,
    redo
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useGraphStore, import.meta.hot))
