#!/usr/bin/env node
// Screenshots of the frame (toolbar, palette, canvas, inspector) at 1440×900 in English and 简体中文, to
// look at by eye: nothing overflows, no English left in the Chinese frame. Needs a served preview:
//   npx vite build --config vite.web.config.ts
//   npx vite preview --config vite.web.config.ts --port 4331 --strictPort
//   node scripts/screenshot-locales.mjs [--url http://127.0.0.1:4331/] [--out DIR]
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium } from 'playwright-core'

const args = process.argv.slice(2)
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback)
const url = opt('--url', 'http://127.0.0.1:4331/')
const out = resolve(opt('--out', '.tmp/locale-shots'))
mkdirSync(out, { recursive: true })

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run']
})
try {
  for (const locale of ['en', 'zh-CN']) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    page.setDefaultTimeout(20_000)
    await page.addInitScript((l) => localStorage.setItem('backprop-studio.locale', l), locale)
    await page.goto(url)
    const shot = (name) => page.screenshot({ path: `${out}/${locale}-${name}.png` })
    await page.locator('.canvas-empty').waitFor()
    await shot('empty')
    // The template menu, then the XOR network with its hidden layer opened into its units.
    await page.locator('#menu-button-templates').click()
    await shot('templates')
    await page.locator('.menu [role=menuitem]').first().click()
    await page.locator('.vue-flow__node').first().waitFor()
    await page.locator('.vue-flow__node-dense .unit-toggle').first().click()
    await page.locator('.vue-flow__node-dense').first().click()
    await shot('xor')
    await page.locator('#menu-button-edit').click()
    await shot('edit-menu')
    await page.keyboard.press('Escape')
    await page.locator('.vue-flow__edge').first().click({ force: true })
    await shot('edge')
    await page.close()
  }
} finally {
  await browser.close()
}
console.log(`screenshots in ${out}`)
