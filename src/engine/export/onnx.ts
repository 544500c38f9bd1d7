/**
 * ONNX export: a weights file → an ONNX model (opset 13) that computes what `predict` computes, from
 * the feature vector to class probabilities (classification) or values in the target's own units
 * (regression). docs/onnx-model.md describes the input and output tensors for users; this file is
 * the one place that decides them.
 *
 *   features ─► Where(IsNaN, impute) ─► Sub(center) ─► Div(scale)      (imputation, normalisation)
 *            ─► per dense layer, in topological order:
 *                 z = Gemm(a_src, W, b, transB=1) [+ Gemm(a_src2, W2, transB=1)] [+ b2 …]
 *                 a = f(z) [+ a_skip …]
 *            ─► probabilities = a_out (softmax) | Concat(1 − p, p) (one sigmoid unit)
 *               values        = a_out · scale + center                (regression)
 *
 * Initialisers keep the weights file's layout and edge ids: `W/<edge id>` is [out][in] (hence
 * transB=1), `b/<edge id>` is a bias edge's column as a vector. The protobuf messages come from
 * `onnx-proto` (generated from onnx.proto) and are encoded by protobufjs.
 */
import * as onnxProto from 'onnx-proto'
import { columnNumbers, encodeTableFeatures, featureWidth, inputWidthOf } from '../data/encode'
import type { Preprocessing } from '../data/preprocess'
import { columnIndex, type CsvTable } from '../data/table'
import { compileGraph, INPUT, type PlanLayer } from '../graph/compile'
import type { WeightsFile } from '../weights/types'

// onnx-proto is CommonJS (`module.exports = { onnx }`): a bundler or tsx gives the named export, plain
// Node ESM only `default`.
const onnx: typeof onnxProto.onnx =
  onnxProto.onnx ?? (onnxProto as unknown as { default: typeof onnxProto }).default.onnx
const INT = onnx.AttributeProto.AttributeType.INT
const FLOAT = onnx.AttributeProto.AttributeType.FLOAT

export type OnnxDtype = 'float32' | 'float64'

export interface OnnxOptions {
  /** Element type of every tensor (default float32, which every ONNX runtime supports). */
  dtype?: OnnxDtype
}

export const ONNX_OPSET = 13
/** The IR version that goes with opset 13. */
export const ONNX_IR_VERSION = 7
export const ONNX_INPUT = 'features'

/** The tensors a model takes and gives, as docs/onnx-model.md describes them. */
export interface OnnxInterface {
  input: { name: string; width: number; slots: string[] }
  output: { name: 'probabilities' | 'values' | 'outputs'; width: number; columns: string[] }
  /** True when the input takes raw values (normalisation baked in); false for a network without preprocessing. */
  normalizationInside: boolean
}

/** Names and layout of the model's input and output (the encoded-vector order of the weights file). */
export function onnxInterface(file: WeightsFile): OnnxInterface {
  const p = file.preprocessing
  const plan = compileGraph(file.graph, p ? inputWidthOf(p) : undefined)
  const outUnits = plan.layers[plan.output].units
  if (!p) {
    return {
      input: {
        name: ONNX_INPUT,
        width: plan.inputWidth,
        slots: Array.from({ length: plan.inputWidth }, (_, i) => `x${i}`)
      },
      output: {
        name: 'outputs',
        width: outUnits,
        columns: Array.from({ length: outUnits }, (_, i) => `a${i}`)
      },
      normalizationInside: false
    }
  }
  const t = p.targets[0]
  const output: OnnxInterface['output'] =
    t.kind === 'classes'
      ? { name: 'probabilities', width: t.classes.length, columns: [...t.classes] }
      : { name: 'values', width: p.targets.length, columns: p.targets.map((x) => x.column) }
  return {
    input: { name: ONNX_INPUT, width: plan.inputWidth, slots: [...p.featureNames] },
    output,
    normalizationInside: true
  }
}

type Attr = { name: string; type: number; i?: number; f?: number; ints?: number[] }

