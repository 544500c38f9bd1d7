import { describe, expect, it } from 'vitest'
import { failureOf, fsError, reply } from '../../src/main/desktop-errors'
import {
  createFileDialogs,
  MAX_OPEN_BYTES,
  MAX_SAVE_CHARS,
  validateSaveArgs,
  withSuffix,
  type DialogDeps
} from '../../src/main/dialogs'

/** An in-memory file system and a dialog whose answers the test queues up. */
function fakes(files: Record<string, string> = {}) {
  const disk = new Map(Object.entries(files))
  const openAnswers: { canceled: boolean; filePaths: string[] }[] = []
  const saveAnswers: { canceled: boolean; filePath?: string }[] = []
  const asked: { kind: 'open' | 'save'; title: string; defaultPath?: string }[] = []
  const deps: DialogDeps = {
    showOpenDialog: async (o) => {
      asked.push({ kind: 'open', title: o.title })
      return openAnswers.shift() ?? { canceled: true, filePaths: [] }
    },
    showSaveDialog: async (o) => {
      asked.push({ kind: 'save', title: o.title, defaultPath: o.defaultPath })
      return saveAnswers.shift() ?? { canceled: true }
    },
    fileSize: async (p) => (p.endsWith('huge.csv') ? MAX_OPEN_BYTES + 1 : (disk.get(p) ?? '').length),
    readText: async (p) => {
      const text = disk.get(p)
      if (text === undefined) throw new Error(`ENOENT: ${p}`)
      return text
    },
    writeText: async (p, t) => void disk.set(p, t)
  }
  return { deps, disk, openAnswers, saveAnswers, asked }
}

describe('validateSaveArgs', () => {
  it('accepts a plain file name and text', () => {
    expect(validateSaveArgs(' iris ', '{}')).toEqual({ name: 'iris', text: '{}' })
  })

  it('rejects folders, empty names and non-strings, naming the argument', () => {
    expect(() => validateSaveArgs('../../etc/passwd', '')).toThrow(
      /"name" must be a file name without folders/
    )
    expect(() => validateSaveArgs('a\\b', '')).toThrow(/"name"/)
    expect(() => validateSaveArgs('', '')).toThrow(/"name" must be a non-empty string/)
    expect(() => validateSaveArgs(42, '')).toThrow(/"name"/)
    expect(() => validateSaveArgs('x', { a: 1 })).toThrow(/"text" must be a string/)
    expect(() => validateSaveArgs('x'.repeat(201), '')).toThrow(/at most 200/)
  })

  it('refuses each with a code and params the renderer words (issue 13)', () => {
    const refusal = (name: unknown, text: unknown) => {
      try {
        validateSaveArgs(name, text)
      } catch (err) {
        return failureOf(err)
      }
      throw new Error('accepted')
    }
    expect(refusal('  ', '')).toMatchObject({ code: 'name-empty', params: {} })
    expect(refusal(42, '')).toMatchObject({ code: 'name-empty', params: {} })
    expect(refusal('x'.repeat(201), '')).toMatchObject({ code: 'name-too-long', params: { max: 200 } })
    expect(refusal('../a', '')).toEqual({
      ok: false,
      code: 'name-has-folders',
      params: { name: '../a' },
      message: 'save: "name" must be a file name without folders, got "../a"'
    })
    expect(refusal('x', { a: 1 })).toMatchObject({ code: 'text-not-string', params: {} })
    expect(refusal('x', 'x'.repeat(MAX_SAVE_CHARS + 1))).toMatchObject({
      code: 'text-too-large',
      params: { max: MAX_SAVE_CHARS }
    })
  })
})

describe('withSuffix', () => {
  it('adds the file kind’s suffix once', () => {
    expect(withSuffix('iris', '.bps.json')).toBe('iris.bps.json')
    expect(withSuffix('iris.json', '.bps.json')).toBe('iris.bps.json')
    expect(withSuffix('iris.bps.json', '.bps.json')).toBe('iris.bps.json')
  })
})

