/**
 * The "LSTMs remember" experiment: train a sequence model on delayed recall
 * at delay k (name the symbol seen k steps ago, at the end of a sequence of
 * k + 1 steps) and report its test accuracy. The LSTM and the plain layer get
 * the same data, size, optimizer, clipping and number of epochs, so a delay
 * one masters and the other does not is a difference between the cells.
 */
import { delayedRecall } from '../datasets/sequences';
import { Rng } from '../rng';
import type { CellKind } from './layout';
import { createSequenceModel, initialiseSequenceModel, type SequenceInitName } from './model';
import { SequenceTrainer } from './trainer';

export interface RecallRunOptions {
  cell: CellKind;
  /** The delay k. */
  delay: number;
  /** Seeds the data, the initial weights and the shuffling. */
  seed: number;
  /** Units d of the recurrent layer (default 16). */
  hiddenSize?: number;
  /** Number of symbols (default 8: chance is 1/8). */
  symbols?: number;
  /** Training sequences (default 2000) and fresh test sequences (default 500). */
  trainCount?: number;
  testCount?: number;
  /** The training budget in epochs (default 20). */
  epochs?: number;
  batchSize?: number;
  /** Adam's step size (default 0.01). */
  eta?: number;
  /** Global-norm clipping (default 1). */
  clipNorm?: number | null;
  /** The LSTM's initial b_r (default 1). */
  remBias?: number;
  /** Initial weights (default 'orthogonal'). */
  init?: SequenceInitName;
  /** Stop before the budget is spent once the test accuracy reaches this (default 1: never early). */
  stopAt?: number;
  now?: () => number;
}

export interface RecallRunResult {
  cell: CellKind;
  delay: number;
  seed: number;
  /** Test accuracy when training stopped. */
  accuracy: number;
  /** Test accuracy after each epoch. */
  history: number[];
  epochs: number;
  diverged: boolean;
  elapsedMs: number;
}

export function delayedRecallRun(options: RecallRunOptions): RecallRunResult {
  const { cell, delay, seed, hiddenSize = 16, symbols = 8, trainCount = 2000, testCount = 500, epochs = 20 } = options;
  const now = options.now ?? (() => Date.now());
  const started = now();
  // The data depend on seed and k only, so both cells see the same sequences.
  const train = delayedRecall({ count: trainCount, delay, symbols }, new Rng(seed * 7919 + delay * 2));
  const test = delayedRecall({ count: testCount, delay, symbols }, new Rng(seed * 7919 + delay * 2 + 1));
  const model = createSequenceModel({ cell, inputSize: symbols, hiddenSize, outputSize: symbols, outputActivation: 'softmax', cost: 'logLikelihood' });
  initialiseSequenceModel(model, new Rng(seed), { remBias: options.remBias, scheme: options.init });
  const trainer = new SequenceTrainer(model, train, test, {
    eta: options.eta ?? 0.01,
    batchSize: options.batchSize ?? 32,
    lambda: 0,
    optimizer: { name: 'adam' },
    shuffle: 'seeded',
    seed,
    clipNorm: options.clipNorm === undefined ? 1 : options.clipNorm,
  });
  const history: number[] = [];
  let diverged = false;
  for (let e = 0; e < epochs; e++) {
    const r = trainer.runEpoch();
    if (r.divergence || !r.epoch) {
      diverged = true;
      break;
    }
    history.push(r.epoch.testAccuracy ?? 0);
    if (history[history.length - 1] >= (options.stopAt ?? 1)) break;
  }
  const accuracy = diverged ? trainer.evaluate(test).correct / testCount : (history[history.length - 1] ?? 0);
  return { cell, delay, seed, accuracy, history, epochs: history.length, diverged, elapsedMs: now() - started };
}
