/**
 * The engine client: one typed API over any PortLike (a MessagePort in Electron, a Worker in the
 * browser, a child process in Node tests). Requests get ids and resolve with their reply's result;
 * error replies, timeouts and a closed transport reject with an EngineRequestError carrying a code.
 */
import { isMessageParams, type MessageParams } from '../messageParams'
import type { ProtocolErrorInfo } from './errors'
import type { CommandType, EngineReply, EventName, EventOf, PayloadOf, RequestId, ResultOf } from './messages'
import type { PortLike } from './port'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export class EngineRequestError extends Error {
  readonly code: ProtocolErrorInfo['code']
  /** The request's type, for messages such as "train.start failed: …". */
  readonly requestType: string
  /** The values the engine built its message from, for wording it in the user's language. */
  readonly params: MessageParams
  /** The engine's family of the code ('data', 'graph', …), when the engine said. */
  readonly family: string | undefined

  constructor(requestType: string, error: ProtocolErrorInfo) {
    super(error.message)
    this.name = 'EngineRequestError'
    this.code = error.code
    this.requestType = requestType
    this.params = isMessageParams(error.params) ? error.params : {}
    this.family = typeof error.family === 'string' ? error.family : undefined
  }
}

export interface RequestOptions {
  /** Overrides the client's default timeout; 0 waits forever. */
  timeoutMs?: number
}

/** `request('hello')` may omit the payload when every field of it is optional. */
type RequestArgs<K extends CommandType> =
  Partial<PayloadOf<K>> extends PayloadOf<K>
    ? [payload?: PayloadOf<K>, options?: RequestOptions]
    : [payload: PayloadOf<K>, options?: RequestOptions]

export interface EngineClient {
  request<K extends CommandType>(type: K, ...args: RequestArgs<K>): Promise<ResultOf<K>>
  /** Any type and fields, unchecked: for diagnostics and for tests of the engine's validation. */
  requestUnchecked(type: string, fields?: Record<string, unknown>, options?: RequestOptions): Promise<unknown>
  /** Posts anything as-is (a malformed message, say); a reply comes back through onUnmatchedReply. */
  sendRaw(message: unknown): void
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (data: EventOf<E>) => void): () => void
  /** Replies that match no pending request, e.g. the engine's answer to a message without an id. */
  onUnmatchedReply(listener: (reply: EngineReply) => void): () => void
  /** Called once when the client closes, by close() or because the transport went away. */
  onClose(listener: () => void): () => void
  /** Rejects every in-flight request with code `closed` and closes the transport. */
  close(): void
  readonly closed: boolean
}

export interface ClientOptions {
  /** Default per-request timeout in ms (0 = none). */
  timeoutMs?: number
}

interface Pending {
  type: string
  resolve(result: unknown): void
  reject(err: EngineRequestError): void
  timer?: ReturnType<typeof setTimeout>
}

const DEFAULT_TIMEOUT_MS = 30_000

export function createEngineClient(port: PortLike, options: ClientOptions = {}): EngineClient {
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const pending = new Map<RequestId, Pending>()
  const eventListeners = new Map<string, Set<(data: never) => void>>()
  const unmatchedListeners = new Set<(reply: EngineReply) => void>()
  const closeListeners = new Set<() => void>()
  let nextId = 1
  let closed = false

  function settle(id: RequestId, reply: EngineReply): boolean {
    const p = pending.get(id)
    if (!p) return false
    pending.delete(id)
    clearTimeout(p.timer)
    if (reply.ok) p.resolve(reply.result)
    else p.reject(new EngineRequestError(p.type, reply.error))
    return true
  }

  port.onMessage((message) => {
    if (!isRecord(message)) return
    if (typeof message.event === 'string') {
      const { event, ...data } = message
      for (const listener of eventListeners.get(event) ?? []) listener(data as never)
      return
    }
    if (typeof message.ok !== 'boolean') return
    const reply = message as unknown as EngineReply
    const matched = reply.id !== null && settle(reply.id, reply)
    if (!matched) for (const listener of unmatchedListeners) listener(reply)
  })

  function shutDown(): void {
    if (closed) return
    closed = true
    for (const [id, p] of pending)
      settle(id, {
        id,
        ok: false,
        error: { code: 'closed', message: `the engine connection closed before "${p.type}" was answered` }
      })
    for (const listener of closeListeners) listener()
  }
  port.onClose?.(shutDown)

  function send(type: string, fields: Record<string, unknown>, opts: RequestOptions = {}): Promise<unknown> {
    if (closed)
      return Promise.reject(
        new EngineRequestError(type, {
          code: 'closed',
          message: `the engine connection is closed; "${type}" was not sent`
        })
      )
    const id = nextId++
    return new Promise((resolve, reject) => {
      const entry: Pending = { type, resolve, reject }
      const timeoutMs = opts.timeoutMs ?? defaultTimeout
      if (timeoutMs > 0)
        entry.timer = setTimeout(
          () =>
            settle(id, {
              id,
              ok: false,
              error: { code: 'timeout', message: `"${type}" got no reply within ${timeoutMs} ms` }
            }),
          timeoutMs
        )
      pending.set(id, entry)
      try {
        port.postMessage({ ...fields, id, type })
      } catch (err) {
        settle(id, {
          id,
          ok: false,
          error: { code: 'failed', message: `could not send "${type}": ${String(err)}` }
        })
      }
    })
  }

  function subscribe<T>(set: Set<T>, listener: T): () => void {
    set.add(listener)
    return () => set.delete(listener)
  }

  return {
    request<K extends CommandType>(type: K, ...[payload, opts]: RequestArgs<K>) {
      return send(type, (payload ?? {}) as Record<string, unknown>, opts) as Promise<ResultOf<K>>
    },
    requestUnchecked: (type, fields = {}, opts) => send(type, fields, opts),
    sendRaw(message) {
      if (!closed) port.postMessage(message)
    },
    on(event, listener) {
      let set = eventListeners.get(event)
      if (!set) eventListeners.set(event, (set = new Set()))
      return subscribe(set, listener as (data: never) => void)
    },
    onUnmatchedReply: (listener) => subscribe(unmatchedListeners, listener),
    onClose: (listener) => subscribe(closeListeners, listener),
    close() {
      shutDown()
      port.close?.()
    },
    get closed() {
      return closed
    }
  }
}
