/**
 * PortLike: the one transport shape the engine server and client speak over. Adapters below wrap a
 * DOM/Node MessagePort, a Worker (client side) and a worker's global scope (engine side); the Node
 * child-process and Electron utility-process hosts build theirs in src/engine/hosts.
 */
export interface PortLike {
  postMessage(message: unknown): void
  onMessage(listener: (message: unknown) => void): void
  /** Called once when the other side goes away, where the transport can tell. */
  onClose?(listener: () => void): void
  close?(): void
}

/**
 * A MessagePort (the renderer's end in Electron, Node's global MessageChannel in tests).
 * `close` events fire where the platform supports them (Node; Chromium ≥ 123), so in-flight requests
 * fail fast when the engine side disappears.
 */
export function portFromMessagePort(port: MessagePort): PortLike {
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => {
      port.addEventListener('message', (e) => listener(e.data))
      port.start()
    },
    onClose: (listener) => port.addEventListener('close', () => listener()),
    close: () => port.close()
  }
}

/** The renderer's end of a Web Worker running src/engine/hosts/worker.ts. */
export function portFromWorker(worker: Worker): PortLike {
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.addEventListener('message', (e) => listener(e.data)),
    close: () => worker.terminate()
  }
}

/** What a dedicated worker's global scope offers (typed here so the engine needs no WebWorker lib). */
export interface WorkerScopeLike {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void
}

/** The engine's end inside a Web Worker. */
export function portFromWorkerScope(scope: WorkerScopeLike): PortLike {
  return {
    postMessage: (message) => scope.postMessage(message),
    onMessage: (listener) => scope.addEventListener('message', (e) => listener(e.data))
  }
}
