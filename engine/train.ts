/**
 * The training schedule: epochs of shuffled mini-batches (the seed's section
 * 2.2), metrics per epoch, and divergence. It runs one mini-batch per step()
 * so any host can pause, resume, step and stop between mini-batches.
 */
import { EpochSettings } from './epoch-settings';
import { InputError } from './errors';
import { assertTrainable, type Plan } from './compile';
import type { Dataset } from './datasets/dataset';
import { createJsKernel, checkShapes } from './js-kernel';
import type { BatchKernel, Evaluation, KernelFactory } from './kernel';
import type { OptimizerSettings } from './optimizers';
import { Rng } from './rng';

export interface TrainingSettings {
  eta: number;
  batchSize: number;
  /** L2 regularisation lambda (network2.py's lmbda). */
  lambda: number;
  optimizer: OptimizerSettings;
  /** 'none' keeps the dataset's order every epoch (to compare with a reference). */
  shuffle: 'seeded' | 'none';
  seed: number;
}

export interface LayerSpeed {
  nodeId: string;
  /** mean over units and mini-batches of |dC/db| (Nielsen ch. 5). */
  speed: number;
}

export interface EpochMetrics {
  epoch: number;
  /** Mean cost over the epoch's mini-batches, plus the L2 term. */
  trainingCost: number;
  testCost: number | null;
  /** Fraction correct on the test set (classification), else null. */
  testAccuracy: number | null;
  /** Mean |a - y| per output on the test set (regression), else null. */
  testDeviation: number | null;
  elapsedMs: number;
  speedOfLearning: LayerSpeed[];
  /** Recurrent networks: mean over the epoch's mini-batches of the gradient's norm before clipping. */
  gradientNorm?: number;
  /** Recurrent networks: mini-batches whose gradient was clipped to the clipping norm. */
  clippedBatches?: number;
}

export type TrainerState = 'ready' | 'diverged';

export interface Divergence {
  epoch: number;
  batch: number;
  hint: string;
}

export interface StepResult {
  /** Set when this step completed an epoch. */
  epoch?: EpochMetrics;
  divergence?: Divergence;
}

export interface TrainerOptions {
  /** Faster kernels to try before the JS one; the first that accepts the plan wins. */
  kernels?: KernelFactory[];
  now?: () => number;
}

export class Trainer {
  readonly kernel: BatchKernel;
  epoch = 0;
  batch = 0;
  state: TrainerState = 'ready';
  divergence: Divergence | null = null;
  private order: Uint32Array;
  private readonly rng: Rng;
  private costSum = 0;
  private examplesSeen = 0;
  private readonly speed: Float64Array;
  private batchesRun = 0;
  private epochStart = 0;
  private readonly now: () => number;
  private readonly epochSettings: EpochSettings<TrainingSettings>;

  constructor(
    readonly plan: Plan,
    readonly train: Dataset,
    readonly test: Dataset | null,
    settings: TrainingSettings,
    options: TrainerOptions = {},
  ) {
    assertTrainable(plan);
    checkShapes(plan, train);
    if (test) checkShapes(plan, test);
    if (train.count === 0) throw new InputError(`dataset "${train.name}" has no examples`);
    this.epochSettings = new EpochSettings(settings, checkSettings);
    this.now = options.now ?? (() => Date.now());
    const request = { plan, train, optimizer: settings.optimizer };
    let kernel: BatchKernel | null = null;
    for (const factory of options.kernels ?? []) {
      kernel = factory(request);
      if (kernel) break;
    }
    this.kernel = kernel ?? createJsKernel(request);
    this.rng = new Rng(settings.seed);
    this.order = new Uint32Array(train.count);
    this.speed = new Float64Array(plan.blocks.length);
    this.startEpoch();
  }

  get batchesPerEpoch(): number {
    return Math.ceil(this.train.count / this.settings.batchSize);
  }

  get settings(): TrainingSettings {
    return this.epochSettings.current;
  }

  /** eta, lambda and the batch size change between epochs (see EpochSettings). */
  updateSettings(patch: Partial<Omit<TrainingSettings, 'seed' | 'optimizer'>>): void {
    this.epochSettings.change(patch, this.batch > 0);
  }

