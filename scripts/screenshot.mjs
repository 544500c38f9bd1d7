#!/usr/bin/env node
// `npm run screenshot`: refreshes docs/screenshot.png (the README's picture).
// Builds the browser preview, serves it on 127.0.0.1, opens it in Chromium (playwright-core, no browser
// download), starts from the XOR template, loads resources/samples/xor.csv, re-initialises the weights and
// trains at 20 steps a second with every layer opened into its units, so the picture shows one line per
// weight, the units' heatmaps and the live decision boundary; without training it shows the network and data.
//   --no-build   reuse out/web as it is
//   --out FILE   write somewhere else (default docs/screenshot.png)
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { chromium } from 'playwright-core'

const root = resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const outIndex = args.indexOf('--out')
const out = resolve(root, outIndex >= 0 ? args[outIndex + 1] : 'docs/screenshot.png')
const csv = resolve(root, 'resources/samples/xor.csv')
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// Not 4173: the e2e tests' server may be running at the same time.
const port = Number(process.env.SCREENSHOT_PORT ?? 4179)
const url = `http://127.0.0.1:${port}/`
const NO_TRAINING = 'The engine does not offer training yet'

function fail(message) {
  console.error(`screenshot: ${message}`)
  process.exit(1)
}

if (!existsSync(chromiumPath)) fail(`no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`)

if (!args.includes('--no-build')) {
  console.log('building the browser preview…')
  const build = spawnSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit'
  })
  if (build.status !== 0) fail('the preview build failed')
}

const server = spawn(
  'npx',
  ['vite', 'preview', '--config', 'vite.web.config.ts', '--port', String(port), '--strictPort'],
  {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it also stops the vite process npx starts.
    detached: true
  }
)
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM')
  } catch {
    // already gone
  }
}
process.on('exit', stopServer)

async function waitForServer(timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  fail(`the preview server did not answer on ${url}`)
}

await waitForServer()
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
})
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 })
  page.setDefaultTimeout(20_000)
  await page.goto(url)
  await page.getByTestId('engine-status').filter({ hasText: 'ready' }).waitFor()

  await page.getByRole('button', { name: 'New from template' }).click()
  await page.getByRole('menuitem', { name: /XOR/ }).click()

  await page.getByRole('tab', { name: 'Data' }).click()
  await page.getByLabel('CSV file').setInputFiles(csv)
  await page.getByLabel('Prepared data').filter({ hasText: 'training' }).waitFor()

  await page.getByRole('tab', { name: 'Training' }).click()
  const status = page.locator('.training-panel [role="status"]').first()
  await status.waitFor()
  const canTrain = !(await status.innerText()).startsWith(NO_TRAINING)
  if (canTrain) {
    console.log('training at 20 steps/s with the layers opened into their units…')
    await page.getByRole('button', { name: 'Reset weights' }).click()
    await page.getByLabel('Epochs', { exact: true }).fill('100000')
    await page.getByLabel('Epochs', { exact: true }).press('Tab')
    await page.getByRole('slider', { name: 'Speed' }).fill('4')
    await page.getByRole('button', { name: 'Train', exact: true }).click()
    const show = page.getByRole('button', { name: /^Show the units of/ })
    while (await show.count()) await show.first().click()
    await page.waitForTimeout(6000)
    await page.getByRole('figure', { name: 'Decision boundary' }).scrollIntoViewIfNeeded()
  } else {
    console.log('the engine offers no training yet: showing the network and the data')
    await page.getByRole('tab', { name: 'Data' }).click()
  }
  // Fit the network into the canvas and let the charts finish their animation.
  await page.getByRole('button', { name: 'Fit view' }).first().click()
  await page.mouse.move(0, 0)
  await page.waitForTimeout(600)
  mkdirSync(dirname(out), { recursive: true })
  await page.screenshot({ path: out })
  console.log(`wrote ${out}${canTrain ? '' : ' (no training)'}`)
} finally {
  await browser.close()
  stopServer()
}
