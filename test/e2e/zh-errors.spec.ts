/**
 * Engine errors in 简体中文 (issue 13), as a person would meet them: the app remembered Chinese, a
 * broken CSV goes in through the real file input and the data panel names its line and column in
 * Chinese; a layer is deleted and the Problems panel names the nodes in Chinese. The selectors do not
 * depend on the language of the other panels' labels (ids, roles and test ids only).
 */
import path from 'node:path'
import { expect, test } from '@playwright/test'

const raggedCsv = path.resolve(__dirname, '../fixtures/csv-app/ragged.csv')

test('a broken CSV and a graph problem, worded in 简体中文', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('backprop-studio.locale', 'zh-CN'))
  await page.goto('/')
  const status = page.getByTestId('engine-status')
  await expect(status).toHaveClass(/engine-ready/)
  await expect(status).toContainText('引擎： 就绪')

  // A network to check: the first template (XOR from logic gates).
  await page.locator('#menu-button-templates').click()
  await page.getByRole('menuitem').first().click()
  await expect(page.locator('.vue-flow__node')).toHaveCount(5)

  // ragged.csv: line 4 has two fields where the header has three.
  await page.locator('#tab-data').click()
  await page.locator('#tabpanel-data input[type="file"]').first().setInputFiles(raggedCsv)
  const error = page.locator('[role="alert"]').filter({ hasText: 'ragged.csv' })
  await expect(error).toHaveText(
    '无法加载 ragged.csv：第 4 行，第 3 列：应有 3 个字段（与第 1 行的表头一致），实际只有 2 个 —— 缺少第 3 个字段（“species”）。请检查某个值里是否有未加引号的“,”。'
  )
  await page.screenshot({ path: 'test-results/zh-errors-csv.png' })

  // Delete the hidden layer: the input is left unconnected and the output has no weighted input.
  await page.locator('.graph-node.kind-dense').first().click()
  await page.keyboard.press('Delete')
  await expect(page.locator('.vue-flow__node')).toHaveCount(4)
  await page.locator('#tab-problems').click()
  const problems = page.locator('section.problems')
  await expect(problems).toContainText('输入 "x" 没有连接到任何东西。')
  await expect(problems).toContainText('层 "OR" (out) 没有来自输入或其他层的带权重输入边。')
  await expect(problems.locator('.problem-severity').first()).toHaveText('错误')
  await page.screenshot({ path: 'test-results/zh-errors-problems.png' })
})
