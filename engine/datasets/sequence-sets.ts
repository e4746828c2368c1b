/**
 * The generated sequence sets by name (noisy-sine, adding, delayed-recall):
 * their settings with defaults, their shapes for given settings, and
 * loadBuiltinSequence, which makes the training set and a fresh test set from
 * a seed. Pure, so the CLI, the utility process, the browser's worker and the
 * renderer's views all make the same sequences from the same seed.
 */
import { InputError } from '../errors';
import type { SequenceSettings } from '../project';
import { Rng } from '../rng';
import type { Task } from './dataset';
import { formatCount } from './errors';
import { addingProblem, delayedRecall, noisySine, type SequenceDataset, type SequenceTargets } from './sequences';

export const SEQUENCE_SET_NAMES = ['noisy-sine', 'adding', 'delayed-recall'] as const;
export type SequenceSetName = (typeof SEQUENCE_SET_NAMES)[number];

export type SequenceSettingName = keyof SequenceSettings;

/** Every setting with a value: what a set is generated from. */
export type ResolvedSequenceSettings = Required<SequenceSettings>;

export interface SequenceShape {
  task: Task;
  /** Features per step. */
  inputSize: number;
  outputSize: number;
  /** Where the targets are: the recurrent node's `outputs` must say the same. */
  targets: SequenceTargets;
}

export interface SequenceSetSpec {
  name: SequenceSetName;
  label: string;
  description: string;
  /** The settings the set reads (the others it ignores), in the order a form shows them. */
  settings: readonly SequenceSettingName[];
}

export const SEQUENCE_SETS: readonly SequenceSetSpec[] = [
  {
    name: 'noisy-sine',
    label: 'Noisy sine (next value)',
    description: 'Sine waves of random period and phase with Gaussian noise; at every step, predict the next value (sequence to sequence, regression)',
    settings: ['count', 'length'],
  },
  {
    name: 'adding',
    label: 'Adding problem',
    description: 'Random values with two marked steps, one in each half; at the last step, give the sum of the two marked values (sequence to one, regression)',
    settings: ['count', 'length'],
  },
  {
    name: 'delayed-recall',
    label: 'Delayed recall',
    description: 'Random one-hot symbols; name the symbol seen k steps ago (at the last step, or at every step from k on): the LSTM remembers where a plain layer forgets',
    settings: ['count', 'delay', 'symbols', 'targets', 'length'],
  },
];

export function isSequenceSetName(name: string): name is SequenceSetName {
  return (SEQUENCE_SET_NAMES as readonly string[]).includes(name);
}

const DEFAULT_COUNT: Record<SequenceSetName, number> = { 'noisy-sine': 500, adding: 1000, 'delayed-recall': 2000 };
const DEFAULT_LENGTH = { 'noisy-sine': 40, adding: 20 } as const;
export const DEFAULT_RECALL_DELAY = 5;
export const DEFAULT_RECALL_SYMBOLS = 8;

/**
 * The set's settings with the absent ones filled in. Settings the set does
 * not read keep their defaults, so two choices that differ only there make
 * the same data. delayed-recall's default length depends on k and the
 * targets: k + 1 with one target, 2k + 10 with a target at every step.
 */
export function resolveSequenceSettings(name: SequenceSetName, given: SequenceSettings = {}): ResolvedSequenceSettings {
  const count = given.count ?? DEFAULT_COUNT[name];
  if (name !== 'delayed-recall') {
    return { count, length: given.length ?? DEFAULT_LENGTH[name], delay: DEFAULT_RECALL_DELAY, symbols: DEFAULT_RECALL_SYMBOLS, targets: name === 'noisy-sine' ? 'every' : 'last' };
  }
  const delay = given.delay ?? DEFAULT_RECALL_DELAY;
  const targets = given.targets ?? 'last';
  return { count, delay, symbols: given.symbols ?? DEFAULT_RECALL_SYMBOLS, targets, length: given.length ?? (targets === 'last' ? delay + 1 : 2 * delay + 10) };
}

export function sequenceShape(name: SequenceSetName, given: SequenceSettings = {}): SequenceShape {
  const s = resolveSequenceSettings(name, given);
  switch (name) {
    case 'noisy-sine':
      return { task: 'regression', inputSize: 1, outputSize: 1, targets: 'every' };
    case 'adding':
      return { task: 'regression', inputSize: 2, outputSize: 1, targets: 'last' };
    case 'delayed-recall':
      return { task: 'classification', inputSize: s.symbols, outputSize: s.symbols, targets: s.targets };
  }
}

/** The fresh test set is a quarter the size of the training set. */
export function sequenceTestCount(count: number): number {
  return Math.max(1, Math.ceil(count / 4));
}

/**
 * Most numbers (inputs and targets, training and test sets together) a
 * generated set may hold: 128 MiB of doubles, which a browser's worker can
 * afford. The settings' own bounds allow far more (100,000 sequences of
 * 10,000 steps), so this is what stops a hostile or mistaken choice.
 */
export const MAX_GENERATED_NUMBERS = 2 ** 24;

/**
 * Training set and fresh test set of a generated sequence set. One Rng(seed)
 * draws the training set, then the test set: the same seed and settings give
 * the same sequences in every host. Throws an InputError naming the set and
 * the setting at fault.
 */
export function loadBuiltinSequence(name: string, given: SequenceSettings = {}, seed = 0): { train: SequenceDataset; test: SequenceDataset } {
  if (!isSequenceSetName(name)) throw new InputError(`"${name}" is not a generated sequence set (${SEQUENCE_SET_NAMES.join(', ')})`);
  const s = resolveSequenceSettings(name, given);
  const shape = sequenceShape(name, s);
  const testCount = sequenceTestCount(s.count);
  const perStep = shape.inputSize + (shape.targets === 'every' ? shape.outputSize : 0);
  const perSequence = s.length * perStep + (shape.targets === 'last' ? shape.outputSize : 0);
  const numbers = (s.count + testCount) * perSequence;
  if (numbers > MAX_GENERATED_NUMBERS) {
    throw new InputError(
      `${name}: ${formatCount(s.count)} sequences of ${formatCount(s.length)} steps (and ${formatCount(testCount)} to test) would hold ${formatCount(numbers)} numbers, ` +
        `more than the ${formatCount(MAX_GENERATED_NUMBERS)} a generated set may; use fewer or shorter sequences`,
    );
  }
  const rng = new Rng(seed);
  const make = (count: number): SequenceDataset => {
    switch (name) {
      case 'noisy-sine':
        return noisySine({ count, length: s.length }, rng);
      case 'adding':
        return addingProblem({ count, length: s.length }, rng);
      case 'delayed-recall':
        return delayedRecall({ count, delay: s.delay, symbols: s.symbols, targets: s.targets, length: s.length }, rng);
    }
  };
  const train = make(s.count);
  const test = make(testCount);
  return { train: { ...train, name: `${train.name} (train)` }, test: { ...test, name: `${test.name} (test)` } };
}
