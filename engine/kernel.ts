/**
 * A BatchKernel does the inner work of training: forward, backward and the
 * update for one mini-batch, and evaluation over a dataset. The Trainer owns
 * the schedule (epochs, shuffling, pausing, metrics); kernels own the speed.
 * The JS kernel here runs any plan; faster kernels (WebAssembly) may take
 * plans of a shape they support and must give the same numbers.
 */
import type { Plan } from './compile';
import type { Dataset } from './datasets/dataset';
import type { OptimizerSettings, UpdateSettings } from './optimizers';

export interface Evaluation {
  /** Sum over examples of the cost (without the L2 term). */
  costSum: number;
  /** Examples classified correctly (classification), else 0. */
  correct: number;
  /** Sum over examples and output units of |a - y|. */
  absDeviationSum: number;
  count: number;
}

export interface BatchKernel {
  /** Names the implementation in reports, e.g. "js-float64". */
  readonly name: string;
  /**
   * Trains on train examples order[start .. start+m). Returns the sum of their
   * costs. A non-finite result means the step diverged; the kernel then leaves
   * its parameters as they were before this batch.
   */
  trainBatch(order: Uint32Array, start: number, m: number, hp: UpdateSettings): number;
  /** Adds, per block, mean_j |dC/db_j| of the last batch (mean over its examples) into target. */
  addSpeedOfLearning(target: Float64Array): void;
  /** Copies the kernel's parameters into plan.params. */
  syncToPlan(): void;
  /** Reloads parameters after plan.params was changed from outside. */
  syncFromPlan(): void;
  evaluate(data: Dataset): Evaluation;
  dispose(): void;
}

export interface KernelRequest {
  plan: Plan;
  train: Dataset;
  optimizer: OptimizerSettings;
}

export type KernelFactory = (request: KernelRequest) => BatchKernel | null;

/** Scores one output vector against its target, adding into an Evaluation. */
export function score(
  evaluation: Evaluation,
  out: ArrayLike<number>,
  data: Dataset,
  index: number,
): void {
  const k = data.outputSize;
  const yo = index * k;
  let dev = 0;
  for (let j = 0; j < k; j++) dev += Math.abs(out[j] - data.y[yo + j]);
  evaluation.absDeviationSum += dev;
  if (data.task !== 'classification') return;
  if (k === 1) {
    if (out[0] > 0.5 === data.y[yo] > 0.5) evaluation.correct++;
    return;
  }
  let best = 0;
  for (let j = 1; j < k; j++) if (out[j] > out[best]) best = j;
  const label = data.labels ? data.labels[index] : argmax(data.y, yo, k);
  if (best === label) evaluation.correct++;
}

function argmax(v: ArrayLike<number>, offset: number, n: number): number {
  let best = 0;
  for (let j = 1; j < n; j++) if (v[offset + j] > v[offset + best]) best = j;
  return best;
}
