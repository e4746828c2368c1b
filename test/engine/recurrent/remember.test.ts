/**
 * The short version of bench/recurrent.ts ("LSTMs remember"): one delay, one
 * seed, a small budget. The bench runs every delay over 3 seeds; at k = 40 it
 * finds the plain layer below 50% for all three seeds and the LSTM at >= 95%
 * for all three. Seed 2 is the one the LSTM learns fastest, which keeps this
 * test to a few seconds.
 */
import { describe, expect, it } from 'vitest';
import { delayedRecallRun, type RecallRunOptions } from '../../../engine/recurrent/recall';

describe('LSTMs remember (delayed recall, k = 40, the same budget for both layers)', () => {
  const budget: Omit<RecallRunOptions, 'cell'> = { delay: 40, seed: 2, hiddenSize: 16, trainCount: 1000, testCount: 200, epochs: 12, remBias: 3, stopAt: 0.95 };

  it('the LSTM reaches 95% and the plain tanh layer of the same size stays near chance (1/8)', () => {
    const lstm = delayedRecallRun({ ...budget, cell: 'lstm' });
    const rnn = delayedRecallRun({ ...budget, cell: 'rnn' });
    expect(lstm.accuracy, `LSTM accuracy by epoch: ${lstm.history.join(' ')}`).toBeGreaterThanOrEqual(0.95);
    expect(rnn.accuracy, `plain layer accuracy by epoch: ${rnn.history.join(' ')}`).toBeLessThan(0.3);
    expect(rnn.epochs).toBe(12);
    expect(rnn.diverged).toBe(false);
  });
});
