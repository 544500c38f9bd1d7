// `npm run cli -- export`: the ONNX file and the PyTorch folder it writes, and its errors.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as ort from 'onnxruntime-web'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeRows, encodeTableFeatures } from '../../src/engine/data/encode'
import { onnxInputs } from '../../src/engine/export/onnx'
import { createNetwork } from '../../src/engine/nn/network'
import { forwardAll } from '../../src/engine/weights/predict'
import { cli } from './cli-run'
import { loadTable, trainTitanic } from './data-fixtures'
import { weightsOf } from './export-fixtures'

ort.env.wasm.numThreads = 1

let dir: string
let weightsPath: string
let weightsText: string
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bps-export-cli-'))
  weightsText = weightsOf(trainTitanic()).text
  weightsPath = path.join(dir, 'titanic.weights.json')
  writeFileSync(weightsPath, weightsText)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('cli export', () => {
  it('--format onnx writes a model that ONNX Runtime runs to our predictions', async () => {
    const out = path.join(dir, 'model.onnx')
    const r = cli('export', '--format', 'onnx', '--weights', weightsPath, '--out', out)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const summary = JSON.parse(r.stdout)
    expect(summary.output).toEqual({ name: 'probabilities', width: 2, columns: ['no', 'yes'] })

    const { file } = weightsOf(trainTitanic())
    const p = file.preprocessing!
    const table = loadTable('titanic_full')
    const session = await ort.InferenceSession.create(new Uint8Array(readFileSync(out)))
    const x = Float32Array.from(onnxInputs(p, table))
    const result = await session.run({
      features: new ort.Tensor('float32', x, [table.rowCount, summary.input.width])
    })
    const got = result.probabilities.data as Float32Array
    const net = createNetwork(file.graph)
    net.setParameters(file.parameters)
    const want = decodeRows(p, forwardAll(net, encodeTableFeatures(p, table), table.rowCount), table.rowCount)
    want.forEach((pr, i) =>
      expect(Math.abs(got[i * 2 + 1] - pr.probabilities!.yes)).toBeLessThanOrEqual(1e-5)
    )
  })

  it('--format pytorch writes the project into a new folder, with the weights file unchanged', () => {
    const out = path.join(dir, 'project')
    const r = cli('export', '--format', 'pytorch', '--weights', weightsPath, '--out', out)
    expect(r.code).toBe(0)
    for (const f of [
      'README.md',
      'model.py',
      'preprocessing.py',
      'predict.py',
      'train.py',
      'requirements.txt'
    ])
      expect(existsSync(path.join(out, f)), f).toBe(true)
    expect(readFileSync(path.join(out, 'test_network.weights.json'), 'utf8')).toBe(weightsText)
    expect(readFileSync(path.join(out, 'model.py'), 'utf8')).toContain(
      'WEIGHTS_FILE = "test_network.weights.json"'
    )

    // A second export into the same folder would overwrite the user's files: refused, nothing changed.
    writeFileSync(path.join(out, 'train.py'), '# my edits\n')
    const again = cli('export', '--format', 'pytorch', '--weights', weightsPath, '--out', out)
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already holds files/)
    expect(readFileSync(path.join(out, 'train.py'), 'utf8')).toBe('# my edits\n')
  })

  it('names the problem: an unknown format or dtype (exit 2), a missing or broken weights file (exit 1)', () => {
    const bad = cli('export', '--format', 'tflite', '--weights', weightsPath, '--out', path.join(dir, 'x'))
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--format expects onnx or pytorch, got "tflite"/)
    const dtype = cli(
      'export',
      '--format',
      'onnx',
      '--dtype',
      'int8',
      '--weights',
      weightsPath,
      '--out',
      path.join(dir, 'x')
    )
    expect(dtype.code).toBe(2)
    expect(dtype.stderr).toMatch(/--dtype expects float32 or float64/)
    const missing = cli(
      'export',
      '--format',
      'onnx',
      '--weights',
      path.join(dir, 'nope.json'),
      '--out',
      path.join(dir, 'x')
    )
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/nope\.json: no such file/)
    const broken = path.join(dir, 'broken.weights.json')
    writeFileSync(broken, weightsText.replace('"version": 1', '"version": 99'))
    const r = cli('export', '--format', 'onnx', '--weights', broken, '--out', path.join(dir, 'x.onnx'))
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/broken\.weights\.json: .*version/)
    expect(existsSync(path.join(dir, 'x.onnx'))).toBe(false)
  })
})
