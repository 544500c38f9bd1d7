/**
 * The engine server: serves the protocol over any PortLike. Every incoming message is validated;
 * a malformed one gets an error reply (with its id when one can be read) and the engine keeps serving.
 */
import { ProtocolError, errorInfo, type ProtocolErrorInfo } from './errors'
import {
  ENGINE_VERSION,
  PROTOCOL_VERSION,
  type CommandType,
  type EngineReply,
  type EventName,
  type EventOf,
  type HelloResult,
  type PayloadOf,
  type RequestId,
  type ResultOf
} from './messages'
import type { PortLike } from './port'
import { describeValue } from '../schema'
import { num, payload, str, validator, type Validator } from './schema'

/** One client's connection, as a handler sees it. */
export interface Connection {
  /** Sends an event to this client (dropped once the connection is closed). */
  emit<E extends EventName>(event: E, data: EventOf<E>): void
  /** Runs `fn` when the client goes away: stop its tasks, free its session. */
  onClose(fn: () => void): void
  readonly closed: boolean
}

/** A command: the validator for its request fields and the (possibly async) handler. */
export interface Command<P, R> {
  validate: Validator<P>
  handle(payload: P, connection: Connection): R | Promise<R>
}

/** The handler table, keyed by message type. `hello` is built in (it reports the table's keys). */
export type CommandTable = {
  [K in CommandType]?: Command<PayloadOf<K>, ResultOf<K>>
}

/** A table per connection, so commands can keep per-client state (tasks, a training session). */
export type CommandTableFactory = (connection: Connection) => CommandTable

/** Typed helper: `defineCommand('demo.start', validator(payload({...})), (p, conn) => ...)`. */
export function defineCommand<K extends CommandType>(
  _type: K,
  validate: Validator<PayloadOf<K>>,
  handle: (payload: PayloadOf<K>, connection: Connection) => ResultOf<K> | Promise<ResultOf<K>>
): Command<PayloadOf<K>, ResultOf<K>> {
  return { validate, handle }
}

export interface EngineServer {
  readonly connection: Connection
  /** Stops serving and runs the connection's close handlers. */
  close(): void
}

const helloPayload = validator(
  payload({
    protocolVersion: num({ integer: true, min: 0 }).optional(),
    client: str({ maxLength: 200 }).optional()
  })
)

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const MAX_ID_LENGTH = 64

function readId(message: Record<string, unknown>): RequestId | null {
  const id = message.id
  if (typeof id === 'number' && Number.isFinite(id)) return id
  if (typeof id === 'string' && id !== '' && id.length <= MAX_ID_LENGTH) return id
  return null
}

/**
 * Serves the engine over `port`. `commands` is a table (shared by every connection) or a factory
 * called once per connection; `hello` is always served.
 */
export function serveEngine(port: PortLike, commands: CommandTable | CommandTableFactory = {}): EngineServer {
  let closed = false
  const closeHandlers: (() => void)[] = []

  const connection: Connection = {
    emit(event, data) {
      if (!closed) port.postMessage({ ...data, event })
    },
    onClose(fn) {
      if (closed) fn()
      else closeHandlers.push(fn)
    },
    get closed() {
      return closed
    }
  }

  const table = typeof commands === 'function' ? commands(connection) : commands
  const capabilities = ['hello', ...Object.keys(table).filter((k) => k !== 'hello')]

  function hello(p: PayloadOf<'hello'>): HelloResult {
    if (p.protocolVersion !== undefined && p.protocolVersion !== PROTOCOL_VERSION)
      throw new ProtocolError(
        'unsupported-version',
        `this engine speaks protocol version ${PROTOCOL_VERSION}, the client ${p.protocolVersion}`,
        { engine: PROTOCOL_VERSION, client: p.protocolVersion ?? null }
      )
    return { engineVersion: ENGINE_VERSION, protocolVersion: PROTOCOL_VERSION, capabilities }
  }

  function send(reply: EngineReply): void {
    if (closed) return
    try {
      port.postMessage(reply)
    } catch (err) {
      // A result that cannot be cloned must still answer the request.
      if (reply.ok)
        port.postMessage({
          id: reply.id,
          ok: false,
          error: { code: 'failed', message: errorInfo(err).message }
        })
    }
  }

  function fail(id: RequestId | null, code: ProtocolErrorInfo['code'], message: string): void {
    send({ id, ok: false, error: { code, message } })
  }

  async function receive(message: unknown): Promise<void> {
    if (!isRecord(message))
      return fail(null, 'malformed', `a request must be an object, got ${describeValue(message)}`)
    const id = readId(message)
    if (id === null)
      return fail(
        null,
        'malformed',
        `field "id" must be a number or a string of 1–${MAX_ID_LENGTH} characters, got ${describeValue(message.id)}`
      )
    const type = message.type
    if (typeof type !== 'string')
      return fail(id, 'malformed', `field "type" must be a string, got ${describeValue(type)}`)

    let run: () => unknown
    if (type === 'hello') {
      run = () => hello(helloPayload(message))
    } else {
      const command = Object.hasOwn(table, type)
        ? (table[type as CommandType] as Command<unknown, unknown>)
        : null
      if (!command) return fail(id, 'unknown-type', `unknown message type "${type.slice(0, 80)}"`)
      run = () => command.handle(command.validate(message), connection)
    }

    try {
      const result = await run()
      send({ id, ok: true, result })
    } catch (err) {
      const info = errorInfo(err)
      // Validators name the field; say which command it was for.
      send({
        id,
        ok: false,
        error: info.code === 'bad-payload' ? { ...info, message: `${type}: ${info.message}` } : info
      })
    }
  }

  port.onMessage((message) => {
    if (!closed) void receive(message)
  })

  function close(): void {
    if (closed) return
    closed = true
    for (const fn of closeHandlers.splice(0)) fn()
  }
  port.onClose?.(close)

  return {
    connection,
    close() {
      close()
      port.close?.()
    }
  }
}
