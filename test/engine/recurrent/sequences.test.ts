import { describe, expect, it } from 'vitest';
import {
  addingProblem,
  checkSequenceDataset,
  delayedRecall,
  noisySine,
  sequenceLength,
  targetCount,
  type SequenceDataset,
} from '../../../engine/datasets/sequences';
import { InputError } from '../../../engine/errors';
import { Rng } from '../../../engine/rng';

/** The symbol a one-hot row names. */
function symbolAt(v: Float64Array, row: number, n: number): number {
  let at = -1;
  for (let j = 0; j < n; j++) {
    if (v[row * n + j] === 1) {
      expect(at).toBe(-1);
      at = j;
    } else expect(v[row * n + j]).toBe(0);
  }
  expect(at).toBeGreaterThanOrEqual(0);
  return at;
}

describe('delayed recall', () => {
  it('targets the symbol seen k steps before the last (sequence-to-one)', () => {
    for (const k of [1, 3, 17]) {
      const data = delayedRecall({ count: 50, delay: k, symbols: 5 }, new Rng(k));
      checkSequenceDataset(data);
      expect(data).toMatchObject({ task: 'classification', inputSize: 5, outputSize: 5, count: 50, targets: 'last' });
      expect(data.classNames).toEqual(['A', 'B', 'C', 'D', 'E']);
      for (let i = 0; i < data.count; i++) {
        expect(sequenceLength(data, i)).toBe(k + 1);
        const first = data.offsets[i];
        expect(symbolAt(data.y, i, 5)).toBe(symbolAt(data.x, first, 5));
      }
    }
  });

  it('with a longer sequence, still targets step T - k; with "every", every step t > k and none before', () => {
    const longer = delayedRecall({ count: 20, delay: 4, symbols: 3, length: 9 }, new Rng(1));
    for (let i = 0; i < 20; i++) expect(symbolAt(longer.y, i, 3)).toBe(symbolAt(longer.x, longer.offsets[i] + 9 - 1 - 4, 3));
    const every = delayedRecall({ count: 10, delay: 4, symbols: 3, targets: 'every' }, new Rng(2));
    checkSequenceDataset(every);
    expect(sequenceLength(every, 0)).toBe(18);
    expect(targetCount(every)).toBe(10 * (18 - 4));
    for (let s = 0; s < every.offsets[10]; s++) {
      const t = s % 18;
      expect(every.mask![s]).toBe(t >= 4 ? 1 : 0);
      if (t >= 4) expect(symbolAt(every.y, s, 3)).toBe(symbolAt(every.x, s - 4, 3));
    }
  });

  it('draws every symbol about equally often, and the same seed gives the same set', () => {
    const data = delayedRecall({ count: 4000, delay: 2, symbols: 4 }, new Rng(9));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < data.count; i++) counts[symbolAt(data.y, i, 4)]++;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(120);
    expect(delayedRecall({ count: 30, delay: 2, symbols: 4 }, new Rng(9)).x).toEqual(data.x.slice(0, 30 * 3 * 4));
    expect(delayedRecall({ count: 30, delay: 2, symbols: 4 }, new Rng(10)).x).not.toEqual(data.x.slice(0, 30 * 3 * 4));
  });

  it('refuses a delay, alphabet or length it cannot make, before allocating', () => {
    const rng = new Rng(1);
    expect(() => delayedRecall({ count: 5, delay: 0 }, rng)).toThrow(/the delay k must be a whole number from 1/);
    expect(() => delayedRecall({ count: 5, delay: 2, symbols: 27 }, rng)).toThrow(/number of symbols must be a whole number from 2 to 26/);
    expect(() => delayedRecall({ count: 5, delay: 5, length: 5 }, rng)).toThrow(/use at least k \+ 1 = 6/);
    expect(() => delayedRecall({ count: 1e7, delay: 99, symbols: 26 }, rng)).toThrow(InputError);
    expect(() => delayedRecall({ count: 2.5, delay: 3 }, rng)).toThrow(/number of sequences/);
  });
});

