/**
 * Main as the broker between renderers and the engine process: for each `engine:connect` it makes a
 * MessageChannel, gives one end to the engine and the other to the asking frame, then steps aside —
 * training traffic flows renderer ⇄ engine directly. Requests made while the engine is (re)starting
 * wait until it is ready. Electron's objects are injected, so this is tested with fakes.
 */

/** The engine process end (UtilityProcess). */
export interface EngineEndpoint<Port> {
  postMessage(message: unknown, transfer: Port[]): void
}

/** A renderer frame (WebFrameMain) that asked for a connection. */
export interface FrameEndpoint<Port> {
  postMessage(channel: string, message: unknown, transfer: Port[]): void
  readonly detached?: boolean
}

export interface EngineBroker<Port> {
  /** A trusted frame asks for a connection. */
  connect(frame: FrameEndpoint<Port>): void
  /** The engine (a new process after a restart) can take connections. */
  engineReady(engine: EngineEndpoint<Port>): void
  /** The engine went away; connections wait for the next `engineReady`. */
  engineGone(): void
  /** Frames still waiting for a port. */
  readonly waiting: number
}

export function createEngineBroker<Port>(
  createChannel: () => { port1: Port; port2: Port },
  portChannel: string
): EngineBroker<Port> {
  let engine: EngineEndpoint<Port> | null = null
  // A Set: a renderer that asks twice while the engine restarts still gets one port.
  const waiting = new Set<FrameEndpoint<Port>>()

  function link(frame: FrameEndpoint<Port>, to: EngineEndpoint<Port>): void {
    if (frame.detached) return
    const { port1, port2 } = createChannel()
    to.postMessage(null, [port1])
    frame.postMessage(portChannel, null, [port2])
  }

  return {
    connect(frame) {
      if (engine) link(frame, engine)
      else waiting.add(frame)
    },
    engineReady(next) {
      engine = next
      for (const frame of [...waiting]) {
        waiting.delete(frame)
        link(frame, next)
      }
    },
    engineGone() {
      engine = null
    },
    get waiting() {
      return waiting.size
    }
  }
}
