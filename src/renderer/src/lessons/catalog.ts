/**
 * The eight lessons. Each one is built from the tutorials' inputs and weights by running the engine
 * (networks.ts); the steps quote the engine's numbers, and where a tutorial prints something else the
 * step says so (TutorialSlip) with both numbers.
 *
 * Notation follows the tutorial a lesson comes from: lesson 1 and 5 use seed 001's hand calculation
 * (x, O, w_jk, E = ½(O − t)²), the others seeds 002/003's z⁽ˡ⁾, a⁽ˡ⁾, δ⁽ˡ⁾, W⁽ˡ⁾ with BP-1…BP-4.
 */
import type { Inspection, ParameterMap } from '@engine/index'
import { texColumn, texMatrix, texNumber as n } from './notation'
import {
  batchGradients,
  COLUMN,
  deltaMagnitudes,
  graphOf,
  initialised,
  outputs,
  pass,
  ROW,
  train
} from './networks'
import type { ExerciseSource, Lesson, LessonNetwork, LessonStep, Shown } from './types'

const at = (col: number, row = 0): { x: number; y: number } => ({ x: col * COLUMN, y: row * ROW })
const node = (id: string, tex: string, value: number): Shown => ({ place: { node: id }, tex, value })
const edge = (id: string, tex: string, value: number): Shown => ({ place: { edge: id }, tex, value })

/**
 * The two-layer chain most lessons draw: input x → hidden h → output o → loss, with edges w1, w2 and
 * c, and optionally a constant-1 unit 'one' whose edges b1 (into h) and b2 (into o) carry the biases.
 * Only the names (the lesson's notation) and which biases exist differ from lesson to lesson.
 */
function chainGraph(spec: {
  names: { x: string; h: string; o: string; loss: string }
  loss?: { id?: string; kind?: 'squared-error' | 'binary-cross-entropy' }
  bias?: { name: string; into: 'h' | 'both' }
}): LessonNetwork['graph'] {
  const { names, bias } = spec
  const lossId = spec.loss?.id ?? 'C'
  return graphOf(
    [
      { id: 'x', kind: 'input', units: 2, name: names.x, position: at(0) },
      ...(bias ? [{ id: 'one', kind: 'bias' as const, name: bias.name, position: at(0, 1) }] : []),
      { id: 'h', kind: 'dense', units: 2, activation: 'sigmoid', name: names.h, position: at(1) },
      { id: 'o', kind: 'dense', units: 1, activation: 'sigmoid', name: names.o, position: at(2) },
      {
        id: lossId,
        kind: 'loss',
        loss: spec.loss?.kind ?? 'squared-error',
        name: names.loss,
        position: at(3)
      }
    ],
    [
      { id: 'w1', from: 'x', to: 'h' },
      ...(bias ? [{ id: 'b1', from: 'one', to: 'h' }] : []),
      { id: 'w2', from: 'h', to: 'o' },
      ...(bias?.into === 'both' ? [{ id: 'b2', from: 'one', to: 'o' }] : []),
      { id: 'c', from: 'o', to: lossId }
    ]
  )
}

/**
 * A lesson's record: its i18n keys follow from its id, its exercise asks about the lesson's own
 * network (its parameters, input 'x') in the seeds' layer notation unless it says otherwise.
 */
function lessonOf(
  meta: Pick<Lesson, 'id' | 'number' | 'seeds' | 'network' | 'steps'>,
  exercise: Pick<ExerciseSource, 'samples' | 'learningRate'> & Partial<Pick<ExerciseSource, 'notation'>>
): Lesson {
  const { id, number, seeds, network, steps } = meta
  return {
    id,
    number,
    seeds,
    title: `lessons.${id}.title`,
    summary: `lessons.${id}.summary`,
    network,
    steps,
    exercise: {
      samples: exercise.samples,
      parameters: network.parameters,
      learningRate: exercise.learningRate,
      notation: exercise.notation ?? 'layer',
      inputId: 'x'
    }
  }
}

/** The four rows of the logic-gate tables and the XNOR column the composed network must give. */
const GATE_ROWS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1]
]
const XNOR = [[1], [0], [0], [1]]

// ---------------------------------------------------------------- 1. seed 001's hand calculation

/** Seed 001 (手推 1): x₁ = 0.35, x₂ = 0.9, t₅ = 0.5, w₁₃ = 0.1, w₁₄ = 0.4, w₂₃ = 0.8, w₂₄ = 0.6, w₃₅ = 0.3, w₄₅ = 0.9. */
export const SEED001 = {
  x: [0.35, 0.9],
  t: [0.5],
  w: { w13: 0.1, w14: 0.4, w23: 0.8, w24: 0.6, w35: 0.3, w45: 0.9 },
  /** What the tutorial prints where it slips. */
  printed: { O3: 0.69, dEdx5: 0.027 }
}

/** Seed 001's weights as the engine's matrices (fresh arrays), for the lessons that start from them. */
function seed001Weights(): { w1: number[][]; w2: number[][] } {
  const { w13, w14, w23, w24, w35, w45 } = SEED001.w
  return {
    // W is [target][source]: row 1 holds the weights into x₃ (w₁₃, w₂₃), row 2 into x₄ (w₁₄, w₂₄).
    w1: [
      [w13, w23],
      [w14, w24]
    ],
    w2: [[w35, w45]]
  }
}

function seed001Network(): LessonNetwork {
  return {
    graph: chainGraph({
      names: { x: 'x₁ x₂', h: 'x₃ x₄ → O₃ O₄', o: 'x₅ → O₅', loss: 'E = ½(O₅ − t₅)²' },
      loss: { id: 'E' }
    }),
    parameters: seed001Weights()
  }
}

