/**
 * The renderer's engine store against main's real supervision: the supervisor, the broker and their
 * wiring (src/main/engine-hub) run as in main, each "engine process" is a real engine served
 * in-process, and the store talks to it through the real desktop transport (request ids, generations,
 * MessagePort-shaped ports). Only Electron itself — IPC and the preload's window.postMessage — is
 * replaced by direct calls.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppI18n } from '@renderer/i18n'
import { mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import EngineStatusBar from '@renderer/components/EngineStatus.vue'
import {
  demoCommands,
  engineCommands,
  portFromMessagePort,
  serveEngine,
  type EngineServer
} from '@engine/protocol'
import { helloHandshake } from '@engine/hosts/handshake'
import { createSupervisor, type SupervisedProcess, type Supervisor } from '@engine/hosts/supervisor'
import { messagePortTransport } from '@renderer/engine/connect'
import { useDataStore } from '@renderer/stores/data'
import { bindTrainingEngine } from '@renderer/engine/trainingEngine'
import { useEngineStore } from '@renderer/stores/engine'
import { useUiStore } from '@renderer/stores/ui'
import { createEngineBroker } from '../../src/main/engine-broker'
import { toEngineStatus, wireEngine } from '../../src/main/engine-hub'
import type { DesktopApi, EngineStatus } from '../../src/preload/desktop-api'
import { until } from './realEngine'

/** A MessagePort-shaped pair whose `close` reaches the other end, as MessagePortMain's does. */
class FakePort {
  other!: FakePort
  closed = false
  private listeners = { message: new Set<(e: { data: unknown }) => void>(), close: new Set<() => void>() }
  postMessage(data: unknown): void {
    if (this.closed || this.other.closed) return
    const copy = structuredClone(data)
    setTimeout(() => {
      if (!this.other.closed) for (const l of this.other.listeners.message) l({ data: copy })
    }, 0)
  }
  addEventListener(type: 'message' | 'close', listener: never): void {
    this.listeners[type].add(listener)
  }
  removeEventListener(type: 'message' | 'close', listener: never): void {
    this.listeners[type].delete(listener)
  }
  start(): void {}
  close(): void {
    if (this.closed) return
    this.closed = true
    for (const end of [this, this.other])
      if (end === this || !end.closed) {
        end.closed = true
        setTimeout(() => end.listeners.close.forEach((l) => l()), 0)
      }
  }
}

function channel(): { port1: FakePort; port2: FakePort } {
  const port1 = new FakePort()
  const port2 = new FakePort()
  port1.other = port2
  port2.other = port1
  return { port1, port2 }
}

const asPort = (p: FakePort) => portFromMessagePort(p as unknown as MessagePort)

/** One engine "process": every port it is handed gets a real engine connection. */
class EngineProcess implements SupervisedProcess {
  private servers: { server: EngineServer; port: FakePort }[] = []
  private exit?: (code: number | null) => void
  alive = true
  constructor(spawnDelayMs = 5) {
    setTimeout(() => this.spawned?.(), spawnDelayMs)
  }
  private spawned?: () => void
  accept(port: FakePort): void {
    if (!this.alive) return port.close()
    this.servers.push({
      server: serveEngine(asPort(port), (c) => ({ ...engineCommands(c), ...demoCommands(c) })),
      port
    })
  }
  get connections(): number {
    return this.servers.filter((s) => !s.port.closed).length
  }
  onSpawn(fn: () => void): void {
    this.spawned = fn
  }
  onExit(fn: (code: number | null) => void): void {
    this.exit = fn
  }
  handshake() {
    const { port1, port2 } = channel()
    this.accept(port1)
    return helloHandshake(asPort(port2), { closePort: true, timeoutMs: 2_000 })
  }
  /** The process dies: its ports close, the supervisor hears the exit. */
  crash(code = 139): void {
    if (!this.alive) return
    this.alive = false
    for (const { server, port } of this.servers) {
      port.close()
      server.close()
    }
    this.exit?.(code)
  }
  kill(): void {
    this.crash(0)
  }
}

