import { describe, expect, it } from 'vitest';
import { addingProblem, delayedRecall, noisySine, type SequenceDataset } from '../../../engine/datasets/sequences';
import { InputError } from '../../../engine/errors';
import { sequenceGradient } from '../../../engine/recurrent/gradcheck';
import type { CellKind, SequenceModelSpec } from '../../../engine/recurrent/layout';
import { createSequenceModel, initialiseSequenceModel, type SequenceModel } from '../../../engine/recurrent/model';
import { delayedRecallRun } from '../../../engine/recurrent/recall';
import { SequenceTrainer, type SequenceEpochMetrics, type SequenceTrainingSettings } from '../../../engine/recurrent/trainer';
import { Rng } from '../../../engine/rng';

const adam: SequenceTrainingSettings = { eta: 0.01, batchSize: 10, lambda: 0, optimizer: { name: 'adam' }, shuffle: 'seeded', seed: 1, clipNorm: 1 };

function regressionModel(cell: CellKind, inputSize: number, seed = 3, spec: Partial<SequenceModelSpec> = {}): SequenceModel {
  const m = createSequenceModel({ cell, inputSize, hiddenSize: 8, outputSize: 1, outputActivation: 'linear', cost: 'quadratic', ...spec });
  initialiseSequenceModel(m, new Rng(seed));
  return m;
}

function train(trainer: SequenceTrainer, epochs: number): SequenceEpochMetrics[] {
  const out: SequenceEpochMetrics[] = [];
  for (let e = 0; e < epochs; e++) {
    const r = trainer.runEpoch();
    if (!r.epoch) throw new Error(`epoch ${e + 1} did not finish: ${r.divergence?.hint}`);
    out.push(r.epoch);
  }
  return out;
}

/** Mean quadratic cost per target of answering x_t for x_{t+1}. */
function persistenceCost(data: SequenceDataset): number {
  let s = 0;
  for (let i = 0; i < data.y.length; i++) s += 0.5 * (data.y[i] - data.x[i]) ** 2;
  return s / data.y.length;
}

