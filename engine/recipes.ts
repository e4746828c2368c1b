/**
 * The book's two training recipes for 784-30-10 on the digits, the defaults
 * a new project, the digits lesson, the CLI and the benchmarks share.
 */
import type { CostName } from './costs';
import type { Hyperparameters } from './project';

export type BookRecipeName = 'network2' | 'network';

export interface BookRecipe {
  name: BookRecipeName;
  /** The program the recipe comes from, for labels. */
  program: 'network2.py' | 'network.py';
  cost: CostName;
  hyperparameters: Hyperparameters;
}

export const BOOK_RECIPES: Readonly<Record<BookRecipeName, BookRecipe>> = {
  // Cross-entropy, N(0, 1/sqrt(n_in)) weights, L2: chapter 3's improved network.
  network2: {
    name: 'network2',
    program: 'network2.py',
    cost: 'crossEntropy',
    hyperparameters: { eta: 0.5, batchSize: 10, epochs: 30, lambda: 5, optimizer: 'sgd', init: 'scaledNormal', shuffle: 'seeded', precision: 'float64' },
  },
  // Quadratic cost, N(0, 1) weights: chapter 1's network.
  network: {
    name: 'network',
    program: 'network.py',
    cost: 'quadratic',
    hyperparameters: { eta: 3.0, batchSize: 10, epochs: 30, lambda: 0, optimizer: 'sgd', init: 'normal', shuffle: 'seeded', precision: 'float64' },
  },
};
