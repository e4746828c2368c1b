/**
 * Accuracy bars on the real digits (784-30-10, 8,000 train / 2,000 test,
 * mini-batch 10, 30 epochs, 3 seeds):
 *   network2.py's recipe (cross-entropy, N(0, 1/sqrt(n_in)), eta 0.5, lambda 5.0): median >= 0.92
 *   network.py's recipe (quadratic, N(0, 1), eta 3.0): >= 0.90 for at least 2 of 3 seeds
 * Run with `npx tsx bench/accuracy.ts [--epochs N] [--precision float32|float64] [--json]`.
 */
import { initialiseDocument, layeredNetwork } from '../engine/build';
import { compile, type Precision } from '../engine/compile';
import type { KernelFactory } from '../engine/kernel';
import type { Dataset } from '../engine/datasets/dataset';
import { BOOK_RECIPES, type BookRecipeName } from '../engine/recipes';
import { Trainer } from '../engine/train';
import { loadDigits } from '../node/digits';

export interface AccuracyOptions {
  epochs: number;
  seeds: number[];
  precision: Precision;
  kernels: KernelFactory[];
}

export interface RecipeResult {
  recipe: 'network2' | 'network';
  /** Final test accuracy per seed. */
  finalAccuracy: number[];
  bestAccuracy: number[];
  median: number;
  secondsPerEpoch: number;
  passed: boolean;
  bar: string;
}

/** 784-30-10 initialised and set up for one of the book's recipes. */
export function bookTrainer(recipe: BookRecipeName, seed: number, train: Dataset, test: Dataset, precision: Precision = 'float64', kernels: KernelFactory[] = []): Trainer {
  const { cost, hyperparameters: hp } = BOOK_RECIPES[recipe];
  const doc = initialiseDocument(layeredNetwork([784, 30, 10], { cost, image: { width: 28, height: 28 } }), hp.init, seed);
  return new Trainer(compile(doc, precision), train, test, {
    eta: hp.eta,
    lambda: hp.lambda,
    batchSize: hp.batchSize,
    optimizer: { name: hp.optimizer },
    shuffle: hp.shuffle,
    seed,
  }, { kernels });
}

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function runAccuracyBench(options: AccuracyOptions, log: (line: string) => void): RecipeResult[] {
  const { train, test } = loadDigits({ seed: 0 });
  const results: RecipeResult[] = [];
  for (const recipe of ['network2', 'network'] as const) {
    const finalAccuracy: number[] = [];
    const bestAccuracy: number[] = [];
    let seconds = 0;
    for (const seed of options.seeds) {
      const trainer = bookTrainer(recipe, seed, train, test, options.precision, options.kernels);
      let last = 0;
      let best = 0;
      for (let e = 0; e < options.epochs; e++) {
        const m = trainer.runEpoch().epoch;
        if (!m) throw new Error(`${recipe} seed ${seed} diverged`);
        last = m.testAccuracy ?? 0;
        best = Math.max(best, last);
        seconds += m.elapsedMs / 1000;
      }
      finalAccuracy.push(last);
      bestAccuracy.push(best);
      log(`  ${recipe} seed ${seed}: accuracy after ${options.epochs} epochs ${last.toFixed(4)} (best ${best.toFixed(4)}), kernel ${trainer.kernel.name}`);
    }
    const med = median(finalAccuracy);
    const passed = recipe === 'network2' ? med >= 0.92 : finalAccuracy.filter((a) => a >= 0.9).length >= 2;
    const bar = recipe === 'network2' ? 'median >= 0.92' : '>= 0.90 for 2 of 3 seeds';
    results.push({ recipe, finalAccuracy, bestAccuracy, median: med, secondsPerEpoch: seconds / (options.epochs * options.seeds.length), passed, bar });
    log(`${recipe}.py recipe: median ${med.toFixed(4)} [${finalAccuracy.map((a) => a.toFixed(4)).join(', ')}], bar ${bar}: ${passed ? 'PASS' : 'FAIL'}`);
  }
  return results;
}
