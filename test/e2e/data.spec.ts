/**
 * Your own data in, trained weights out, as a person would: pick titanic_full.csv (quoted names with
 * commas, missing ages, text categories) in the file picker, choose the target, watch the input and
 * loss nodes follow the data, make the output match, train briefly, export the weights (a download),
 * open a fresh page, import them, and predict one typed row — checked against the engine run here in
 * Node on the very file that was downloaded.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { newFromTemplate, openApp, openTab } from './app'
import { createNetwork } from '../../src/engine/nn/network'
import { parseWeightsFile } from '../../src/engine/weights/file'
import { predictRows } from '../../src/engine/weights/predict'

const titanicCsv = path.resolve(__dirname, '../fixtures/datasets/titanic_full.csv')
const irisCsv = path.resolve(__dirname, '../fixtures/datasets/iris.csv')
const raggedCsv = path.resolve(__dirname, '../fixtures/csv-app/ragged.csv')

test('load a CSV, bind it to the graph, train, export, re-import and predict', async ({ page }) => {
  await newFromTemplate(page, /Iris/)

  await openTab(page, 'Data')
  await page.getByLabel('CSV file').setInputFiles(titanicCsv)
  const columns = page.getByRole('table', { name: 'Columns' })
  await expect(columns).toContainText('passengerClass')
  await expect(page.getByLabel('Role of name')).toHaveValue('ignored')

  // survived is the target; the class of travel becomes a feature.
  await page.getByLabel('Role of survived').selectOption('target')
  await page.getByLabel('Role of passengerClass').selectOption('feature')
  const prepared = page.getByLabel('Prepared data')
  await expect(prepared).toContainText('targets survived')
  // sex (2 one-hot) + age + passengerClass (3 one-hot)
  await expect(prepared).toContainText('Input width 6')
  await expect(page.locator('.graph-node.kind-input')).toContainText('6 features (from data)')
  await expect(page.locator('.graph-node.kind-loss')).toContainText('targets: survived')

  // The iris output (3 softmax units) does not fit a yes/no target until the user says so.
  await page.getByRole('button', { name: 'Make output match data' }).click()
  await expect(page.getByRole('button', { name: 'Make output match data' })).toHaveCount(0)

  await openTab(page, 'Training')
  await page.getByLabel('Epochs', { exact: true }).fill('15')
  await page.getByLabel('Epochs', { exact: true }).press('Tab')
  await page.getByRole('button', { name: 'Train', exact: true }).click()
  await expect(page.locator('.training-panel [role="status"]')).toContainText(
    'Finished: all 15 epochs done',
    {
      timeout: 30_000
    }
  )

  await openTab(page, 'Data')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export weights' }).click()
  const file = await (await download).path()
  const text = readFileSync(file, 'utf8')
  const weights = parseWeightsFile(text)
  expect(weights.training?.epochsRun).toBe(15)
  expect(weights.preprocessing?.targets.map((t) => t.column)).toEqual(['survived'])

  // A fresh page and a fresh engine: everything comes from the file.
  await openApp(page)
  await openTab(page, 'Data')
  await page.getByLabel('Weights file').setInputFiles(file)
  await expect(page.locator('.graph-node.kind-loss')).toContainText('targets: survived')

  const row = { sex: 'female', age: '29', passengerClass: '1st' }
  for (const [column, value] of Object.entries(row)) await page.getByLabel(`Value of ${column}`).fill(value)
  await page.getByRole('button', { name: 'Predict', exact: true }).click()
  const shown = page.getByRole('status', { name: 'Prediction' })
  await expect(shown).toContainText('Predicted:')

  const net = createNetwork(weights.graph)
  net.setParameters(weights.parameters)
  const [expected] = predictRows(net, weights.preprocessing!, [row])
  await expect(shown).toContainText(`Predicted: ${expected.label}`)
  for (const [label, p] of Object.entries(expected.probabilities!))
    await expect(shown.getByRole('row', { name: label })).toContainText(`${(p * 100).toFixed(1)}%`)
})

/** Drops a file on the page, as a person dragging it from the file manager onto the window would. */
async function dropFile(page: Page, target: string, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const dt = new DataTransfer()
      dt.items.add(new File([content], fileName, { type: 'text/csv' }))
      return dt
    },
    [name, text] as const
  )
  await page.dispatchEvent(target, 'dragover', { dataTransfer })
  await page.dispatchEvent(target, 'drop', { dataTransfer })
}

test('a CSV dropped on the window loads; a bad one names its line and column and loses nothing', async ({
  page
}) => {
  await newFromTemplate(page, /Iris/)

  await dropFile(page, '.status-bar', 'iris.csv', readFileSync(irisCsv, 'utf8'))
  // The drop opens the Data tab by itself.
  await expect(page.getByRole('tab', { name: 'Data', exact: true })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByLabel('Prepared data')).toContainText('Input width 4')
  await expect(page.locator('.data-panel .file-info')).toContainText('iris.csv — 150 rows × 5 columns')

  await dropFile(page, '.status-bar', 'ragged.csv', readFileSync(raggedCsv, 'utf8'))
  await expect(page.locator('.data-panel [role="alert"]')).toContainText('line 4, column 3')
  // The dataset loaded before, its preparation and the graph's binding are all still there.
  await expect(page.locator('.data-panel .file-info')).toContainText('iris.csv — 150 rows × 5 columns')
  await expect(page.getByLabel('Prepared data')).toContainText('Input width 4')
  await expect(page.locator('.graph-node.kind-input')).toContainText('4 features (from data)')
})