function handLesson(): Lesson {
  const network = seed001Network()
  const { x, t, printed } = SEED001
  const ins = pass(network, x, t)
  const [h, o] = ins.layers
  const W1 = network.parameters.w1
  const [w35, w45] = network.parameters.w2[0]
  const g2 = o.gradients[0].values[0]
  const g1 = h.gradients[0].values
  const α = 0.5
  const trained = train(network, [x], [t], 'gd', α, 2)
  const after = trained.parameters
  const hiddenEdges = { nodes: ['x', 'h'], edges: ['w1'] }

  const steps: LessonStep[] = [
    {
      id: 'hidden-sum',
      phase: 'forward',
      text: 'lessons.hand.hiddenSum',
      params: { x3: h.z[0], x4: h.z[1] },
      formulas: [
        `\\begin{bmatrix}x_3\\\\x_4\\end{bmatrix}=\\begin{bmatrix}w_{13}&w_{23}\\\\w_{14}&w_{24}\\end{bmatrix}\\begin{bmatrix}x_1\\\\x_2\\end{bmatrix}=${texMatrix(W1)}${texColumn(x)}=${texColumn(h.z)}`
      ],
      shown: [
        node('x', 'x_1', x[0]),
        node('x', 'x_2', x[1]),
        edge('w1', 'w_{13}', W1[0][0]),
        edge('w1', 'w_{23}', W1[0][1]),
        edge('w1', 'w_{14}', W1[1][0]),
        edge('w1', 'w_{24}', W1[1][1]),
        node('h', 'x_3', h.z[0]),
        node('h', 'x_4', h.z[1])
      ],
      highlight: hiddenEdges
    },
    {
      id: 'hidden-out',
      phase: 'forward',
      text: 'lessons.hand.hiddenOut',
      params: { O3: h.a[0], O4: h.a[1] },
      formulas: [
        `\\sigma(x)=\\frac{1}{1+e^{-x}}`,
        `\\begin{bmatrix}O_3\\\\O_4\\end{bmatrix}=\\sigma\\begin{bmatrix}x_3\\\\x_4\\end{bmatrix}=\\sigma${texColumn(h.z)}=${texColumn(h.a)}`
      ],
      shown: [node('h', 'O_3', h.a[0]), node('h', 'O_4', h.a[1])],
      slips: [{ key: 'lessons.slips.o3', printed: printed.O3, correct: h.a[0] }],
      highlight: { nodes: ['h'], edges: [] }
    },
    {
      id: 'output',
      phase: 'forward',
      text: 'lessons.hand.output',
      params: { x5: o.z[0], O5: o.a[0] },
      formulas: [
        `x_5=w_{35}O_3+w_{45}O_4=${n(w35)}\\cdot${n(h.a[0])}+${n(w45)}\\cdot${n(h.a[1])}=${n(o.z[0])}`,
        `O_5=\\sigma(x_5)=${n(o.a[0])}`
      ],
      shown: [
        edge('w2', 'w_{35}', w35),
        edge('w2', 'w_{45}', w45),
        node('o', 'x_5', o.z[0]),
        node('o', 'O_5', o.a[0])
      ],
      highlight: { nodes: ['h', 'o'], edges: ['w2'] }
    },
    {
      id: 'loss',
      phase: 'loss',
      text: 'lessons.hand.loss',
      params: { E: ins.loss },
      formulas: [`E=\\tfrac{1}{2}(O_5-t_5)^2=\\tfrac{1}{2}(${n(o.a[0])}-${n(t[0])})^2=${n(ins.loss)}`],
      shown: [node('E', 't_5', t[0]), node('E', 'E', ins.loss)],
      highlight: { nodes: ['o', 'E'], edges: ['c'] }
    },
    {
      id: 'delta-out',
      phase: 'backward',
      text: 'lessons.hand.deltaOut',
      params: { delta5: o.delta[0], dEdO5: o.dCda[0], fPrime: o.fPrime![0] },
      rules: ['BP-1'],
      formulas: [
        `\\delta_5=\\frac{\\partial E}{\\partial x_5}=\\frac{\\partial E}{\\partial O_5}\\cdot\\frac{\\partial O_5}{\\partial x_5}=(O_5-t_5)\\,\\sigma'(x_5)`,
        `\\sigma'(x_5)=O_5(1-O_5)=${n(o.fPrime![0])}`,
        `\\delta_5=(${n(o.a[0])}-${n(t[0])})\\cdot${n(o.fPrime![0])}=${n(o.delta[0])}`
      ],
      shown: [node('o', '\\delta_5', o.delta[0])],
      slips: [{ key: 'lessons.slips.dx5', printed: printed.dEdx5, correct: o.delta[0] }],
      highlight: { nodes: ['o', 'E'], edges: ['c'] }
    },
    {
      id: 'grad-out',
      phase: 'backward',
      text: 'lessons.hand.gradOut',
      params: { g35: g2[0], g45: g2[1] },
      rules: ['BP-3'],
      formulas: [
        `\\frac{\\partial E}{\\partial w_{35}}=\\delta_5\\,O_3=${n(o.delta[0])}\\cdot${n(h.a[0])}=${n(g2[0])}`,
        `\\frac{\\partial E}{\\partial w_{45}}=\\delta_5\\,O_4=${n(o.delta[0])}\\cdot${n(h.a[1])}=${n(g2[1])}`
      ],
      shown: [
        edge('w2', '\\tfrac{\\partial E}{\\partial w_{35}}', g2[0]),
        edge('w2', '\\tfrac{\\partial E}{\\partial w_{45}}', g2[1])
      ],
      highlight: { nodes: ['h', 'o'], edges: ['w2'] }
    },
    {
      id: 'delta-hidden',
      phase: 'backward',
      text: 'lessons.hand.deltaHidden',
      params: { delta3: h.delta[0], delta4: h.delta[1] },
      rules: ['BP-2'],
      formulas: [
        `\\delta_j=O_j(1-O_j)\\sum_k\\delta_k w_{jk}`,
        `\\delta_3=O_3(1-O_3)\\,w_{35}\\,\\delta_5=${n(h.fPrime![0])}\\cdot${n(w35)}\\cdot${n(o.delta[0])}=${n(h.delta[0])}`,
        `\\delta_4=O_4(1-O_4)\\,w_{45}\\,\\delta_5=${n(h.fPrime![1])}\\cdot${n(w45)}\\cdot${n(o.delta[0])}=${n(h.delta[1])}`
      ],
      shown: [node('h', '\\delta_3', h.delta[0]), node('h', '\\delta_4', h.delta[1])],
      highlight: { nodes: ['h', 'o'], edges: ['w2'] }
    },
    {
      id: 'grad-hidden',
      phase: 'backward',
      text: 'lessons.hand.gradHidden',
      params: { g13: g1[0][0] },
      rules: ['BP-3'],
      formulas: [
        `\\frac{\\partial E}{\\partial w_{13}}=(O_5-t_5)\\,O_5(1-O_5)\\,w_{35}\\,O_3(1-O_3)\\,x_1=\\delta_3\\,x_1=${n(h.delta[0])}\\cdot${n(x[0])}=${n(g1[0][0])}`,
        `\\frac{\\partial E}{\\partial w_{23}}=\\delta_3\\,x_2=${n(g1[0][1])},\\quad\\frac{\\partial E}{\\partial w_{14}}=\\delta_4\\,x_1=${n(g1[1][0])},\\quad\\frac{\\partial E}{\\partial w_{24}}=\\delta_4\\,x_2=${n(g1[1][1])}`
      ],
      shown: [
        edge('w1', '\\tfrac{\\partial E}{\\partial w_{13}}', g1[0][0]),
        edge('w1', '\\tfrac{\\partial E}{\\partial w_{23}}', g1[0][1]),
        edge('w1', '\\tfrac{\\partial E}{\\partial w_{14}}', g1[1][0]),
        edge('w1', '\\tfrac{\\partial E}{\\partial w_{24}}', g1[1][1])
      ],
      slips: [{ key: 'lessons.slips.w44' }],
      highlight: hiddenEdges
    },
    {
      id: 'update',
      phase: 'update',
      text: 'lessons.hand.update',
      params: { alpha: α, before: trained.losses[0], after: trained.losses[1] },
      formulas: [
        `w_{jk}:=w_{jk}-\\alpha\\frac{\\partial E}{\\partial w_{jk}},\\quad\\alpha=${n(α)}`,
        `w_{35}:=${n(w35)}-${n(α)}\\cdot${n(g2[0])}=${n(after.w2[0][0])},\\quad w_{13}:=${n(W1[0][0])}-${n(α)}\\cdot${n(g1[0][0])}=${n(after.w1[0][0])}`,
        `E:\\ ${n(trained.losses[0])}\\ \\to\\ ${n(trained.losses[1])}`
      ],
      shown: [
        edge('w2', 'w_{35}', after.w2[0][0]),
        edge('w2', 'w_{45}', after.w2[0][1]),
        edge('w1', 'w_{13}', after.w1[0][0]),
        node('E', 'E', trained.losses[1])
      ],
      highlight: { nodes: [], edges: ['w1', 'w2'] }
    }
  ]
  return lessonOf(
    { id: 'hand', number: 1, seeds: ['001'], network, steps },
    { samples: [{ inspection: ins, x, y: t }], learningRate: α, notation: 'seed001' }
  )
}

