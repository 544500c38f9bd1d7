/**
 * Building a network as a person would, by role and label: drag layers from the palette, connect them by
 * dragging between handles, try a skip connection (refused while the widths differ, accepted once they
 * match), undo and redo, duplicate and delete, save the project as a download, reload, open it through
 * the file picker and find the same graph.
 */
import { writeFileSync } from 'node:fs'
import { expect, test, type Locator, type Page } from '@playwright/test'

test.use({ viewport: { width: 1400, height: 900 } })

const node = (page: Page, name: string): Locator => page.getByRole('group', { name, exact: true })

/** Drags a palette item onto the canvas at (x, y) relative to the canvas's top-left corner. */
async function dropFromPalette(page: Page, item: string, x: number, y: number): Promise<void> {
  const palette = page.getByRole('complementary', { name: 'Palette' })
  await palette.getByRole('button', { name: item, exact: true }).dragTo(page.locator('.vue-flow__pane'), {
    targetPosition: { x, y }
  })
}

/** Presses on one handle and lets go on another, moving in steps as a hand would. */
async function dragBetween(
  page: Page,
  from: Locator,
  to: Locator,
  options: { alt?: boolean } = {}
): Promise<void> {
  const a = (await from.boundingBox())!
  const b = (await to.boundingBox())!
  if (options.alt) await page.keyboard.down('Alt')
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2)
  await page.mouse.down()
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 })
  await page.mouse.up()
  if (options.alt) await page.keyboard.up('Alt')
}

const connect = (page: Page, from: string, to: string, options: { alt?: boolean } = {}): Promise<void> =>
  dragBetween(page, page.getByLabel(`Output of ${from}`), page.getByLabel(`Input of ${to}`), options)

async function setUnits(page: Page, layer: string, units: number): Promise<void> {
  await node(page, `Dense layer ${layer}`).click()
  const inspector = page.getByRole('complementary', { name: 'Inspector' })
  await inspector.getByLabel('Units', { exact: true }).fill(String(units))
  await inspector.getByLabel('Units', { exact: true }).press('Tab')
  await expect(node(page, `Dense layer ${layer}`)).toContainText(`${units} units`)
}

/** Clicks an empty spot of the canvas, so keyboard shortcuts go to the editor, not a form field. */
const clickEmptyCanvas = (page: Page): Promise<void> =>
  page.locator('.vue-flow__pane').click({ position: { x: 500, y: 330 } })

