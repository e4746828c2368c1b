/**
 * Costs for one example: value C(a, y) and gradient dC/da.
 * Quadratic is the seed's 1/2 ||y - a||^2; cross-entropy its section 3.1;
 * log-likelihood (section 3.2) is -ln a_y, written as -sum_j y_j ln a_j so a
 * one-hot y picks out the right unit.
 */
export const COST_NAMES = ['quadratic', 'crossEntropy', 'logLikelihood'] as const;
export type CostName = (typeof COST_NAMES)[number];

type Vec = Float64Array | Float32Array;

export interface Cost {
  readonly name: CostName;
  readonly label: string;
  value(a: Vec, y: ArrayLike<number>, n: number, yOffset?: number): number;
  /** Writes dC/da into g[0..n). */
  gradient(a: Vec, y: ArrayLike<number>, g: Vec, n: number, yOffset?: number): void;
}

// ln(0) would give -Inf; the book's network2.py maps it with nan_to_num. We
// clamp a into [1e-300, 1 - 1e-16] for the value only: gradients are exact.
const TINY = 1e-300;

export const costs: Readonly<Record<CostName, Cost>> = {
  quadratic: {
    name: 'quadratic',
    label: 'Quadratic',
    value(a, y, n, yo = 0) {
      let s = 0;
      for (let j = 0; j < n; j++) {
        const d = a[j] - y[yo + j];
        s += d * d;
      }
      return 0.5 * s;
    },
    gradient(a, y, g, n, yo = 0) {
      for (let j = 0; j < n; j++) g[j] = a[j] - y[yo + j];
    },
  },
  crossEntropy: {
    name: 'crossEntropy',
    label: 'Cross-entropy',
    value(a, y, n, yo = 0) {
      let s = 0;
      for (let j = 0; j < n; j++) {
        const yj = y[yo + j];
        const aj = a[j];
        if (yj !== 0) s -= yj * Math.log(Math.max(aj, TINY));
        if (yj !== 1) s -= (1 - yj) * Math.log(Math.max(1 - aj, TINY));
      }
      return s;
    },
    gradient(a, y, g, n, yo = 0) {
      for (let j = 0; j < n; j++) {
        const aj = a[j];
        g[j] = (aj - y[yo + j]) / (aj * (1 - aj));
      }
    },
  },
  logLikelihood: {
    name: 'logLikelihood',
    label: 'Log-likelihood',
    value(a, y, n, yo = 0) {
      let s = 0;
      for (let j = 0; j < n; j++) {
        const yj = y[yo + j];
        if (yj !== 0) s -= yj * Math.log(Math.max(a[j], TINY));
      }
      return s;
    },
    gradient(a, y, g, n, yo = 0) {
      for (let j = 0; j < n; j++) g[j] = -y[yo + j] / a[j];
    },
  },
};

export function isCostName(name: string): name is CostName {
  return (COST_NAMES as readonly string[]).includes(name);
}
