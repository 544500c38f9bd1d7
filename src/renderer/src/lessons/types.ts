/**
 * A lesson: one of the tutorials' worked examples as a network on the canvas (graph JSON with its
 * exact parameters and inputs) plus the steps that walk through it. Every number in a step comes from
 * the engine (src/engine) when the lesson is built; nothing here is typed in by hand except the
 * tutorials' own inputs, weights and the values they print (to show where they slipped).
 *
 * Words live in the i18n catalogues: a step names its text by key and passes numbers as parameters,
 * so the same step reads in English and 简体中文. Formulas are KaTeX strings (language-neutral).
 */
import type { GraphSpec, Inspection, ParameterMap } from '@engine/index'

/** Where a number belongs on the graph: on a layer's card or on an edge. */
export type Place = { node: string } | { edge: string }

/** One number shown on the graph, e.g. O₃ = 0.6803 on the hidden layer. */
export interface Shown {
  place: Place
  /** The symbol in the lesson's notation, as KaTeX (e.g. "O_3"). */
  tex: string
  value: number
}

/** A place where the tutorial prints something else than the engine computes. */
export interface TutorialSlip {
  /** i18n key of the explanation (lessons.slips.*). */
  key: string
  /** What the tutorial prints (when it is a number), for the explanation's {printed}. */
  printed?: number
  /** What the engine computes, for {correct}. */
  correct?: number
}

/** A small table (the truth table of lesson 2, the comparison of lesson 3). Header cells are i18n keys or KaTeX. */
export interface LessonTable {
  /** Column headers as KaTeX. */
  columns: string[]
  rows: (number | string)[][]
  /** Per row: does it check out (e.g. the network's rounded output equals XNOR)? */
  ok?: boolean[]
}

/** Bars (mean |δ| per layer) or lines (loss per step) drawn in the panel. */
export interface LessonSeries {
  /** i18n key of the series' name. */
  key: string
  values: number[]
}
export interface LessonChart {
  kind: 'bars' | 'lines'
  /** Category labels of the x axis (layer names for bars); lines use the index. */
  labels?: string[]
  /** Draw the values on a log scale (δ over many orders of magnitude). */
  log?: boolean
  series: LessonSeries[]
}

export type Phase = 'forward' | 'loss' | 'backward' | 'update' | 'summary'
export type Rule = 'BP-1' | 'BP-2' | 'BP-3' | 'BP-4'

export interface LessonStep {
  id: string
  phase: Phase
  /** i18n key of the step's text (lessons.<lesson>.<step>). */
  text: string
  /** Numbers the text refers to by name; formatted for the locale when shown. */
  params?: Record<string, number>
  /** The step's formulas, KaTeX, with the engine's numbers filled in. */
  formulas: string[]
  rules?: Rule[]
  shown: Shown[]
  slips?: TutorialSlip[]
  /** Nodes and edges the step is about (highlighted on the graph). */
  highlight: { nodes: string[]; edges: string[] }
  table?: LessonTable
  chart?: LessonChart
  /** When set, the step shows another network on the canvas (lesson 6's variants). */
  graph?: LessonNetwork
}

/** A network as the canvas shows it: graph JSON (with positions) and its exact parameters. */
export interface LessonNetwork {
  graph: GraphSpec
  parameters: ParameterMap
}

/**
 * What an exercise can be asked about: one pass per sample of a batch (the first is the one the
 * z, a, δ questions are about; gradients are averaged over all of them, BP-3 with 1/m), the parameters
 * before the step, and the step size of gradient descent.
 */
export interface ExerciseSource {
  samples: { inspection: Inspection; x: number[]; y: number[] }[]
  parameters: ParameterMap
  learningRate: number
  notation: Notation
  /** The input node's id (for the seed-001 unit numbering). */
  inputId: string
}

export type Notation = 'seed001' | 'layer'

export interface Lesson {
  id: string
  /** 1…8, as the issue numbers them. */
  number: number
  /** The tutorials (seed file numbers) it follows. */
  seeds: string[]
  /** i18n keys: lessons.<id>.title / .summary. */
  title: string
  summary: string
  network: LessonNetwork
  steps: LessonStep[]
  exercise: ExerciseSource
}