describe('createFileDialogs', () => {
  it('opens a CSV as base name and text, and returns null when cancelled', async () => {
    const f = fakes({ '/home/u/data/iris.csv': 'a,b\n1,2\n' })
    const dialogs = createFileDialogs(f.deps)
    f.openAnswers.push({ canceled: false, filePaths: ['/home/u/data/iris.csv'] })
    expect(await dialogs.openCsv()).toEqual({ name: 'iris.csv', text: 'a,b\n1,2\n' })
    expect(await dialogs.openCsv()).toBeNull()
  })

  it('refuses a file that is too large, naming it', async () => {
    const f = fakes()
    const dialogs = createFileDialogs(f.deps)
    f.openAnswers.push({ canceled: false, filePaths: ['/tmp/huge.csv'] })
    await expect(dialogs.openCsv()).rejects.toThrow(/huge\.csv is \d+ MB/)
    // …as a code and params, so the renderer words it (Electron's rejection would carry only English).
    f.openAnswers.push({ canceled: false, filePaths: ['/tmp/huge.csv'] })
    expect(await reply(() => dialogs.openCsv())).toEqual({
      ok: false,
      code: 'file-too-large',
      params: { name: 'huge.csv', sizeMb: 200, maxMb: 200 },
      message: 'huge.csv is 200 MB; files up to 200 MB can be opened'
    })
  })

  it('gives the file system’s refusal as the OS code, with a variant for the common ones, and no path', async () => {
    const cases: [string, string | undefined][] = [
      ['ENOENT', 'not-found'],
      ['EACCES', 'permission-denied'],
      ['EPERM', 'permission-denied'],
      ['EISDIR', 'is-directory'],
      ['EMFILE', undefined]
    ]
    for (const [errno, variant] of cases) {
      const f = fakes({ '/home/u/data/iris.csv': 'a\n1\n' })
      f.deps.readText = async (p) => {
        throw Object.assign(new Error(`${errno}: something, open '${p}'`), { code: errno })
      }
      const dialogs = createFileDialogs(f.deps)
      f.openAnswers.push({ canceled: false, filePaths: ['/home/u/data/iris.csv'] })
      const answer = await reply(() => dialogs.openCsv())
      expect(answer, errno).toEqual({
        ok: false,
        code: 'read-failed',
        params: { name: 'iris.csv', errno, ...(variant ? { variant } : {}) },
        message: `Could not read iris.csv (${errno})`
      })
      expect(JSON.stringify(answer)).not.toContain('/home/u')
    }
    // stat failing (the file went away between the dialog and the read) is the same refusal.
    const f = fakes()
    f.deps.fileSize = async () => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
    }
    f.openAnswers.push({ canceled: false, filePaths: ['/x/gone.csv'] })
    expect(await reply(() => createFileDialogs(f.deps).openCsv())).toMatchObject({
      code: 'read-failed',
      params: { name: 'gone.csv', errno: 'ENOENT', variant: 'not-found' }
    })
    // An error without an OS code.
    expect(fsError('read-failed', 'a.csv', new Error('odd')).params).toEqual({
      name: 'a.csv',
      errno: 'unknown'
    })
  })

  it('a write the file system refuses answers write-failed with the OS code', async () => {
    const f = fakes()
    f.deps.writeText = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    }
    const dialogs = createFileDialogs(f.deps)
    f.saveAnswers.push({ canceled: false, filePath: '/w/iris.weights.json' })
    expect(await reply(() => dialogs.saveWeights('iris', '{}'))).toMatchObject({
      ok: false,
      code: 'write-failed',
      params: { name: 'iris.weights.json', errno: 'ENOSPC', variant: 'disk-full' }
    })
  })

  it('answers a value as ok, and anything unexpected as its message', async () => {
    expect(await reply(() => 7)).toEqual({ ok: true, value: 7 })
    expect(
      await reply(() => {
        throw new Error('boom')
      })
    ).toEqual({ ok: false, code: 'unexpected', params: { message: 'boom' }, message: 'boom' })
  })

  it('asks where to save a new project, then saves there without asking', async () => {
    const f = fakes()
    const dialogs = createFileDialogs(f.deps)
    f.saveAnswers.push({ canceled: false, filePath: '/home/u/xor.bps.json' })
    expect(await dialogs.saveProject('xor', '{"v":1}')).toEqual({ name: 'xor.bps.json' })
    expect(f.asked).toEqual([{ kind: 'save', title: 'Save project', defaultPath: 'xor.bps.json' }])

    expect(await dialogs.saveProject('xor', '{"v":2}')).toEqual({ name: 'xor.bps.json' })
    expect(f.asked).toHaveLength(1)
    expect(f.disk.get('/home/u/xor.bps.json')).toBe('{"v":2}')

    // Save As always asks; File → New forgets the file.
    f.saveAnswers.push({ canceled: false, filePath: '/home/u/copy.bps.json' })
    expect(await dialogs.saveProject('xor', '{"v":3}', true)).toEqual({ name: 'copy.bps.json' })
    dialogs.newProject()
    expect(await dialogs.saveProject('fresh', '{}')).toBeNull() // dialog cancelled
    expect(f.asked.map((a) => a.kind)).toEqual(['save', 'save', 'save'])
  })

  it('saves over the project it opened', async () => {
    const f = fakes({ '/p/iris.bps.json': '{"old":true}' })
    const dialogs = createFileDialogs(f.deps)
    f.openAnswers.push({ canceled: false, filePaths: ['/p/iris.bps.json'] })
    expect(await dialogs.openProject()).toEqual({ name: 'iris.bps.json', text: '{"old":true}' })
    await dialogs.saveProject('iris', '{"new":true}')
    expect(f.disk.get('/p/iris.bps.json')).toBe('{"new":true}')
  })

  it('exports weights through a save dialog every time', async () => {
    const f = fakes()
    const dialogs = createFileDialogs(f.deps)
    f.saveAnswers.push({ canceled: false, filePath: '/w/iris.weights.json' })
    expect(await dialogs.saveWeights('iris', '{"format":"backprop-studio/weights"}')).toEqual({
      name: 'iris.weights.json'
    })
    expect(f.asked[0]).toMatchObject({ title: 'Export weights', defaultPath: 'iris.weights.json' })
    expect(await dialogs.saveWeights('iris', '{}')).toBeNull()
  })

  it('validates save arguments before showing any dialog', async () => {
    const f = fakes()
    const dialogs = createFileDialogs(f.deps)
    await expect(dialogs.saveWeights('/etc/x', '{}')).rejects.toThrow(/without folders/)
    await expect(dialogs.saveProject('x', 7)).rejects.toThrow(/"text"/)
    expect(await reply(() => dialogs.saveProject('', '{}'))).toMatchObject({ ok: false, code: 'name-empty' })
    expect(f.asked).toEqual([])
  })
})
