/**
 * Main as the broker between renderers and the engine process: for each `engine:connect` it makes a
 * MessageChannel, gives one end to the asking frame and the other to the engine, then steps aside —
 * training traffic flows renderer ⇄ engine directly. Requests made while the engine is (re)starting
 * wait until it is ready. Electron's objects are injected, so this is tested with fakes.
 *
 * Each port goes out with the renderer's request id (so one port answers exactly one connect()) and
 * the engine's generation (`starts`, so the renderer can tell a port of the current engine from one of
 * a process that has since been replaced).
 */

/** MessagePortMain, as far as the broker needs it. */
export interface ClosablePort {
  close(): void
}

/** The engine process end (UtilityProcess). */
export interface EngineEndpoint<Port> {
  postMessage(message: unknown, transfer: Port[]): void
}

/** A renderer frame (WebFrameMain) that asked for a connection. */
export interface FrameEndpoint<Port> {
  postMessage(channel: string, message: unknown, transfer: Port[]): void
  /** The frame was replaced in its tree (a reload or navigation swapped it out). */
  readonly detached?: boolean
  /** The frame's renderer is gone; postMessage would throw. */
  isDestroyed?(): boolean
}

/** What goes with the port to the renderer. */
export interface EnginePortMessage {
  requestId: string
  generation: number
}

export interface EngineBroker<Port> {
  /** A trusted frame asks for a connection; `requestId` comes back with the port. */
  connect(frame: FrameEndpoint<Port>, requestId: string): void
  /** The engine (a new process after a restart, `generation` = its start count) takes connections. */
  engineReady(engine: EngineEndpoint<Port>, generation: number): void
  /** The engine went away; connections wait for the next `engineReady`. */
  engineGone(): void
  /** Requests still waiting for a port. */
  readonly waiting: number
}

/** Requests one frame may have waiting while the engine (re)starts. */
export const MAX_WAITING_PER_FRAME = 4

export function createEngineBroker<Port extends ClosablePort>(
  createChannel: () => { port1: Port; port2: Port },
  portChannel: string,
  log: (message: string) => void = console.warn
): EngineBroker<Port> {
  let engine: { endpoint: EngineEndpoint<Port>; generation: number } | null = null
  // Per frame, the requests waiting for the engine, each answered with a port of its own. A page
  // that keeps asking (a bug, or a hostile page) holds at most MAX_WAITING_PER_FRAME; the oldest go.
  const waiting = new Map<FrameEndpoint<Port>, string[]>()

  const gone = (frame: FrameEndpoint<Port>) => frame.detached === true || frame.isDestroyed?.() === true

  function link(frame: FrameEndpoint<Port>, requestId: string): void {
    if (!engine || gone(frame)) return
    const { port1, port2 } = createChannel()
    const message: EnginePortMessage = { requestId, generation: engine.generation }
    // The frame first: if it cannot take its end, neither end goes anywhere and both are closed,
    // so the engine never holds a connection nobody will use.
    try {
      frame.postMessage(portChannel, message, [port2])
    } catch (err) {
      port1.close()
      port2.close()
      log(`engine port not delivered: ${(err as Error).message}`)
      return
    }
    try {
      engine.endpoint.postMessage(null, [port1])
    } catch (err) {
      // The renderer's end then sees `close` and reconnects once the engine is back.
      port1.close()
      log(`engine port not handed to the engine: ${(err as Error).message}`)
    }
  }

  return {
    connect(frame, requestId) {
      if (engine) return link(frame, requestId)
      const queue = waiting.get(frame) ?? []
      if (!queue.includes(requestId)) queue.push(requestId)
      if (queue.length > MAX_WAITING_PER_FRAME)
        log(`engine request ${queue.shift()} dropped: too many waiting`)
      waiting.set(frame, queue)
    },
    engineReady(endpoint, generation) {
      engine = { endpoint, generation }
      for (const [frame, requestIds] of [...waiting]) {
        waiting.delete(frame)
        for (const requestId of requestIds) link(frame, requestId)
      }
    },
    engineGone() {
      engine = null
    },
    get waiting() {
      let n = 0
      for (const queue of waiting.values()) n += queue.length
      return n
    }
  }
}
