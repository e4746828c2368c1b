import { describe, expect, it } from 'vitest';
import { delayedRecall } from '../../../engine/datasets/sequences';
import { createSequenceModel, initialiseSequenceModel, type SequenceModel } from '../../../engine/recurrent/model';
import { SequenceRunner } from '../../../engine/recurrent/runner';
import { gradientAtFirstStep } from '../../../engine/recurrent/vanishing';
import { Rng } from '../../../engine/rng';

function recallModel(cell: 'lstm' | 'rnn', remBias = 0, symbols = 8, hiddenSize = 16): SequenceModel {
  const m = createSequenceModel({ cell, inputSize: symbols, hiddenSize, outputSize: symbols, outputActivation: 'softmax', cost: 'logLikelihood' });
  initialiseSequenceModel(m, new Rng(1), { remBias });
  return m;
}

describe('the gradient that reaches the first step, against the delay k', () => {
  const ks = [1, 5, 10, 20, 40, 80];

  it('vanishes geometrically for the plain layer and stays near 1 for an LSTM whose rem gate starts near 1', () => {
    const rnn = gradientAtFirstStep(recallModel('rnn'), ks);
    const lstm = gradientAtFirstStep(recallModel('lstm', 3), ks);
    expect(rnn.map((g) => g.k)).toEqual(ks);
    // Plain layer: every doubling of k past 5 costs more than a factor 2, and k = 80 is below 1e-5 of k = 1.
    for (let i = 2; i < ks.length; i++) expect(rnn[i].norm).toBeLessThan(rnn[i - 1].norm / 2);
    expect(rnn[5].norm / rnn[0].norm).toBeLessThan(1e-5);
    // LSTM with b_r = 3 (rem about 0.95): still within a factor 10 of k = 1 at k = 80.
    expect(lstm[5].norm / lstm[0].norm).toBeGreaterThan(0.1);
    expect(lstm[5].norm).toBeGreaterThan(1e4 * rnn[5].norm);
    for (const g of [...rnn, ...lstm]) expect(g.meanLog).toBeLessThanOrEqual(Math.log(g.norm) + 1e-12);
  });

  it('follows the rem gate: the LSTM gradient decays faster with b_r = 0 than with b_r = 1 or 3', () => {
    const at = (b: number): number => gradientAtFirstStep(recallModel('lstm', b), [40])[0].norm;
    expect(at(0)).toBeLessThan(at(1) / 100);
    expect(at(1)).toBeLessThan(at(3) / 10);
  });

  it('is a pure function of the model: the weights are not changed and a second call agrees', () => {
    const m = recallModel('lstm', 1);
    const before = m.params.slice();
    const a = gradientAtFirstStep(m, [3, 7], { samples: 5, seed: 2 });
    expect(m.params).toEqual(before);
    expect(gradientAtFirstStep(m, [3, 7], { samples: 5, seed: 2 })).toEqual(a);
  });

  it('is the mean of ||dC/dx_1|| that the runner backpropagates, sequence by sequence', () => {
    const m = recallModel('rnn', 0, 3, 4);
    const [point] = gradientAtFirstStep(m, [6], { samples: 4, seed: 9 });
    const data = delayedRecall({ count: 4, delay: 6, symbols: 3 }, new Rng(9));
    const runner = new SequenceRunner(m);
    const dx = new Float64Array(7 * 3);
    let sum = 0;
    for (let i = 0; i < 4; i++) {
      runner.run(data, i, null, dx);
      sum += Math.hypot(dx[0], dx[1], dx[2]);
    }
    expect(point.norm).toBeCloseTo(sum / 4, 15);
  });

  it('refuses a model that does not read and name symbols', () => {
    const m = createSequenceModel({ cell: 'rnn', inputSize: 1, hiddenSize: 3, outputSize: 1, outputActivation: 'linear', cost: 'quadratic' });
    expect(() => gradientAtFirstStep(m, [2])).toThrow(/needs one-hot symbols in and softmax out/);
    expect(() => gradientAtFirstStep(recallModel('rnn'), [2], { samples: 0 })).toThrow(/samples must be a whole number/);
  });
});