// ---------------------------------------------------------------- 2. XNOR from AND, NOR and OR

function gatesNetwork(norBias: number): LessonNetwork {
  return {
    graph: chainGraph({
      names: { x: 'x₁ x₂', h: 'AND · NOR', o: 'OR → h_θ(x)', loss: 'C' },
      loss: { kind: 'binary-cross-entropy' },
      bias: { name: 'x₀ = 1', into: 'both' }
    }),
    parameters: {
      w1: [
        [20, 20],
        [-20, -20]
      ],
      b1: [[-30], [norBias]],
      w2: [[20, 20]],
      b2: [[-10]]
    }
  }
}

function xnorLesson(): Lesson {
  const network = gatesNetwork(10)
  // The tutorial writes the NOR unit as g(−10 − 20x₁ − 20x₂): the same network with that bias.
  const asPrinted = gatesNetwork(-10)
  const passes = GATE_ROWS.map((r, i) => pass(network, r, XNOR[i]))
  const printedPasses = GATE_ROWS.map((r, i) => pass(asPrinted, r, XNOR[i]))
  const hidden = (i: number, u: number): number => passes[i].layers[0].a[u]
  const out = (i: number): number => passes[i].layers[1].a[0]
  const round = (v: number): number => Math.round(v)
  const gateTable = (u: number, expected: number[]) => ({
    columns: ['x_1', 'x_2', u === 0 ? 'a^{(2)}_1' : 'a^{(2)}_2'],
    rows: GATE_ROWS.map((r, i) => [r[0], r[1], hidden(i, u)]),
    ok: GATE_ROWS.map((_, i) => round(hidden(i, u)) === expected[i])
  })
  const steps: LessonStep[] = [
    {
      id: 'and',
      phase: 'forward',
      text: 'lessons.xnor.and',
      formulas: [`a^{(2)}_1=g(-30+20x_1+20x_2)`],
      shown: [edge('w1', 'w^{(2)}_{11},w^{(2)}_{12}', 20), edge('b1', 'b^{(2)}_1', -30)],
      table: gateTable(0, [0, 0, 0, 1]),
      highlight: { nodes: ['x', 'one', 'h'], edges: ['w1', 'b1'] }
    },
    {
      id: 'nor',
      phase: 'forward',
      text: 'lessons.xnor.nor',
      formulas: [
        `a^{(2)}_2=g(10-20x_1-20x_2)`,
        `g(-10-20\\cdot0-20\\cdot0)=g(-10)=${n(printedPasses[0].layers[0].a[1])}\\neq 1`
      ],
      shown: [edge('b1', 'b^{(2)}_2', 10)],
      table: gateTable(1, [1, 0, 0, 0]),
      slips: [
        {
          key: 'lessons.slips.nor',
          printed: printedPasses[0].layers[0].a[1],
          correct: passes[0].layers[0].a[1]
        }
      ],
      highlight: { nodes: ['x', 'one', 'h'], edges: ['w1', 'b1'] }
    },
    {
      id: 'or',
      phase: 'forward',
      text: 'lessons.xnor.or',
      formulas: [`h_\\theta(x)=g(-10+20a^{(2)}_1+20a^{(2)}_2)`],
      shown: [edge('w2', 'w^{(3)}_{11},w^{(3)}_{12}', 20), edge('b2', 'b^{(3)}_1', -10)],
      slips: [{ key: 'lessons.slips.orForm' }],
      highlight: { nodes: ['h', 'one', 'o'], edges: ['w2', 'b2'] }
    },
    {
      id: 'table',
      phase: 'summary',
      text: 'lessons.xnor.table',
      formulas: [
        `h_\\theta(x)=\\mathrm{OR}(\\mathrm{AND}(x_1,x_2),\\ \\mathrm{NOR}(x_1,x_2))=\\mathrm{XNOR}(x_1,x_2)`
      ],
      shown: GATE_ROWS.map((r, i) => node('o', `h_\\theta(${r[0]},${r[1]})`, out(i))),
      table: {
        columns: ['x_1', 'x_2', 'a^{(2)}_1', 'a^{(2)}_2', 'h_\\theta(x)', '\\mathrm{XNOR}'],
        rows: GATE_ROWS.map((r, i) => [r[0], r[1], hidden(i, 0), hidden(i, 1), out(i), XNOR[i][0]]),
        ok: GATE_ROWS.map((_, i) => round(out(i)) === XNOR[i][0])
      },
      slips: [{ key: 'lessons.slips.xnorName' }],
      highlight: { nodes: ['h', 'o'], edges: ['w1', 'w2'] }
    }
  ]
  return lessonOf(
    { id: 'xnor', number: 2, seeds: ['001'], network, steps },
    { samples: [{ inspection: passes[3], x: GATE_ROWS[3], y: XNOR[3] }], learningRate: 0.5 }
  )
}

