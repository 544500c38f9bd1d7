/**
 * The journeys between the parts (issue 10), as a person would walk them: nothing the user made is
 * lost on the way through Save / New / Open, nothing of the previous project stays on screen, the app
 * gives one verdict on readiness, and the file pickers leave the page where it was.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { newFromTemplate, openTab } from './app'

const irisCsv = path.resolve(__dirname, '../fixtures/datasets/iris.csv')
const titanicCsv = path.resolve(__dirname, '../fixtures/datasets/titanic_full.csv')

test.use({ viewport: { width: 1440, height: 900 } })

/** Clicks a control that opens the browser's file picker and picks `file` in it. */
async function pickWith(page: Page, control: string, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByText(control, { exact: true }).click()
  await (await chooser).setFiles(file)
}

/** Runs a download-producing action; returns the file, kept under the name the app gave it, and its text. */
async function download(page: Page, act: () => Promise<void>): Promise<{ file: string; text: string }> {
  const pending = page.waitForEvent('download')
  await act()
  const done = await pending
  const file = test.info().outputPath(done.suggestedFilename())
  await done.saveAs(file)
  return { file, text: readFileSync(file, 'utf8') }
}

/** The Problems tab (its name carries the count of problems). */
const problemsTab = (page: Page) => page.getByRole('tab', { name: /^Problems/ })

async function setEpochs(page: Page, epochs: number): Promise<void> {
  const field = page.getByLabel('Epochs', { exact: true })
  await field.fill(String(epochs))
  await field.press('Tab')
}

async function trainIris(page: Page, epochs: number): Promise<void> {
  await openTab(page, 'Data')
  await page.getByLabel('CSV file').setInputFiles(irisCsv)
  await expect(page.getByLabel('Prepared data')).toContainText('Input width 4')
  await openTab(page, 'Training')
  await setEpochs(page, epochs)
  await page.getByRole('button', { name: 'Train', exact: true }).click()
  await expect(page.locator('.training-panel [role="status"]')).toContainText(
    `Finished: all ${epochs} epochs done`,
    { timeout: 30_000 }
  )
}

/** Where the document is scrolled and where the toolbar is. */
async function pagePosition(page: Page): Promise<{ scroll: number; toolbarTop: number }> {
  return page.evaluate(() => ({
    scroll: document.scrollingElement!.scrollTop,
    toolbarTop: document.querySelector('[role="toolbar"][aria-label="Main toolbar"]')!.getBoundingClientRect()
      .top
  }))
}

test('train, save, New, open: every prediction is the same and training continues from the weights', async ({
  page
}) => {
  await newFromTemplate(page, /Iris/)
  await trainIris(page, 30)

  await openTab(page, 'Data')
  const before = await download(page, () => pickWith(page, 'Predict a CSV…', irisCsv))
  expect(before.text.split('\n').filter(Boolean)).toHaveLength(151)

  const saved = await download(page, () => page.getByRole('button', { name: 'Save', exact: true }).click())
  const project = JSON.parse(saved.text)
  // Every parameter, the settings and the data settings are in the file.
  expect(Object.keys(project.parameters).sort()).toEqual(['b1', 'b2', 'w1', 'w2'])
  expect(project.parameters.w1).toHaveLength(8)
  expect(project.parameters.w1[0]).toHaveLength(4)
  expect(project.training.settings.epochs).toBe(30)
  expect(project.data.fileName).toBe('iris.csv')
  expect(project.model.training.epochsRun).toBe(30)
  await expect(page.getByTestId('project-name')).not.toContainText('●')

  await page.getByRole('button', { name: 'New', exact: true }).click()
  await expect(page.getByTestId('project-name')).toHaveText('Untitled')

  await pickWith(page, 'Open', saved.file)
  // Saved under the name the toolbar showed: the template's title.
  await expect(page.getByTestId('project-name')).toHaveText(/Iris 2-layer MLP\.bps\.json$/)
  await openTab(page, 'Training')
  await expect(page.getByLabel('Epochs', { exact: true })).toHaveValue('30')
  await expect(page.locator('.training-panel [role="status"]')).toHaveText(
    'Weights trained for 30 epochs: Train continues from them.'
  )
  await page.screenshot({ path: 'test-results/journeys-after-open.png' })

  await openTab(page, 'Data')
  const after = await download(page, () => pickWith(page, 'Predict a CSV…', irisCsv))
  expect(after.text).toBe(before.text)

  // Training continues: the engine adds the new epochs to the opened model's 30.
  await openTab(page, 'Training')
  await setEpochs(page, 5)
  await page.getByRole('button', { name: 'Train', exact: true }).click()
  await expect(page.locator('.training-panel [role="status"]')).toContainText('Finished: all 5 epochs done', {
    timeout: 30_000
  })
  const again = await download(page, () => page.getByRole('button', { name: 'Save', exact: true }).click())
  expect(JSON.parse(again.text).model.training.epochsRun).toBe(35)
})

