/**
 * Outgrowing the app, as a person would: iris template, iris.csv, train briefly, then Data tab →
 * Export → ONNX… and Export → PyTorch project…. The .onnx download runs here in ONNX Runtime and gives
 * the engine's predictions for the weights exported beside it; the .zip holds the project folder with
 * that very weights file.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import * as ort from 'onnxruntime-web'
import { newFromTemplate, openTab } from './app'
import { parseCsv } from '../../src/engine/data/csv'
import { decodeRows, encodeTableFeatures } from '../../src/engine/data/encode'
import { onnxInputs } from '../../src/engine/export/onnx'
import { createNetwork } from '../../src/engine/nn/network'
import { parseWeightsFile } from '../../src/engine/weights/file'
import { forwardAll } from '../../src/engine/weights/predict'

const irisCsv = path.resolve(__dirname, '../fixtures/datasets/iris.csv')

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const event = page.waitForEvent('download')
  await page.getByRole('button', { name: button }).click()
  const d = await event
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) }
}

test('export a trained network as ONNX and as a PyTorch project', async ({ page }) => {
  await newFromTemplate(page, /Iris/)
  await openTab(page, 'Data')
  await page.getByLabel('CSV file').setInputFiles(irisCsv)
  await expect(page.getByLabel('Prepared data')).toContainText('training')

  await openTab(page, 'Training')
  await page.getByLabel('Epochs', { exact: true }).fill('20')
  await page.getByLabel('Epochs', { exact: true }).press('Tab')
  await page.getByRole('button', { name: 'Train', exact: true }).click()
  await expect(page.locator('.training-panel [role="status"]')).toContainText('Finished', { timeout: 30_000 })

  await openTab(page, 'Data')
  const weights = await download(page, 'Export weights')
  const onnxFile = await download(page, 'Export → ONNX…')
  const zip = await download(page, 'Export → PyTorch project…')
  const base = weights.name.replace(/\.weights\.json$/, '')
  expect(onnxFile.name).toBe(`${base}.onnx`)
  expect(zip.name).toBe(`${base}-pytorch.zip`)

  // The ONNX model computes the engine's class probabilities for every row of iris.csv.
  const file = parseWeightsFile(weights.bytes.toString('utf8'))
  const p = file.preprocessing!
  const text = readFileSync(irisCsv, 'utf8')
  const table = parseCsv(text)
  ort.env.wasm.numThreads = 1
  const session = await ort.InferenceSession.create(new Uint8Array(onnxFile.bytes))
  const x = Float32Array.from(onnxInputs(p, table))
  const out = await session.run({ features: new ort.Tensor('float32', x, [table.rowCount, 4]) })
  const got = out.probabilities.data as Float32Array
  const net = createNetwork(file.graph)
  net.setParameters(file.parameters)
  const m = table.rowCount
  decodeRows(p, forwardAll(net, encodeTableFeatures(p, table), m), m).forEach((pr, r) =>
    Object.values(pr.probabilities!).forEach((v, k) =>
      expect(Math.abs(got[r * 3 + k] - v)).toBeLessThanOrEqual(1e-5)
    )
  )

  // The .zip: one folder with the project and the weights file the app exported.
  const entries = unzipSync(new Uint8Array(zip.bytes))
  const names = Object.keys(entries)
  const folder = names[0].split('/')[0]
  for (const f of ['README.md', 'model.py', 'preprocessing.py', 'predict.py', 'train.py', 'requirements.txt'])
    expect(names).toContain(`${folder}/${f}`)
  const kept = names.find((n) => n.endsWith('.weights.json'))!
  expect(strFromU8(entries[kept])).toBe(weights.bytes.toString('utf8'))
})
