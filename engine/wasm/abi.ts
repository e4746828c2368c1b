/**
 * The contract between the generated WebAssembly kernel and its TypeScript
 * host: where the header and the per-layer descriptors live in linear memory,
 * and the codes for activations, costs and output modes. The WAT generator and
 * the host both import these numbers, so they cannot drift apart.
 */
import type { Precision } from '../compile';

/** Header fields (i32 unless noted), at byte 0. */
export const HEADER = {
  layers: 0,
  cost: 4,
  outputMode: 8,
  /** Pointer to an i32 array of target-row pointers, one per example of the batch. */
  yRows: 12,
  /** Pointer to one f64 per layer: mean_j |mean-over-batch dC/db_j| of the last batch. */
  speed: 16,
} as const;

export const DESCRIPTOR_BASE = 64;
export const DESCRIPTOR_SIZE = 64;

/** Fields of the descriptor of dense layer l (1-based), at DESCRIPTOR_BASE + (l - 1) * DESCRIPTOR_SIZE. */
export const DESCRIPTOR = {
  nIn: 0,
  /** Inputs padded to a whole number of vector steps (bytes = pIn * element size). */
  pIn: 4,
  nOut: 8,
  pOut: 12,
  activation: 16,
  /** Weights (nOut rows of pIn) and biases (pOut) in parameter buffers 0 and 1. */
  weights0: 20,
  weights1: 24,
  biases0: 28,
  biases1: 32,
  /** All-ones lanes where a weight (bias) is frozen, laid out like the weights (biases); 0 when none is. */
  frozenWeights: 36,
  frozenBiases: 40,
  /** Pointer to the i32 array of input-row pointers (the previous layer's activation rows, or x rows). */
  inRows: 44,
  /** Pointer to the i32 array of this layer's activation rows. */
  aRows: 48,
  /** Pointer to the i32 array of this layer's gradient rows (dC/da, then delta in place). */
  gRows: 52,
  /** Pointer to the previous layer's gradient rows (0 for the first layer: inputs get no delta). */
  inGRows: 56,
  /** Pointer to a v128 with all-ones in the lanes of the last vector step that hold real units. */
  lastMask: 60,
} as const;

export const ACTIVATION_CODES = { sigmoid: 0, tanh: 1, relu: 2, linear: 3, softmax: 4 } as const;
export type KernelActivation = keyof typeof ACTIVATION_CODES;

export const COST_CODES = { quadratic: 0, crossEntropy: 1, logLikelihood: 2 } as const;
export type KernelCost = keyof typeof COST_CODES;

/** delta^L = a - y (the closed forms), or dC/da through the activation's derivative. */
export const OUTPUT_MODES = { closedForm: 0, general: 1 } as const;

/** Operations of the exported `math` entry, used by tests to check exp, log, sigmoid and tanh. */
export const MATH_OPS = { exp: 0, log: 1, sigmoid: 2, tanh: 3, costLog: 4 } as const;

/**
 * Unit counts are padded to a multiple of this many elements, so every row
 * is a whole number of unrolled vector steps and stays 16-byte aligned.
 */
export function padUnit(precision: Precision): number {
  return precision === 'float32' ? 8 : 4;
}

export function elementSize(precision: Precision): 4 | 8 {
  return precision === 'float32' ? 4 : 8;
}

export function padded(n: number, precision: Precision): number {
  const u = padUnit(precision);
  return Math.ceil(n / u) * u;
}
