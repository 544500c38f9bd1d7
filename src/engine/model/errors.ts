/**
 * Errors of the model layer, with the code a protocol reply carries (the protocol's errorInfo reads
 * any error's string `code`), so the model layer needs nothing from the protocol.
 */
import type { MessageParams } from '../messageParams'

/** Every model error code, enumerable; 'not-found' and 'bad-payload' are the protocol's codes too. */
export const MODEL_ERROR_CODES = [
  /** Nothing to act on yet: no table, no model, no session. */
  'not-found',
  /** Training needs prepared data. */
  'no-data',
  /** A request the state cannot honour (e.g. resume after done). */
  'bad-state',
  /** A value out of range for the current data (a row index, a learning rate). */
  'bad-payload',
  /** The model does not fit the prepared data. */
  'data-mismatch'
] as const

export type ModelErrorCode = (typeof MODEL_ERROR_CODES)[number]

export class ModelError extends Error {
  constructor(
    readonly code: ModelErrorCode,
    message: string,
    /** The values the message is built from; `variant` picks one of the code's sentences. */
    readonly params: MessageParams = {}
  ) {
    super(message)
    this.name = 'ModelError'
  }
}