// ---------------------------------------------------------------- 3. bias as a constant-1 unit

const BIAS = { x: [0.35, 0.9], y: [0.5], b: [0.25, -0.15] }

function biasUnitNetwork(): LessonNetwork {
  const { w1, w2 } = seed001Weights()
  return {
    graph: chainGraph({
      names: { x: 'a⁽¹⁾ = x', h: 'a⁽²⁾', o: 'a⁽³⁾', loss: 'C = ½(y − a⁽³⁾)²' },
      bias: { name: 'x₀ = 1', into: 'h' }
    }),
    parameters: { w1, b1: [[BIAS.b[0]], [BIAS.b[1]]], w2 }
  }
}

/** The same layer with x₀ = 1 as a third input and b as the first column of Θ (seed 000's Y = σ(A·X)). */
function augmentedNetwork(): LessonNetwork {
  const a = biasUnitNetwork()
  return {
    graph: graphOf(
      [
        { id: 'x', kind: 'input', units: 3, name: 'x₀ x₁ x₂', position: at(0) },
        { id: 'h', kind: 'dense', units: 2, activation: 'sigmoid', name: 'a⁽²⁾', position: at(1) },
        { id: 'o', kind: 'dense', units: 1, activation: 'sigmoid', name: 'a⁽³⁾', position: at(2) },
        { id: 'C', kind: 'loss', loss: 'squared-error', name: 'C', position: at(3) }
      ],
      [
        { id: 't1', from: 'x', to: 'h' },
        { id: 'w2', from: 'h', to: 'o' },
        { id: 'c', from: 'o', to: 'C' }
      ]
    ),
    parameters: {
      t1: a.parameters.w1.map((row, i) => [a.parameters.b1[i][0], ...row]),
      w2: a.parameters.w2
    }
  }
}

function biasLesson(): Lesson {
  const network = biasUnitNetwork()
  const augmented = augmentedNetwork()
  const withB = pass(network, BIAS.x, BIAS.y)
  const withX0 = pass(augmented, [1, ...BIAS.x], BIAS.y)
  const [hb, ob] = withB.layers
  const [hx, ox] = withX0.layers
  const db = hb.gradients.find((g) => g.isBias)!.values
  const dW = hb.gradients.find((g) => !g.isBias)!.values
  const dΘ = hx.gradients[0].values
  const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-15 * Math.max(1, Math.abs(a))
  const Θ = augmented.parameters.t1
  const steps: LessonStep[] = [
    {
      id: 'two-ways',
      phase: 'forward',
      text: 'lessons.bias.twoWays',
      formulas: [
        `z^{(2)}=W^{(2)}a^{(1)}+b^{(2)}=${texMatrix(network.parameters.w1)}${texColumn(BIAS.x)}+${texColumn(BIAS.b)}`,
        `z^{(2)}=\\Theta\\begin{bmatrix}x_0\\\\x_1\\\\x_2\\end{bmatrix}=${texMatrix(Θ)}${texColumn([1, ...BIAS.x])},\\quad x_0=1`
      ],
      shown: [
        node('one', 'x_0', 1),
        edge('b1', 'b^{(2)}_1', BIAS.b[0]),
        edge('b1', 'b^{(2)}_2', BIAS.b[1]),
        node('h', 'z^{(2)}_1', hb.z[0]),
        node('h', 'z^{(2)}_2', hb.z[1])
      ],
      highlight: { nodes: ['one', 'x', 'h'], edges: ['w1', 'b1'] }
    },
    {
      id: 'forward',
      phase: 'forward',
      text: 'lessons.bias.forward',
      params: { C: withB.loss },
      formulas: [
        `a^{(2)}=\\sigma(z^{(2)})=${texColumn(hb.a)},\\quad a^{(3)}=${n(ob.a[0])},\\quad C=${n(withB.loss)}`
      ],
      shown: [
        node('h', 'a^{(2)}_1', hb.a[0]),
        node('h', 'a^{(2)}_2', hb.a[1]),
        node('o', 'a^{(3)}', ob.a[0])
      ],
      table: {
        columns: ['', '+\\,b^{(2)}', 'x_0=1'],
        rows: [
          ['z^{(2)}_1', hb.z[0], hx.z[0]],
          ['z^{(2)}_2', hb.z[1], hx.z[1]],
          ['a^{(3)}', ob.a[0], ox.a[0]],
          ['C', withB.loss, withX0.loss]
        ],
        ok: [
          same(hb.z[0], hx.z[0]),
          same(hb.z[1], hx.z[1]),
          same(ob.a[0], ox.a[0]),
          same(withB.loss, withX0.loss)
        ]
      },
      highlight: { nodes: ['h', 'o', 'C'], edges: [] }
    },
    {
      id: 'gradient',
      phase: 'backward',
      text: 'lessons.bias.gradient',
      rules: ['BP-3', 'BP-4'],
      formulas: [
        `\\frac{\\partial C}{\\partial b^{(2)}_i}=\\delta^{(2)}_i\\quad\\text{(BP-4)}`,
        `\\frac{\\partial C}{\\partial \\theta_{i0}}=\\delta^{(2)}_i\\,x_0=\\delta^{(2)}_i\\quad\\text{(BP-3)}`,
        `\\delta^{(2)}=${texColumn(hb.delta)}`
      ],
      shown: [
        node('h', '\\delta^{(2)}_1', hb.delta[0]),
        node('h', '\\delta^{(2)}_2', hb.delta[1]),
        edge('b1', '\\tfrac{\\partial C}{\\partial b^{(2)}_1}', db[0][0]),
        edge('b1', '\\tfrac{\\partial C}{\\partial b^{(2)}_2}', db[1][0])
      ],
      table: {
        columns: ['', '+\\,b^{(2)}', 'x_0=1'],
        rows: [
          ['\\partial C/\\partial b_1 \\ \\vert\\ \\partial C/\\partial\\theta_{10}', db[0][0], dΘ[0][0]],
          ['\\partial C/\\partial b_2 \\ \\vert\\ \\partial C/\\partial\\theta_{20}', db[1][0], dΘ[1][0]],
          ['\\partial C/\\partial w_{11} \\ \\vert\\ \\partial C/\\partial\\theta_{11}', dW[0][0], dΘ[0][1]],
          ['\\partial C/\\partial w_{22} \\ \\vert\\ \\partial C/\\partial\\theta_{22}', dW[1][1], dΘ[1][2]]
        ],
        ok: [
          same(db[0][0], dΘ[0][0]),
          same(db[1][0], dΘ[1][0]),
          same(dW[0][0], dΘ[0][1]),
          same(dW[1][1], dΘ[1][2])
        ]
      },
      highlight: { nodes: ['one', 'h'], edges: ['b1'] }
    }
  ]
  return lessonOf(
    { id: 'bias', number: 3, seeds: ['000', '001'], network, steps },
    { samples: [{ inspection: withB, x: BIAS.x, y: BIAS.y }], learningRate: 0.5 }
  )
}

