/** What every implementation in the benchmark provides: a model built once, trained repeatedly. */

export interface RunResult {
  /** wall-clock seconds of the timed training */
  seconds: number
  /** samples processed (steps × batch) */
  samples: number
  /** mean training loss of each epoch, in order */
  epochLosses: number[]
}

export interface Session {
  /** Trains for the given epochs over the session's data, continuing from the current parameters. */
  train(epochs: number): Promise<RunResult>
  dispose(): void
}
