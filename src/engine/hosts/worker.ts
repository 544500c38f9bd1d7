/**
 * Web Worker host (browser preview and browser tests). The renderer starts it with
 *   new Worker(new URL('@engine/hosts/worker.ts', import.meta.url), { type: 'module' })
 * and talks to it through createEngineClient(portFromWorker(worker)).
 */
import { engineCommands } from '../protocol/commands'
import { demoCommands } from '../protocol/demo'
import { portFromWorkerScope, type WorkerScopeLike } from '../protocol/port'
import { serveEngine } from '../protocol/server'

// The browser preview has no environment to switch debug commands on, and its end-to-end test
// proves the event channel in the real Worker with the demo stream (test/e2e/foundation.spec.ts):
// the demo is the one debug command kept here (it only counts; it touches no data).
serveEngine(portFromWorkerScope(self as unknown as WorkerScopeLike), (connection) => ({
  ...engineCommands(connection),
  ...demoCommands(connection)
}))
