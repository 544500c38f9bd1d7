/**
 * The frame in 简体中文: after switching the language, the toolbar, the palette, the template menu and
 * the canvas's nodes are named in Chinese (by role and accessible name, as a screen reader meets them);
 * switching back restores English, and the choice survives a reload. Screenshots at 1440×900 go to the
 * test's output folder.
 */
import { expect, test, type Page } from '@playwright/test'
import { openApp } from './app'

test.use({ viewport: { width: 1440, height: 900 } })

const toolbar = (page: Page, name: string) => page.getByRole('toolbar', { name })
const node = (page: Page, name: string) => page.getByRole('group', { name, exact: true })

test('toolbar, palette and canvas nodes in 简体中文, back to English, remembered after a reload', async ({
  page
}, testInfo) => {
  await openApp(page)
  await page.getByRole('button', { name: 'New from template' }).click()
  await page.getByRole('menuitem', { name: /^XOR/ }).click()
  await expect(node(page, 'Dense layer hidden [AND, NOR]')).toBeVisible()
  // An undo step recorded in English is named in the language of the moment.
  await page.getByRole('button', { name: 'Auto-arrange', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute(
    'title',
    'Undo Auto-arrange (Ctrl+Z)'
  )

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')

  // The toolbar and its groups.
  const bar = toolbar(page, '主工具栏')
  await expect(bar).toBeVisible()
  for (const name of ['新建', '从模板新建', '打开', '保存', '另存为', '撤销', '重做', '自动排列', '适应视图'])
    await expect(bar.getByRole('button', { name, exact: true })).toBeVisible()
  await expect(bar.getByRole('group', { name: '文件' })).toBeVisible()
  await expect(bar.getByRole('button', { name: 'New', exact: true })).toHaveCount(0)
  await expect(bar.getByRole('button', { name: '撤销', exact: true })).toHaveAttribute(
    'title',
    '撤销“自动排列”（Ctrl+Z）'
  )

  // The template menu.
  await bar.getByRole('button', { name: '从模板新建' }).click()
  const menu = page.getByRole('menu', { name: '模板' })
  await expect(menu.getByRole('menuitem', { name: 'XOR（教程 001 的逻辑门）' })).toBeVisible()
  await expect(menu.getByRole('menuitem', { name: '深层链：ReLU + 跳跃连接' })).toHaveAttribute(
    'title',
    /6 个各有 8 个单元的 ReLU 层/
  )
  await page.keyboard.press('Escape')

  // The palette.
  const palette = page.getByRole('complementary', { name: '组件面板' })
  for (const name of ['输入层', '全连接层', '偏置单元', '损失'])
    await expect(palette.getByRole('button', { name, exact: true })).toBeVisible()
  await expect(palette.getByRole('heading', { name: '层' })).toBeVisible()

  // The canvas's nodes: kind names and card text.
  await expect(page.getByLabel('网络画布')).toBeVisible()
  const hidden = node(page, '全连接层 hidden [AND, NOR]')
  await expect(hidden).toBeVisible()
  await expect(hidden).toContainText('全连接层')
  await expect(hidden).toContainText('2 个单元 · sigmoid')
  await expect(node(page, '输入层 x')).toContainText('2 个单元')
  // Vue Flow's own screen-reader description of a node, worded by us.
  await expect(hidden).toHaveAccessibleDescription(/^按 Enter 或空格键选择节点/)
  await expect(node(page, '偏置单元 one')).toContainText('偏置 one')
  await expect(node(page, '损失 cost')).toContainText('损失 C')
  await expect(
    page.getByRole('group', { name: '视图控件' }).getByRole('button', { name: '放大' })
  ).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('shell-zh.png') })

  // The choice survives a reload.
  await page.reload()
  await expect(toolbar(page, '主工具栏')).toBeVisible()
  await expect(page.getByRole('complementary', { name: '组件面板' })).toBeVisible()
  // (The template's work waits in the autosave; the canvas starts empty and says so in Chinese.)
  await expect(page.getByText('这里还什么都没有')).toBeVisible()

  // And back to English.
  await page.getByRole('combobox', { name: '语言' }).selectOption('en')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  const en = toolbar(page, 'Main toolbar')
  for (const name of ['New', 'New from template', 'Auto-arrange'])
    await expect(en.getByRole('button', { name, exact: true })).toBeVisible()
  const enPalette = page.getByRole('complementary', { name: 'Palette' })
  for (const name of ['Input', 'Dense layer', 'Bias unit', 'Loss'])
    await expect(enPalette.getByRole('button', { name, exact: true })).toBeVisible()
  await expect(page.getByText('Nothing here yet')).toBeVisible()
  await page.getByRole('button', { name: 'New from template' }).click()
  await page.getByRole('menuitem', { name: /^XOR/ }).click()
  await expect(node(page, 'Dense layer hidden [AND, NOR]')).toContainText('2 units · sigmoid')
  // One unit is "1 unit", not "1 units".
  await expect(node(page, 'Dense layer OR')).toContainText('1 unit · sigmoid')
  await expect(node(page, 'Dense layer OR')).not.toContainText('1 units')
  await expect(node(page, 'Dense layer hidden [AND, NOR]')).toHaveAccessibleDescription(
    /^Press Enter or Space/
  )
  await expect(page.getByText('全连接层')).toHaveCount(0)
  await page.reload()
  await expect(toolbar(page, 'Main toolbar')).toBeVisible()
})