describe('the adding problem', () => {
  it('marks exactly two steps, one in each half, and targets the sum of their values', () => {
    for (const T of [2, 3, 10, 51]) {
      const data = addingProblem({ count: 200, length: T }, new Rng(T));
      checkSequenceDataset(data);
      expect(data).toMatchObject({ task: 'regression', inputSize: 2, outputSize: 1, targets: 'last' });
      const half = Math.floor(T / 2);
      for (let i = 0; i < data.count; i++) {
        const marked: number[] = [];
        let sum = 0;
        for (let t = 0; t < T; t++) {
          const s = data.offsets[i] + t;
          const value = data.x[2 * s];
          expect(value >= 0 && value < 1).toBe(true);
          const marker = data.x[2 * s + 1];
          expect(marker === 0 || marker === 1).toBe(true);
          if (marker === 1) {
            marked.push(t);
            sum += value;
          }
        }
        expect(marked.length).toBe(2);
        expect(marked[0]).toBeLessThan(half);
        expect(marked[1]).toBeGreaterThanOrEqual(half);
        expect(data.y[i]).toBe(sum);
      }
    }
    expect(() => addingProblem({ count: 3, length: 1 }, new Rng(1))).toThrow(/at least 2/);
  });
});

describe('the noisy sine', () => {
  it('targets the next observed value at every step', () => {
    const data = noisySine({ count: 5, length: 12, noise: 0.2 }, new Rng(3));
    checkSequenceDataset(data);
    expect(data).toMatchObject({ task: 'regression', targets: 'every', inputSize: 1, outputSize: 1 });
    expect(data.mask).toBeUndefined();
    for (let i = 0; i < 5; i++) for (let t = 0; t + 1 < 12; t++) expect(data.y[i * 12 + t]).toBe(data.x[i * 12 + t + 1]);
  });

  it('without noise is a sine: x_{t+1} + x_{t-1} = 2 cos(2 pi / P) x_t with one P per sequence in the range', () => {
    const data = noisySine({ count: 20, length: 30, noise: 0, period: [8, 16] }, new Rng(4));
    for (let i = 0; i < 20; i++) {
      const x = (t: number): number => (t < 30 ? data.x[i * 30 + t] : data.y[i * 30 + 29]);
      // Pick the step with the largest |x_t| to read cos(2 pi / P) from, away from a zero crossing.
      let best = 1;
      for (let t = 1; t < 30; t++) if (Math.abs(x(t)) > Math.abs(x(best))) best = t;
      const c = (x(best + 1) + x(best - 1)) / (2 * x(best));
      const period = (2 * Math.PI) / Math.acos(c);
      expect(period).toBeGreaterThanOrEqual(8 - 1e-9);
      expect(period).toBeLessThanOrEqual(16 + 1e-9);
      for (let t = 1; t < 30; t++) expect(x(t + 1) + x(t - 1)).toBeCloseTo(2 * c * x(t), 12);
    }
  });

  it('rejects a bad noise or period range', () => {
    expect(() => noisySine({ count: 2, noise: -1 }, new Rng(1))).toThrow(/noise must be a number >= 0/);
    expect(() => noisySine({ count: 2, period: [5, 3] }, new Rng(1))).toThrow(/period range/);
    expect(() => noisySine({ count: 2, period: [NaN, 3] }, new Rng(1))).toThrow(/period range/);
  });
});

describe('checkSequenceDataset', () => {
  const good = (): SequenceDataset => delayedRecall({ count: 3, delay: 2, symbols: 2 }, new Rng(1));
  it('names the dataset and the inconsistency', () => {
    expect(() => checkSequenceDataset({ ...good(), offsets: Uint32Array.from([0, 3, 3, 9]) })).toThrow(/"delayed-recall-k2": sequence 2 is empty/);
    expect(() => checkSequenceDataset({ ...good(), x: new Float64Array(5) })).toThrow(/x has 5 numbers, expected steps \* inputSize = 18/);
    expect(() => checkSequenceDataset({ ...good(), y: new Float64Array(2) })).toThrow(/y has 2 numbers, expected 3 rows of 2/);
    expect(() => checkSequenceDataset({ ...good(), offsets: Uint32Array.from([0, 3, 6]) })).toThrow(/count \+ 1 = 4 entries/);
    expect(() => checkSequenceDataset({ ...good(), mask: new Uint8Array(9) })).toThrow(/a mask needs targets 'every'/);
    expect(() => checkSequenceDataset(good())).not.toThrow();
  });
});
