/**
 * Web Worker host (browser preview and browser tests). The renderer starts it with
 *   new Worker(new URL('@engine/hosts/worker.ts', import.meta.url), { type: 'module' })
 * and talks to it through createEngineClient(portFromWorker(worker)).
 */
import { engineCommands } from '../protocol/commands'
import { portFromWorkerScope, type WorkerScopeLike } from '../protocol/port'
import { serveEngine } from '../protocol/server'

serveEngine(portFromWorkerScope(self as unknown as WorkerScopeLike), engineCommands)
