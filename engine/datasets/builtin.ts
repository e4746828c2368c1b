/**
 * Built-in sets that the engine can make from a seed alone (functions and toy
 * sets); digits need the host's files (node/digits.ts).
 */
import type { Dataset } from './dataset';
import { FUNCTION_TEST_COUNT, FUNCTION_TRAIN_COUNT, TOY_TEST_COUNT } from './catalog';
import { functionSpec, type SampleOptions } from './functions';
import { isToyName, toyDataset, TOY_DEFAULT_COUNT } from './toy';
import { Rng } from '../rng';

export interface GenerateOptions {
  seed?: number;
  trainCount?: number;
  testCount?: number;
  noise?: number;
  /** Functions only: how the training inputs are placed (the test set is always random). */
  sampling?: SampleOptions['sampling'];
}

/**
 * Training and test sets for a function or toy set, or null for another name.
 * One Rng(seed) draws the training set, then the test set: same seed, same sets.
 */
export function generateBuiltin(name: string, options: GenerateOptions = {}): { train: Dataset; test: Dataset } | null {
  const rng = new Rng(options.seed ?? 0);
  const spec = functionSpec(name);
  if (spec) {
    const train = spec.sample(options.trainCount ?? FUNCTION_TRAIN_COUNT, rng, { noise: options.noise, sampling: options.sampling });
    const test = spec.sample(options.testCount ?? FUNCTION_TEST_COUNT, rng, { noise: options.noise });
    return { train: { ...train, name: `${name} (train)` }, test: { ...test, name: `${name} (test)` } };
  }
  if (isToyName(name)) {
    const train = toyDataset(name, rng, { count: options.trainCount ?? TOY_DEFAULT_COUNT, noise: options.noise });
    const test = toyDataset(name, rng, { count: options.testCount ?? TOY_TEST_COUNT, noise: options.noise });
    return { train: { ...train, name: `${name} (train)` }, test: { ...test, name: `${name} (test)` } };
  }
  return null;
}
