/**
 * Sampled functions for regression: the seed's f(x) of chapter 4 (universality)
 * and a few others of one and two variables. Sampling takes an explicit Rng.
 */
import type { Dataset } from './dataset';
import { InputError } from '../errors';
import type { Rng } from '../rng';

/** Nielsen, chapter 4: the function the universality construction approximates. */
export function f1d(x: number): number {
  return 0.2 + 0.4 * x * x + 0.3 * x * Math.sin(15 * x) + 0.05 * Math.cos(50 * x);
}

/** A closed box [lo, hi] per input. */
export type Domain = [lo: number, hi: number][];

export interface SampleOptions {
  /** 'random' (default): uniform with the Rng; 'grid': evenly spaced, ends included. */
  sampling?: 'random' | 'grid';
  /** Standard deviation of Gaussian noise added to each target (default 0). */
  noise?: number;
}

export interface FunctionSpec {
  name: string;
  label: string;
  description: string;
  domain: Domain;
  /** The exact function, for plotting it beside a network's output. */
  f: (...x: number[]) => number;
  /**
   * `count` samples. With 'grid' sampling in two variables the grid is
   * side x side with side = round(sqrt(count)), so `count` is rounded.
   */
  sample: (count: number, rng: Rng, options?: SampleOptions) => Dataset;
}

/** The seed's tower (Nielsen ch. 4; seed Figure 4.7): 1 on (1, 2) x (-2, 0), 0 elsewhere. */
export function tower2d(x: number, y: number): number {
  return x > 1 && x < 2 && y > -2 && y < 0 ? 1 : 0;
}

function spec1d(name: string, label: string, description: string, f: (x: number) => number, domain: [number, number] = [0, 1]): FunctionSpec {
  return {
    name,
    label,
    description,
    domain: [domain],
    f: (x: number) => f(x),
    sample: (count, rng, options = {}) => sample(name, [domain], (p) => f(p[0]), count, rng, options),
  };
}

function spec2d(
  name: string,
  label: string,
  description: string,
  f: (x: number, y: number) => number,
  domain: Domain = [[0, 1], [0, 1]],
): FunctionSpec {
  return {
    name,
    label,
    description,
    domain,
    f: (x: number, y: number) => f(x, y),
    sample: (count, rng, options = {}) => sample(name, domain, (p) => f(p[0], p[1]), count, rng, options),
  };
}

export const FUNCTIONS: readonly FunctionSpec[] = [
  spec1d('f1d', 'Nielsen f(x)', 'f(x) = 0.2 + 0.4x² + 0.3x sin(15x) + 0.05 cos(50x) on [0, 1], the function of chapter 4', f1d),
  spec1d('f1d-sin', 'Sine', 'f(x) = 0.5 + 0.4 sin(2πx) on [0, 1]: one full period', (x) => 0.5 + 0.4 * Math.sin(2 * Math.PI * x)),
  spec1d('f1d-step', 'Step', 'f(x) = 0.2 for x < 0.5, else 0.8, on [0, 1]: what one steep sigmoid neuron makes', (x) => (x < 0.5 ? 0.2 : 0.8)),
  spec1d('f1d-abs', 'Absolute value', 'f(x) = |x - 0.5| on [0, 1]: a kink in the middle', (x) => Math.abs(x - 0.5)),
  spec1d('f1d-bump', 'Gaussian bump', 'f(x) = exp(-(x - 0.5)² / 0.02) on [0, 1]: a bump of width 0.1', (x) => Math.exp(-((x - 0.5) ** 2) / 0.02)),
  spec2d(
    'f2d-tower',
    'Tower',
    'f(x, y) = 1 on the rectangle (1, 2) x (-2, 0), else 0, on [0, 3] x [-3, 1]: the tower function of chapter 4',
    tower2d,
    [[0, 3], [-3, 1]],
  ),
  spec2d('f2d-bump', 'Gaussian bump (2-D)', 'f(x, y) = exp(-((x - 0.5)² + (y - 0.5)²) / 0.05) on [0, 1]²', (x, y) =>
    Math.exp(-((x - 0.5) ** 2 + (y - 0.5) ** 2) / 0.05),
  ),
  spec2d('f2d-saddle', 'Saddle', 'f(x, y) = 0.5 + x² - y² on [-0.5, 0.5]²', (x, y) => 0.5 + x * x - y * y, [[-0.5, 0.5], [-0.5, 0.5]]),
  spec2d('f2d-sincos', 'sin(x) cos(y)', 'f(x, y) = 0.5 + 0.4 sin(2πx) cos(2πy) on [0, 1]²', (x, y) =>
    0.5 + 0.4 * Math.sin(2 * Math.PI * x) * Math.cos(2 * Math.PI * y),
  ),
];

export function functionSpec(name: string): FunctionSpec | undefined {
  return FUNCTIONS.find((s) => s.name === name);
}

function sample(
  name: string,
  domain: Domain,
  f: (p: Float64Array) => number,
  count: number,
  rng: Rng,
  options: SampleOptions,
): Dataset {
  if (!(Number.isInteger(count) && count >= 1)) throw new InputError(`${name}: the number of samples must be a whole number >= 1, got ${count}`);
  const noise = options.noise ?? 0;
  if (!(Number.isFinite(noise) && noise >= 0)) throw new InputError(`${name}: noise must be a number >= 0, got ${noise}`);
  const d = domain.length;
  const grid = options.sampling === 'grid';
  const side = d === 1 ? count : Math.max(1, Math.round(count ** (1 / d)));
  const n = grid ? side ** d : count;
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  const p = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    let rest = i;
    for (let k = d - 1; k >= 0; k--) {
      const [lo, hi] = domain[k];
      if (grid) {
        const j = rest % side;
        rest = Math.floor(rest / side);
        p[k] = side === 1 ? (lo + hi) / 2 : lo + ((hi - lo) * j) / (side - 1);
      } else {
        p[k] = rng.uniform(lo, hi);
      }
    }
    x.set(p, i * d);
    y[i] = f(p) + (noise > 0 ? noise * rng.normal() : 0);
  }
  return { name, task: 'regression', inputSize: d, outputSize: 1, count: n, x, y };
}
