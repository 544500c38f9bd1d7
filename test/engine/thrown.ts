import { expect } from 'vitest'

/** The error `fn` throws, checked to be a `type`; the test fails when it throws anything else or nothing. */
export function errorOf<E extends Error>(type: abstract new (...args: never[]) => E, fn: () => unknown): E {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(type)
    return e as E
  }
  throw new Error(`expected a ${type.name}`)
}