describe('SequenceTrainer', () => {
  it('learns delayed recall at k = 5 to >= 95% with either layer', () => {
    for (const cell of ['lstm', 'rnn'] as const) {
      const r = delayedRecallRun({ cell, delay: 5, seed: 1, trainCount: 1000, testCount: 300, epochs: 6, remBias: 3, stopAt: 0.99 });
      expect(r.diverged).toBe(false);
      expect(r.accuracy, `${cell}: ${r.history.join(' ')}`).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('predicts the next value of a noisy sine far better than repeating the last one (sequence-to-sequence)', () => {
    const data = noisySine({ count: 300, length: 30, noise: 0.05 }, new Rng(1));
    const test = noisySine({ count: 100, length: 30, noise: 0.05 }, new Rng(2));
    for (const cell of ['lstm', 'rnn'] as const) {
      const metrics = train(new SequenceTrainer(regressionModel(cell, 1), data, test, adam), 8);
      const last = metrics[metrics.length - 1];
      expect(last.testCost!).toBeLessThan(persistenceCost(test) / 3);
      expect(last.testAccuracy).toBeNull();
      expect(last.testDeviation!).toBeGreaterThan(0);
      // The noise of x_{t+1} cannot be predicted: no model gets below noise^2 / 2 on average.
      expect(last.testCost!).toBeGreaterThan(0.5 * 0.05 ** 2 * 0.8);
    }
  });

  it('solves the adding problem at T = 10 with the LSTM, well below the 1/12 of always answering 1 (sequence-to-one)', () => {
    const data = addingProblem({ count: 1000, length: 10 }, new Rng(1));
    const test = addingProblem({ count: 200, length: 10 }, new Rng(2));
    const metrics = train(new SequenceTrainer(regressionModel('lstm', 2), data, test, adam), 8);
    expect(metrics[metrics.length - 1].testCost!).toBeLessThan(1 / 12 / 20);
    expect(metrics[metrics.length - 1].trainingCost).toBeLessThan(metrics[0].trainingCost);
  });

  it('clips the mean gradient to the given global norm: one SGD step moves the weights by exactly eta * clip', () => {
    const data = addingProblem({ count: 20, length: 6 }, new Rng(5));
    const model = regressionModel('lstm', 2);
    const g = sequenceGradient(model, data);
    const norm = Math.hypot(...g);
    expect(norm).toBeGreaterThan(1e-3);
    const clip = norm / 4;
    const before = model.params.slice();
    const trainer = new SequenceTrainer(model, data, null, { ...adam, optimizer: { name: 'sgd' }, eta: 0.5, batchSize: 20, clipNorm: clip });
    const r = trainer.step();
    expect(r.epoch?.clippedBatches).toBe(1);
    expect(r.epoch?.gradientNorm).toBeCloseTo(norm, 12);
    const moved = model.params.map((p, i) => p - before[i]);
    expect(Math.hypot(...moved)).toBeCloseTo(0.5 * clip, 12);
    // The direction is the gradient's.
    for (let i = 0; i < g.length; i++) expect(moved[i]).toBeCloseTo((-0.5 * clip * g[i]) / norm, 12);
    // Without clipping the same step is eta times the whole gradient.
    const free = regressionModel('lstm', 2);
    new SequenceTrainer(free, data, null, { ...adam, optimizer: { name: 'sgd' }, eta: 0.5, batchSize: 20, clipNorm: null }).step();
    expect(Math.hypot(...free.params.map((p, i) => p - before[i]))).toBeCloseTo(0.5 * norm, 12);
  });

  it('measures the speed of learning as the dense Trainer does: mean |dC/db| per layer, from the mini-batch gradient before clipping', () => {
    const data = addingProblem({ count: 20, length: 6 }, new Rng(5));
    const model = regressionModel('lstm', 2);
    const g = sequenceGradient(model, data);
    const meanAbs = (names: string[]): number => {
      const entries = model.blocks.filter((b) => names.includes(b.name)).flatMap((b) => Array.from(g.subarray(b.offset, b.offset + b.rows * b.cols)));
      return entries.reduce((s, v) => s + Math.abs(v), 0) / entries.length;
    };
    // One mini-batch of the whole set, clipped hard: the speed is still the unclipped gradient's.
    const r = new SequenceTrainer(model, data, null, { ...adam, optimizer: { name: 'sgd' }, batchSize: 20, clipNorm: 1e-6 }).step();
    expect(r.epoch?.clippedBatches).toBe(1);
    expect(r.epoch?.speedOfLearning.recurrent).toBeCloseTo(meanAbs(['b_r', 'b_s', 'b_f', 'b_l']), 12);
    expect(r.epoch?.speedOfLearning.readout).toBeCloseTo(meanAbs(['b_y']), 12);
    expect(r.epoch?.speedOfLearning.recurrent).toBeGreaterThan(0);
  });

  it('changes eta, lambda, the mini-batch size and the clipping norm between epochs, as the dense Trainer does', () => {
    const data = delayedRecall({ count: 50, delay: 2, symbols: 3 }, new Rng(3));
    const model = (): SequenceModel => {
      const m = createSequenceModel({ cell: 'rnn', inputSize: 3, hiddenSize: 4, outputSize: 3, outputActivation: 'softmax', cost: 'logLikelihood' });
      initialiseSequenceModel(m, new Rng(2));
      return m;
    };
    const patch = { batchSize: 20, eta: 0.02, lambda: 0.5, clipNorm: 0.3 };
    // Asked for mid-epoch: the epoch finishes as it began.
    const late = new SequenceTrainer(model(), data, null, adam);
    late.step();
    late.updateSettings(patch);
    expect(late.batchesPerEpoch).toBe(5);
    late.runEpoch();
    expect(late.batchesPerEpoch).toBe(3);
    late.runEpoch();
    // The oracle: the first epoch with the old settings, the change made at an epoch's start.
    const oracle = new SequenceTrainer(model(), data, null, adam);
    oracle.runEpoch();
    oracle.updateSettings(patch);
    expect(oracle.settings).toMatchObject(patch);
    oracle.runEpoch();
    expect(Array.from(late.model.params)).toEqual(Array.from(oracle.model.params));
    expect(() => oracle.updateSettings({ eta: -1 })).toThrow(/learning rate eta must be a positive number, got -1/);
    expect(() => oracle.updateSettings({ clipNorm: 0 })).toThrow(/clipping norm must be a positive number or off/);
    expect(oracle.settings).toMatchObject(patch);
  });

  it('stops on divergence, keeps the last finite weights and says what to try', () => {
    const data = noisySine({ count: 40, length: 20 }, new Rng(1));
    for (const cell of ['lstm', 'rnn'] as const) {
      const model = regressionModel(cell, 1);
      const trainer = new SequenceTrainer(model, data, null, { ...adam, optimizer: { name: 'sgd' }, eta: 1e12, clipNorm: null });
      let result = trainer.step();
      for (let i = 0; i < 100 && !result.divergence; i++) result = trainer.step();
      expect(result.divergence, cell).toBeDefined();
      expect(trainer.state).toBe('diverged');
      expect(result.divergence!.hint).toMatch(/eta = 1000000000000 is probably too high: try 100000000000 or clip the gradient norm/);
      expect(model.params.every(Number.isFinite)).toBe(true);
      // Once diverged it stays stopped and changes nothing.
      const kept = model.params.slice();
      expect(trainer.step().divergence).toBe(result.divergence);
      expect(model.params).toEqual(kept);
    }
  });

  it('is deterministic for a seed, and shuffles differently for another', () => {
    const data = delayedRecall({ count: 60, delay: 3, symbols: 3 }, new Rng(1));
    const run = (seed: number): Float64Array => {
      const m = createSequenceModel({ cell: 'lstm', inputSize: 3, hiddenSize: 4, outputSize: 3, outputActivation: 'softmax', cost: 'logLikelihood' });
      initialiseSequenceModel(m, new Rng(1));
      train(new SequenceTrainer(m, data, null, { ...adam, seed }), 2);
      return m.params;
    };
    expect(run(4)).toEqual(run(4));
    expect(run(4)).not.toEqual(run(5));
  });

  it('adds the L2 term to the reported cost and shrinks the weights with it', () => {
    const data = addingProblem({ count: 50, length: 5 }, new Rng(2));
    const plain = regressionModel('rnn', 2);
    const decayed = regressionModel('rnn', 2);
    const m0 = train(new SequenceTrainer(plain, data, data, { ...adam, optimizer: { name: 'sgd' }, eta: 0.05 }), 3);
    const m1 = train(new SequenceTrainer(decayed, data, data, { ...adam, optimizer: { name: 'sgd' }, eta: 0.05, lambda: 5 }), 3);
    const sq = (m: SequenceModel): number => m.params.reduce((s, p, i) => s + (m.isWeight[i] ? p * p : 0), 0);
    expect(sq(decayed)).toBeLessThan(sq(plain));
    expect(m1[2].testCost! - m0[2].testCost!).toBeGreaterThan(0);
  });

  it('refuses settings and data that do not fit, with clear messages', () => {
    const data = addingProblem({ count: 5, length: 4 }, new Rng(1));
    const model = regressionModel('lstm', 2);
    expect(() => new SequenceTrainer(model, data, null, { ...adam, eta: 0 })).toThrow(/learning rate eta must be a positive number/);
    expect(() => new SequenceTrainer(model, data, null, { ...adam, batchSize: 0 })).toThrow(/mini-batch size/);
    expect(() => new SequenceTrainer(model, data, null, { ...adam, clipNorm: -1 })).toThrow(/clipping norm must be a positive number or off/);
    expect(() => new SequenceTrainer(regressionModel('lstm', 3), data, null, adam)).toThrow(/"adding" has 2 features per step, but the lstm layer takes 3/);
    expect(() => new SequenceTrainer(regressionModel('rnn', 2, 3, { outputSize: 2 }), data, null, adam)).toThrow(/targets of 1 values, but the model has 2 outputs/);
    expect(() => new SequenceTrainer(model, { ...data, x: new Float64Array(3) }, null, adam)).toThrow(InputError);
    expect(() => createSequenceModel({ cell: 'rnn', inputSize: 2, hiddenSize: 3, outputSize: 2, outputActivation: 'linear', cost: 'logLikelihood' })).toThrow(
      /log-likelihood cost needs softmax outputs/,
    );
    expect(() => createSequenceModel({ cell: 'rnn', inputSize: 0, hiddenSize: 3, outputSize: 2, outputActivation: 'linear', cost: 'quadratic' })).toThrow(
      /inputSize must be a whole number from 1/,
    );
  });
});
