/**
 * Web Worker host (browser preview and browser tests). The renderer starts it with
 *   new Worker(new URL('@engine/hosts/worker.ts', import.meta.url), { type: 'module' })
 * and talks to it through createEngineClient(portFromWorker(worker)).
 */
import { engineCommands } from '../protocol/commands'
import { demoCommands } from '../protocol/demo'
import { portFromWorkerScope, type WorkerScopeLike } from '../protocol/port'
import { serveEngine } from '../protocol/server'

/**
 * The query flag on the worker's own script URL that adds the demo stream (`worker-….js?debug`):
 * the browser's counterpart of the Node hosts' DEBUG_ENV. The app never sets it; the browser e2e
 * (test/e2e/foundation.spec.ts) starts a second Worker from the shipped script with it, to prove the
 * event channel and cancellation in the real Worker. The demo only counts; it touches no data.
 */
const WORKER_DEBUG_FLAG = 'debug'

const scope = self as unknown as WorkerScopeLike & { location?: { search?: string } }
const debug = new URLSearchParams(scope.location?.search ?? '').has(WORKER_DEBUG_FLAG)

serveEngine(portFromWorkerScope(scope), (connection) => ({
  ...engineCommands(connection),
  ...(debug ? demoCommands(connection) : {})
}))
