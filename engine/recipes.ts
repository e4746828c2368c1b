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

/**
 * Recurrent networks (chapter 5): bench/recurrent.ts's recipe, with which the
 * seed's LSTM cell learns delayed recall up to a delay of about 50 steps:
 * Adam with eta 0.01, mini-batches of 32 sequences, the gradient clipped to
 * norm 1, and the rem gate's bias b_r = 3 when the weights are drawn (rem
 * starts near sigma(3) = 0.95, so memory is kept from the first step). `init`
 * names a dense scheme and is not used: the recurrent layer draws its own.
 */
export const RECURRENT_HYPERPARAMETERS: Hyperparameters = {
  eta: 0.01,
  batchSize: 32,
  epochs: 30,
  lambda: 0,
  optimizer: 'adam',
  init: 'scaledNormal',
  shuffle: 'seeded',
  precision: 'float64',
  clipNorm: 1,
  remBias: 3,
};
