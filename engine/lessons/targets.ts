/**
 * Target functions the approximation lessons draw and fit: the dataset
 * registry's own functions, so the lesson and the dataset can never disagree.
 */
import { f1d, functionSpec } from '../datasets/functions';

export { f1d };

/** Name of the 2-D target of the many-towers lesson in the dataset registry. */
export const TOWER_TARGET = 'f2d-sincos';

/** The many-towers target: 0.5 + 0.4 sin(2πx) cos(2πy) on [0, 1]^2. */
export function f2d(x: number, y: number): number {
  const spec = functionSpec(TOWER_TARGET);
  if (!spec) throw new Error(`the dataset registry has no function "${TOWER_TARGET}"`);
  return spec.f(x, y);
}

/**
 * Mean of f over [lo, hi] by the midpoint rule with `samples` points:
 * the output weight f[s_i, s_{i+1}] of the seed's figure 4.4.
 */
export function meanOver(f: (x: number) => number, lo: number, hi: number, samples = 64): number {
  let s = 0;
  for (let i = 0; i < samples; i++) s += f(lo + ((i + 0.5) * (hi - lo)) / samples);
  return s / samples;
}
