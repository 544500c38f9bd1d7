#!/usr/bin/env node
// `npm start` / `npm run dev` run this first: the desktop app runs on Electron, and Electron's own
// installer and tooling need the Node version that the installed `electron` package asks for
// (its `engines.node`, ">= 22.12.0" for Electron 45). An older Node gets one plain sentence and
// exit code 1 instead of a stack trace from deep inside the Electron download. The browser preview,
// the CLI and the tests do not run this and keep working on Node 20.
//
// Written for old Nodes too: nothing newer than Node 12 (no `node:` imports, no ESM).
'use strict'
// CommonJS on purpose (see above), so require() it is.
/* eslint-disable @typescript-eslint/no-require-imports */
const { readFileSync } = require('fs')
const { join } = require('path')

/** "22.12.0" → [22, 12, 0]; missing parts are 0. */
function parse(version) {
  const parts = String(version)
    .replace(/^v/, '')
    .split('.')
    .map((p) => parseInt(p, 10) || 0)
  return [parts[0] || 0, parts[1] || 0, parts[2] || 0]
}

/** The lowest version a ">= X.Y.Z" (or ">=X.Y" / "^X.Y") range allows. */
function minimum(range) {
  const m = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(String(range))
  return m ? [Number(m[1]), Number(m[2] || 0), Number(m[3] || 0)] : [0, 0, 0]
}

function atLeast(version, min) {
  for (let i = 0; i < 3; i++) {
    if (version[i] > min[i]) return true
    if (version[i] < min[i]) return false
  }
  return true
}

const root = join(__dirname, '..')
let required = '>= 22.12.0'
let electronVersion = ''
try {
  const pkg = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))
  required = (pkg.engines && pkg.engines.node) || required
  electronVersion = pkg.version
} catch {
  console.error('The desktop app needs its dependencies: run `npm install` first, then `npm start` again.')
  process.exit(1)
}

const min = minimum(required)
if (!atLeast(parse(process.versions.node), min)) {
  console.error(
    `The desktop app needs Node.js ${min.join('.')} or newer (Electron ${electronVersion} requires it), ` +
      `but this is Node.js ${process.versions.node}: install a newer Node.js (for example the current LTS) ` +
      'and run the command again; the browser preview (`npm run web`) works on this Node.js.'
  )
  process.exit(1)
}
