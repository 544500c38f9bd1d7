import { DesktopError, fsError } from '../../src/main/desktop-errors'
import { describe, expect, it } from 'vitest'
import {
  createOpenQueue,
  deliverOpenRequest,
  openKind,
  openRequestsFromArgv,
  openRequestsFromSecondInstance,
  secondInstanceData,
  type OpenFileDeps,
  type OpenRequest
} from '../../src/main/open-files'

describe('openRequestsFromArgv', () => {
  it('finds project and weights files among a packaged launch’s arguments, resolved against cwd', () => {
    expect(
      openRequestsFromArgv(
        ['/opt/Backprop Studio/backprop-studio', 'nets/iris.bps.json', '/data/out/IRIS.Weights.JSON'],
        '/home/ann'
      )
    ).toEqual([
      { kind: 'project', path: '/home/ann/nets/iris.bps.json' },
      { kind: 'weights', path: '/data/out/IRIS.Weights.JSON' }
    ])
  })

  it('ignores flags Chromium adds, the executable, `electron .`, other files and repeats', () => {
    expect(
      openRequestsFromArgv(
        [
          '/usr/lib/electron/electron',
          '.',
          '--original-process-start-time=13370000000',
          '--allow-file-access-from-files',
          '--inspect=9229',
          'data.csv',
          'notes.json',
          '-psn_0_12345',
          'a.bps.json',
          './a.bps.json'
        ],
        '/projects'
      )
    ).toEqual([{ kind: 'project', path: '/projects/a.bps.json' }])
  })

  it('keeps spaces, non-ASCII and shell-special characters in paths', () => {
    expect(
      openRequestsFromArgv(
        ['/x/app', 'my nets/神经 [v2] ~%^|.bps.json'],
        '/Users/ann/Library/Mobile Documents/com~apple~CloudDocs'
      )
    ).toEqual([
      {
        kind: 'project',
        path: '/Users/ann/Library/Mobile Documents/com~apple~CloudDocs/my nets/神经 [v2] ~%^|.bps.json'
      }
    ])
  })

  it('has a kind only for our two suffixes', () => {
    expect(openKind('x.bps.json')).toBe('project')
    expect(openKind('x.weights.json')).toBe('weights')
    expect(openKind('x.json')).toBeNull()
    expect(openKind('bps.json.txt')).toBeNull()
  })
})

describe('second-instance hand-over', () => {
  it('passes exact absolute paths as additionalData and prefers them to the reordered argv', () => {
    const data = secondInstanceData(['/opt/app', 'iris.bps.json', '--flag'], '/home/ann')
    expect(data).toEqual({ files: ['/home/ann/iris.bps.json'] })
    // The first instance's argv differs (Chromium reorders and adds switches; cwd is the second's).
    const reordered = ['/opt/app', '--original-process-start-time=1', 'iris.bps.json']
    expect(openRequestsFromSecondInstance(reordered, '/tmp', data)).toEqual([
      { kind: 'project', path: '/home/ann/iris.bps.json' }
    ])
  })

  it('falls back to argv and the working directory when additionalData is not ours', () => {
    const argv = ['/opt/app', 'w.weights.json']
    for (const extra of [
      undefined,
      null,
      {},
      { files: 'x' },
      { files: ['relative.bps.json'] },
      { files: [1] }
    ])
      expect(openRequestsFromSecondInstance(argv, '/home/bo', extra)).toEqual([
        { kind: 'weights', path: '/home/bo/w.weights.json' }
      ])
  })

  it('opens nothing for a plain second launch, which then only focuses the first window', () => {
    expect(openRequestsFromSecondInstance(['/opt/app'], '/', { files: [] })).toEqual([])
  })
})

describe('deliverOpenRequest', () => {
  function deps(overrides: Partial<OpenFileDeps> = {}) {
    const log: string[] = []
    const d: OpenFileDeps = {
      rememberProject: async (path) => `id:${path}`,
      openProject: (id) => void log.push(`project ${id}`),
      readWeights: async (path) => ({ name: path.split('/').pop()!, text: '{}' }),
      openWeights: (f) => void log.push(`weights ${f.name}`),
      report: (m) => void log.push(`report ${m}`),
      ...overrides
    }
    return { d, log }
  }

  it('hands a project over by its recent-list id and weights as their text', async () => {
    const { d, log } = deps()
    await deliverOpenRequest({ kind: 'project', path: '/p/a.bps.json' }, d)
    await deliverOpenRequest({ kind: 'weights', path: '/p/b.weights.json' }, d)
    expect(log).toEqual(['project id:/p/a.bps.json', 'weights b.weights.json'])
  })

  it('reports a file that cannot be read, naming it, and never throws', async () => {
    const { d, log } = deps({
      readWeights: async () => {
        throw new Error('ENOENT: no such file or directory')
      }
    })
    await expect(
      deliverOpenRequest({ kind: 'weights', path: '/gone.weights.json' }, d)
    ).resolves.toBeUndefined()
    expect(log).toEqual(['report Could not open /gone.weights.json: ENOENT: no such file or directory'])
  })

  it('hands main’s box the refusal as a code and params, so it is worded in the user’s language', async () => {
    const reported: unknown[] = []
    const { d } = deps({
      readWeights: async () => {
        throw fsError('read-failed', 'w.weights.json', Object.assign(new Error('EACCES'), { code: 'EACCES' }))
      },
      rememberProject: async () => {
        throw new DesktopError('recent-unavailable', {}, 'the recent projects are not available')
      },
      report: (_m, detail) => void reported.push(detail)
    })
    await deliverOpenRequest({ kind: 'weights', path: '/p/w.weights.json' }, d)
    await deliverOpenRequest({ kind: 'project', path: '/p/a.bps.json' }, d)
    expect(reported).toMatchObject([
      {
        name: 'w.weights.json',
        failure: { code: 'read-failed', params: { errno: 'EACCES', variant: 'permission-denied' } }
      },
      { name: 'a.bps.json', failure: { code: 'recent-unavailable', params: {} } }
    ])
  })
})

describe('createOpenQueue', () => {
  it('holds requests until the page is loaded, then delivers them in order; holds again during a reload', () => {
    const got: string[] = []
    const q = createOpenQueue((r: OpenRequest) => got.push(r.path))
    q.push({ kind: 'project', path: '/a' })
    q.push({ kind: 'weights', path: '/b' })
    expect(got).toEqual([])
    expect(q.pending).toBe(2)
    q.open()
    expect(got).toEqual(['/a', '/b'])
    q.push({ kind: 'project', path: '/c' })
    expect(got).toEqual(['/a', '/b', '/c'])
    q.hold()
    q.push({ kind: 'project', path: '/d' })
    expect(got).toHaveLength(3)
    q.open()
    expect(got).toEqual(['/a', '/b', '/c', '/d'])
  })
})
