/**
 * Gradient check: backprop's dC/dtheta against central differences
 * (C(theta + h) - C(theta - h)) / 2h, per parameter, with relative error
 * |a - n| / max(|a| + |n|, tiny). Run in float64.
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
  h?: number;
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
  const h = options.h ?? 1e-5;
  const tiny = options.tiny ?? 1e-12;
  const analytic = backpropGradient(plan, x, y, count);
  options.perturbAnalytic?.(analytic);
  const numeric = new Float64Array(plan.params.length);
  const indices = options.indices ?? Array.from({ length: plan.params.length }, (_, i) => i);
  let maxRelativeError = 0;
  let worst = -1;
  for (let t = 0; t < indices.length; t++) {
    const i = indices[t];
    const saved = plan.params[i];
    plan.params[i] = saved + h;
    const plus = meanCost(plan, x, y, count);
    plan.params[i] = saved - h;
    const minus = meanCost(plan, x, y, count);
    plan.params[i] = saved;
    numeric[i] = (plus - minus) / (2 * h);
    const err = Math.abs(analytic[i] - numeric[i]) / Math.max(Math.abs(analytic[i]) + Math.abs(numeric[i]), tiny);
    if (err > maxRelativeError || worst < 0) {
      maxRelativeError = Math.max(err, maxRelativeError);
      if (err >= maxRelativeError) worst = i;
    }
  }
  return { maxRelativeError, worst, analytic, numeric };
}