  /** Runs one mini-batch. */
  step(): StepResult {
    if (this.state === 'diverged') return { divergence: this.divergence ?? undefined };
    const { batchSize, eta, lambda } = this.settings;
    const start = this.batch * batchSize;
    const m = Math.min(batchSize, this.train.count - start);
    const cost = this.kernel.trainBatch(this.order, start, m, { eta, lambda, n: this.train.count });
    if (!Number.isFinite(cost)) {
      this.state = 'diverged';
      this.kernel.syncToPlan();
      this.divergence = { epoch: this.epoch + 1, batch: this.batch + 1, hint: divergenceHint(this.settings) };
      return { divergence: this.divergence };
    }
    this.costSum += cost;
    this.examplesSeen += m;
    this.kernel.addSpeedOfLearning(this.speed);
    this.batchesRun++;
    this.batch++;
    if (this.batch * batchSize < this.train.count) return {};
    return { epoch: this.finishEpoch() };
  }

  /** Runs the rest of the current epoch. */
  runEpoch(): StepResult {
    for (;;) {
      const result = this.step();
      if (result.epoch || result.divergence) return result;
    }
  }

  /** Cost and accuracy or deviation of the current weights on a dataset. */
  evaluate(data: Dataset): Evaluation {
    return this.kernel.evaluate(data);
  }

  private startEpoch(): void {
    this.epochSettings.startEpoch();
    for (let i = 0; i < this.order.length; i++) this.order[i] = i;
    if (this.settings.shuffle === 'seeded') this.rng.shuffle(this.order);
    this.batch = 0;
    this.costSum = 0;
    this.examplesSeen = 0;
    this.batchesRun = 0;
    this.speed.fill(0);
    this.epochStart = this.now();
  }

  private finishEpoch(): EpochMetrics {
    this.kernel.syncToPlan();
    this.epoch++;
    const trainingCost = this.costSum / this.examplesSeen + l2Term(this.plan, this.settings.lambda, this.train.count);
    let testCost: number | null = null;
    let testAccuracy: number | null = null;
    let testDeviation: number | null = null;
    if (this.test && this.test.count > 0) {
      const e = this.kernel.evaluate(this.test);
      testCost = e.costSum / e.count + l2Term(this.plan, this.settings.lambda, this.train.count);
      if (this.test.task === 'classification') testAccuracy = e.correct / e.count;
      else testDeviation = e.absDeviationSum / (e.count * this.test.outputSize);
    }
    const speedOfLearning: LayerSpeed[] = [];
    this.plan.blocks.forEach((b, i) => {
      if (b.kind !== 'input') speedOfLearning.push({ nodeId: b.nodeId, speed: this.speed[i] / Math.max(this.batchesRun, 1) });
    });
    const metrics: EpochMetrics = {
      epoch: this.epoch,
      trainingCost,
      testCost,
      testAccuracy,
      testDeviation,
      elapsedMs: this.now() - this.epochStart,
      speedOfLearning,
    };
    this.startEpoch();
    return metrics;
  }
}

/** network2.py's 0.5 * (lambda / n) * sum ||w||^2, biases excluded (any parameter vector with a weight mask). */
export function l2Term(model: Pick<Plan, 'params' | 'isWeight'>, lambda: number, n: number): number {
  if (lambda === 0) return 0;
  let s = 0;
  for (let i = 0; i < model.params.length; i++) if (model.isWeight[i] === 1) s += model.params[i] * model.params[i];
  return (0.5 * lambda * s) / n;
}

/** The checks every trainer makes of eta, the mini-batch size and lambda. */
export function checkSettings(s: Pick<TrainingSettings, 'eta' | 'batchSize' | 'lambda'>): void {
  if (!(Number.isFinite(s.eta) && s.eta > 0)) throw new InputError(`learning rate eta must be a positive number, got ${s.eta}`);
  if (!(Number.isInteger(s.batchSize) && s.batchSize >= 1)) throw new InputError(`mini-batch size must be a whole number >= 1, got ${s.batchSize}`);
  if (!(Number.isFinite(s.lambda) && s.lambda >= 0)) throw new InputError(`L2 lambda must be >= 0, got ${s.lambda}`);
}

function divergenceHint(s: TrainingSettings): string {
  return `The weights became infinite or NaN. The learning rate eta = ${s.eta} is probably too high: try ${s.eta / 10}. The last finite weights were kept.`;
}