// ---------------------------------------------------------------- 4. the residual unit Y = X + σ(z)

const RESIDUAL = { x: [0.35, 0.9], y: [0.5, 1] }

function residualNetwork(): LessonNetwork {
  return {
    graph: graphOf(
      [
        { id: 'x', kind: 'input', units: 2, name: 'a⁽¹⁾ = x', position: at(0) },
        { id: 'X', kind: 'dense', units: 2, activation: 'sigmoid', name: 'X = a⁽²⁾', position: at(1) },
        { id: 'Y', kind: 'dense', units: 2, activation: 'sigmoid', name: 'Y = X + σ(z⁽³⁾)', position: at(2) },
        { id: 'C', kind: 'loss', loss: 'squared-error', name: 'C = ½‖y − Y‖²', position: at(3) }
      ],
      [
        { id: 'w1', from: 'x', to: 'X' },
        { id: 'w2', from: 'X', to: 'Y' },
        { id: 'r', from: 'X', to: 'Y', kind: 'skip' },
        { id: 'c', from: 'Y', to: 'C' }
      ]
    ),
    parameters: {
      w1: seed001Weights().w1,
      w2: [
        [0.3, 0.9],
        [-0.5, 0.2]
      ]
    }
  }
}

function residualLesson(): Lesson {
  const network = residualNetwork()
  const ins = pass(network, RESIDUAL.x, RESIDUAL.y)
  const [X, Y] = ins.layers
  const viaW = X.contributions.find((c) => c.kind === 'weights')!.values
  const viaSkip = X.contributions.find((c) => c.kind === 'skip')!.values
  const steps: LessonStep[] = [
    {
      id: 'forward',
      phase: 'forward',
      text: 'lessons.residual.forward',
      formulas: [
        `z^{(3)}=W^{(3)}X=${texColumn(Y.z)}`,
        `Y=X+\\sigma(z^{(3)})=${texColumn(X.a)}+${texColumn(Y.z.map((_, i) => Y.a[i] - X.a[i]))}=${texColumn(Y.a)}`
      ],
      shown: [
        node('X', 'X_1', X.a[0]),
        node('X', 'X_2', X.a[1]),
        node('Y', 'Y_1', Y.a[0]),
        node('Y', 'Y_2', Y.a[1])
      ],
      highlight: { nodes: ['X', 'Y'], edges: ['w2', 'r'] }
    },
    {
      id: 'delta-out',
      phase: 'backward',
      text: 'lessons.residual.deltaOut',
      rules: ['BP-1'],
      formulas: [
        `C=\\tfrac{1}{2}\\lVert y-Y\\rVert^2=${n(ins.loss)}`,
        `\\frac{\\partial C}{\\partial Y}=Y-y=${texColumn(Y.dCda)}`,
        `\\delta^{(3)}=\\frac{\\partial C}{\\partial Y}\\odot\\sigma'(z^{(3)})=${texColumn(Y.dCda)}\\odot${texColumn(Y.fPrime!)}=${texColumn(Y.delta)}`
      ],
      shown: [node('Y', '\\delta^{(3)}_1', Y.delta[0]), node('Y', '\\delta^{(3)}_2', Y.delta[1])],
      highlight: { nodes: ['Y', 'C'], edges: ['c'] }
    },
    {
      id: 'through-skip',
      phase: 'backward',
      text: 'lessons.residual.throughSkip',
      params: { viaW: viaW[0], viaSkip: viaSkip[0] },
      rules: ['BP-2'],
      formulas: [
        `\\frac{\\partial C}{\\partial X}=(W^{(3)})^{\\top}\\delta^{(3)}+\\frac{\\partial C}{\\partial Y}=${texColumn(viaW)}+${texColumn(viaSkip)}=${texColumn(X.dCda)}`
      ],
      shown: [
        edge('w2', '(W^{(3)})^{\\top}\\delta^{(3)}', viaW[0]),
        edge('r', '\\tfrac{\\partial C}{\\partial Y_1}', viaSkip[0]),
        node('X', '\\tfrac{\\partial C}{\\partial X_1}', X.dCda[0]),
        node('X', '\\tfrac{\\partial C}{\\partial X_2}', X.dCda[1])
      ],
      highlight: { nodes: ['X', 'Y'], edges: ['w2', 'r'] }
    },
    {
      id: 'delta-hidden',
      phase: 'backward',
      text: 'lessons.residual.deltaHidden',
      rules: ['BP-2', 'BP-3'],
      formulas: [
        `\\delta^{(2)}=\\frac{\\partial C}{\\partial X}\\odot\\sigma'(z^{(2)})=${texColumn(X.delta)}`,
        `\\frac{\\partial C}{\\partial W^{(2)}}=\\delta^{(2)}(a^{(1)})^{\\top}=${texMatrix(X.gradients[0].values)}`
      ],
      shown: [node('X', '\\delta^{(2)}_1', X.delta[0]), node('X', '\\delta^{(2)}_2', X.delta[1])],
      highlight: { nodes: ['x', 'X'], edges: ['w1'] }
    }
  ]
  return lessonOf(
    { id: 'residual', number: 4, seeds: ['000'], network, steps },
    { samples: [{ inspection: ins, x: RESIDUAL.x, y: RESIDUAL.y }], learningRate: 0.5 }
  )
}

// ---------------------------------------------------------------- 5. batch averaging 1/m

