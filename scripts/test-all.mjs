#!/usr/bin/env node
// `npm test`: every test layer this machine can run, then one summary line.
//   engine + main (node) and renderer (happy-dom) — always;
//   browser components (vitest browser mode) and e2e (Playwright on the built preview) — when Chromium exists;
//   Electron e2e — only with ELECTRON_E2E=1 on a machine that has the Electron binary.
// Each runner writes a JSON report; the counts are summed into `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const tmp = resolve(root, '.tmp')
mkdirSync(tmp, { recursive: true })
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasChromium = existsSync(chromium)
const totals = { passed: 0, failed: 0, skipped: 0 }
let broken = false

function run(label, cmd, args, env = {}) {
  console.log(`\n── ${label}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status === 0
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

function countVitest(file, label) {
  const r = readJson(file)
  if (!r) {
    console.log(`!! ${label}: no report (${file}); counted as one failure`)
    totals.failed += 1
    return
  }
  totals.passed += r.numPassedTests
  totals.failed += r.numFailedTests + (r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? 1 : 0)
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0)
}

function countPlaywright(file, label) {
  const r = readJson(file)
  if (!r) {
    console.log(`!! ${label}: no report (${file}); counted as one failure`)
    totals.failed += 1
    return
  }
  totals.passed += r.stats.expected + r.stats.flaky
  totals.failed += r.stats.unexpected + (r.errors?.length && !r.stats.unexpected ? 1 : 0)
  totals.skipped += r.stats.skipped
}

// 1. vitest: engine, renderer and (with Chromium) browser projects in one run.
const projects = ['--project', 'engine', '--project', 'renderer']
if (hasChromium) projects.push('--project', 'browser')
else console.log(`-- skipping the browser component tests: no Chromium at ${chromium}`)
const vitestJson = resolve(tmp, 'vitest.json')
rmSync(vitestJson, { force: true })
if (
  !run('unit', 'npx', [
    'vitest',
    'run',
    ...projects,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`
  ])
)
  broken = true
countVitest(vitestJson, 'vitest')

// 2. e2e in the browser preview (engine in a Web Worker).
if (hasChromium) {
  if (
    !run('build the browser preview', 'npx', [
      'vite',
      'build',
      '--config',
      'vite.web.config.ts',
      '--logLevel',
      'warn'
    ])
  ) {
    totals.failed += 1
    broken = true
  } else {
    const e2eJson = resolve(tmp, 'e2e.json')
    rmSync(e2eJson, { force: true })
    if (
      !run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], {
        PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson
      })
    )
      broken = true
    countPlaywright(e2eJson, 'playwright')
  }
} else console.log(`-- skipping the browser e2e tests: no Chromium at ${chromium}`)

// 3. Electron e2e: opt-in, since the binary cannot be downloaded everywhere.
if (process.env.ELECTRON_E2E === '1') {
  const electronJson = resolve(tmp, 'electron.json')
  rmSync(electronJson, { force: true })
  if (!run('build the desktop app', 'npx', ['electron-vite', 'build'])) {
    totals.failed += 1
    broken = true
  } else {
    if (
      !run(
        'electron e2e',
        'npx',
        ['playwright', 'test', '-c', 'playwright.electron.config.ts', '--reporter=list,json'],
        {
          PLAYWRIGHT_JSON_OUTPUT_NAME: electronJson
        }
      )
    )
      broken = true
    countPlaywright(electronJson, 'electron e2e')
  }
} else
  console.log('-- skipping the Electron e2e tests: set ELECTRON_E2E=1 on a machine with the Electron binary')

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(broken || totals.failed > 0 ? 1 : 0)
