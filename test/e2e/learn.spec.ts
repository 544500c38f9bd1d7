/**
 * A student's path through lesson 1 (seed 001's hand calculation): open Learn, the network appears on
 * the canvas with its numbers, step through forward and backward, meet the tutorial's slip, do one
 * exercise wrong (the slip is named) and one right; then the same lesson in 简体中文, remembered after
 * a reload. Screenshots at 1440×900 go to the test's output folder.
 */
import { expect, test, type Page } from '@playwright/test'
import { openApp } from './app'

test.use({ viewport: { width: 1440, height: 900 } })

const overlay = (page: Page) => page.getByTestId('lesson-overlay')

test('lesson 1 step by step, an exercise wrong and right, then in 简体中文', async ({ page }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) })
  await openApp(page)

  // Open Learn: lesson 1 is built on the canvas, with its inputs and first sums drawn on the graph.
  await page.getByRole('button', { name: 'Learn', exact: true }).click()
  const panel = page.getByRole('complementary', { name: 'Learn backpropagation' })
  await expect(panel).toBeVisible()
  await expect(panel.getByRole('combobox', { name: 'Lesson' })).toHaveValue('hand')
  await expect(page.locator('.vue-flow__node')).toHaveCount(4)
  // The lesson's graph is valid: what stands between it and Train is only the data.
  await expect(page.locator('#train-reason')).toHaveText(/^Cannot train: No data yet/)
  await expect(overlay(page).getByText('0.755')).toBeVisible()
  await expect(panel.getByText('Step 1 of 9')).toBeVisible()
  await shot('learn-1-forward')

  // Forward: O₃, then the tutorial's O₃ = 0.69 slip.
  await panel.getByRole('button', { name: 'Next step' }).click()
  await expect(panel.getByRole('note')).toContainText('O₃ = 0.69, but σ(0.755) = 0.6803')
  await expect(overlay(page).getByText('0.6803')).toBeVisible()

  // On to the loss (with its ½) and the output error δ₅, where the tutorial prints 0.027.
  await panel.getByRole('button', { name: 'Next step' }).click()
  await panel.getByRole('button', { name: 'Next step' }).click()
  await expect(panel.getByText('Step 4 of 9')).toBeVisible()
  await expect(panel.getByText(/E = ½\(O₅ − t₅\)² = 0.0181/)).toBeVisible()
  await panel.getByRole('button', { name: 'Next step' }).click()
  await expect(panel.getByText(/Backward/).first()).toBeVisible()
  await expect(overlay(page).getByText('0.04068')).toBeVisible()
  await expect(panel.getByRole('note')).toContainText('0.027 is ∂E/∂w₄₅')
  await shot('learn-2-delta-slip')

  // The rest of the backward pass, to the update.
  for (const value of ['0.02767', '0.002654', '0.0009291']) {
    await panel.getByRole('button', { name: 'Next step' }).click()
    await expect(overlay(page).getByText(value)).toBeVisible()
  }
  await panel.getByRole('button', { name: 'Next step' }).click()
  await expect(panel.getByText('Step 9 of 9')).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Next step' })).toBeDisabled()
  await panel.getByRole('button', { name: 'Previous step' }).click()
  await expect(panel.getByText('Step 8 of 9')).toBeVisible()

  // Exercise: δ₅ hidden. The tutorial's 0.027 is wrong, and the app names the slip.
  await panel.getByRole('button', { name: 'Exercise', exact: true }).click()
  await expect(panel.getByRole('combobox', { name: 'Quantity to hide' })).toHaveValue('delta')
  await expect(panel.getByText('Right when within 0.5% of the exact value.')).toBeVisible()
  const answer = panel.getByRole('textbox', { name: 'Your value' })
  await answer.fill('0.027')
  await panel.getByRole('button', { name: 'Check' }).click()
  const verdict = panel.getByRole('status')
  await expect(verdict).toContainText('Not right.')
  await expect(verdict).toContainText('a weight’s gradient ∂C/∂w, not the error')
  await shot('learn-3-exercise-wrong')
  await answer.fill('0.0407')
  await panel.getByRole('button', { name: 'Check' }).click()
  await expect(verdict).toContainText('Right! The exact value is 0.04068.')

  // 简体中文: the whole lesson again, and the choice survives a reload.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
  const zhPanel = page.getByRole('complementary', { name: '学习反向传播' })
  await expect(zhPanel).toBeVisible()
  await zhPanel.getByRole('button', { name: '课程步骤' }).click()
  await expect(zhPanel.getByRole('combobox', { name: '课程' })).toHaveValue('hand')
  await expect(zhPanel.getByText('第 8 步，共 9 步')).toBeVisible()
  for (let i = 7; i >= 1; i--) {
    await zhPanel.getByRole('button', { name: '上一步' }).click()
    await expect(zhPanel.getByText(`第 ${i} 步，共 9 步`)).toBeVisible()
  }
  await expect(zhPanel.getByText(/每个隐层单元先对带权输入求和/)).toBeVisible()
  for (let i = 2; i <= 9; i++) {
    await zhPanel.getByRole('button', { name: '下一步' }).click()
    await expect(zhPanel.getByText(`第 ${i} 步，共 9 步`)).toBeVisible()
    if (i === 5) {
      await expect(zhPanel.getByText('反向传播', { exact: true })).toBeVisible()
      await expect(zhPanel.getByRole('note')).toContainText('0.027 是 ∂E/∂w₄₅')
      await shot('learn-4-zh-delta')
    }
  }
  await expect(zhPanel.getByText(/E 从 0.0181 降到 0.01733/)).toBeVisible()

  // An exercise in Chinese: O₃ typed as the tutorial's 0.69 is O₅'s value.
  await zhPanel.getByRole('button', { name: '练习', exact: true }).click()
  await zhPanel.getByRole('combobox', { name: '要隐藏的量' }).selectOption('a')
  await zhPanel.getByRole('textbox', { name: '你的答案' }).fill('0.69')
  await zhPanel.getByRole('button', { name: '检查' }).click()
  await expect(zhPanel.getByRole('status')).toContainText('不正确。')
  await expect(zhPanel.getByRole('status')).toContainText('本次传播中的另一个数')
  await shot('learn-5-zh-exercise')

  await page.reload()
  await expect(page.getByRole('button', { name: '学习', exact: true })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
})