/** Three samples for seed 001's network: its own (0.35, 0.9 → 0.5) and two more. */
export const BATCH = {
  x: [
    [0.35, 0.9],
    [0.9, 0.35],
    [0.5, 0.5]
  ],
  y: [[0.5], [0.2], [0.8]]
}

function batchLesson(): Lesson {
  const network = seed001Network()
  const passes: Inspection[] = BATCH.x.map((x, i) => pass(network, x, BATCH.y[i]))
  const m = passes.length
  const per = passes.map((p) => p.layers[1].gradients[0].values[0][0])
  const batch = batchGradients(network, BATCH.x, BATCH.y)
  const g35 = batch.gradients.w2[0][0]
  const sum = per.reduce((s, v) => s + v, 0)
  const α = 0.5
  const steps: LessonStep[] = [
    {
      id: 'per-sample',
      phase: 'backward',
      text: 'lessons.batch.perSample',
      params: { m },
      rules: ['BP-3'],
      formulas: [`\\frac{\\partial E_{(i)}}{\\partial w_{35}}=\\delta_{5(i)}\\,O_{3(i)}`],
      shown: [],
      table: {
        columns: ['i', 'x_1', 'x_2', 't_5', 'E_{(i)}', '\\partial E_{(i)}/\\partial w_{35}'],
        rows: passes.map((p, i) => [i + 1, BATCH.x[i][0], BATCH.x[i][1], BATCH.y[i][0], p.loss, per[i]])
      },
      highlight: { nodes: ['h', 'o'], edges: ['w2'] }
    },
    {
      id: 'mean',
      phase: 'backward',
      text: 'lessons.batch.mean',
      params: { m, g35, C: batch.loss },
      formulas: [
        `C=\\frac{1}{m}\\sum_{i=1}^{m}E_{(i)}=${n(batch.loss)}`,
        `\\frac{\\partial C}{\\partial w_{35}}=\\frac{1}{m}\\sum_{i=1}^{m}\\frac{\\partial E_{(i)}}{\\partial w_{35}}=\\frac{1}{${m}}(${per.map((v) => n(v)).join('+')})=${n(g35)}`
      ],
      shown: [edge('w2', '\\tfrac{\\partial C}{\\partial w_{35}}', g35), node('E', 'C', batch.loss)],
      highlight: { nodes: ['o', 'E'], edges: ['w2'] }
    },
    {
      id: 'sum-slip',
      phase: 'update',
      text: 'lessons.batch.sumSlip',
      params: { m, sum, g35 },
      formulas: [
        `\\sum_{i=1}^{m}\\frac{\\partial E_{(i)}}{\\partial w_{35}}=${n(sum)}=${m}\\cdot${n(g35)}`,
        `W^{(l)}:=W^{(l)}-\\frac{\\mu}{N}\\sum_{i=1}^{N}\\frac{\\partial E_{(i)}}{\\partial W^{(l)}}`,
        `w_{35}:=${n(network.parameters.w2[0][0])}-${n(α)}\\cdot${n(g35)}=${n(network.parameters.w2[0][0] - α * g35)}`
      ],
      shown: [edge('w2', 'w_{35}', network.parameters.w2[0][0] - α * g35)],
      highlight: { nodes: [], edges: ['w2'] }
    }
  ]
  return lessonOf(
    { id: 'batch', number: 5, seeds: ['000', '003', '004'], network, steps },
    {
      samples: passes.map((inspection, i) => ({ inspection, x: BATCH.x[i], y: BATCH.y[i] })),
      learningRate: α,
      notation: 'seed001'
    }
  )
}

// ---------------------------------------------------------------- 6. vanishing gradients

/** Hidden layers and units of lesson 6's deep network, and the initialiser seed all three variants share. */
export const DEEP = { depth: 6, units: 4, seed: 3 }

/** Two rows of four columns, so eight layers fit a canvas beside the Learn panel. */
const cell = (k: number): { x: number; y: number } => ({ x: (k % 4) * 210, y: Math.floor(k / 4) * ROW })

function deepNetwork(activation: 'sigmoid' | 'relu', skips: boolean): LessonNetwork {
  const nodes: Parameters<typeof graphOf>[0] = [
    { id: 'x', kind: 'input', units: 2, name: 'a⁽¹⁾', position: cell(0) },
    { id: 'one', kind: 'bias', name: '1', position: { x: -COLUMN, y: ROW } }
  ]
  const edges: Parameters<typeof graphOf>[1] = []
  let prev = 'x'
  for (let l = 1; l <= DEEP.depth; l++) {
    const id = `h${l}`
    nodes.push({
      id,
      kind: 'dense',
      units: DEEP.units,
      activation,
      name: `a⁽${l + 1}⁾`.replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]),
      position: cell(l)
    })
    edges.push({ id: `w${l}`, from: prev, to: id }, { id: `b${l}`, from: 'one', to: id })
    if (skips && l > 1) edges.push({ id: `r${l}`, from: prev, to: id, kind: 'skip' })
    prev = id
  }
  const last = DEEP.depth + 1
  nodes.push(
    {
      id: 'o',
      kind: 'dense',
      units: 1,
      activation: 'sigmoid',
      name: 'a⁽⁸⁾',
      position: cell(last)
    },
    { id: 'C', kind: 'loss', loss: 'squared-error', name: 'C', position: { x: 4 * 210, y: ROW } }
  )
  edges.push(
    { id: 'wo', from: prev, to: 'o' },
    { id: 'bo', from: 'one', to: 'o' },
    { id: 'c', from: 'o', to: 'C' }
  )
  return initialised(
    graphOf(nodes, edges),
    activation === 'relu' ? 'he-uniform' : 'glorot-uniform',
    DEEP.seed
  )
}