test('New after a run shows a clean slate; a template starts with its own settings', async ({ page }) => {
  await newFromTemplate(page, /Iris/)
  await trainIris(page, 20)
  // Every kind of run state on screen: δ badges, weights on the edges, the explainer, the gradient
  // check, a prediction, the charts.
  await page.getByRole('button', { name: 'Explain' }).click()
  await expect(page.getByText(/Backward step 1 of 2/)).toBeVisible()
  await page.getByRole('button', { name: 'Check gradients' }).click()
  await expect(page.locator('.gradcheck [role="status"]')).toContainText('Passed')
  await expect(page.locator('.delta-badge').first()).toBeVisible()
  await expect(page.locator('.weight-strokes').first()).toBeVisible()
  await openTab(page, 'Data')
  await page.getByLabel('Pick a row from the data').selectOption('0')
  await page.getByRole('button', { name: 'Predict', exact: true }).click()
  await expect(page.getByRole('status', { name: 'Prediction' })).toContainText('Predicted: setosa')
  await openTab(page, 'Charts')
  await expect(page.locator('figure[aria-label="Loss"] .chart-summary')).toContainText('Train loss')

  await page.getByRole('button', { name: 'New', exact: true }).click()
  await page.getByRole('button', { name: 'Discard changes' }).click()
  await expect(page.getByTestId('project-name')).toHaveText('Untitled')
  await page.screenshot({ path: 'test-results/journeys-new-after-run.png' })
  await expect(page.locator('.delta-badge')).toHaveCount(0)
  await expect(page.locator('.weight-strokes')).toHaveCount(0)
  await expect(page.locator('figure[aria-label="Loss"] .chart-summary')).not.toContainText('Train loss')
  await expect(page.locator('figure[aria-label="Confusion matrix"]')).toHaveCount(0)
  await openTab(page, 'Data')
  await expect(page.getByRole('status', { name: 'Prediction' })).toHaveCount(0)
  await expect(page.getByRole('table', { name: 'Confusion matrix' })).toHaveCount(0)
  await openTab(page, 'Training')
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toHaveAttribute(
    'aria-valuenow',
    '0'
  )
  await expect(page.locator('.training-panel [role="status"]')).not.toContainText('Finished')
  await expect(page.locator('.gradcheck')).toHaveCount(0)
  await expect(page.locator('.explainer [data-testid="delta"]')).toHaveCount(0)
  await expect(page.getByLabel('Epochs', { exact: true })).not.toHaveValue('20')

  // The template's network, with the dataset still loaded: new edges w1/b1 carry no old weights.
  await page.getByRole('button', { name: 'New from template' }).click()
  await page.getByRole('menuitem', { name: /Iris/ }).click()
  await expect(page.locator('.graph-node.kind-input')).toContainText('4 features (from data)')
  await expect(page.locator('.delta-badge')).toHaveCount(0)
  await expect(page.locator('.weight-strokes')).toHaveCount(0)
  await expect(page.getByLabel('Epochs', { exact: true })).not.toHaveValue('20')
  await page.screenshot({ path: 'test-results/journeys-template-after-run.png' })
  // The engine still holds the old network: nothing here may predict or export with it.
  await openTab(page, 'Data')
  await expect(page.getByRole('button', { name: 'Export weights' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Predict', exact: true })).toBeDisabled()
  await expect(page.getByLabel('CSV to predict')).toBeDisabled()
  await expect(
    page.getByText('Train this network, or import a weights file, to export, predict or evaluate.')
  ).toBeVisible()
  await page.screenshot({ path: 'test-results/journeys-template-data-tab.png' })
})

test('a data mismatch blocks Train with the same message everywhere, and its fix is offered', async ({
  page
}) => {
  await newFromTemplate(page, /Iris/)
  const verdict = page.locator('#train-reason')
  await expect(verdict).toHaveText(
    'Cannot train: No data yet: load a CSV file on the Data tab and choose its target.'
  )

  await openTab(page, 'Data')
  await page.getByLabel('CSV file').setInputFiles(titanicCsv)
  await page.getByLabel('Role of survived').selectOption('target')
  await expect(page.getByLabel('Prepared data')).toContainText('targets survived')
  const message = 'The output layer "out" has 3 units; the data needs 1 (two classes as one sigmoid unit).'
  await expect(verdict).toHaveText(`Cannot train: ${message}`)

  await problemsTab(page).click()
  const problems = page.getByRole('region', { name: 'Problems' })
  await expect(problems.getByRole('button', { name: `Error ${message}` })).toBeVisible()
  await expect(problems).not.toContainText('No problems')
  await expect(problemsTab(page)).toContainText('3')
  await page.screenshot({ path: 'test-results/journeys-mismatch-problems.png' })

  await openTab(page, 'Training')
  const train = page.getByRole('button', { name: 'Train', exact: true })
  await expect(train).toBeDisabled()
  await expect(train).toHaveAttribute('title', message)
  await expect(page.locator('.training-panel [role="status"]')).toHaveText(message)

  // The fix, from the Problems panel: everything says ready at once.
  await problemsTab(page).click()
  await problems.getByRole('button', { name: 'Make output match data' }).click()
  await expect(problems).toContainText('No problems: ready to train.')
  await expect(verdict).toHaveText('Ready to train')
  await openTab(page, 'Training')
  await expect(train).toBeEnabled()
})

test('Predict a CSV… and Import weights… leave the page where it was', async ({ page }) => {
  await newFromTemplate(page, /Iris/)
  await trainIris(page, 10)
  await openTab(page, 'Data')
  const start = await pagePosition(page)
  expect(start).toEqual({ scroll: 0, toolbarTop: 0 })

  const exported = await download(page, () => page.getByRole('button', { name: 'Export weights' }).click())
  expect(await pagePosition(page)).toEqual(start)

  await download(page, () => pickWith(page, 'Predict a CSV…', irisCsv))
  await expect(page.getByText('Predicted 150 rows of iris.csv.')).toBeVisible()
  expect(await pagePosition(page)).toEqual(start)
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toBeInViewport()

  await pickWith(page, 'Import weights…', exported.file)
  await expect(page.getByText(/^Imported .*weights\.json: 4 inputs/)).toBeVisible()
  expect(await pagePosition(page)).toEqual(start)
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toBeInViewport()
  await page.screenshot({ path: 'test-results/journeys-after-import.png' })
})

test('a run that diverges keeps the model: the weights from before it come back', async ({ page }) => {
  await newFromTemplate(page, /Iris/)
  await trainIris(page, 20)
  await openTab(page, 'Data')
  const good = await download(page, () => pickWith(page, 'Predict a CSV…', irisCsv))

  await openTab(page, 'Training')
  await page.getByRole('combobox', { name: /^Optimizer/ }).selectOption('sgd')
  const rate = page.getByLabel('Learning rate (μ)', { exact: true })
  await rate.fill('1e300')
  await rate.press('Tab')
  await setEpochs(page, 50)
  await page.getByRole('button', { name: 'Train', exact: true }).click()
  const status = page.locator('.training-panel [role="status"]')
  await expect(status).toContainText(/Stopped: (the loss diverged|NaN)/, { timeout: 30_000 })
  await page.screenshot({ path: 'test-results/journeys-diverged.png' })

  await page.getByRole('button', { name: 'Restore weights before this run' }).click()
  await expect(status).toHaveText('Restored the weights from before this run: Train continues from them.')
  await expect(page.getByRole('button', { name: 'Restore weights before this run' })).toHaveCount(0)
  await openTab(page, 'Data')
  const restored = await download(page, () => pickWith(page, 'Predict a CSV…', irisCsv))
  expect(restored.text).toBe(good.text)
})

test('choosing another target replaces the old one and the input node keeps its width', async ({ page }) => {
  await newFromTemplate(page, /Iris/)
  await openTab(page, 'Data')
  await page.getByLabel('CSV file').setInputFiles(irisCsv)
  await expect(page.getByLabel('Role of species')).toHaveValue('target')
  await page.getByLabel('Role of petal_width_cm').selectOption('target')
  await expect(page.getByLabel('Role of species')).toHaveValue('feature')
  const prepared = page.getByLabel('Prepared data')
  await expect(prepared).toContainText('targets petal_width_cm')
  await expect(page.locator('.data-panel [role="alert"]')).toHaveCount(0)
  // Three measurements and the species one-hot.
  await expect(page.locator('.graph-node.kind-input')).toContainText('6 features (from data)')

  // A choice the engine refuses (no target left) says why; the input keeps the width it had.
  await page.getByLabel('Role of petal_width_cm').selectOption('ignored')
  await expect(page.locator('.data-panel [role="alert"]')).toBeVisible()
  await expect(page.locator('.graph-node.kind-input')).toContainText('6 features (from data)')
  await page.screenshot({ path: 'test-results/journeys-target.png' })
})
