/**
 * The JSON that the book's network2.py `Network.save` writes:
 *   sizes    [n_0, n_1, ..., n_L]
 *   weights  weights[l] is the matrix from layer l to layer l+1: n_{l+1} rows of n_l entries
 *   biases   biases[l] is a column vector: n_{l+1} one-element lists
 *   cost     the Python class name of the cost
 * Every neuron is a sigmoid; there is nothing else to say.
 */
import type { CostName } from '../costs';

export interface Network2Json {
  sizes: number[];
  weights: number[][][];
  biases: number[][][];
  cost: Network2CostName;
}

export const NETWORK2_COSTS = {
  QuadraticCost: 'quadratic',
  CrossEntropyCost: 'crossEntropy',
} as const satisfies Record<string, CostName>;

export type Network2CostName = keyof typeof NETWORK2_COSTS;

export const NETWORK2_COST_NAMES = Object.keys(NETWORK2_COSTS) as Network2CostName[];

/** network2.py's class name for an engine cost, or null when it has none. */
export function network2CostName(cost: CostName): Network2CostName | null {
  for (const name of NETWORK2_COST_NAMES) if (NETWORK2_COSTS[name] === cost) return name;
  return null;
}

/**
 * Caps checked on the declared sizes before anything is allocated: a file
 * saying sizes [1e6, 1e6] must not make us build a 10^12-entry matrix.
 */
export const MAX_NETWORK2_PARAMETERS = 50_000_000;
export const MAX_NETWORK2_LAYERS = 1000;