function vanishingLesson(): Lesson {
  const variants = {
    sigmoid: deepNetwork('sigmoid', false),
    relu: deepNetwork('relu', false),
    skip: deepNetwork('sigmoid', true)
  }
  const deltas = Object.fromEntries(
    Object.entries(variants).map(([k, v]) => [k, deltaMagnitudes(v, GATE_ROWS, XNOR)])
  ) as Record<keyof typeof variants, { id: string; meanAbsDelta: number }[]>
  const labels = deltas.sigmoid.map((d) => variants.sigmoid.graph.nodes.find((x) => x.id === d.id)!.name!)
  const ratio = (k: keyof typeof variants): number =>
    deltas[k][0].meanAbsDelta / deltas[k][deltas[k].length - 1].meanAbsDelta
  const series = (k: keyof typeof variants) => ({
    key: `lessons.vanishing.series.${k}`,
    values: deltas[k].map((d) => d.meanAbsDelta)
  })
  const badges = (k: keyof typeof variants): Shown[] =>
    deltas[k].map((d) => node(d.id, '\\operatorname{mean}\\lvert\\delta\\rvert', d.meanAbsDelta))
  const all = (k: keyof typeof variants) => ({
    nodes: deltas[k].map((d) => d.id),
    edges: variants[k].graph.edges.map((e) => e.id)
  })
  const steps: LessonStep[] = [
    {
      id: 'sigmoid',
      phase: 'backward',
      text: 'lessons.vanishing.sigmoid',
      params: { ratio: ratio('sigmoid') },
      rules: ['BP-2'],
      formulas: [
        `\\delta^{(l)}=\\left((W^{(l+1)})^{\\top}\\delta^{(l+1)}\\right)\\odot f'(z^{(l)})`,
        `\\sigma'(x)=\\sigma(x)(1-\\sigma(x))\\in[0,\\ 0.25]`,
        `\\frac{\\operatorname{mean}\\lvert\\delta^{(2)}\\rvert}{\\operatorname{mean}\\lvert\\delta^{(8)}\\rvert}=${n(ratio('sigmoid'))}`
      ],
      shown: badges('sigmoid'),
      chart: { kind: 'bars', labels, log: true, series: [series('sigmoid')] },
      highlight: all('sigmoid'),
      graph: variants.sigmoid
    },
    {
      id: 'relu',
      phase: 'backward',
      text: 'lessons.vanishing.relu',
      params: { ratio: ratio('relu') },
      formulas: [
        `\\mathrm{ReLU}'(z)=\\begin{cases}1 & z>0\\\\0 & z<0\\end{cases}`,
        `\\frac{\\operatorname{mean}\\lvert\\delta^{(2)}\\rvert}{\\operatorname{mean}\\lvert\\delta^{(8)}\\rvert}=${n(ratio('relu'))}`
      ],
      shown: badges('relu'),
      chart: { kind: 'bars', labels, log: true, series: [series('sigmoid'), series('relu')] },
      highlight: all('relu'),
      graph: variants.relu
    },
    {
      id: 'skip',
      phase: 'backward',
      text: 'lessons.vanishing.skip',
      params: { ratio: ratio('skip') },
      formulas: [
        `a^{(l)}=a^{(l-1)}+\\sigma(z^{(l)}),\\quad \\frac{\\partial C}{\\partial a^{(l-1)}}=(W^{(l)})^{\\top}\\delta^{(l)}+\\frac{\\partial C}{\\partial a^{(l)}}`,
        `\\frac{\\operatorname{mean}\\lvert\\delta^{(2)}\\rvert}{\\operatorname{mean}\\lvert\\delta^{(8)}\\rvert}=${n(ratio('skip'))}`
      ],
      shown: badges('skip'),
      chart: { kind: 'bars', labels, log: true, series: [series('sigmoid'), series('relu'), series('skip')] },
      highlight: all('skip'),
      graph: variants.skip
    }
  ]
  const sample = pass(variants.sigmoid, GATE_ROWS[3], XNOR[3])
  return lessonOf(
    { id: 'vanishing', number: 6, seeds: ['003'], network: variants.sigmoid, steps },
    { samples: [{ inspection: sample, x: GATE_ROWS[3], y: XNOR[3] }], learningRate: 0.5 }
  )
}

// ---------------------------------------------------------------- 7. Rprop against gradient descent

export const RPROP = { seed: 1, gdRate: 2, rpropStep: 0.1, steps: 300 }

function xnorLearner(): LessonNetwork {
  const graph = chainGraph({
    names: { x: 'a⁽¹⁾ = x', h: 'a⁽²⁾', o: 'a⁽³⁾', loss: 'C = ½(y − a⁽³⁾)²' },
    bias: { name: '1', into: 'both' }
  })
  return initialised(graph, 'glorot-uniform', RPROP.seed)
}

function rpropLesson(): Lesson {
  const network = xnorLearner()
  const gd = train(network, GATE_ROWS, XNOR, 'gd', RPROP.gdRate, RPROP.steps)
  const rp = train(network, GATE_ROWS, XNOR, 'rprop', RPROP.rpropStep, RPROP.steps)
  const gdOut = outputs({ graph: network.graph, parameters: gd.parameters }, GATE_ROWS)
  const rpOut = outputs({ graph: network.graph, parameters: rp.parameters }, GATE_ROWS)
  const last = RPROP.steps - 1
  const lines = (withRprop: boolean) => ({
    kind: 'lines' as const,
    log: true,
    series: [
      { key: 'lessons.rprop.series.gd', values: gd.losses },
      ...(withRprop ? [{ key: 'lessons.rprop.series.rprop', values: rp.losses }] : [])
    ]
  })
  const everything = { nodes: ['h', 'o'], edges: ['w1', 'b1', 'w2', 'b2'] }
  const steps: LessonStep[] = [
    {
      id: 'gd',
      phase: 'update',
      text: 'lessons.rprop.gd',
      params: { rate: RPROP.gdRate, steps: RPROP.steps, first: gd.losses[0], last: gd.losses[last] },
      formulas: [`W:=W-\\mu\\frac{\\partial C}{\\partial W},\\quad \\mu=${n(RPROP.gdRate)}`],
      shown: [node('C', 'C_{0}', gd.losses[0]), node('C', `C_{${RPROP.steps}}`, gd.losses[last])],
      chart: lines(false),
      highlight: everything
    },
    {
      id: 'rprop',
      phase: 'update',
      text: 'lessons.rprop.rprop',
      params: { step: RPROP.rpropStep, last: rp.losses[last] },
      formulas: [
        `\\Delta_{ij}\\leftarrow\\begin{cases}\\min(\\eta^{+}\\Delta_{ij},\\ \\Delta_{\\max}) & g_{ij}\\,g^{\\text{prev}}_{ij}>0\\\\ \\max(\\eta^{-}\\Delta_{ij},\\ \\Delta_{\\min}) & g_{ij}\\,g^{\\text{prev}}_{ij}<0\\end{cases}`,
        `w_{ij}:=w_{ij}-\\operatorname{sign}(g_{ij})\\,\\Delta_{ij},\\quad \\eta^{+}=1.2,\\ \\eta^{-}=0.5,\\ \\Delta_0=${n(RPROP.rpropStep)}`
      ],
      shown: [node('C', `C_{${RPROP.steps}}`, rp.losses[last])],
      chart: lines(true),
      highlight: everything
    },
    {
      id: 'outputs',
      phase: 'summary',
      text: 'lessons.rprop.outputs',
      formulas: [],
      shown: GATE_ROWS.map((r, i) => node('o', `a^{(3)}(${r[0]},${r[1]})`, rpOut[i][0])),
      table: {
        columns: ['x_1', 'x_2', 'y', 'a^{(3)}\\ \\text{GD}', 'a^{(3)}\\ \\text{Rprop}'],
        rows: GATE_ROWS.map((r, i) => [r[0], r[1], XNOR[i][0], gdOut[i][0], rpOut[i][0]]),
        ok: GATE_ROWS.map((_, i) => Math.round(rpOut[i][0]) === XNOR[i][0])
      },
      highlight: { nodes: ['o'], edges: [] }
    }
  ]
  const passes = GATE_ROWS.map((r, i) => ({ inspection: pass(network, r, XNOR[i]), x: r, y: XNOR[i] }))
  return lessonOf(
    { id: 'rprop', number: 7, seeds: ['003'], network, steps },
    { samples: passes, learningRate: RPROP.gdRate }
  )
}

