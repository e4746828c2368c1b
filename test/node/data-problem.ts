import { expect } from 'vitest';
import { DataError } from '../../engine/datasets/errors';

/** The message of the DataError that f throws (and a failed expectation when it throws anything else or nothing). */
export function problem(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as Error).message;
  }
  throw new Error('expected a DataError');
}
