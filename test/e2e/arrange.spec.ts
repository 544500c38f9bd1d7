/**
 * Auto-arrange on the real canvas: a layer opened into its units is taller than a card, and the node
 * below it in the same column is placed under it, not on top of it (the heights Vue Flow measured).
 */
import { expect, test } from '@playwright/test'
import { newFromTemplate } from './app'

test.use({ viewport: { width: 1440, height: 900 } })

test('auto-arrange leaves room below an expanded layer', async ({ page }) => {
  await newFromTemplate(page, /^Iris/)
  const input = page.getByRole('group', { name: 'Input x', exact: true })
  const bias = page.getByRole('group', { name: 'Bias unit one', exact: true })
  await input.getByRole('button', { name: 'Show the units of x' }).click()
  await expect(input.locator('.unit')).toHaveCount(4)
  await page.getByRole('button', { name: 'Auto-arrange', exact: true }).click()
  // Arranging fits the view afterwards; wait for the boxes to settle.
  await expect(async () => {
    const [a, b] = await Promise.all([input.boundingBox(), bias.boundingBox()])
    expect(a && b).toBeTruthy()
    expect(b!.y, 'the bias unit starts below the expanded input').toBeGreaterThanOrEqual(a!.y + a!.height)
    expect(Math.abs(b!.x - a!.x)).toBeLessThan(a!.width)
  }).toPass({ timeout: 5_000 })
})
