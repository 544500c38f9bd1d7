/**
 * Watch it learn, the evaluation charts, as a person would: a network of two numeric features trained
 * on xor.csv shows its decision boundary with the data points and a confusion matrix of the two
 * classes in the Charts tab as soon as the run ends; iris with four features shows a confusion matrix
 * of its three species and no boundary (there is no plane of four features to draw).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { newFromTemplate, openTab } from './app'

const samples = path.resolve(__dirname, '../../resources/samples')

async function train(page: Page, epochs: number): Promise<void> {
  await openTab(page, 'Training')
  await page.getByLabel('Epochs', { exact: true }).fill(String(epochs))
  await page.getByLabel('Epochs', { exact: true }).press('Tab')
  await page.getByRole('button', { name: 'Train', exact: true }).click()
  await expect(page.locator('.training-panel [role="status"]')).toContainText(
    `Finished: all ${epochs} epochs done`,
    { timeout: 30_000 }
  )
}

/** The chart's data as the user saves it ("Save CSV"), split into rows of cells. */
async function savedCsv(page: Page, title: string): Promise<string[][]> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: `Save CSV of ${title}` }).click()
  const text = readFileSync(await (await download).path(), 'utf8')
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','))
}

test('XOR: the decision boundary over x1 × x2 and the confusion matrix after training', async ({ page }) => {
  await newFromTemplate(page, /XOR/)
  await openTab(page, 'Data')
  await page.getByLabel('CSV file').setInputFiles(path.join(samples, 'xor.csv'))
  await expect(page.getByLabel('Prepared data')).toContainText('training')
  await expect(page.getByLabel('Role of y')).toHaveValue('target')
  // The template's squared error does not fit a two-class target until the user says so.
  const match = page.getByRole('button', { name: 'Make output match data' })
  if (await match.count()) await match.click()
  await expect(match).toHaveCount(0)

  await train(page, 200)

  await openTab(page, 'Charts')
  const boundary = page.locator('figure[aria-label="Decision boundary"]')
  await expect(boundary).toBeVisible()
  await expect(boundary.locator('.chart-summary')).toHaveText(
    'Decision regions of 2 classes over x1 × x2, 4 training rows (none held out) drawn.'
  )
  await expect(boundary.locator('canvas').first()).toBeVisible()
  const cells = await savedCsv(page, 'Decision boundary')
  expect(cells[0]).toEqual(['x1', 'x2', 'class', 'confidence'])
  expect(cells).toHaveLength(1 + 40 * 40)
  // The grid covers the data's range [0, 1] with a 5% margin, in the file's own units.
  const xs = cells.slice(1).map((r) => Number(r[0]))
  expect(Math.min(...xs)).toBeGreaterThan(-0.05)
  expect(Math.min(...xs)).toBeLessThan(0)
  expect(Math.max(...xs)).toBeGreaterThan(1)
  expect(Math.max(...xs)).toBeLessThan(1.05)
  for (const row of cells.slice(1)) expect(['0', '1']).toContain(row[2])

  const confusion = page.locator('figure[aria-label="Confusion matrix"]')
  await expect(confusion).toBeVisible()
  await expect(confusion.locator('.chart-summary')).toContainText(/^Training accuracy \S+ over 2 classes\.$/)
  const matrix = await savedCsv(page, 'Confusion matrix')
  expect(matrix.map((r) => r[0])).toEqual(['actual \\ predicted', '0', '1'])
  expect(matrix[0].slice(1)).toEqual(['0', '1'])
  // Four rows in the file, none held out: all four are counted.
  const counted = matrix.slice(1).flatMap((r) => r.slice(1).map(Number))
  expect(counted.reduce((s, v) => s + v, 0)).toBe(4)
  await expect(page.locator('figure[aria-label="Predicted vs actual"]')).toHaveCount(0)
})

test('iris with four features: a confusion matrix of the three species, no decision boundary', async ({
  page
}) => {
  await newFromTemplate(page, /Iris/)
  await openTab(page, 'Data')
  await page.getByLabel('CSV file').setInputFiles(path.join(samples, 'iris.csv'))
  await expect(page.getByLabel('Prepared data')).toContainText('training')
  await expect(page.getByRole('button', { name: 'Make output match data' })).toHaveCount(0)

  await train(page, 20)

  await openTab(page, 'Charts')
  const confusion = page.locator('figure[aria-label="Confusion matrix"]')
  await expect(confusion).toBeVisible()
  await expect(confusion.locator('.chart-summary')).toContainText(
    /^Validation accuracy \S+ over 3 classes\.$/
  )
  const matrix = await savedCsv(page, 'Confusion matrix')
  expect(matrix[0]).toEqual(['actual \\ predicted', 'setosa', 'versicolor', 'virginica'])
  // The validation split: a fifth of 150 rows, stratified (10 of each species).
  expect(matrix.slice(1).map((r) => r.slice(1).reduce((s, v) => s + Number(v), 0))).toEqual([10, 10, 10])
  await expect(page.locator('figure[aria-label="Decision boundary"]')).toHaveCount(0)
  // The live charts are still there beside it.
  await expect(page.locator('figure[aria-label="Loss"]')).toBeVisible()
})
