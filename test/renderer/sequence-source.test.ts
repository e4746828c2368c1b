import { describe, expect, it } from 'vitest';
import { loadBuiltinSequence } from '../../engine/datasets/sequence-sets';
import { chooseSequence, DEFAULT_DELAY, NOISE_LENGTH, sequenceSeed } from '../../renderer/views/recurrent/sequence-source';

const oneHot = (row: readonly number[]): number => {
  expect(row.filter((v) => v === 1)).toHaveLength(1);
  expect(row.reduce((a, b) => a + b, 0)).toBe(1);
  return row.indexOf(1);
};

describe('the sequence the gate view runs', () => {
  it('takes the project’s delayed-recall settings: the one target is the symbol k steps back', () => {
    const s = chooseSequence({ source: 'builtin', name: 'delayed-recall', sequence: { delay: 3, symbols: 4 } }, 4, 4, 'last', 1, 0);
    expect(s).toMatchObject({ source: 'delayed-recall', fromProject: true, task: 'classification', classNames: ['A', 'B', 'C', 'D'] });
    expect(s.inputs).toHaveLength(4);
    expect(s.targets.slice(0, 3)).toEqual([null, null, null]);
    expect(oneHot(s.targets[3] as number[])).toBe(oneHot(s.inputs[0]));
    expect(s.description).toMatch(/k = 3, 4 symbols, sequence 1 of the 2000 in the project’s training set/);
  });

  it('shows the very sequences the trainer makes from the project’s set and seed', () => {
    const settings = { delay: 4, symbols: 5, targets: 'every' as const, count: 50 };
    const { train } = loadBuiltinSequence('delayed-recall', settings, 3);
    const s = chooseSequence({ source: 'builtin', name: 'delayed-recall', sequence: settings }, 5, 5, 'every', 3, 7);
    const start = train.offsets[7];
    const T = train.offsets[8] - start;
    expect(s.inputs).toEqual(Array.from({ length: T }, (_, t) => Array.from(train.x.subarray((start + t) * 5, (start + t + 1) * 5))));
    s.targets.forEach((target, t) => {
      if (train.mask?.[start + t] === 0) expect(target).toBeNull();
      else expect(target).toEqual(Array.from(train.y.subarray((start + t) * 5, (start + t + 1) * 5)));
    });
    // Past the end of the set it starts again.
    expect(chooseSequence({ source: 'builtin', name: 'delayed-recall', sequence: settings }, 5, 5, 'every', 3, 57).inputs).toEqual(s.inputs);
  });

  it('gives targets at every step from k on when the node answers at every step', () => {
    const s = chooseSequence(null, 5, 5, 'every', 2, 0);
    expect(s.source).toBe('delayed-recall');
    expect(s.fromProject).toBe(false);
    const k = DEFAULT_DELAY;
    expect(s.inputs).toHaveLength(2 * k + 10);
    s.targets.forEach((target, t) => {
      if (t < k) expect(target).toBeNull();
      else expect(oneHot(target as number[])).toBe(oneHot(s.inputs[t - k]));
    });
  });

  it('falls back to the generator that fits the shape when the project’s set does not', () => {
    const sine = chooseSequence({ source: 'builtin', name: 'delayed-recall' }, 1, 1, 'every', 1, 0);
    expect(sine).toMatchObject({ source: 'noisy-sine', fromProject: false });
    expect(sine.description).toMatch(/does not fit this network/);
    // The target at step t is the next observed value.
    for (let t = 0; t + 1 < sine.inputs.length; t++) expect(sine.targets[t]).toEqual(sine.inputs[t + 1]);

    const adding = chooseSequence({ source: 'file', path: '/data/seq.csv' }, 2, 1, 'last', 1, 0);
    expect(adding.source).toBe('adding');
    const marked = adding.inputs.filter((r) => r[1] === 1);
    expect(marked).toHaveLength(2);
    expect((adding.targets.at(-1) as number[])[0]).toBeCloseTo(marked[0][0] + marked[1][0], 15);
    expect(adding.targets.slice(0, -1).every((t) => t === null)).toBe(true);

    const noise = chooseSequence(null, 30, 2, 'last', 1, 0);
    expect(noise).toMatchObject({ source: 'noise', fromProject: false });
    expect(noise.inputs).toHaveLength(NOISE_LENGTH);
    expect(noise.inputs[0]).toHaveLength(30);
    expect(noise.targets.every((t) => t === null)).toBe(true);
  });

  it('draws the same sequence for the same seed and number, another for the next number', () => {
    const a = chooseSequence({ source: 'builtin', name: 'noisy-sine', sequence: { length: 12 } }, 1, 1, 'every', 7, 3);
    expect(a.inputs).toHaveLength(12);
    expect(chooseSequence({ source: 'builtin', name: 'noisy-sine', sequence: { length: 12 } }, 1, 1, 'every', 7, 3)).toEqual(a);
    expect(chooseSequence({ source: 'builtin', name: 'noisy-sine', sequence: { length: 12 } }, 1, 1, 'every', 7, 4).inputs).not.toEqual(a.inputs);
    expect(chooseSequence({ source: 'builtin', name: 'noisy-sine', sequence: { length: 12 } }, 1, 1, 'every', 8, 3).inputs).not.toEqual(a.inputs);
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => sequenceSeed(1, i)));
    expect(seeds.size).toBe(1000);
  });
});
