/** What every e2e test does first, as a person would: open the app, wait for the engine, pick tabs. */
import { expect, type Page } from '@playwright/test'

/** Opens the preview and waits until the engine in its Web Worker says it is ready. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page.getByText(/ready/i).first()).toBeVisible()
}

/** Opens the app and starts from a template of the "New from template" menu. */
export async function newFromTemplate(page: Page, name: RegExp): Promise<void> {
  await openApp(page)
  await page.getByRole('button', { name: 'New from template' }).click()
  await page.getByRole('menuitem', { name }).click()
}

/**
 * Selects a bottom-panel tab by its exact name (Problems, Data, Training). The charts are no tab any
 * more — they stay open beside the tabs — so "Charts" brings the Live charts region into view.
 */
export async function openTab(page: Page, name: string): Promise<void> {
  if (name === 'Charts') {
    await page.getByRole('region', { name: 'Live charts' }).scrollIntoViewIfNeeded()
    return
  }
  await page.getByRole('tab', { name, exact: true }).click()
}