/** Builds the ONNX model of a weights file; the bytes of a `.onnx` file. */
export function buildOnnxModel(file: WeightsFile, options: OnnxOptions = {}): Uint8Array {
  const dtype = options.dtype ?? 'float32'
  const elemType = dtype === 'float32' ? onnx.TensorProto.DataType.FLOAT : onnx.TensorProto.DataType.DOUBLE
  const p = file.preprocessing
  const plan = compileGraph(file.graph, p ? inputWidthOf(p) : undefined)
  const io = onnxInterface(file)

  const nodes: onnxProto.onnx.INodeProto[] = []
  const initializers: onnxProto.onnx.ITensorProto[] = []
  // Every other name has a '/', so it cannot be the input's or the output's; ids may still make two
  // alike (layer "W" and edge "a": "W/a"), so a repeat gets a suffix.
  const used = new Set<string>()
  const fresh = (name: string): string => {
    let unique = name
    for (let k = 2; used.has(unique); k++) unique = `${name}#${k}`
    used.add(unique)
    return unique
  }
  const tensor = (wanted: string, dims: number[], values: ArrayLike<number>): string => {
    const name = fresh(wanted)
    const data = dtype === 'float32' ? Float32Array.from(values) : Float64Array.from(values)
    // raw_data is little-endian; typed arrays are in the host's order, little-endian on every
    // platform Electron, browsers and Node run on.
    initializers.push({ name, dims, dataType: elemType, rawData: new Uint8Array(data.buffer) })
    return name
  }
  const scalar = (name: string, v: number): string => tensor(name, [], [v])
  const node = (opType: string, inputs: string[], wanted: string, attribute: Attr[] = []): string => {
    const output = wanted === io.output.name ? wanted : fresh(wanted)
    nodes.push({ opType, input: inputs, output: [output], name: output, attribute })
    return output
  }

  // ——— preprocessing: features → x ———
  let x = ONNX_INPUT
  if (p) x = preprocessNodes(p, x, tensor, node)

  // ——— the network ———
  const out = new Map<number, string>([[INPUT, x]])
  for (const layer of plan.layers) {
    const params = (id: string) => file.parameters[id]
    const id = layer.id
    let z: string | null = null
    const biases = layer.biases.map((b) =>
      tensor(
        `b/${b.id}`,
        [layer.units],
        params(b.id).map((row) => row[0])
      )
    )
    layer.weights.forEach((e, k) => {
      const w = tensor(`W/${e.id}`, [e.rows, e.cols], params(e.id).flat())
      const inputs = [out.get(e.src)!, w, ...(k === 0 && biases.length > 0 ? [biases[0]] : [])]
      const term = node('Gemm', inputs, `${id}/gemm/${e.id}`, [{ name: 'transB', type: INT, i: 1 }])
      z = z === null ? term : node('Add', [z, term], `${id}/sum/${e.id}`)
    })
    for (let k = 1; k < biases.length; k++)
      z = node('Add', [z!, biases[k]], `${id}/bias/${layer.biases[k].id}`)
    let a = activationNodes(layer, z!, dtype, scalar, node)
    for (const s of layer.skips) a = node('Add', [a, out.get(s.src)!], `${id}/skip/${s.id}`)
    out.set(layer.index, a)
  }
  let y = out.get(plan.output)!

  // ——— outputs → probabilities or values ———
  const t = p?.targets[0]
  if (p && t) {
    if (t.kind === 'classes' && t.encoding === 'sigmoid') {
      const q = node('Sub', [scalar('decode/one', 1), y], 'decode/1-p')
      y = node('Concat', [q, y], io.output.name, [{ name: 'axis', type: INT, i: 1 }])
    } else if (t.kind === 'numeric') {
      const scale = tensor(
        'decode/scale',
        [p.targets.length],
        p.targets.map((u) => (u.kind === 'numeric' ? u.scale : 1))
      )
      const center = tensor(
        'decode/center',
        [p.targets.length],
        p.targets.map((u) => (u.kind === 'numeric' ? u.center : 0))
      )
      y = node('Add', [node('Mul', [y, scale], 'decode/scaled'), center], io.output.name)
    }
  }
  if (y !== io.output.name) node('Identity', [y], io.output.name)

  const valueInfo = (name: string, width: number): onnxProto.onnx.IValueInfoProto => ({
    name,
    type: {
      tensorType: { elemType, shape: { dim: [{ dimParam: 'N' }, { dimValue: width }] } }
    }
  })
  const metadata: Record<string, string> = {
    'backprop-studio.input': JSON.stringify(io.input.slots),
    'backprop-studio.output': JSON.stringify(io.output.columns),
    'backprop-studio.normalization-inside': String(io.normalizationInside)
  }
  if (p) metadata['backprop-studio.preprocessing'] = JSON.stringify(p)
  const model: onnxProto.onnx.IModelProto = {
    irVersion: ONNX_IR_VERSION,
    producerName: 'Backprop Studio',
    producerVersion: '1',
    docString:
      `Input "${ONNX_INPUT}" [N × ${io.input.width}]: ${io.input.slots.join(', ')}. ` +
      `Output "${io.output.name}" [N × ${io.output.width}]: ${io.output.columns.join(', ')}.`,
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    metadataProps: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    graph: {
      name: file.graph.name ?? 'network',
      node: nodes,
      initializer: initializers,
      input: [valueInfo(ONNX_INPUT, io.input.width)],
      output: [valueInfo(io.output.name, io.output.width)]
    }
  }
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish()
}

