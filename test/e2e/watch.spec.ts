/**
 * Issue 12's journeys, as a person does them: watch a slowed-down iris run (controls, loss and δ on
 * one screen), open a layer into its units and type a weight, connect two nodes from the keyboard,
 * and no serious or critical axe-core violation on the main screens.
 */
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { newFromTemplate, openApp, openTab } from './app'

const samples = path.resolve(__dirname, '../../resources/samples')

async function irisReady(page: Page): Promise<void> {
  await newFromTemplate(page, /Iris/)
  await openTab(page, 'Data')
  await page.getByLabel('CSV file').setInputFiles(path.join(samples, 'iris.csv'))
  await expect(page.getByLabel('Prepared data')).toContainText('training')
  await openTab(page, 'Training')
}

async function noSeriousViolations(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze()
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  ).toEqual([])
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 }
]) {
  test(`at ${viewport.width}×${viewport.height}: a slowed-down run shows canvas, controls, loss and δ together`, async ({
    page
  }) => {
    await page.setViewportSize(viewport)
    await irisReady(page)
    const speed = page.getByRole('slider', { name: 'Speed' })
    await speed.fill('3') // 10 steps/s
    await expect(page.getByText('10 steps/s')).toBeVisible()
    await page.getByRole('button', { name: 'Train', exact: true }).click()
    await expect(page.getByRole('button', { name: 'Pause' })).toBeEnabled()
    // Two seconds at 10 steps/s: a run of 400 steps is still going, and its curves are drawing.
    await page.waitForTimeout(2000)
    await expect(page.getByRole('button', { name: 'Pause' })).toBeEnabled()
    for (const el of [
      page.getByLabel('Network canvas'),
      page.getByRole('toolbar', { name: 'Training controls' }),
      page.getByRole('figure', { name: 'Loss' }),
      page.getByRole('figure', { name: 'Backpropagated error δ' })
    ])
      await expect(el).toBeInViewport()
    await expect(page.getByRole('figure', { name: 'Backpropagated error δ' })).toContainText('2 layers')
    // Full speed finishes the run.
    await speed.fill('9')
    await expect(page.getByText('Full speed')).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: /Finished/ })).toBeVisible()
  })
}

test('the README iris run at full speed yields at least 50 δ points', async ({ page }) => {
  await irisReady(page)
  await page.getByRole('button', { name: 'Train', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: /Finished/ })).toBeVisible()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save CSV of Backpropagated error δ' }).click()
  const text = await (await download).createReadStream().then(
    (s) =>
      new Promise<string>((resolve) => {
        let t = ''
        s.on('data', (c) => (t += c))
        s.on('end', () => resolve(t))
      })
  )
  expect(text.trim().split('\n').length - 1).toBeGreaterThanOrEqual(50)
})

test('a layer opens into its units; a weight is typed in by hand and reaches the model', async ({ page }) => {
  await irisReady(page)
  await page.getByRole('button', { name: 'Step', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible()
  await page.getByRole('button', { name: 'Show the units of h1' }).click()
  await page.getByRole('button', { name: 'Show the units of x' }).click()
  await expect(page.getByRole('list', { name: 'Units of h1' }).getByRole('listitem')).toHaveCount(8)
  await expect(page.getByRole('list', { name: 'Units of x' }).getByRole('listitem')).toHaveCount(4)
  await expect(page.getByRole('figure', { name: 'Weight legend' })).toBeVisible()
  // 8 × 4 weights, each its own line, with w and ∂C/∂w on hover
  const lines = page.locator('[data-edge="w1"] .weight-stroke')
  await expect(lines).toHaveCount(32)
  const line = page.locator('[data-edge="w1"] [data-weight="2,1"]')
  await expect(line.locator('title')).toHaveText(/W\[2\]\[1\] = .* · ∂C\/∂w = /)
  await line.dispatchEvent('click', { clientX: 600, clientY: 300 })
  const editor = page.getByRole('dialog', { name: 'Set a weight' })
  await editor.getByLabel('Weight value').fill('1.75')
  await editor.getByLabel('Weight value').press('Enter')
  await expect(editor).toBeHidden()
  await expect(line.locator('title')).toHaveText(/W\[2\]\[1\] = 1\.75/)
  // The model has it: the next step trains from 1.75, not from the old weight.
  await page.getByRole('button', { name: 'Step', exact: true }).click()
  await expect(line.locator('title')).toHaveText(/W\[2\]\[1\] = 1\.7\d* /)
})

test('two nodes are connected from the keyboard; nodes show a focus ring', async ({ page }) => {
  await openApp(page)
  const palette = page.getByRole('complementary', { name: 'Palette' })
  await palette.getByRole('button', { name: 'Input', exact: true }).click()
  await palette.getByRole('button', { name: 'Dense layer', exact: true }).click()
  const input = page.locator('.vue-flow__node-input')
  await input.focus()
  await page.keyboard.press('Enter') // Vue Flow selects the focused node
  const ring = await input.locator('.graph-node').evaluate((el) => getComputedStyle(el).outlineStyle)
  expect(ring).toBe('solid')
  await page.keyboard.press('c')
  const dialog = page.getByRole('dialog', { name: /^Connect .* to…$/ })
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.locator('.vue-flow__edge')).toHaveCount(1)
})

test('no serious or critical axe-core violation on the main screens', async ({ page }) => {
  await openApp(page)
  await noSeriousViolations(page, 'empty workbench')
  await irisReady(page)
  await noSeriousViolations(page, 'training tab')
  await page.getByRole('button', { name: 'Train', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: /Finished/ })).toBeVisible()
  await noSeriousViolations(page, 'after a run')
  await openTab(page, 'Data')
  await noSeriousViolations(page, 'data tab')
  await openTab(page, 'Problems')
  await noSeriousViolations(page, 'problems tab')
})

test('Check gradients brings its result into view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await irisReady(page)
  await page.getByRole('button', { name: 'Step', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible()
  await page.getByRole('button', { name: 'Check gradients' }).click()
  const result = page.getByLabel('Gradient check')
  await expect(result).toContainText(/Passed|Failed/)
  await expect(result).toBeInViewport()
})
