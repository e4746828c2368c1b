/**
 * Sequence datasets for recurrent networks (the seed's chapter 5): many
 * sequences of vectors x_1 .. x_T in one flat array, with either one target
 * per sequence at its last step (sequence-to-one) or one per step
 * (sequence-to-sequence, with a mask for the steps that have none).
 * Generators: the next value of a noisy sine wave, the adding problem and
 * delayed recall. Every random choice takes an explicit Rng.
 */
import { InputError } from '../errors';
import type { Rng } from '../rng';
import type { Task } from './dataset';

export type SequenceTargets = 'last' | 'every';

export interface SequenceDataset {
  name: string;
  task: Task;
  /** Features per step, p. */
  inputSize: number;
  outputSize: number;
  /** Number of sequences. */
  count: number;
  /** Sequence i is steps offsets[i] .. offsets[i + 1] - 1; offsets.length = count + 1. */
  offsets: Uint32Array;
  /** offsets[count] * inputSize features, one row per step. */
  x: Float64Array;
  /** 'last': a target for the final step of each sequence; 'every': a target row for every step. */
  targets: SequenceTargets;
  /** count (last) or offsets[count] (every) rows of outputSize; one-hot for classification. */
  y: Float64Array;
  /** With 'every': 1 where a step has a target, 0 where it has none; absent means every step has one. */
  mask?: Uint8Array;
  classNames?: string[];
}

/** Most steps, and most numbers, a generated or read sequence set may hold. */
export const SEQUENCE_LIMITS = { maxSteps: 10_000_000, maxCells: 50_000_000, maxLength: 100_000 };

export function sequenceLength(data: SequenceDataset, i: number): number {
  return data.offsets[i + 1] - data.offsets[i];
}

/** Total number of (step, target) pairs: the unit the costs and metrics are averaged over. */
export function targetCount(data: SequenceDataset): number {
  if (data.targets === 'last') return data.count;
  const steps = data.offsets[data.count];
  if (!data.mask) return steps;
  let n = 0;
  for (let s = 0; s < steps; s++) n += data.mask[s];
  return n;
}

/**
 * Checks that the arrays agree with each other, so a model never reads past
 * an array's end on a dataset built by hand or received from another process.
 */
export function checkSequenceDataset(data: SequenceDataset): void {
  const fail = (why: string): never => {
    throw new InputError(`sequence dataset "${data.name}": ${why}`);
  };
  const { count, inputSize, outputSize, offsets } = data;
  if (!(Number.isInteger(count) && count >= 0)) fail(`count must be a whole number, got ${count}`);
  if (!(Number.isInteger(inputSize) && inputSize >= 1)) fail(`inputSize must be a whole number >= 1, got ${inputSize}`);
  if (!(Number.isInteger(outputSize) && outputSize >= 1)) fail(`outputSize must be a whole number >= 1, got ${outputSize}`);
  if (offsets.length !== count + 1 || offsets[0] !== 0) fail(`offsets must start at 0 and have count + 1 = ${count + 1} entries`);
  for (let i = 0; i < count; i++) if (offsets[i + 1] <= offsets[i]) fail(`sequence ${i + 1} is empty or its offsets go backwards`);
  const steps = offsets[count];
  if (data.x.length !== steps * inputSize) fail(`x has ${data.x.length} numbers, expected steps * inputSize = ${steps * inputSize}`);
  const rows = data.targets === 'last' ? count : steps;
  if (data.y.length !== rows * outputSize) fail(`y has ${data.y.length} numbers, expected ${rows} rows of ${outputSize}`);
  if (data.mask && (data.targets !== 'every' || data.mask.length !== steps)) fail(`a mask needs targets 'every' and one entry per step (${steps})`);
}

function checkCount(name: string, what: string, v: number, min: number, max: number): void {
  if (!(Number.isInteger(v) && v >= min && v <= max)) throw new InputError(`${name}: ${what} must be a whole number from ${min} to ${max}, got ${v}`);
}

function checkSize(name: string, count: number, length: number, width: number): void {
  checkCount(name, 'the number of sequences', count, 1, SEQUENCE_LIMITS.maxSteps);
  checkCount(name, 'the sequence length', length, 1, SEQUENCE_LIMITS.maxLength);
  if (count * length > SEQUENCE_LIMITS.maxSteps || count * length * width > SEQUENCE_LIMITS.maxCells) {
    throw new InputError(`${name}: ${count} sequences of ${length} steps is more than the limit of ${SEQUENCE_LIMITS.maxSteps} steps`);
  }
}

function evenOffsets(count: number, length: number): Uint32Array {
  const offsets = new Uint32Array(count + 1);
  for (let i = 0; i <= count; i++) offsets[i] = i * length;
  return offsets;
}

export interface NoisySineOptions {
  count: number;
  /** Steps per sequence (default 40). */
  length?: number;
  /** Standard deviation of the Gaussian noise on every observed value (default 0.1). */
  noise?: number;
  /** Each sequence draws its period, in steps, uniformly from this range (default [10, 30]). */
  period?: [number, number];
}

/**
 * x_t = sin(2 pi t / P + phi) + noise, with P and phi drawn per sequence; the
 * target at step t is the next observed value x_{t+1} (sequence-to-sequence
 * regression). The noise of x_{t+1} cannot be predicted, so the quadratic
 * cost per target can go no lower than noise^2 / 2 on average.
 */
