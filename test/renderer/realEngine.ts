/**
 * A real engine (the hosts' own command table) served in-process behind the renderer's stores, for
 * happy-dom tests: the same protocol, validation and handlers as the Web Worker, over an in-memory
 * port pair. One per test: `connectRealEngine()` in the test, `disconnectRealEngine()` in afterEach.
 */
import { nextTick } from 'vue'
import {
  createEngineClient,
  createWorkspace,
  engineCommands,
  serveEngine,
  type EngineClient,
  type EngineServer,
  type Workspace
} from '@engine/index'
import { useEngineStore } from '@renderer/stores/engine'
import { portPair } from '../engine/data-fixtures'

let server: EngineServer | null = null

/** Connects the engine store to a fresh engine; returns its client and the connection's workspace. */
export async function connectRealEngine(): Promise<{ client: EngineClient; ws: Workspace }> {
  const [enginePort, clientPort] = portPair()
  const ws = createWorkspace()
  server = serveEngine(enginePort, (c) => engineCommands(c, ws))
  const engine = useEngineStore()
  const client = createEngineClient(clientPort, { timeoutMs: 0 })
  engine.info = await client.request('hello')
  engine.client = client
  engine.status = 'ready'
  await nextTick()
  return { client, ws }
}

export function disconnectRealEngine(): void {
  useEngineStore().client?.close()
  server?.close()
  server = null
}

/** Polls until `ok()` holds (the engine trains in slices between the test's awaits). */
export async function until(ok: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}
