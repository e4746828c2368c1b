import { describe, expect, it } from 'vitest';
import { digitsDataset, splitStratified } from '../../../engine/datasets/digits';
import { DataError } from '../../../engine/datasets/errors';

/** Synthetic "digits": class d has sizes[d] images; pixel 0 holds the example's global index / 1e4. */
function fakeDigits(sizes: number[]): number[][] {
  let index = 0;
  return sizes.map((n) => {
    const pixels = new Array<number>(n * 784).fill(0);
    for (let i = 0; i < n; i++) pixels[i * 784] = index++ / 1e4;
    return pixels;
  });
}

const SIZES = [101, 113, 99, 103, 98, 86, 101, 107, 94, 98]; // 1,000, unevenly spread like MNIST

describe('digits from per-digit arrays', () => {
  it('builds one classification dataset ordered by digit', () => {
    const data = digitsDataset(fakeDigits(SIZES));
    expect(data).toMatchObject({ task: 'classification', inputSize: 784, outputSize: 10, count: 1000, image: { width: 28, height: 28 } });
    expect(data.labels![0]).toBe(0);
    expect(data.labels![101]).toBe(1);
    expect(data.labels![999]).toBe(9);
    expect(data.y[101 * 10 + 1]).toBe(1);
    expect(data.x[101 * 784]).toBeCloseTo(0.0101, 6);
  });

  it('refuses arrays that are not whole 28x28 images or not pixels in [0, 1]', () => {
    const bad = fakeDigits(SIZES);
    bad[3] = bad[3].slice(1);
    expect(() => digitsDataset(bad, 'pkg')).toThrow(new DataError('pkg', 'digit 3: 80,751 values is not a whole number of 28x28 images'));
    const nan = fakeDigits(SIZES);
    nan[2][784 * 5 + 3] = NaN;
    expect(() => digitsDataset(nan, 'pkg')).toThrow('pkg: digit 2, image 6: pixel value NaN is not in [0, 1]');
    expect(() => digitsDataset(fakeDigits([1, 2]), 'pkg')).toThrow('pkg: expected 10 arrays (one per digit), got 2');
  });
});

describe('seeded stratified split', () => {
  const all = digitsDataset(fakeDigits(SIZES));
  const ids = (d: { x: ArrayLike<number>; count: number }): number[] =>
    Array.from({ length: d.count }, (_, i) => Math.round(d.x[i * 784] * 1e4));

  it('has the requested sizes, shares no example, and keeps every class in proportion', () => {
    const { train, test } = splitStratified(all, { seed: 0, trainCount: 800, testCount: 200 });
    expect(train.count).toBe(800);
    expect(test.count).toBe(200);
    const trainIds = ids(train);
    const testIds = ids(test);
    expect(new Set([...trainIds, ...testIds]).size).toBe(1000);
    for (let d = 0; d < 10; d++) {
      const inTrain = Array.from(train.labels!).filter((l) => l === d).length;
      const inTest = Array.from(test.labels!).filter((l) => l === d).length;
      expect(Math.abs(inTrain - 0.8 * SIZES[d])).toBeLessThanOrEqual(1);
      expect(Math.abs(inTest - 0.2 * SIZES[d])).toBeLessThanOrEqual(1);
    }
    // Labels still match the images they came with.
    trainIds.forEach((id, i) => expect(train.labels![i]).toBe(all.labels![id]));
  });

  it('holds every class even in a small split', () => {
    const { train, test } = splitStratified(all, { seed: 3, trainCount: 30, testCount: 20 });
    expect(new Set(train.labels).size).toBe(10);
    expect(new Set(test.labels).size).toBe(10);
  });

  it('is deterministic in the seed, differs between seeds, and shuffles the classes together', () => {
    const a = splitStratified(all, { seed: 5, trainCount: 700, testCount: 300 });
    const b = splitStratified(all, { seed: 5, trainCount: 700, testCount: 300 });
    const c = splitStratified(all, { seed: 6, trainCount: 700, testCount: 300 });
    expect(ids(a.train)).toEqual(ids(b.train));
    expect(ids(a.test)).toEqual(ids(b.test));
    expect(ids(a.train)).not.toEqual(ids(c.train));
    expect(new Set(ids(a.train)).size).toBe(700);
    expect(Array.from(a.train.labels!.subarray(0, 20))).not.toEqual([...a.train.labels!.subarray(0, 20)].sort());
  });

  it('refuses sizes that do not fit', () => {
    expect(() => splitStratified(all, { trainCount: 900, testCount: 200 })).toThrow(
      'digits: 900 training + 200 test examples is more than the 1,000 there are',
    );
    expect(() => splitStratified(all, { trainCount: -1 })).toThrow('digits: the training set size must be a whole number >= 0, got -1');
  });
});