export function noisySine(options: NoisySineOptions, rng: Rng): SequenceDataset {
  const name = 'noisy-sine';
  const { count, length = 40, noise = 0.1, period = [10, 30] } = options;
  checkSize(name, count, length, 1);
  if (!(Number.isFinite(noise) && noise >= 0)) throw new InputError(`${name}: noise must be a number >= 0, got ${noise}`);
  if (!(period[0] >= 2 && period[1] >= period[0] && Number.isFinite(period[1]))) {
    throw new InputError(`${name}: the period range must satisfy 2 <= low <= high, got [${period.join(', ')}]`);
  }
  const x = new Float64Array(count * length);
  const y = new Float64Array(count * length);
  for (let i = 0; i < count; i++) {
    const p = rng.uniform(period[0], period[1]);
    const phi = rng.uniform(0, 2 * Math.PI);
    let value = Math.sin(phi) + noise * rng.normal();
    for (let t = 0; t < length; t++) {
      const next = Math.sin((2 * Math.PI * (t + 1)) / p + phi) + noise * rng.normal();
      x[i * length + t] = value;
      y[i * length + t] = next;
      value = next;
    }
  }
  return { name, task: 'regression', inputSize: 1, outputSize: 1, count, offsets: evenOffsets(count, length), x, targets: 'every', y };
}

export interface AddingOptions {
  count: number;
  /** Steps per sequence, T >= 2 (default 50). */
  length?: number;
}

/**
 * The adding problem (Hochreiter and Schmidhuber, 1997): each step carries a
 * value drawn from U(0, 1) and a marker; exactly two steps are marked, one in
 * each half of the sequence, and the target at the last step is the sum of
 * the two marked values (sequence-to-one regression). Always answering 1
 * gives a quadratic cost of 1/12 per target (the sum's variance is 1/6).
 */
export function addingProblem(options: AddingOptions, rng: Rng): SequenceDataset {
  const name = 'adding';
  const { count, length = 50 } = options;
  checkSize(name, count, length, 2);
  if (length < 2) throw new InputError(`${name}: the sequence length must be at least 2, got ${length}`);
  const x = new Float64Array(count * length * 2);
  const y = new Float64Array(count);
  const half = Math.floor(length / 2);
  for (let i = 0; i < count; i++) {
    const base = i * length;
    for (let t = 0; t < length; t++) x[(base + t) * 2] = rng.float();
    const first = rng.int(half);
    const second = half + rng.int(length - half);
    x[(base + first) * 2 + 1] = 1;
    x[(base + second) * 2 + 1] = 1;
    y[i] = x[(base + first) * 2] + x[(base + second) * 2];
  }
  return { name, task: 'regression', inputSize: 2, outputSize: 1, count, offsets: evenOffsets(count, length), x, targets: 'last', y };
}

export interface DelayedRecallOptions {
  count: number;
  /** The delay k >= 1: the target at step t is the symbol seen at step t - k. */
  delay: number;
  /** Number of symbols (default 8); inputs and outputs are one-hot over them. */
  symbols?: number;
  /**
   * 'last' (default): one target, at the last step, so the network must carry
   * one symbol across k steps of distraction. 'every': a target at every step
   * t > k (the steps before have none).
   */
  targets?: SequenceTargets;
  /** Steps per sequence (default k + 1 with 'last', 2k + 10 with 'every'); at least k + 1. */
  length?: number;
}

export const MAX_RECALL_SYMBOLS = 26;

/**
 * Delayed recall: random symbols, one-hot, and the task of naming the symbol
 * seen k steps ago. With the default length k + 1 and target 'last', the
 * answer is always the first symbol, and the gradient that teaches the
 * network to keep it must travel back through all k steps: the seed's
 * vanishing gradient, made measurable.
 */
export function delayedRecall(options: DelayedRecallOptions, rng: Rng): SequenceDataset {
  const name = `delayed-recall-k${options.delay}`;
  const { count, delay: k, symbols = 8, targets = 'last' } = options;
  checkCount(name, 'the delay k', k, 1, SEQUENCE_LIMITS.maxLength - 1);
  checkCount(name, 'the number of symbols', symbols, 2, MAX_RECALL_SYMBOLS);
  const length = options.length ?? (targets === 'last' ? k + 1 : 2 * k + 10);
  checkSize(name, count, length, symbols);
  if (length < k + 1) throw new InputError(`${name}: a sequence of ${length} steps has no step ${k} steps after another; use at least k + 1 = ${k + 1}`);
  const steps = count * length;
  const x = new Float64Array(steps * symbols);
  const seen = new Uint8Array(steps);
  for (let s = 0; s < steps; s++) {
    seen[s] = rng.int(symbols);
    x[s * symbols + seen[s]] = 1;
  }
  const classNames = Array.from({ length: symbols }, (_, j) => String.fromCharCode(65 + j));
  const base = { name, task: 'classification' as const, inputSize: symbols, outputSize: symbols, count, offsets: evenOffsets(count, length), x, classNames };
  if (targets === 'last') {
    const y = new Float64Array(count * symbols);
    for (let i = 0; i < count; i++) y[i * symbols + seen[i * length + length - 1 - k]] = 1;
    return { ...base, targets, y };
  }
  const y = new Float64Array(steps * symbols);
  const mask = new Uint8Array(steps);
  for (let i = 0; i < count; i++) {
    for (let t = k; t < length; t++) {
      const s = i * length + t;
      mask[s] = 1;
      y[s * symbols + seen[s - k]] = 1;
    }
  }
  return { ...base, targets, y, mask };
}
