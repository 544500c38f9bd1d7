/**
 * One whole journey in 简体中文 (issue 13), swept for English: switch the language, build the XOR
 * template, load its CSV through the real file input, train, pause and resume, let it finish, open each
 * bottom tab, select a node, hover a weight. On each screen — the live charts beside the canvas included —
 * the page's visible text and the accessible names/titles of visible controls are collected, and every
 * Latin word must be on the allowlist below.
 */
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'

const xorCsv = path.resolve(__dirname, '../../resources/samples/xor.csv')

test.use({ viewport: { width: 1440, height: 900 } })

/**
 * Latin words that stay Latin in Chinese: the data's column names and the template's ids/labels (what
 * the user's file and graph call things), the app's name, and notation and units (activation, loss and
 * optimiser names, file formats, symbols).
 */
const ALLOWED = new Set(
  [
    // the data (resources/samples/xor.csv) and the template's node ids and labels
    'x1',
    'x2',
    'y',
    'xor',
    'x',
    'one',
    'hidden',
    'out',
    'cost',
    'AND',
    'NOR',
    'OR',
    'XOR',
    'w1',
    'w2',
    'b1',
    'b2',
    'c',
    // the app's name
    'Backprop',
    'Studio',
    // notation, units, formats
    'ReLU',
    'sigmoid',
    'tanh',
    'softmax',
    'linear',
    'leaky',
    'Adam',
    'SGD',
    'GD',
    'Rprop',
    'RMSProp',
    'CSV',
    'JSON',
    'PNG',
    'ONNX',
    'PyTorch',
    'W',
    'b',
    'z',
    'a',
    'w',
    'C',
    'E',
    'NaN',
    'Xavier',
    'He',
    'Glorot',
    'ms',
    's',
    'e',
    'MSE',
    // keyboard shortcuts (Alt+P, Alt+R…), weight decay's L2, the engine's transport (Web Worker)
    'Alt',
    'O',
    'P',
    'R',
    'T',
    'n',
    'L2',
    'Web',
    'Worker',
    'Ctrl',
    'Shift',
    'Del',
    'F',
    'L',
    'Z',
    'V',
    'Esc',
    'Enter',
    'Tab',
    'BP',
    'KaTeX',
    'Huber',
    'ε',
    'δ'
  ].map((w) => w.toLowerCase())
)

/** Visible text plus aria-label/title of visible elements. */
async function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = []
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      const cs = getComputedStyle(el)
      return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none'
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || el.closest('script,style,svg title')) continue
      if (!visible(el)) continue
      parts.push(n.textContent ?? '')
    }
    for (const el of document.querySelectorAll('[aria-label],[title]')) {
      if (!visible(el)) continue
      parts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '')
    }
    return parts.join('\n')
  })
}

/** The Latin words on the screen that are not on the allowlist. */
async function english(page: Page): Promise<string[]> {
  const text = await screenText(page)
  const words = text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []
  return [...new Set(words.filter((w) => !ALLOWED.has(w.toLowerCase())))].sort()
}

test('the XOR journey in 简体中文 leaves no English on the screen', async ({ page }, testInfo) => {
  test.setTimeout(180_000)
  const found: Record<string, string[]> = {}
  const sweep = async (screen: string) => {
    await page.screenshot({ path: testInfo.outputPath(`zh-sweep-${screen}.png`) })
    const left = await english(page)
    if (left.length) found[screen] = left
  }
  await page.goto('/')
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
  await expect(page.getByTestId('engine-status')).toHaveClass(/engine-ready/)

  await page.locator('#menu-button-templates').click()
  await page.getByRole('menuitem').first().click()
  await expect(page.locator('.vue-flow__node')).toHaveCount(5)
  await sweep('template')

  await page.locator('#tab-data').click()
  await page.locator('#tabpanel-data input[type="file"]').first().setInputFiles(xorCsv)
  await expect(page.locator('#tabpanel-data .file-info')).toContainText('xor.csv')
  await sweep('data')

  await page.locator('#tab-training').click()
  const training = page.getByRole('region', { name: '训练', exact: true })
  const epochs = training.getByRole('spinbutton', { name: '轮次', exact: true })
  await epochs.fill('300')
  await epochs.press('Tab')
  // Slowest speed, so there is a run to pause; then full speed to let it finish.
  await page.locator('#training-speed').fill('0')
  await training.getByRole('button', { name: '训练', exact: true }).click()
  await training.getByRole('button', { name: '暂停' }).click()
  await expect(training.locator('.status-line')).toContainText('已暂停')
  await sweep('paused')
  await training.getByRole('button', { name: '继续' }).click()
  await page
    .locator('#training-speed')
    .fill((await page.locator('#training-speed').getAttribute('max')) ?? '0')
  await expect(training.getByRole('button', { name: '训练', exact: true })).toBeEnabled({ timeout: 60_000 })
  await sweep('finished')

  await page.locator('#tab-problems').click()
  await sweep('problems')
  await page.locator('.graph-node.kind-dense').first().click()
  await sweep('node')
  await page.locator('.weight-edge[data-edge="w2"] .weight-stroke').first().hover({ force: true })
  await sweep('weight')

  expect(found, JSON.stringify(found)).toEqual({})
})
