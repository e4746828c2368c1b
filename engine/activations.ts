/**
 * Activations as small records, forward beside derivative, looked up by the
 * name the document stores. `df` takes both z and a = f(z) because several
 * derivatives are cheapest in terms of a (sigmoid: a(1 - a)).
 * Softmax is not elementwise, so it is marked and handled per block.
 */
export const ACTIVATION_NAMES = ['perceptron', 'sigmoid', 'tanh', 'relu', 'linear', 'softmax'] as const;
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

export interface Activation {
  readonly name: ActivationName;
  readonly f: (z: number) => number;
  readonly df: (z: number, a: number) => number;
  /** False for the perceptron: its step has no useful derivative, so it cannot be trained. */
  readonly differentiable: boolean;
  /** True where the activation couples the units of a block (softmax). */
  readonly blockwise: boolean;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export const activations: Readonly<Record<ActivationName, Activation>> = {
  perceptron: {
    name: 'perceptron',
    // The book's perceptron outputs 1 when w.x + b > 0, else 0.
    f: (z) => (z > 0 ? 1 : 0),
    df: () => 0,
    differentiable: false,
    blockwise: false,
  },
  sigmoid: { name: 'sigmoid', f: sigmoid, df: (_z, a) => a * (1 - a), differentiable: true, blockwise: false },
  tanh: { name: 'tanh', f: Math.tanh, df: (_z, a) => 1 - a * a, differentiable: true, blockwise: false },
  relu: { name: 'relu', f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0), differentiable: true, blockwise: false },
  linear: { name: 'linear', f: (z) => z, df: () => 1, differentiable: true, blockwise: false },
  softmax: {
    name: 'softmax',
    // Per-unit forms are unused: softmaxForward/softmaxBackward handle the block.
    f: (z) => z,
    df: () => 1,
    differentiable: true,
    blockwise: true,
  },
};

export function isActivationName(name: string): name is ActivationName {
  return (ACTIVATION_NAMES as readonly string[]).includes(name);
}

type Vec = Float64Array | Float32Array;

/** a_j = e^{z_j} / sum_i e^{z_i}, shifted by max z so large inputs do not overflow. */
export function softmaxForward(z: Vec, a: Vec, offset: number, n: number): void {
  let max = -Infinity;
  for (let j = 0; j < n; j++) if (z[offset + j] > max) max = z[offset + j];
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const e = Math.exp(z[offset + j] - max);
    a[offset + j] = e;
    sum += e;
  }
  for (let j = 0; j < n; j++) a[offset + j] /= sum;
}

/**
 * delta_j = sum_i (da_i/dz_j) g_i with da_i/dz_j = a_i (1[i=j] - a_j),
 * i.e. delta_j = a_j (g_j - sum_i a_i g_i), where g = dC/da.
 */
export function softmaxBackward(a: Vec, g: Vec, delta: Vec, offset: number, n: number): void {
  let dot = 0;
  for (let i = 0; i < n; i++) dot += a[offset + i] * g[offset + i];
  for (let j = 0; j < n; j++) delta[offset + j] = a[offset + j] * (g[offset + j] - dot);
}