test('build, connect, skip, undo, save, reload and open', async ({ page }, testInfo) => {
  await page.goto('/')
  await expect(page.getByTestId('engine-status')).toContainText('ready')
  await expect(page.getByText('Nothing here yet')).toBeVisible()

  // 1. Drag the building blocks onto the canvas.
  await dropFromPalette(page, 'Input', 120, 80)
  await dropFromPalette(page, 'Dense layer', 320, 80)
  await dropFromPalette(page, 'Dense layer', 520, 80)
  await dropFromPalette(page, 'Bias unit', 120, 240)
  await dropFromPalette(page, 'Loss', 720, 80)
  for (const name of ['Input x', 'Dense layer h1', 'Dense layer h2', 'Bias unit one', 'Loss cost'])
    await expect(node(page, name)).toBeVisible()
  await expect(page.getByRole('tab', { name: /Problems/ })).toContainText(/\d/)
  await expect(page.locator('#train-reason')).toContainText('Cannot train')

  // 2. Connect them by dragging from an output handle to an input handle.
  await connect(page, 'x', 'h1')
  await connect(page, 'h1', 'h2')
  await connect(page, 'bias one', 'h1')
  await connect(page, 'bias one', 'h2')
  await connect(page, 'h2', 'cost')
  await expect(page.locator('.vue-flow__edge')).toHaveCount(5)
  await expect(node(page, 'Dense layer h1')).toContainText('W 4×2')
  await expect(node(page, 'Dense layer h1')).toContainText('b 4×1')
  await expect(node(page, 'Dense layer h2')).toContainText('W 4×4')
  await expect(page.getByTestId('parameter-total')).toHaveText('32')
  // The graph is valid: what stands between it and Train now is the data, said once for everything.
  await expect(page.locator('#train-reason')).toHaveText(
    'Cannot train: No data yet: load a CSV file on the Data tab and choose its target.'
  )
  await page.getByRole('tab', { name: /^Problems/ }).click()
  await expect(page.getByRole('region', { name: 'Problems' }).getByRole('listitem')).toHaveCount(1)
  await expect(page.getByRole('button', { name: 'Open the Data tab' })).toBeVisible()

  // An invalid connection is refused at the handle, with the engine's reason.
  await connect(page, 'h2', 'h1')
  await expect(page.getByRole('status').filter({ hasText: /Not connected: .*cycle/i })).toBeVisible()
  await expect(page.locator('.vue-flow__edge')).toHaveCount(5)

  // 3. A skip connection (Alt while connecting) is refused while the widths differ…
  await setUnits(page, 'h2', 3)
  await expect(page.getByTestId('parameter-total')).toHaveText(String(8 + 4 + 12 + 3))
  await connect(page, 'h1', 'h2', { alt: true })
  await expect(
    page.getByRole('status').filter({ hasText: /Not connected: A skip edge needs equal widths/ })
  ).toBeVisible()
  await expect(page.locator('.vue-flow__edge.edge-skip')).toHaveCount(0)
  // …and accepted once they match, drawn dashed.
  await setUnits(page, 'h2', 4)
  await connect(page, 'h1', 'h2', { alt: true })
  const skip = page.locator('.vue-flow__edge.edge-skip')
  await expect(skip).toHaveCount(1)
  await expect(skip.locator('path.skip-path').first()).toHaveCSS('stroke-dasharray', /\d/)
  await expect(node(page, 'Dense layer h2')).toContainText('skip from h1')
  await expect(page.getByTestId('parameter-total')).toHaveText('32')

  // 4. Undo and redo, from the keyboard and the toolbar.
  await clickEmptyCanvas(page)
  await page.keyboard.press('Control+z')
  await expect(skip).toHaveCount(0)
  await page.keyboard.press('Control+Shift+z')
  await expect(skip).toHaveCount(1)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(skip).toHaveCount(0)
  await page.getByRole('button', { name: 'Redo' }).click()
  await expect(skip).toHaveCount(1)

  // Duplicate a layer from the keyboard, delete the copy from the Edit menu.
  await node(page, 'Dense layer h2').click()
  await page.keyboard.press('Control+d')
  await expect(node(page, 'Dense layer h3')).toBeVisible()
  await page.getByRole('button', { name: /^Edit/ }).click()
  await page.getByRole('menu', { name: 'Edit' }).getByRole('menuitem', { name: 'Delete' }).click()
  await expect(node(page, 'Dense layer h3')).toHaveCount(0)
  await page.keyboard.press('Delete') // nothing selected any more: nothing happens
  await expect(page.locator('.vue-flow__node')).toHaveCount(5)

  // 5. Save: the browser preview downloads the project file.
  await expect(page.getByTestId('project-name')).toContainText('Untitled')
  await expect(page.getByLabel('unsaved changes')).toBeVisible()
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.bps\.json$/)
  const saved = testInfo.outputPath(download.suggestedFilename())
  await download.saveAs(saved)
  await expect(page.getByLabel('unsaved changes')).toHaveCount(0)
  await expect(page).toHaveTitle(`${download.suggestedFilename()} — Backprop Studio`)

  // 6. Reload: a fresh, empty editor.
  await page.reload()
  await expect(page.getByTestId('engine-status')).toContainText('ready')
  await expect(page.locator('.vue-flow__node')).toHaveCount(0)

  // 7. Open it through the file picker and find the same graph.
  const choosing = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await (await choosing).setFiles(saved)
  await expect(page.getByTestId('project-name')).toContainText(download.suggestedFilename())
  for (const name of ['Input x', 'Dense layer h1', 'Dense layer h2', 'Bias unit one', 'Loss cost'])
    await expect(node(page, name)).toBeVisible()
  await expect(page.locator('.vue-flow__edge')).toHaveCount(6)
  await expect(page.locator('.vue-flow__edge.edge-skip')).toHaveCount(1)
  await expect(page.getByTestId('parameter-total')).toHaveText('32')
  await expect(page.locator('#train-reason')).toHaveText(/^Cannot train: No data yet/)
  await expect(page.getByLabel('unsaved changes')).toHaveCount(0)
})

