/**
 * Gradient check: backprop's dC/dtheta against central differences, per
 * parameter, with relative error |a - n| / max(|a| + |n|, tiny). Run in float64.
 *
 * The difference is the five-point central stencil
 *   (8 (C(t+h) - C(t-h)) - (C(t+2h) - C(t-2h))) / 12h,
 * whose truncation error is O(h^4) instead of O(h^2): with the plain
 * two-point form, truncation and the cost's own rounding (about 1e-16 C / h)
 * leave errors near 1e-6 on gradients of 1e-5, too close to the bar to tell a
 * bug from noise.
 */
import { backward } from './backward';
import type { Plan } from './compile';
import { forward } from './forward';
import { createWorkspace } from './workspace';

export interface GradientCheckResult {
  maxRelativeError: number;
  /** Index into plan.params of the worst parameter. */
  worst: number;
  analytic: Float64Array;
  numeric: Float64Array;
}

export interface GradientCheckOptions {
  /** Step of the stencil (default 1e-3). */
  h?: number;
  /** Floor of the denominator, below which a gradient counts as zero (default 1e-7: below it the cost's rounding, about 1e-14 here, is all that is left to compare). */
  tiny?: number;
  /** Check only these parameter indices (default: all). */
  indices?: ArrayLike<number>;
  /** Replaces the analytic gradient, so a test can plant an error. */
  perturbAnalytic?: (analytic: Float64Array) => void;
}

/** Mean cost over the examples at the plan's current parameters. */
export function meanCost(plan: Plan, x: ArrayLike<number>, y: ArrayLike<number>, count: number): number {
  const ws = createWorkspace(plan);
  const out = plan.output;
  if (!out) throw new Error('gradient check needs an Output binding');
  let s = 0;
  for (let i = 0; i < count; i++) {
    const a = forward(plan, ws, x, i * plan.inputSize);
    s += out.cost.value(a, y, out.size, i * out.size);
  }
  return s / count;
}

/** Mean backprop gradient over the examples. */
export function backpropGradient(plan: Plan, x: ArrayLike<number>, y: ArrayLike<number>, count: number): Float64Array {
  const ws = createWorkspace(plan);
  const outSize = plan.output?.size ?? 0;
  for (let i = 0; i < count; i++) {
    forward(plan, ws, x, i * plan.inputSize);
    backward(plan, ws, y, i * outSize);
  }
  const g = new Float64Array(plan.params.length);
  for (let i = 0; i < g.length; i++) g[i] = ws.nabla[i] / count;
  return g;
}

export function gradientCheck(
  plan: Plan,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  count: number,
  options: GradientCheckOptions = {},
): GradientCheckResult {
  if (plan.precision !== 'float64') throw new Error('gradient checks run in float64');
  const h = options.h ?? 1e-3;
  const tiny = options.tiny ?? 1e-7;
  const analytic = backpropGradient(plan, x, y, count);
  options.perturbAnalytic?.(analytic);
  const numeric = new Float64Array(plan.params.length);
  const indices = options.indices ?? Array.from({ length: plan.params.length }, (_, i) => i);
  let maxRelativeError = 0;
  let worst = -1;
  for (let t = 0; t < indices.length; t++) {
    const i = indices[t];
    const saved = plan.params[i];
    const at = (t: number): number => {
      plan.params[i] = saved + t;
      return meanCost(plan, x, y, count);
    };
    const near = at(h) - at(-h);
    const far = at(2 * h) - at(-2 * h);
    plan.params[i] = saved;
    numeric[i] = (8 * near - far) / (12 * h);
    const raw = Math.abs(analytic[i] - numeric[i]) / Math.max(Math.abs(analytic[i]) + Math.abs(numeric[i]), tiny);
    // A NaN compares false with everything: count it as the worst error there is.
    const err = Number.isNaN(raw) ? Infinity : raw;
    if (worst < 0 || err > maxRelativeError) {
      maxRelativeError = err;
      worst = i;
    }
  }
  return { maxRelativeError, worst, analytic, numeric };
}
