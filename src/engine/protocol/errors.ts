/**
 * Error codes of the engine protocol. A reply `{ ok: false, error: { code, message } }` carries one of
 * these, or a code of the command's own (e.g. a graph error from the training session).
 */
export type ProtocolErrorCode =
  /** Not an object, no readable id, or no string type: the envelope itself is wrong. */
  | 'malformed'
  /** A well-formed request whose type this engine does not serve. */
  | 'unknown-type'
  /** The request's fields failed the command's validator. */
  | 'bad-payload'
  /** The client speaks a protocol version this engine does not. */
  | 'unsupported-version'
  /** The request names something (a task, a session) that does not exist. */
  | 'not-found'
  /** The handler threw without a code of its own. */
  | 'failed'
  /** Client side: no reply within the timeout. */
  | 'timeout'
  /** Client side: the transport closed before the reply arrived. */
  | 'closed'

export interface ProtocolErrorInfo {
  code: ProtocolErrorCode | (string & {})
  message: string
}

/** An error that knows its protocol code; handlers may throw it (or any error with a string `code`). */
export class ProtocolError extends Error {
  readonly code: ProtocolErrorInfo['code']

  constructor(code: ProtocolErrorInfo['code'], message: string) {
    super(message)
    this.name = 'ProtocolError'
    this.code = code
  }
}

/** The `{ code, message }` a reply carries for anything a handler threw. */
export function errorInfo(err: unknown): ProtocolErrorInfo {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code
    return { code: typeof code === 'string' && code !== '' ? code : 'failed', message: err.message }
  }
  return { code: 'failed', message: String(err) }
}
