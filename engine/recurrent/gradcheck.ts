/**
 * Gradient check for sequence models, as engine/gradcheck.ts does it for
 * plans: backpropagation through time against the five-point central
 * difference of the mean cost per target, parameter by parameter, with
 * relative error |a - n| / max(|a| + |n|, tiny).
 *
 * One step more than engine/gradcheck.ts: the stencil at h and at h/2 is
 * combined by Richardson extrapolation, (16 D(h/2) - D(h)) / 15, which cancels
 * its h^4 error term. A recurrent cost composes T steps, so its high
 * derivatives grow with T: at T = 15 with saturated units the plain stencil
 * at h = 1e-3 is off by 7e-5, while a smaller h lets rounding (about
 * 1e-16 C / h) spoil the smallest gradients instead.
 */
import type { SequenceDataset } from '../datasets/sequences';
import type { SequenceModel } from './model';
import { checkFits, SequenceRunner } from './runner';

export interface SequenceGradientCheckOptions {
  /** Step of the stencil (default 1e-3, as in engine/gradcheck.ts). */
  h?: number;
  /** Floor of the denominator (default 1e-7, as in engine/gradcheck.ts). */
  tiny?: number;
  /** Check only these parameter indices (default: all). */
  indices?: ArrayLike<number>;
  /** Changes the analytic gradient, so a test can plant an error. */
  perturbAnalytic?: (analytic: Float64Array) => void;
}

export interface SequenceGradientCheckResult {
  maxRelativeError: number;
  /** Index into model.params of the worst parameter. */
  worst: number;
  analytic: Float64Array;
  numeric: Float64Array;
}

export function relativeError(analytic: number, numeric: number, tiny = 1e-7): number {
  return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), tiny);
}

/** Mean cost per target over the whole dataset, at the model's current parameters. */
export function meanSequenceCost(model: SequenceModel, data: SequenceDataset, runner = new SequenceRunner(model)): number {
  let cost = 0;
  let targets = 0;
  for (let i = 0; i < data.count; i++) {
    const r = runner.run(data, i);
    cost += r.cost;
    targets += r.targets;
  }
  return cost / Math.max(targets, 1);
}

/** Gradient of meanSequenceCost by backpropagation through time. */
export function sequenceGradient(model: SequenceModel, data: SequenceDataset, runner = new SequenceRunner(model)): Float64Array {
  const nabla = new Float64Array(model.params.length);
  let targets = 0;
  for (let i = 0; i < data.count; i++) targets += runner.run(data, i, nabla).targets;
  for (let k = 0; k < nabla.length; k++) nabla[k] /= Math.max(targets, 1);
  return nabla;
}

export function sequenceGradientCheck(model: SequenceModel, data: SequenceDataset, options: SequenceGradientCheckOptions = {}): SequenceGradientCheckResult {
  checkFits(model, data);
  const h = options.h ?? 1e-3;
  const tiny = options.tiny ?? 1e-7;
  const runner = new SequenceRunner(model);
  const analytic = sequenceGradient(model, data, runner);
  options.perturbAnalytic?.(analytic);
  const { params } = model;
  const numeric = new Float64Array(params.length);
  const indices = options.indices ?? Array.from({ length: params.length }, (_, i) => i);
  let maxRelativeError = 0;
  let worst = -1;
  for (let t = 0; t < indices.length; t++) {
    const i = indices[t];
    const saved = params[i];
    const at = (step: number): number => {
      params[i] = saved + step;
      return meanSequenceCost(model, data, runner);
    };
    const stencil = (step: number): number => (8 * (at(step) - at(-step)) - (at(2 * step) - at(-2 * step))) / (12 * step);
    const coarse = stencil(h);
    const fine = stencil(h / 2);
    params[i] = saved;
    numeric[i] = (16 * fine - coarse) / 15;
    // A NaN must fail the check, not slip past every comparison.
    const err = relativeError(analytic[i], numeric[i], tiny);
    if (Number.isNaN(err)) {
      maxRelativeError = Infinity;
      worst = i;
      continue;
    }
    if (worst < 0 || err > maxRelativeError) {
      maxRelativeError = err;
      worst = i;
    }
  }
  return { maxRelativeError, worst, analytic, numeric };
}
