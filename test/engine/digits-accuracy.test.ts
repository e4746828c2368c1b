/**
 * The short version of the accuracy bars on the real digits (the 30-epoch,
 * 3-seed runs are in `npm run bench`): a few epochs of each of the book's
 * recipes on the 8,000/2,000 split must already be well on the way.
 */
import { describe, expect, it } from 'vitest';
import { bookTrainer } from '../../bench/accuracy';
import { loadDigits } from '../../node/digits';

const { train, test } = loadDigits({ seed: 0 });

function run(recipe: 'network2' | 'network', epochs: number, seed: number): number[] {
  const trainer = bookTrainer(recipe, seed, train, test);
  const accuracy: number[] = [];
  for (let e = 0; e < epochs; e++) accuracy.push(trainer.runEpoch().epoch?.testAccuracy ?? NaN);
  return accuracy;
}

describe('784-30-10 on the 8,000/2,000 real digits', () => {
  it('uses the 8,000 / 2,000 split', () => {
    expect(train.count).toBe(8000);
    expect(test.count).toBe(2000);
  });

  it("network2.py's recipe passes 0.88 test accuracy within 2 epochs", () => {
    const acc = run('network2', 2, 1);
    expect(Math.max(...acc)).toBeGreaterThanOrEqual(0.88);
  });

  it("network.py's recipe passes 0.80 within 2 epochs", () => {
    const acc = run('network', 2, 1);
    expect(Math.max(...acc)).toBeGreaterThanOrEqual(0.8);
  });
});
