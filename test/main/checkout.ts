/**
 * This checkout as the packaging and start-chain tests see it: its root, the `electron` package npm
 * installed, temp folders that go away after a test file, and a project folder made of the
 * checkout's own files (so no test writes into the real tree).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll } from 'vitest'

export const repo = resolve(__dirname, '../..')

/** node_modules/electron/package.json of this checkout. */
export const electronPackage = JSON.parse(
  readFileSync(join(repo, 'node_modules/electron/package.json'), 'utf8')
) as { version: string; engines: { node: string } }

/** A fresh temp folder, removed (with everything in it) after the calling file's tests. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Copies files and folders of the checkout (paths relative to its root) to the same paths in `dir`. */
export function copyFromCheckout(dir: string, paths: string[]): void {
  for (const p of paths) cpSync(join(repo, p), join(dir, p), { recursive: true })
}