test('a malformed project file is refused with a clear message and the open work stays', async ({
  page
}, testInfo) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'New from template' }).click()
  await page.getByRole('menuitem', { name: /XOR/ }).click()
  await expect(node(page, 'Dense layer OR')).toBeVisible()
  await expect(node(page, 'Dense layer hidden [AND, NOR]')).toContainText('W 2×2')

  const bad = testInfo.outputPath('future.bps.json')
  writeFileSync(bad, JSON.stringify({ format: 'backprop-studio/project', version: 99, graph: {} }))
  const choosing = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  // The template is unsaved work, so opening asks first.
  await page.getByRole('alertdialog').getByRole('button', { name: 'Discard changes' }).click()
  await (await choosing).setFiles(bad)
  await expect(
    page.getByRole('status').filter({ hasText: /Could not open future\.bps\.json.*newer/ })
  ).toBeVisible()
  await expect(node(page, 'Dense layer OR')).toBeVisible()
})

test('unsaved work survives a reload through the autosave and can be restored', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'New from template' }).click()
  await page.getByRole('menuitem', { name: /Iris/ }).click()
  await node(page, 'Dense layer h1').click()
  const units = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Units', { exact: true })
  await units.fill('12')
  await units.press('Tab')
  await expect(node(page, 'Dense layer h1')).toContainText('12 units')
  // The autosave is written shortly after the last edit.
  await page.waitForTimeout(1000)

  await page.reload()
  const banner = page.getByRole('alert').filter({ hasText: 'was recovered' })
  await expect(banner).toBeVisible()
  await banner.getByRole('button', { name: 'Restore' }).click()
  await expect(node(page, 'Dense layer h1')).toContainText('12 units')
  await expect(page.getByLabel('unsaved changes')).toBeVisible()
  await expect(banner).toHaveCount(0)
})

test('a saved project comes back from Recent projects itself, not through the file picker', async ({
  page
}) => {
  await page.goto('/')
  await expect(page.getByTestId('engine-status')).toContainText('ready')

  // A small graph: input → dense (3 units) → loss.
  await dropFromPalette(page, 'Input', 120, 80)
  await dropFromPalette(page, 'Dense layer', 320, 80)
  await dropFromPalette(page, 'Loss', 520, 80)
  await connect(page, 'x', 'h1')
  await connect(page, 'h1', 'cost')
  await setUnits(page, 'h1', 3)
  await expect(page.locator('.vue-flow__edge')).toHaveCount(2)
  const total = await page.getByTestId('parameter-total').textContent()

  // Save: a download in the browser preview.
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  const name = (await downloading).suggestedFilename()
  await expect(page.getByLabel('unsaved changes')).toHaveCount(0)

  // New, and a reload for good measure: the recent copy lives in localStorage.
  await page.getByRole('button', { name: 'New', exact: true }).click()
  await expect(page.locator('.vue-flow__node')).toHaveCount(0)
  await page.reload()
  await expect(page.getByTestId('engine-status')).toContainText('ready')
  await expect(page.locator('.vue-flow__node')).toHaveCount(0)

  let pickerOpened = false
  page.on('filechooser', () => (pickerOpened = true))
  await page.getByRole('button', { name: 'Recent', exact: true }).click()
  await page.getByRole('menu', { name: 'Recent projects' }).getByRole('menuitem', { name }).click()

  await expect(page.getByTestId('project-name')).toContainText(name)
  await expect(page).toHaveTitle(`${name} — Backprop Studio`)
  for (const n of ['Input x', 'Dense layer h1', 'Loss cost']) await expect(node(page, n)).toBeVisible()
  await expect(node(page, 'Dense layer h1')).toContainText('3 units')
  await expect(page.locator('.vue-flow__edge')).toHaveCount(2)
  await expect(page.getByTestId('parameter-total')).toHaveText(total!)
  await expect(page.getByLabel('unsaved changes')).toHaveCount(0)
  expect(pickerOpened).toBe(false)
})