type TensorFn = (name: string, dims: number[], values: ArrayLike<number>) => string
type NodeFn = (opType: string, inputs: string[], output: string, attribute?: Attr[]) => string

/**
 * The first nodes: a missing numeric value (NaN) takes the feature's imputation value, then numeric
 * slots are normalised, x = (v − center) / scale. One-hot slots pass through (center 0, scale 1;
 * NaN there becomes 0). Nodes are left out when they would change nothing.
 */
function preprocessNodes(p: Preprocessing, input: string, tensor: TensorFn, node: NodeFn): string {
  const impute: number[] = []
  const center: number[] = []
  const scale: number[] = []
  let imputes = false
  let normalises = false
  for (const f of p.features) {
    if (f.kind === 'numeric') {
      impute.push(f.impute ?? NaN)
      center.push(f.center)
      scale.push(f.scale)
      if (f.impute !== null) imputes = true
      if (f.center !== 0 || f.scale !== 1) normalises = true
    } else {
      for (let k = 0; k < featureWidth(f); k++) {
        impute.push(0)
        center.push(0)
        scale.push(1)
      }
    }
  }
  const width = impute.length
  let x = input
  if (imputes) {
    const missing = node('IsNaN', [x], 'pre/missing')
    x = node('Where', [missing, tensor('pre/impute', [width], impute), x], 'pre/imputed')
  }
  if (normalises) {
    x = node('Sub', [x, tensor('pre/center', [width], center)], 'pre/centered')
    x = node('Div', [x, tensor('pre/scale', [width], scale)], 'pre/x')
  }
  return x
}

/**
 * a = f(z) as ONNX nodes. float32 uses the standard operators; float64 spells out leaky-relu and
 * softplus (ONNX Runtime's CPU kernels for LeakyRelu and Softplus are float32 only) with the same
 * stable forms the engine uses: leak·z where z ≤ 0, and max(z, 0) + ln(1 + e^(−|z|)).
 */
function activationNodes(
  layer: PlanLayer,
  z: string,
  dtype: OnnxDtype,
  scalar: (name: string, v: number) => string,
  node: NodeFn
): string {
  const a = `${layer.id}/a`
  switch (layer.activation) {
    case 'sigmoid':
      return node('Sigmoid', [z], a)
    case 'tanh':
      return node('Tanh', [z], a)
    case 'relu':
      return node('Relu', [z], a)
    case 'linear':
      return node('Identity', [z], a)
    case 'softmax':
      return node('Softmax', [z], a, [{ name: 'axis', type: INT, i: -1 }])
    case 'leaky-relu': {
      if (dtype === 'float32')
        return node('LeakyRelu', [z], a, [{ name: 'alpha', type: FLOAT, f: layer.leak }])
      const positive = node('Greater', [z, scalar(`${layer.id}/zero`, 0)], `${layer.id}/positive`)
      const leaked = node('Mul', [z, scalar(`${layer.id}/leak`, layer.leak)], `${layer.id}/leaked`)
      return node('Where', [positive, z, leaked], a)
    }
    case 'softplus': {
      if (dtype === 'float32') return node('Softplus', [z], a)
      const negAbs = node('Neg', [node('Abs', [z], `${layer.id}/abs`)], `${layer.id}/-abs`)
      const one = scalar(`${layer.id}/one`, 1)
      const log = node(
        'Log',
        [node('Add', [one, node('Exp', [negAbs], `${layer.id}/exp`)], `${layer.id}/1+exp`)],
        `${layer.id}/log`
      )
      return node('Add', [node('Relu', [z], `${layer.id}/relu`), log], a)
    }
  }
}

/**
 * The exported model's input for rows of a table, as docs/onnx-model.md describes it: per feature in
 * the weights file's order, a numeric feature's raw value (NaN when missing; the model imputes and
 * normalises), a one-hot feature's 0/1 slots (the imputation category's slot for a missing cell).
 */
export function onnxInputs(p: Preprocessing, table: CsvTable): Float64Array {
  const x = encodeTableFeatures(p, table)
  const width = inputWidthOf(p)
  let offset = 0
  for (const f of p.features) {
    if (f.kind === 'numeric') {
      const raw = columnNumbers(table, columnIndex(table, f.column))
      for (let r = 0; r < table.rowCount; r++) x[r * width + offset] = raw[r]
    }
    offset += featureWidth(f)
  }
  return x
}
