/**
 * Watch it learn, as a person would: iris template, iris.csv, Train, the charts move, pause/resume,
 * a live learning-rate change, stop, the explainer's δ checked against the engine run independently
 * in this Node process on the exported weights, the gradient check, and the weights export.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { newFromTemplate, openTab } from './app'
import { createNetwork } from '../../src/engine/nn/network'
import { inspect } from '../../src/engine/nn/inspect'

const irisCsv = path.resolve(__dirname, '../fixtures/datasets/iris.csv')

/** The number in the loss chart's summary, "Train loss 0.53 at step 120 …". */
async function lossSummary(page: Page): Promise<{ loss: number; step: number }> {
  const text = await page.locator('figure[aria-label="Loss"] .chart-summary').innerText()
  const m = /Train loss (\S+) at step (\d+)/.exec(text)
  if (!m) throw new Error(`no loss yet: "${text}"`)
  return { loss: Number(m[1]), step: Number(m[2]) }
}

async function numbersIn(page: Page, selector: string): Promise<number[]> {
  return page
    .locator(`${selector} td`)
    .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))))
}

test('train the iris network and watch it learn', async ({ page }) => {
  await newFromTemplate(page, /Iris/)

  await openTab(page, 'Data')
  await page.getByLabel('CSV file').setInputFiles(irisCsv)
  await expect(page.getByLabel('Prepared data')).toContainText('training')

  await openTab(page, 'Training')
  const status = page.locator('.training-panel [role="status"]')
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled()

  // Long enough to pause, resume and change the rate while it runs.
  await page.getByLabel('Epochs', { exact: true }).fill('100000')
  await page.getByLabel('Epochs', { exact: true }).press('Tab')
  await page.getByRole('button', { name: 'Train' }).click()
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toHaveAttribute(
    'aria-valuetext',
    /step [1-9]/
  )

  await page.getByRole('button', { name: 'Pause' }).click()
  await expect(status).toContainText('Paused at epoch')
  await page.getByRole('button', { name: 'Resume' }).click()
  await expect(status).toContainText('Training')

  await page.getByLabel('Learning rate (μ)', { exact: true }).fill('0.003')
  await page.getByLabel('Learning rate (μ)', { exact: true }).press('Tab')
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toHaveAttribute(
    'aria-valuetext',
    /lr 0\.003/
  )

  await openTab(page, 'Charts')
  await expect(page.locator('figure[aria-label="Loss"] .chart-summary')).toContainText('Train loss')
  const first = await lossSummary(page)
  await expect
    .poll(async () => (await lossSummary(page)).step, { timeout: 20_000 })
    .toBeGreaterThan(first.step + 100)
  await expect.poll(async () => (await lossSummary(page)).loss, { timeout: 20_000 }).toBeLessThan(first.loss)
  // one δ series per dense layer (h1, out) and a weight histogram
  await expect(page.locator('table.units tbody tr')).toHaveCount(2)
  await expect(page.locator('figure[aria-label="Weight histogram"] .chart-summary')).toContainText(
    '32 weights'
  )

  await openTab(page, 'Training')
  await page.getByRole('button', { name: 'Stop' }).click()
  await expect(status).toContainText('Stopped by user')

  // The explainer on the hidden layer, sample 0
  await page.getByLabel('Sample row').fill('0')
  await page.getByRole('button', { name: 'Explain' }).click()
  await page.getByLabel('Layer to explain').selectOption('h1')
  const shownDelta = await numbersIn(page, '[data-testid="delta"]')
  const shownX = await page
    .locator('.explainer [data-edge="w1"] [data-label="a⁽¹⁾"] td')
    .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))))
  // Back to the output layer's step (the first of the backward pass), where the target y is shown.
  await page.getByRole('button', { name: 'Previous step' }).click()
  await expect(page.getByText(/Backward step 1 of 2: layer out/)).toBeVisible()
  const shownY = await numbersIn(page, '[data-testid="target"]')

  await page.getByRole('button', { name: 'Check gradients' }).click()
  await expect(page.locator('.gradcheck [role="status"]')).toContainText('Passed')

  // Export the trained weights and recompute the same inspection here, with the engine in Node.
  await openTab(page, 'Data')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: /Export weights/ }).click()
  const file = await (await download).path()
  const weights = JSON.parse(readFileSync(file, 'utf8'))
  const net = createNetwork(weights.graph, { inputWidth: shownX.length })
  net.setParameters(weights.parameters)
  const expected = inspect(net, Float64Array.from(shownX), Float64Array.from(shownY))
  const h1 = expected.layers.find((l) => l.id === 'h1')!
  expect(shownDelta).toHaveLength(8)
  shownDelta.forEach((d, i) => expect(d).toBeCloseTo(h1.delta[i], 12))
})
