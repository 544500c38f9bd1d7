// The ONNX export, run by ONNX Runtime (onnxruntime-web's WebAssembly build, in Node), against the
// engine's own predictions on every row of the real datasets.
import * as ort from 'onnxruntime-web'
import * as onnxProto from 'onnx-proto'
import { describe, expect, it } from 'vitest'
import { decodeRows } from '../../src/engine/data/encode'
import { encodeTableFeatures } from '../../src/engine/data/encode'
import {
  buildOnnxModel,
  onnxInputs,
  onnxInterface,
  ONNX_OPSET,
  type OnnxDtype
} from '../../src/engine/export/onnx'
import { createNetwork } from '../../src/engine/nn/network'
import { forwardAll } from '../../src/engine/weights/predict'
import type { WeightsFile } from '../../src/engine/weights/types'
import { EXPORT_CASES, trickyIdsGraph, weightsOf } from './export-fixtures'
import { loadTable } from './data-fixtures'

const onnx = onnxProto.onnx ?? (onnxProto as unknown as { default: typeof onnxProto }).default.onnx
// One WebAssembly thread: the machine's cores are shared, and the result does not depend on it.
ort.env.wasm.numThreads = 1

/** Our predict's numbers for every row: class probabilities, or each target in its own units. */
function enginePredictions(file: WeightsFile, table: ReturnType<typeof loadTable>): number[][] {
  const p = file.preprocessing!
  const net = createNetwork(file.graph)
  net.setParameters(file.parameters)
  const m = table.rowCount
  return decodeRows(p, forwardAll(net, encodeTableFeatures(p, table), m), m).map((pr) =>
    pr.probabilities ? Object.values(pr.probabilities) : Object.values(pr.values!)
  )
}

async function runOnnx(bytes: Uint8Array, x: Float64Array, rows: number, width: number, dtype: OnnxDtype) {
  const session = await ort.InferenceSession.create(bytes)
  const data = dtype === 'float32' ? Float32Array.from(x) : x
  const out = await session.run({ features: new ort.Tensor(dtype, data, [rows, width]) })
  const [name] = session.outputNames
  return { name, tensor: out[name] }
}

/** Largest |a − b| over every row and column; regression values relative to max(1, |b|). */
function maxDiff(got: ArrayLike<number>, want: number[][], relative: boolean): number {
  let worst = 0
  const w = want[0].length
  want.forEach((row, r) =>
    row.forEach((v, j) => {
      const d = Math.abs(got[r * w + j] - v) / (relative ? Math.max(1, Math.abs(v)) : 1)
      // NaN must fail, never pass as "not greater".
      worst = d > worst || d !== d ? d : worst
    })
  )
  return worst
}

describe('ONNX export', () => {
  for (const c of EXPORT_CASES) {
    it(`${c.name}: ONNX Runtime gives our predictions on every row (float32 ≤ 1e-5, float64 ≤ 1e-9)`, async () => {
      const { file } = weightsOf(c.model())
      const table = loadTable(c.dataset)
      const want = enginePredictions(file, table)
      const io = onnxInterface(file)
      const x = onnxInputs(file.preprocessing!, table)
      const regression = file.preprocessing!.task === 'regression'
      for (const [dtype, tol] of [
        ['float32', 1e-5],
        ['float64', 1e-9]
      ] as const) {
        const { name, tensor } = await runOnnx(
          buildOnnxModel(file, { dtype }),
          x,
          table.rowCount,
          io.input.width,
          dtype
        )
        expect(name).toBe(io.output.name)
        expect(tensor.dims).toEqual([table.rowCount, io.output.width])
        // Probabilities are absolute; a float32 value in user units (diabetes: 25–346) has 7 digits,
        // so regression compares relative to the value's size.
        const d = maxDiff(tensor.data as Float32Array, want, regression)
        expect(d, `${dtype} max difference`).toBeLessThanOrEqual(tol)
      }
    })
  }

  it('takes raw column values when every feature is numeric, with normalisation as its first nodes', () => {
    const { file } = weightsOf(EXPORT_CASES[0].model())
    const model = onnx.ModelProto.decode(buildOnnxModel(file))
    expect(Number(model.opsetImport[0].version)).toBeGreaterThanOrEqual(13)
    expect(Number(model.opsetImport[0].version)).toBe(ONNX_OPSET)
    const graph = model.graph as onnxProto.onnx.GraphProto
    const ops = graph.node.map((n) => n.opType)
    expect(ops.slice(0, 4)).toEqual(['IsNaN', 'Where', 'Sub', 'Div'])
    expect(graph.input[0].name).toBe('features')
    expect(graph.output[0].name).toBe('probabilities')
    const meta = Object.fromEntries(model.metadataProps.map((m) => [m.key, m.value]))
    expect(JSON.parse(meta['backprop-studio.input'])).toEqual(
      file.preprocessing!.features.map((f) => f.column)
    )
    expect(JSON.parse(meta['backprop-studio.output'])).toEqual(['setosa', 'versicolor', 'virginica'])
  })

  it('a network never bound to data takes its encoded input and gives the output layer as it is', async () => {
    const { file } = weightsOf(EXPORT_CASES[3].model())
    const bare: WeightsFile = { ...file, preprocessing: null }
    const io = onnxInterface(bare)
    expect(io.output.name).toBe('outputs')
    const table = loadTable('wine')
    const x = encodeTableFeatures(file.preprocessing!, table)
    const net = createNetwork(file.graph)
    net.setParameters(file.parameters)
    const want = forwardAll(net, x, table.rowCount)
    const { tensor } = await runOnnx(
      buildOnnxModel(bare, { dtype: 'float64' }),
      x,
      table.rowCount,
      io.input.width,
      'float64'
    )
    const got = tensor.data as Float64Array
    let worst = 0
    for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]))
    expect(worst).toBeLessThanOrEqual(1e-9)
  })

  it('keeps every tensor name unique whatever the ids are (layer "W" + edge "a" would both be "W/a")', async () => {
    const graph = trickyIdsGraph()
    const net = createNetwork(graph, { seed: 2 })
    const file: WeightsFile = {
      format: 'backprop-studio/weights',
      version: 1,
      graph,
      parameters: net.getParameters(),
      preprocessing: null,
      training: null
    }
    const x = Float64Array.from({ length: 30 }, (_, i) => Math.sin(i) * 3)
    const want = forwardAll(net, x, 10)
    for (const dtype of ['float32', 'float64'] as const) {
      const { tensor } = await runOnnx(buildOnnxModel(file, { dtype }), x, 10, 3, dtype)
      const got = tensor.data as Float32Array
      for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(1e-5)
    }
  })

  it('a missing numeric value (NaN) takes the imputation value inside the model', async () => {
    const titanic = EXPORT_CASES.find((c) => c.dataset === 'titanic_full')!
    const { file } = weightsOf(titanic.model())
    const table = loadTable('titanic_full')
    const x = onnxInputs(file.preprocessing!, table)
    const ageSlot = file.preprocessing!.featureNames.indexOf('age')
    const width = onnxInterface(file).input.width
    const missingRows = [...Array(table.rowCount).keys()].filter((r) => Number.isNaN(x[r * width + ageSlot]))
    expect(missingRows.length).toBe(263)
    const { tensor } = await runOnnx(buildOnnxModel(file), x, table.rowCount, width, 'float32')
    const want = enginePredictions(file, table)
    const got = tensor.data as Float32Array
    for (const r of missingRows) expect(Math.abs(got[r * 2 + 1] - want[r][1])).toBeLessThanOrEqual(1e-5)
  })
})
