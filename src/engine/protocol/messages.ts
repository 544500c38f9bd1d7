/**
 * The engine protocol: every message between a client (the renderer, a test) and the engine.
 *
 *   request  client → engine   { id, type, ...payload }
 *   reply    engine → client   { id, ok: true, result }  |  { id, ok: false, error: { code, message } }
 *   event    engine → client   { event, ...data }        (progress streams; no id)
 *
 * Commands and events are declared in the two maps below: `hello` and the debug commands here, each
 * family beside its handlers (handlers/data.ts, handlers/train.ts add theirs with `declare module`
 * augmentation, so a command's types sit next to its schema and its one call into the model layer).
 * The request, reply and event unions, the client's typed `request()` / `on()` and the server's
 * handler table are all derived from the merged maps. A new command is one map entry, one request
 * schema and one handler line calling the model (src/engine/model).
 */
import type { ProtocolErrorInfo } from './errors'

/** Bumped on any breaking change to the envelope or to an existing command. */
export const PROTOCOL_VERSION = 1

/** The engine build's version, reported by `hello`. */
export const ENGINE_VERSION = '0.1.0'

export interface HelloResult {
  engineVersion: string
  protocolVersion: number
  /** The command types this engine serves (a client can feature-test, e.g. for `train.start`). */
  capabilities: string[]
}

/** Commands: the request fields besides `id`/`type` (payload) and what a successful reply carries. */
export interface EngineCommands {
  /** Handshake. A client may state the protocol version it speaks; a mismatch is an error reply. */
  hello: { payload: { protocolVersion?: number; client?: string }; result: HelloResult }
  /** Debug hosts only: a small streaming task that proves the event channel (`count` progress events, then `demo.done`). */
  'demo.start': { payload: { count: number; intervalMs: number }; result: { taskId: number } }
  /** Debug hosts only: stops a running demo task; it then emits `demo.done` with `cancelled: true`. */
  'demo.cancel': { payload: { taskId: number }; result: { cancelled: boolean } }
  /** Test-only (served when a host enables it): the engine process exits, to exercise supervision. */
  'debug.crash': { payload: { exitCode?: number }; result: never }
}

/** Events: what each carries besides its `event` name. */
export interface EngineEvents {
  'demo.progress': { taskId: number; done: number; count: number }
  'demo.done': { taskId: number; done: number; count: number; cancelled: boolean }
}

export type CommandType = keyof EngineCommands
export type PayloadOf<K extends CommandType> = EngineCommands[K]['payload']
export type ResultOf<K extends CommandType> = EngineCommands[K]['result']
export type EventName = keyof EngineEvents
export type EventOf<E extends EventName> = EngineEvents[E]

export type RequestId = number | string

export type EngineRequest = {
  [K in CommandType]: { id: RequestId; type: K } & PayloadOf<K>
}[CommandType]

export interface OkReply<R = unknown> {
  id: RequestId
  ok: true
  result: R
}

export interface ErrorReply {
  /** null when the request was so malformed that no id could be read from it. */
  id: RequestId | null
  ok: false
  error: ProtocolErrorInfo
}

export type EngineReply = OkReply | ErrorReply

export type EngineEvent = {
  [E in EventName]: { event: E } & EventOf<E>
}[EventName]

/** Everything the engine sends. */
export type EngineMessage = EngineReply | EngineEvent
