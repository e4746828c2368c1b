/**
 * The one sequence the gate view runs: a sequence of the project's training
 * set when it is a generated set that fits the network (noisy sine, adding
 * problem, delayed recall, made as the trainer makes it), else one from the
 * generator that suits the network's shape, else plain Gaussian noise. Every
 * draw is seeded by the project seed and the sequence number, so "next
 * sequence" and back again show the same sequences.
 */
import { isSequenceSetName, loadBuiltinSequence, resolveSequenceSettings, sequenceShape, type SequenceSetName } from '../../../engine/datasets/sequence-sets';
import { addingProblem, delayedRecall, MAX_RECALL_SYMBOLS, noisySine, type SequenceDataset } from '../../../engine/datasets/sequences';
import type { SavedDatasetChoice, SequenceSettings } from '../../../engine/project';
import { Rng } from '../../../engine/rng';

export type SequenceSource = 'noisy-sine' | 'adding' | 'delayed-recall' | 'noise';

export interface ChosenSequence {
  source: SequenceSource;
  /** One line for the view: what the sequence is and where it came from. */
  description: string;
  /** Whether it is the project's dataset, or one chosen because the project has none that fits. */
  fromProject: boolean;
  /** T rows of p features. */
  inputs: number[][];
  /** T entries: the target row (o numbers) at a step that has one, else null. */
  targets: (number[] | null)[];
  task: 'classification' | 'regression';
  /** Names of the input features (and, for one-hot symbols, of the classes). */
  featureNames: string[];
  classNames?: string[];
}

/** Steps of the noise sequence shown when no generator fits. */
export const NOISE_LENGTH = 20;
/** The delay of delayed recall when the project does not set one. */
export const DEFAULT_DELAY = 5;

/** A seed for sequence `index` of the view: a different stream per index, the same for the same index. */
export function sequenceSeed(seed: number, index: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
}

/** Sequence i of a set as rows: its inputs, and its target at each step that has one. */
function rows(data: SequenceDataset, i = 0): { inputs: number[][]; targets: (number[] | null)[] } {
  const start = data.offsets[i];
  const T = data.offsets[i + 1] - start;
  const p = data.inputSize;
  const o = data.outputSize;
  const inputs = Array.from({ length: T }, (_, t) => Array.from(data.x.subarray((start + t) * p, (start + t + 1) * p)));
  const targets = Array.from({ length: T }, (_, t): number[] | null => {
    if (data.targets === 'last') return t === T - 1 ? Array.from(data.y.subarray(i * o, (i + 1) * o)) : null;
    if (data.mask && data.mask[start + t] === 0) return null;
    return Array.from(data.y.subarray((start + t) * o, (start + t + 1) * o));
  });
  return { inputs, targets };
}

/** Whether a generator's sequences (with its default settings) fit a network reading p features per step and giving o outputs. */
function fits(source: SequenceSource, p: number, o: number): boolean {
  if (source === 'noisy-sine') return p === 1 && o === 1;
  if (source === 'adding') return p === 2 && o === 1;
  if (source === 'delayed-recall') return p === o && p >= 2 && p <= MAX_RECALL_SYMBOLS;
  return true;
}

/** The generator that suits the shape when the project names none that fits. */
function sourceForShape(p: number, o: number): SequenceSource {
  for (const s of ['noisy-sine', 'adding', 'delayed-recall'] as const) if (fits(s, p, o)) return s;
  return 'noise';
}

/**
 * The sequence with number `index` for a network with p inputs, o outputs,
 * whose recurrent node answers at the last step or at every step.
 */
export function chooseSequence(choice: SavedDatasetChoice | null, p: number, o: number, outputs: 'last' | 'every', seed: number, index: number): ChosenSequence {
  if (choice?.source === 'builtin' && isSequenceSetName(choice.name)) {
    const shape = sequenceShape(choice.name, choice.sequence);
    if (shape.inputSize === p && shape.outputSize === o) return fromTrainingSet(choice.name, choice.sequence ?? {}, seed, index);
  }
  const source = sourceForShape(p, o);
  const rng = new Rng(sequenceSeed(seed, index));
  const n = `sequence ${index + 1}`;
  const why = choice ? 'the project’s dataset does not fit this network, so a generated one' : 'the project has no dataset, so a generated one';
  if (source === 'noisy-sine') {
    return { source, description: `Noisy sine, ${n} (${why}): the target at each step is the next value`, fromProject: false, ...rows(noisySine({ count: 1 }, rng)), task: 'regression', featureNames: ['x'] };
  }
  if (source === 'adding') {
    return { source, description: `Adding problem, ${n} (${why}): the target is the sum of the two marked values`, fromProject: false, ...rows(addingProblem({ count: 1, length: 20 }, rng)), task: 'regression', featureNames: ['value', 'marker'] };
  }
  if (source === 'delayed-recall') {
    const data = delayedRecall({ count: 1, delay: DEFAULT_DELAY, symbols: p, targets: outputs }, rng);
    const classNames = data.classNames ?? [];
    return {
      source,
      description: `Delayed recall, k = ${DEFAULT_DELAY}, ${p} symbols, ${n} (${why}): name the symbol seen ${DEFAULT_DELAY} steps ago`,
      fromProject: false,
      ...rows(data),
      task: 'classification',
      featureNames: classNames,
      classNames,
    };
  }
  const inputs = Array.from({ length: NOISE_LENGTH }, () => Array.from({ length: p }, () => rng.normal()));
  return {
    source,
    description: `Gaussian noise, ${n}: no generated task has ${p} input${p === 1 ? '' : 's'} and ${o} output${o === 1 ? '' : 's'}, so the inputs are N(0, 1) and there are no targets`,
    fromProject: false,
    inputs,
    targets: inputs.map(() => null),
    task: 'regression',
    featureNames: Array.from({ length: p }, (_, j) => `x${j + 1}`),
  };
}

/**
 * Sequence `index` of the project's training set, as the trainer makes it
 * (loadBuiltinSequence with the project seed). The first sequences of a set
 * do not depend on how many follow, so only index + 1 are made.
 */
function fromTrainingSet(name: SequenceSetName, settings: SequenceSettings, seed: number, index: number): ChosenSequence {
  const s = resolveSequenceSettings(name, settings);
  const i = index % s.count;
  const { train } = loadBuiltinSequence(name, { ...settings, count: i + 1 }, seed);
  const n = `sequence ${i + 1} of the ${s.count} in the project’s training set`;
  if (name === 'noisy-sine') return { source: name, description: `Noisy sine, ${n}: the target at each step is the next value`, fromProject: true, ...rows(train, i), task: 'regression', featureNames: ['x'] };
  if (name === 'adding') {
    return { source: name, description: `Adding problem, ${n}: the target is the sum of the two marked values`, fromProject: true, ...rows(train, i), task: 'regression', featureNames: ['value', 'marker'] };
  }
  const classNames = train.classNames ?? [];
  return {
    source: name,
    description: `Delayed recall, k = ${s.delay}, ${s.symbols} symbols, ${n}: name the symbol seen ${s.delay} steps ago`,
    fromProject: true,
    ...rows(train, i),
    task: 'classification',
    featureNames: classNames,
    classNames,
  };
}