// ---------------------------------------------------------------- 8. binary cross-entropy: δ = a − y

const BCE = { x: [0.35, 0.9], y: [1] }

function bceNetwork(): LessonNetwork {
  const a = biasUnitNetwork()
  const graph = structuredClone(a.graph)
  graph.nodes = graph.nodes.map((nd) =>
    nd.kind === 'loss'
      ? { ...nd, loss: 'binary-cross-entropy', name: 'C = −[y ln a + (1 − y) ln(1 − a)]' }
      : nd
  )
  return { graph, parameters: a.parameters }
}

function bceLesson(): Lesson {
  const network = bceNetwork()
  const ins = pass(network, BCE.x, BCE.y)
  const [h, o] = ins.layers
  const a = o.a[0]
  const y = BCE.y[0]
  const product = o.dCda[0] * o.fPrime![0]
  const steps: LessonStep[] = [
    {
      id: 'forward',
      phase: 'loss',
      text: 'lessons.bce.forward',
      params: { a, C: ins.loss },
      formulas: [
        `a^{(3)}=\\sigma(z^{(3)})=\\sigma(${n(o.z[0])})=${n(a)}`,
        `C=-\\left[y\\ln a^{(3)}+(1-y)\\ln(1-a^{(3)})\\right]=-\\ln ${n(a)}=${n(ins.loss)}`
      ],
      shown: [node('o', 'a^{(3)}', a), node('C', 'y', y), node('C', 'C', ins.loss)],
      highlight: { nodes: ['o', 'C'], edges: ['c'] }
    },
    {
      id: 'chain',
      phase: 'backward',
      text: 'lessons.bce.chain',
      params: { dCda: o.dCda[0], fPrime: o.fPrime![0], product },
      rules: ['BP-1'],
      formulas: [
        `\\frac{\\partial C}{\\partial a^{(3)}}=-\\frac{y}{a^{(3)}}+\\frac{1-y}{1-a^{(3)}}=${n(o.dCda[0])}`,
        `\\sigma'(z^{(3)})=a^{(3)}(1-a^{(3)})=${n(o.fPrime![0])}`,
        `\\delta^{(3)}=\\frac{\\partial C}{\\partial a^{(3)}}\\,\\sigma'(z^{(3)})=${n(o.dCda[0])}\\cdot${n(o.fPrime![0])}=${n(product)}`
      ],
      shown: [node('o', '\\tfrac{\\partial C}{\\partial a^{(3)}}', o.dCda[0])],
      highlight: { nodes: ['o', 'C'], edges: ['c'] }
    },
    {
      id: 'delta',
      phase: 'backward',
      text: 'lessons.bce.delta',
      params: { delta: o.delta[0] },
      rules: ['BP-1'],
      formulas: [`\\delta^{(3)}=a^{(3)}-y=${n(a)}-${n(y)}=${n(o.delta[0])}`],
      shown: [node('o', '\\delta^{(3)}', o.delta[0])],
      slips: [{ key: 'lessons.slips.bceSign', printed: y - a, correct: o.delta[0] }],
      highlight: { nodes: ['o'], edges: [] }
    },
    {
      id: 'gradients',
      phase: 'backward',
      text: 'lessons.bce.gradients',
      rules: ['BP-2', 'BP-3', 'BP-4'],
      formulas: [
        `\\frac{\\partial C}{\\partial W^{(3)}}=\\delta^{(3)}(a^{(2)})^{\\top}=${texMatrix(o.gradients[0].values)}`,
        `\\delta^{(2)}=\\left((W^{(3)})^{\\top}\\delta^{(3)}\\right)\\odot\\sigma'(z^{(2)})=${texColumn(h.delta)},\\quad\\frac{\\partial C}{\\partial b^{(2)}}=\\delta^{(2)}`
      ],
      shown: [node('h', '\\delta^{(2)}_1', h.delta[0]), node('h', '\\delta^{(2)}_2', h.delta[1])],
      highlight: { nodes: ['h', 'o'], edges: ['w2', 'b1'] }
    }
  ]
  return lessonOf(
    { id: 'bce', number: 8, seeds: ['000', '004'], network, steps },
    { samples: [{ inspection: ins, x: BCE.x, y: BCE.y }], learningRate: 0.5 }
  )
}

const BUILDERS: Record<string, () => Lesson> = {
  hand: handLesson,
  xnor: xnorLesson,
  bias: biasLesson,
  residual: residualLesson,
  batch: batchLesson,
  vanishing: vanishingLesson,
  rprop: rpropLesson,
  bce: bceLesson
}

/** The lessons' ids in order, 1…8. */
export const LESSON_IDS = Object.keys(BUILDERS)

const built = new Map<string, Lesson>()

/** A lesson, built (by running the engine) the first time it is asked for. */
export function lesson(id: string): Lesson {
  let l = built.get(id)
  if (!l) {
    const build = BUILDERS[id]
    if (!build) throw new RangeError(`there is no lesson "${id}"`)
    l = build()
    built.set(id, l)
  }
  return l
}

/** Parameters of a network as a fresh copy (the canvas and exercises must not share the lesson's arrays). */
export const copyParameters = (p: ParameterMap): ParameterMap => structuredClone(p)
