/**
 * Errors of the model layer, with the code a protocol reply carries (the protocol's errorInfo reads
 * any error's string `code`), so the model layer needs nothing from the protocol.
 */
export type ModelErrorCode =
  /** Nothing to act on yet: no table, no model, no session. */
  | 'not-found'
  /** Training needs prepared data. */
  | 'no-data'
  /** A request the state cannot honour (e.g. resume after done). */
  | 'bad-state'
  /** A value out of range for the current data (a row index, a learning rate). */
  | 'bad-payload'
  /** The model does not fit the prepared data. */
  | 'data-mismatch'

export class ModelError extends Error {
  constructor(
    readonly code: ModelErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'ModelError'
  }
}
