import { describe, expect, it } from 'vitest';
import type { CostName } from '../../../engine/costs';
import { delayedRecall, noisySine, type SequenceDataset } from '../../../engine/datasets/sequences';
import { sequenceGradientCheck } from '../../../engine/recurrent/gradcheck';
import type { CellKind, OutputActivation } from '../../../engine/recurrent/layout';
import { createSequenceModel, initialiseSequenceModel, type SequenceModel } from '../../../engine/recurrent/model';
import { Rng } from '../../../engine/rng';

/** Initial weights plus a seeded jolt, so no bias sits at 0 and no gate at one half. */
function randomModel(cell: CellKind, p: number, d: number, o: number, outputActivation: OutputActivation, cost: CostName, seed: number): SequenceModel {
  const m = createSequenceModel({ cell, inputSize: p, hiddenSize: d, outputSize: o, outputActivation, cost });
  const rng = new Rng(seed);
  initialiseSequenceModel(m, rng, { remBias: 1 });
  for (let i = 0; i < m.params.length; i++) m.params[i] += 0.5 * rng.normal();
  return m;
}

/** Sequences of length T with Gaussian inputs and a target at every step, some masked out. */
function everyStep(T: number, p: number, o: number, count: number, seed: number, classes: boolean): SequenceDataset {
  const rng = new Rng(seed);
  const steps = T * count;
  const y = new Float64Array(steps * o);
  const mask = new Uint8Array(steps);
  for (let s = 0; s < steps; s++) {
    mask[s] = s % count === 0 || rng.float() < 0.7 ? 1 : 0;
    if (classes) y[s * o + rng.int(o)] = 1;
    else for (let j = 0; j < o; j++) y[s * o + j] = rng.float();
  }
  return {
    name: 'random',
    task: classes ? 'classification' : 'regression',
    inputSize: p,
    outputSize: o,
    count,
    offsets: Uint32Array.from({ length: count + 1 }, (_, i) => i * T),
    x: Float64Array.from({ length: steps * p }, () => rng.normal()),
    targets: 'every',
    y,
    mask,
  };
}

describe('backpropagation through time against central differences (float64)', () => {
  for (const cell of ['lstm', 'rnn'] as const) {
    it(`${cell}, sequence-to-one, log-likelihood over softmax: every length from 1 to 20, max relative error <= 1e-6`, () => {
      let worst = 0;
      let checked = 0;
      for (let T = 1; T <= 20; T++) {
        const data = delayedRecall({ count: 2, delay: Math.max(1, T - 1), symbols: 3, length: Math.max(T, 2) }, new Rng(T));
        const sliced = T === 1 ? { ...data, offsets: Uint32Array.from([0, 1, 2]), x: data.x.slice(0, 2 * 3) } : data;
        const m = randomModel(cell, 3, 3, 3, 'softmax', 'logLikelihood', 100 + T);
        const r = sequenceGradientCheck(m, sliced);
        worst = Math.max(worst, r.maxRelativeError);
        checked += m.params.length;
      }
      expect(checked).toBeGreaterThan(cell === 'lstm' ? 1000 : 400);
      expect(worst).toBeLessThanOrEqual(1e-6);
    });

    it(`${cell}, sequence-to-sequence with a mask: quadratic/linear, cross-entropy/sigmoid, log-likelihood/softmax, lengths 1 to 20`, () => {
      const cases: [OutputActivation, CostName, boolean][] = [
        ['linear', 'quadratic', false],
        ['tanh', 'quadratic', false],
        ['sigmoid', 'crossEntropy', false],
        ['softmax', 'logLikelihood', true],
      ];
      let worst = 0;
      for (let T = 1; T <= 20; T++) {
        const [activation, cost, classes] = cases[T % cases.length];
        const data = everyStep(T, 2, 2, 2, T, classes);
        const m = randomModel(cell, 2, 3, 2, activation, cost, 200 + T);
        worst = Math.max(worst, sequenceGradientCheck(m, data).maxRelativeError);
      }
      expect(worst).toBeLessThanOrEqual(1e-6);
    });

    it(`${cell}: sequences of different lengths in one set (the noisy sine cut short)`, () => {
      const sine = noisySine({ count: 1, length: 9 }, new Rng(4));
      const ragged: SequenceDataset = { ...sine, count: 3, offsets: Uint32Array.from([0, 2, 3, 9]) };
      const m = randomModel(cell, 1, 4, 1, 'linear', 'quadratic', 9);
      expect(sequenceGradientCheck(m, ragged).maxRelativeError).toBeLessThanOrEqual(1e-6);
    });

    it(`${cell}: fails when one gradient entry is planted 1% off, or NaN`, () => {
      const data = delayedRecall({ count: 2, delay: 6, symbols: 3 }, new Rng(3));
      const m = randomModel(cell, 3, 3, 3, 'softmax', 'logLikelihood', 77);
      const clean = sequenceGradientCheck(m, data);
      expect(clean.maxRelativeError).toBeLessThanOrEqual(1e-6);
      // Plant the error in the recurrent weights, the part only BPTT computes: U (or U_r) of unit 1.
      let target = -1;
      const u = m.blocks.find((b) => b.name === (cell === 'lstm' ? 'U_s' : 'U'));
      if (!u) throw new Error('no recurrent block');
      for (let i = u.offset; i < u.offset + u.rows * u.cols; i++) if (Math.abs(clean.analytic[i]) > 1e-4) target = i;
      expect(target).toBeGreaterThanOrEqual(0);
      const planted = sequenceGradientCheck(m, data, { perturbAnalytic: (g) => void (g[target] *= 1.01) });
      expect(planted.maxRelativeError).toBeGreaterThan(1e-3);
      expect(planted.worst).toBe(target);
      const nan = sequenceGradientCheck(m, data, { perturbAnalytic: (g) => void (g[target] = NaN) });
      expect(nan.maxRelativeError).toBe(Infinity);
    });
  }
});
