import { expect } from 'vitest';

type ErrorClass = abstract new (...args: never[]) => Error;

/** The message of the error of class `kind` that f throws (a failed expectation when it throws anything else or nothing). */
export function errorMessage(kind: ErrorClass, f: () => unknown): string {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(kind);
    return (error as Error).message;
  }
  throw new Error(`expected ${kind.name} to be thrown`);
}
