import { describe, expect, it } from 'vitest';
import { CATALOG, catalogEntry } from '../../../engine/datasets/catalog';
import { loadBuiltinSequence, MAX_GENERATED_NUMBERS, resolveSequenceSettings, sequenceShape } from '../../../engine/datasets/sequence-sets';
import { checkSequenceDataset, delayedRecall, targetCount, type SequenceDataset } from '../../../engine/datasets/sequences';
import { InputError } from '../../../engine/errors';
import { datasetChoiceSchema, type SequenceSettings } from '../../../engine/project';
import { Rng } from '../../../engine/rng';
import { errorMessage } from '../../error-message';

const problem = (f: () => unknown): string => errorMessage(InputError, f);

const sequenceEntries = () => CATALOG.filter((e) => e.kind === 'sequence');

/** What a set's arrays say about it, to compare with what the catalog says. */
function observedShape(d: SequenceDataset) {
  return { task: d.task, inputSize: d.inputSize, outputSize: d.outputSize, targets: d.targets };
}

describe('the generated sequence sets in the catalog', () => {
  it('lists noisy-sine, adding and delayed-recall as sequence sets any host can make', () => {
    expect(sequenceEntries().map((e) => e.name)).toEqual(['noisy-sine', 'adding', 'delayed-recall']);
    for (const e of sequenceEntries()) {
      expect(e.needsHost).toBe(false);
      expect(e.sequence?.settings.length).toBeGreaterThan(0);
      expect(e.description.length).toBeGreaterThan(40);
    }
    expect(catalogEntry('delayed-recall')?.sequence?.settings).toEqual(['count', 'delay', 'symbols', 'targets', 'length']);
  });

  it('describes every set truthfully at its defaults: shape, task, where the targets are, counts', () => {
    for (const e of sequenceEntries()) {
      const { train, test } = loadBuiltinSequence(e.name, {}, 1);
      for (const [data, count] of [[train, e.trainCount], [test, e.testCount]] as const) {
        checkSequenceDataset(data);
        expect(observedShape(data), e.name).toEqual({ task: e.task, inputSize: e.inputSize, outputSize: e.outputSize, targets: e.sequence?.defaults.targets });
        expect(data.count).toBe(count);
        expect(data.offsets[1] - data.offsets[0]).toBe(e.sequence?.defaults.length);
      }
      expect(e.testCount).toBe(Math.ceil(e.trainCount / 4));
    }
  });

  it('gives the shape for other settings as the generated data has it', () => {
    const cases: [string, SequenceSettings][] = [
      ['delayed-recall', { symbols: 4, delay: 7 }],
      ['delayed-recall', { symbols: 26, delay: 2, targets: 'every' }],
      ['noisy-sine', { length: 12, count: 10 }],
      ['adding', { length: 5, count: 10 }],
    ];
    for (const [name, settings] of cases) {
      const { train } = loadBuiltinSequence(name, { count: 20, ...settings }, 3);
      expect(observedShape(train), `${name} ${JSON.stringify(settings)}`).toEqual(catalogEntry(name)?.sequence?.shape(settings));
      expect(observedShape(train)).toEqual(sequenceShape(name as 'adding', settings));
    }
  });

  it('fills in delayed recall’s length from k and the targets, and ignores settings a set does not read', () => {
    expect(resolveSequenceSettings('delayed-recall', { delay: 12 })).toMatchObject({ length: 13, targets: 'last', symbols: 8, count: 2000 });
    expect(resolveSequenceSettings('delayed-recall', { delay: 12, targets: 'every' }).length).toBe(34);
    const every = loadBuiltinSequence('delayed-recall', { delay: 3, targets: 'every', count: 5 }, 1).train;
    expect(every.offsets[1]).toBe(16);
    // At every step t >= k the target is the symbol seen k steps earlier, and before k there is none.
    for (let s = 0; s < 16; s++) {
      const target = every.y.subarray(s * 8, s * 8 + 8);
      if (s < 3) expect(every.mask?.[s]).toBe(0);
      else expect(Array.from(target)).toEqual(Array.from(every.x.subarray((s - 3) * 8, (s - 2) * 8)));
    }
    const plain = loadBuiltinSequence('noisy-sine', { count: 8 }, 2);
    const withUnused = loadBuiltinSequence('noisy-sine', { count: 8, delay: 30, symbols: 3, targets: 'last' }, 2);
    expect(Array.from(withUnused.train.x)).toEqual(Array.from(plain.train.x));
    expect(withUnused.train.targets).toBe('every');
  });

  it('makes the same sequences from the same seed, other ones from another, and a test set apart from the training set', () => {
    const a = loadBuiltinSequence('delayed-recall', { count: 50, delay: 4 }, 9);
    const b = loadBuiltinSequence('delayed-recall', { count: 50, delay: 4 }, 9);
    const c = loadBuiltinSequence('delayed-recall', { count: 50, delay: 4 }, 10);
    expect(Array.from(a.train.x)).toEqual(Array.from(b.train.x));
    expect(Array.from(a.test.y)).toEqual(Array.from(b.test.y));
    expect(Array.from(a.train.x)).not.toEqual(Array.from(c.train.x));
    expect(Array.from(a.test.x)).not.toEqual(Array.from(a.train.x.subarray(0, a.test.x.length)));
    // The training set is the engine's generator drawing first from Rng(seed): nothing else in between.
    expect(Array.from(a.train.x)).toEqual(Array.from(delayedRecall({ count: 50, delay: 4 }, new Rng(9)).x));
    expect(a.train.name).toBe('delayed-recall-k4 (train)');
    expect(targetCount(a.test)).toBe(13);
  });

  it('refuses hostile or impossible settings with one clear message and without allocating them', () => {
    expect(problem(() => loadBuiltinSequence('noisy-sine', { count: 100_000, length: 10_000 }, 1))).toMatch(
      /^noisy-sine: 100,000 sequences of 10,000 steps \(and 25,000 to test\) would hold 2,500,000,000 numbers, more than the 16,777,216 a generated set may/,
    );
    // The bound counts inputs and targets of both sets: 67,109 + 16,778 sequences of 100 steps of (x, y) is 16,777,400 numbers.
    expect(MAX_GENERATED_NUMBERS).toBe(16_777_216);
    expect(problem(() => loadBuiltinSequence('noisy-sine', { count: 67_109, length: 100 }, 1))).toMatch(/would hold 16,777,400 numbers/);
    expect(problem(() => loadBuiltinSequence('delayed-recall', { delay: 10, length: 4 }, 1))).toMatch(/delayed-recall-k10: a sequence of 4 steps has no step 10 steps after another/);
    expect(problem(() => loadBuiltinSequence('digits', {}, 1))).toMatch(/"digits" is not a generated sequence set \(noisy-sine, adding, delayed-recall\)/);
    // The settings' own bounds are the project schema's.
    for (const sequence of [{ count: 0 }, { delay: 1001 }, { symbols: 27 }, { symbols: 1 }, { length: 10_001 }, { targets: 'first' }, { count: 1.5 }]) {
      expect(datasetChoiceSchema.safeParse({ source: 'builtin', name: 'delayed-recall', sequence }).success, JSON.stringify(sequence)).toBe(false);
    }
  });
});