/** Main (supervisor, broker, hub) plus the preload, with IPC as plain calls. */
function desktop(
  policy = { initialDelayMs: 10, maxDelayMs: 40, maxCrashes: 10, windowMs: 60_000, maxRestarts: 3 }
) {
  const processes: EngineProcess[] = []
  const supervisor: Supervisor<EngineProcess> = createSupervisor({
    fork: () => {
      const p = new EngineProcess()
      processes.push(p)
      return p
    },
    policy
  })
  const broker = createEngineBroker<FakePort>(channel, 'engine:port', () => {})
  const statusListeners = new Set<(s: EngineStatus) => void>()
  const sentStatus: EngineStatus[] = []
  wireEngine(
    supervisor,
    broker,
    (proc) => ({ postMessage: (_m, [port]) => proc.accept(port) }),
    (s) => {
      sentStatus.push(s)
      for (const l of statusListeners) l(s)
    }
  )

  // The page's window as far as the transport uses it; the preload posts envelopes to it.
  const target = new EventTarget() as EventTarget & Window
  const frame = {
    detached: false,
    isDestroyed: () => false,
    postMessage: (_channel: string, message: unknown, [port]: FakePort[]) => {
      const m = message as { requestId: string; generation: number }
      const event = new MessageEvent('message', { data: { type: 'engine:port', ...m } })
      Object.defineProperty(event, 'source', { value: target })
      Object.defineProperty(event, 'ports', { value: [port] })
      target.dispatchEvent(event)
    }
  }
  let connectRequests = 0
  const bridge = {
    connectEngine: (requestId: string) => {
      connectRequests++
      broker.connect(frame, requestId)
    },
    engineStatus: async () => toEngineStatus(supervisor.status),
    restartEngine: () => supervisor.restart(),
    onEngineStatus: (l: (s: EngineStatus) => void) => {
      statusListeners.add(l)
      return () => void statusListeners.delete(l)
    }
  } as unknown as DesktopApi
  const transport = messagePortTransport(bridge, target, 3_000)
  return {
    supervisor,
    processes,
    transport,
    sentStatus,
    last: () => processes[processes.length - 1],
    get connectRequests() {
      return connectRequests
    }
  }
}

let app: ReturnType<typeof desktop> | null = null
let stopBinding: (() => void) | null = null

let pinia: ReturnType<typeof createPinia>
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
})
afterEach(() => {
  stopBinding?.()
  stopBinding = null
  app?.supervisor.stop()
  app = null
})

const toasts = (kind: string) => useUiStore().toasts.filter((t) => t.kind === kind)
const settle = () => new Promise((r) => setTimeout(r, 30))

async function startApp(d = desktop()) {
  app = d
  d.supervisor.start() // main starts the engine before the window exists
  const engine = useEngineStore()
  // As App.vue does: the stores follow the engine connection through this one binding.
  stopBinding = bindTrainingEngine()
  await engine.start(d.transport)
  await until(() => engine.ready, 'the engine store to be ready')
  return { d, engine }
}

