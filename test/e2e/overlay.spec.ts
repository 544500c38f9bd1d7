/**
 * The graph while training, as a person sees it: iris template and iris.csv, Train, and the edges fill
 * with weight strokes (one per weight, Playground style) while each dense layer wears a mean |δ| badge;
 * the overlay toggle clears them. Then the explainer from a layer's "Explain this layer": stepping back
 * through the backward pass moves the highlight on the canvas from layer to layer.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { newFromTemplate, openTab } from './app'

// The app's bundled sample when it is there, else the shared copy the other specs use.
const irisCsv = [
  path.resolve(__dirname, '../../resources/samples/iris.csv'),
  path.resolve(__dirname, '../fixtures/datasets/iris.csv')
].find((p) => existsSync(p))!

const node = (page: Page, id: string) => page.locator(`.vue-flow__node[data-id="${id}"]`)
const strokes = (page: Page, edgeId: string) =>
  page.locator(`.weight-edge[data-edge="${edgeId}"] .weight-stroke`)

test('weights and δ on the graph while training, and the explainer’s step highlighted on it', async ({
  page
}) => {
  await newFromTemplate(page, /Iris/)

  await openTab(page, 'Data')
  await page.getByLabel('CSV file').setInputFiles(irisCsv)
  await expect(page.getByLabel('Prepared data')).toContainText('training')

  // Nothing drawn on the graph before training.
  await expect(page.locator('.weight-stroke')).toHaveCount(0)
  await expect(page.locator('.delta-badge')).toHaveCount(0)

  await openTab(page, 'Training')
  await expect(page.getByLabel('Show weights on the graph')).toBeChecked()
  await page.getByLabel('Epochs', { exact: true }).fill('100000')
  await page.getByLabel('Epochs', { exact: true }).press('Tab')
  await page.getByRole('button', { name: 'Train' }).click()

  // The weight snapshot arrives about once a second: then every weight of W1 (8×4) and W2 (3×8) is a stroke.
  await expect(strokes(page, 'w1')).toHaveCount(32)
  await expect(strokes(page, 'w2')).toHaveCount(24)
  await expect(strokes(page, 'b1')).toHaveCount(8)
  await expect(page.locator('.weight-edge[data-edge="w1"] [role="img"]')).toHaveAttribute(
    'aria-label',
    /^W 8×4, mean \|w\| \S+, \d+% positive$/
  )
  // Width by |w|, colour by sign: the strokes are not all alike.
  const widths = await strokes(page, 'w1').evaluateAll(
    (ps) => new Set(ps.map((p) => p.getAttribute('stroke-width'))).size
  )
  expect(widths).toBeGreaterThan(1)

  // One δ badge per dense layer, named in words for screen readers.
  for (const id of ['h1', 'out']) {
    await expect(node(page, id).getByRole('img', { name: /^mean absolute delta / })).toHaveText(/^\|δ\| \S+$/)
  }
  await expect(node(page, 'x').locator('.delta-badge')).toHaveCount(0)

  await page.getByRole('button', { name: 'Stop' }).click()
  await expect(page.locator('.training-panel [role="status"]')).toContainText('Stopped by user')

  // The toggle clears the overlay, and brings it back.
  await page.getByLabel('Show weights on the graph').uncheck()
  await expect(page.locator('.weight-stroke')).toHaveCount(0)
  await expect(page.locator('.delta-badge')).toHaveCount(0)
  await page.getByLabel('Show weights on the graph').check()
  await expect(strokes(page, 'w1')).toHaveCount(32)
  await expect(page.locator('.delta-badge')).toHaveCount(2)

  // Explain the hidden layer from the canvas: select it, then the inspector's button.
  await node(page, 'h1').click()
  await openTab(page, 'Charts')
  await page.getByRole('button', { name: 'Explain this layer' }).click()
  await expect(page.getByRole('tab', { name: 'Training' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByText(/Backward step 2 of 2: layer h1/)).toBeVisible()
  await expect(node(page, 'h1').locator('.graph-node')).toHaveClass(/explainer-highlight/)
  await expect(page.locator('.weight-edge.explainer-highlight[data-edge="w1"]')).toHaveCount(1)

  // One step back, towards the loss: the output layer and the loss are highlighted instead.
  await page.getByRole('button', { name: 'Previous step' }).click()
  await expect(page.getByText(/Backward step 1 of 2: layer out/)).toBeVisible()
  await expect(node(page, 'out').locator('.graph-node')).toHaveClass(/explainer-highlight/)
  await expect(node(page, 'cost').locator('.graph-node')).toHaveClass(/explainer-highlight/)
  await expect(node(page, 'h1').locator('.graph-node')).not.toHaveClass(/explainer-highlight/)
  await expect(page.locator('.weight-edge.explainer-highlight[data-edge="w2"]')).toHaveCount(1)

  // Clicking a layer on the canvas moves the explainer (and the highlight) back to it.
  await node(page, 'h1').click()
  await expect(page.getByText(/Backward step 2 of 2: layer h1/)).toBeVisible()
  await expect(node(page, 'h1').locator('.graph-node')).toHaveClass(/explainer-highlight/)
})
