import { expect } from 'vitest'
import { DataError } from '../../src/engine/data/errors'

/** The DataError `fn` throws; the test fails when it throws anything else or nothing. */
export function dataErrorOf(fn: () => unknown): DataError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(DataError)
    return e as DataError
  }
  throw new Error('expected a DataError')
}