describe('the engine store with main’s supervisor and broker (real engine)', () => {
  it('connects once on a cold start, with no warning, after the engine answered hello', async () => {
    const { d, engine } = await startApp()
    await settle()
    expect(engine.status).toBe('ready')
    expect(engine.connects).toBe(1)
    expect(d.connectRequests).toBe(1)
    expect(toasts('warning')).toEqual([])
    expect(toasts('error')).toEqual([])
    // The supervisor's handshake came and went; one live connection is the renderer's.
    expect(d.last().connections).toBe(1)
    expect((await engine.client!.request('hello')).engineVersion).toMatch(/\d+\.\d+\.\d+/)
    // main said each state once: starting, ready.
    expect(d.sentStatus.map((s) => s.state)).toEqual(['starting', 'ready'])
  })

  it('makes exactly one new connection per engine restart and closes the old client', async () => {
    const { d, engine } = await startApp()
    const first = engine.client!
    d.last().crash()
    await until(() => engine.status === 'restarting', 'restarting')
    expect(first.closed).toBe(true)
    await until(() => engine.ready, 'ready again')
    await settle()
    expect(engine.connects).toBe(2)
    expect(d.connectRequests).toBe(2)
    expect(toasts('warning')).toHaveLength(1)
    expect(toasts('success').map((t) => t.message)).toEqual([
      'The engine restarted. Your graph and data are unchanged.'
    ])
    expect(engine.client).not.toBe(first)
    expect(d.processes).toHaveLength(2)
    expect(d.processes[1].connections).toBe(1)
    // The new engine serves requests.
    const { taskId } = await engine.client!.request('demo.start', { count: 2, intervalMs: 1 })
    expect(taskId).toBeGreaterThan(0)

    // A second crash: again exactly one more.
    d.last().crash()
    await until(() => engine.ready && engine.connects === 3, 'ready after the second crash')
    await settle()
    expect(engine.connects).toBe(3)
    expect(d.connectRequests).toBe(3)
  })

  it('gives each pending connect() its own port (a port answers exactly one request)', async () => {
    const d = desktop()
    app = d
    // Both requests wait at the broker while the engine starts, then are answered together.
    const [a, b] = await Promise.all([d.transport.connect(), d.transport.connect(), d.supervisor.start()])
    expect(a.client).not.toBe(b.client)
    expect(a.generation).toBe(1)
    expect(b.generation).toBe(1)
    const [ha, hb] = await Promise.all([a.client.request('hello'), b.client.request('hello')])
    expect(ha.engineVersion).toBe(hb.engineVersion)
    expect(d.last().connections).toBe(2)
    a.client.close()
    await settle()
    expect(d.last().connections).toBe(1)
    expect((await b.client.request('hello')).protocolVersion).toBe(ha.protocolVersion)
    b.client.close()
  })

  it('closes a connection that a restart superseded while it was being made', async () => {
    const d = desktop()
    app = d
    d.supervisor.start()
    const engine = useEngineStore()
    const started = engine.start(d.transport)
    // The engine dies before it ever answered: the store's first attempt is abandoned.
    await until(() => d.processes.length === 1, 'the first fork')
    d.last().crash()
    await started
    await until(() => engine.ready, 'ready on the second engine')
    await settle()
    expect(d.processes[0].connections).toBe(0)
    expect(d.processes[1].connections).toBe(1)
    expect(engine.connects).toBeLessThanOrEqual(2)
  })

  it('stops after a slow crash loop, says why, and Restart engine works — without replaying silently', async () => {
    const { d, engine } = await startApp()
    // Each crash comes after the engine was up and connected: no fast loop, only the total limit.
    for (let i = 0; i < 4; i++) {
      await until(() => engine.ready, `ready before crash ${i + 1}`)
      d.last().crash()
      await until(() => engine.status !== 'ready', `crash ${i + 1} seen`)
    }
    await until(() => engine.status === 'failed', 'failed')
    expect(engine.detail).toMatch(/4 times since it was started.*Restart engine/)
    expect(engine.client).toBeNull()
    await settle()
    expect(d.processes).toHaveLength(4)
    expect(engine.connects).toBe(4)

    engine.restart()
    expect(engine.status).toBe('restarting')
    await until(() => engine.ready, 'ready after Restart engine')
    expect(d.processes).toHaveLength(5)
    expect(engine.replay).toBe('ask')
    expect(toasts('success').at(-1)?.message).toBe('The engine was restarted.')
    // The next crash after that is an ordinary restart again, and may replay quietly.
    d.last().crash()
    await until(() => engine.ready && d.processes.length === 6, 'ready after the next crash')
    expect(engine.replay).toBe('auto')
  })

  it('the data store reloads its file after a crash, but after a give-up and Restart engine it asks first', async () => {
    const { d, engine } = await startApp(
      desktop({ initialDelayMs: 5, maxDelayMs: 5, maxCrashes: 10, windowMs: 60_000, maxRestarts: 1 })
    )
    const data = useDataStore()
    const ui = useUiStore()
    const iris = readFileSync(path.resolve(__dirname, '../fixtures/datasets/iris.csv'), 'utf8')
    expect(await data.loadText('iris.csv', iris)).toBe(true)

    // An ordinary restart: the file goes into the new engine without a question.
    d.last().crash()
    await until(() => engine.ready && d.processes.length === 2, 'ready after one crash')
    await until(() => !data.loading, 'the quiet reload')
    expect(ui.confirmRequest).toBeNull()
    const profile = await engine.client!.request('data.profile', {})
    expect(profile).toBeTruthy()

    // Over the limit: failed; Restart engine; the file is not replayed until the user says so.
    d.last().crash()
    await until(() => engine.status === 'failed', 'failed')
    engine.restart()
    await until(() => engine.ready, 'ready after Restart engine')
    await until(() => ui.confirmRequest !== null, 'the question')
    expect(ui.confirmRequest!.message).toContain('iris.csv')
    expect(data.loading).toBeNull()
    ui.confirmRequest!.resolve(false)
    await settle()
    expect(data.loading).toBeNull()
    await expect(engine.client!.request('data.profile', {})).rejects.toThrow()
  })

  it('shows failed at once for a page that loads after the engine gave up', async () => {
    const d = desktop({ initialDelayMs: 5, maxDelayMs: 5, maxCrashes: 0, windowMs: 60_000, maxRestarts: 0 })
    app = d
    d.supervisor.start()
    await until(() => d.processes.length === 1, 'fork')
    d.last().crash()
    expect(d.supervisor.status.state).toBe('failed')
    const engine = useEngineStore()
    await engine.start(d.transport)
    await nextTick()
    expect(engine.status).toBe('failed')
    expect(d.connectRequests).toBe(0)
    engine.restart()
    await until(() => engine.ready, 'ready after Restart engine')
    expect(d.connectRequests).toBe(1)
  })

  it('the status bar says why it stopped and its Restart engine button brings it back', async () => {
    const d = desktop({ initialDelayMs: 5, maxDelayMs: 5, maxCrashes: 0, windowMs: 60_000, maxRestarts: 0 })
    app = d
    d.supervisor.start()
    const engine = useEngineStore()
    const bar = mount(EngineStatusBar, { global: { plugins: [pinia, createAppI18n()] } })
    await engine.start(d.transport)
    await until(() => engine.ready, 'ready')
    expect(bar.find('[data-testid="engine-restart"]').exists()).toBe(false)

    d.last().crash()
    await nextTick()
    expect(bar.get('[data-testid="engine-status"]').text()).toContain('Engine: stopped')
    expect(bar.get('[data-testid="engine-detail"]').text()).toMatch(
      /crashed once within 60 s.*Restart engine/
    )
    const button = bar.get('button[data-testid="engine-restart"]')
    expect(button.text()).toBe('Restart engine')
    await button.trigger('click')
    await until(() => engine.ready, 'ready after the button')
    await nextTick()
    expect(bar.get('[data-testid="engine-status"]').text()).toContain('Engine: ready')
    expect(bar.find('[data-testid="engine-restart"]').exists()).toBe(false)
    expect(d.processes).toHaveLength(2)
    bar.unmount()
  })
})
