/**
 * Error codes of the engine protocol. A reply `{ ok: false, error: { code, message, params } }` carries
 * one of these, or a code of the command's own (e.g. a graph error from the training session). `message`
 * is the English sentence the CLI and the logs print; `params` are the values it is built from, which
 * the renderer words in the user's language (issue 13).
 */
import { isMessageParams, type MessageParams } from '../messageParams'

/** Every protocol error code, enumerable (the renderer's catalogue has a wording for each). */
export const PROTOCOL_ERROR_CODES = [
  /** Not an object, no readable id, or no string type: the envelope itself is wrong. */
  'malformed',
  /** A well-formed request whose type this engine does not serve. */
  'unknown-type',
  /** The request's fields failed the command's validator. */
  'bad-payload',
  /** The client speaks a protocol version this engine does not. */
  'unsupported-version',
  /** The request names something (a task, a session) that does not exist. */
  'not-found',
  /** The handler threw without a code of its own. */
  'failed',
  /** Client side: no reply within the timeout. */
  'timeout',
  /** Client side: the transport closed before the reply arrived. */
  'closed'
] as const

export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number]

export interface ProtocolErrorInfo {
  code: ProtocolErrorCode | (string & {})
  message: string
  /** The values `message` is built from (absent from older engines and from plain exceptions). */
  params?: MessageParams
  /**
   * Which family of codes `code` belongs to ('data', 'graph', 'model', 'weights', …): a code such as
   * 'bad-format' means one thing for a graph and another for a weights file.
   */
  family?: string
}

/**
 * The family of each engine error class, by its `name`: the protocol tags replies with it, and the
 * renderer words an error thrown on its own side (a GraphError from the same rules) by it too.
 */
export const ERROR_FAMILIES: Readonly<Record<string, string>> = {
  DataError: 'data',
  GraphError: 'graph',
  ModelError: 'model',
  ProtocolError: 'protocol',
  WeightsError: 'weights',
  TrainSettingsError: 'settings'
}

/** An error that knows its protocol code; handlers may throw it (or any error with a string `code`). */
export class ProtocolError extends Error {
  readonly code: ProtocolErrorInfo['code']
  readonly params: MessageParams

  constructor(code: ProtocolErrorInfo['code'], message: string, params: MessageParams = {}) {
    super(message)
    this.name = 'ProtocolError'
    this.code = code
    this.params = params
  }
}

/** The `{ code, message, params }` a reply carries for anything a handler threw. */
export function errorInfo(err: unknown): ProtocolErrorInfo {
  if (err instanceof Error) {
    const { code, params } = err as { code?: unknown; params?: unknown }
    const info: ProtocolErrorInfo = {
      code: typeof code === 'string' && code !== '' ? code : 'failed',
      message: err.message
    }
    // Structured clone carries plain values only: anything else stays out of the reply.
    if (isMessageParams(params)) info.params = { ...params }
    const family = Object.hasOwn(ERROR_FAMILIES, err.name) ? ERROR_FAMILIES[err.name] : undefined
    if (family) info.family = family
    return info
  }
  return { code: 'failed', message: String(err) }
}
