/**
 * Training a sequence model: epochs of shuffled mini-batches of sequences,
 * backpropagation through time, optional clipping of the gradient's global
 * norm, an update by engine/optimizers.ts, metrics per epoch, and divergence
 * handled as engine/train.ts does (a non-finite cost, gradient or weight
 * stops training and the last finite weights are kept).
 *
 * Each target is one example: nabla is summed over the targets of the
 * mini-batch and the optimizer divides it by their number m.
 */
import { EpochSettings } from '../epoch-settings';
import { checkSettings as checkCommonSettings, l2Term } from '../train';
import { InputError } from '../errors';
import { targetCount, type SequenceDataset } from '../datasets/sequences';
import { createOptimizer, type Optimizer, type OptimizerSettings } from '../optimizers';
import { Rng } from '../rng';
import type { SequenceModel } from './model';
import { checkFits, evaluateSequences, SequenceRunner, type SequenceEvaluation } from './runner';

export interface SequenceTrainingSettings {
  eta: number;
  /** Sequences per mini-batch. */
  batchSize: number;
  lambda: number;
  optimizer: OptimizerSettings;
  shuffle: 'seeded' | 'none';
  seed: number;
  /**
   * When the mini-batch gradient (mean over its targets) is longer than this,
   * it is scaled down to this length before the update (Pascanu et al. 2013);
   * null leaves it alone.
   */
  clipNorm: number | null;
}

export interface SequenceEpochMetrics {
  epoch: number;
  /** Mean cost per target over the epoch's mini-batches, plus the L2 term. */
  trainingCost: number;
  testCost: number | null;
  /** Fraction of test targets classified correctly (classification), else null. */
  testAccuracy: number | null;
  /** Mean |a - y| per output on the test set (regression), else null. */
  testDeviation: number | null;
  /** Mean over the epoch's mini-batches of the gradient's norm before clipping. */
  gradientNorm: number;
  /** Mini-batches whose gradient was clipped. */
  clippedBatches: number;
  /**
   * Speed of learning (Nielsen ch. 5) as the dense Trainer measures it: mean
   * over the epoch's mini-batches of mean_j |dC/db_j| (the mini-batch's mean
   * gradient, before clipping) over the recurrent layer's biases (every gate)
   * and over the readout's.
   */
  speedOfLearning: { recurrent: number; readout: number };
  elapsedMs: number;
}

export interface SequenceDivergence {
  epoch: number;
  batch: number;
  hint: string;
}

export interface SequenceStepResult {
  epoch?: SequenceEpochMetrics;
  divergence?: SequenceDivergence;
}

export class SequenceTrainer {
  epoch = 0;
  batch = 0;
  state: 'ready' | 'diverged' = 'ready';
  divergence: SequenceDivergence | null = null;
  private readonly epochSettings: EpochSettings<SequenceTrainingSettings>;
  /** [offset, length] of the recurrent layer's bias blocks, and of b_y. */
  private readonly cellBiases: [number, number][];
  private readonly readoutBias: [number, number];
  private speedCell = 0;
  private speedReadout = 0;
  private readonly runner: SequenceRunner;
  private readonly optimizer: Optimizer;
  private readonly rng: Rng;
  private readonly order: Uint32Array;
  private readonly nabla: Float64Array;
  private readonly lastFinite: Float64Array;
  private readonly targetsInTrain: number;
  private readonly now: () => number;
  private costSum = 0;
  private targetsSeen = 0;
  private normSum = 0;
  private batchesRun = 0;
  private clipped = 0;
  private epochStart = 0;

  constructor(
    readonly model: SequenceModel,
    readonly train: SequenceDataset,
    readonly test: SequenceDataset | null,
    settings: SequenceTrainingSettings,
    options: { now?: () => number } = {},
  ) {
    checkFits(model, train);
    if (test) checkFits(model, test);
    if (train.count === 0) throw new InputError(`sequence dataset "${train.name}" has no sequences`);
    this.epochSettings = new EpochSettings(settings, checkSettings);
    this.now = options.now ?? (() => Date.now());
    this.runner = new SequenceRunner(model);
    this.optimizer = createOptimizer(settings.optimizer, model.params.length);
    this.rng = new Rng(settings.seed);
    this.order = new Uint32Array(train.count);
    this.nabla = new Float64Array(model.params.length);
    this.lastFinite = model.params.slice();
    this.targetsInTrain = Math.max(targetCount(train), 1);
    const biases = model.blocks.filter((b) => !b.isWeight).map((b): [number, number] => [b.offset, b.rows * b.cols]);
    this.readoutBias = biases[biases.length - 1];
    this.cellBiases = biases.slice(0, -1);
    this.startEpoch();
  }

  get batchesPerEpoch(): number {
    return Math.ceil(this.train.count / this.settings.batchSize);
  }

  get settings(): SequenceTrainingSettings {
    return this.epochSettings.current;
  }

  /** As the dense Trainer: eta, lambda, the mini-batch size and the clipping norm change between epochs (see EpochSettings). */
  updateSettings(patch: Partial<Omit<SequenceTrainingSettings, 'seed' | 'optimizer'>>): void {
    this.epochSettings.change(patch, this.batch > 0);
  }

  /** Runs one mini-batch. */
  step(): SequenceStepResult {
    if (this.state === 'diverged') return { divergence: this.divergence ?? undefined };
    const { batchSize, eta, lambda, clipNorm } = this.settings;
    const { params, frozen, isWeight } = this.model;
    const start = this.batch * batchSize;
    const end = Math.min(start + batchSize, this.train.count);
    const nabla = this.nabla;
    nabla.fill(0);
    let cost = 0;
    let m = 0;
    for (let b = start; b < end; b++) {
      const r = this.runner.run(this.train, this.order[b], nabla);
      cost += r.cost;
      m += r.targets;
    }
    if (m > 0) {
      let sq = 0;
      for (let k = 0; k < nabla.length; k++) sq += nabla[k] * nabla[k];
      const norm = Math.sqrt(sq) / m;
      if (!Number.isFinite(cost) || !Number.isFinite(norm)) return this.diverge(false);
      this.normSum += norm;
      this.speedCell += meanAbs(nabla, this.cellBiases) / m;
      this.speedReadout += meanAbs(nabla, [this.readoutBias]) / m;
      if (clipNorm !== null && norm > clipNorm) {
        const scale = clipNorm / norm;
        for (let k = 0; k < nabla.length; k++) nabla[k] *= scale;
        this.clipped++;
      }
      this.lastFinite.set(params);
      this.optimizer.apply(params, nabla, frozen, isWeight, m, { eta, lambda, n: this.targetsInTrain });
      for (let k = 0; k < params.length; k++) if (!Number.isFinite(params[k])) return this.diverge(true);
    }
    this.costSum += cost;
    this.targetsSeen += m;
    this.batchesRun++;
    this.batch++;
    if (this.batch * batchSize < this.train.count) return {};
    return { epoch: this.finishEpoch() };
  }

  /** Runs the rest of the current epoch. */
  runEpoch(): SequenceStepResult {
    for (;;) {
      const r = this.step();
      if (r.epoch || r.divergence) return r;
    }
  }

  evaluate(data: SequenceDataset): SequenceEvaluation {
    checkFits(this.model, data);
    return evaluateSequences(this.model, data, data.count, this.runner);
  }

  /** `restore`: the update made a weight non-finite, so the weights before it come back. */
  private diverge(restore: boolean): SequenceStepResult {
    if (restore) this.model.params.set(this.lastFinite);
    this.state = 'diverged';
    const { eta } = this.settings;
    const clip = this.settings.clipNorm === null ? ' or clip the gradient norm (clipNorm 1)' : '';
    this.divergence = {
      epoch: this.epoch + 1,
      batch: this.batch + 1,
      hint: `The cost or the weights became infinite or NaN. The learning rate eta = ${eta} is probably too high: try ${eta / 10}${clip}. The last finite weights were kept.`,
    };
    return { divergence: this.divergence };
  }

  private startEpoch(): void {
    this.epochSettings.startEpoch();
    for (let i = 0; i < this.order.length; i++) this.order[i] = i;
    if (this.settings.shuffle === 'seeded') this.rng.shuffle(this.order);
    this.batch = 0;
    this.costSum = 0;
    this.targetsSeen = 0;
    this.normSum = 0;
    this.batchesRun = 0;
    this.clipped = 0;
    this.speedCell = 0;
    this.speedReadout = 0;
    this.epochStart = this.now();
  }

  private finishEpoch(): SequenceEpochMetrics {
    this.epoch++;
    const l2 = sequenceL2Term(this.model, this.settings.lambda, this.targetsInTrain);
    let testCost: number | null = null;
    let testAccuracy: number | null = null;
    let testDeviation: number | null = null;
    if (this.test && this.test.count > 0) {
      const e = evaluateSequences(this.model, this.test, this.test.count, this.runner);
      const n = Math.max(e.count, 1);
      testCost = e.costSum / n + l2;
      if (this.test.task === 'classification') testAccuracy = e.correct / n;
      else testDeviation = e.absDeviationSum / (n * this.test.outputSize);
    }
    const metrics: SequenceEpochMetrics = {
      epoch: this.epoch,
      trainingCost: this.costSum / Math.max(this.targetsSeen, 1) + l2,
      testCost,
      testAccuracy,
      testDeviation,
      gradientNorm: this.normSum / Math.max(this.batchesRun, 1),
      clippedBatches: this.clipped,
      speedOfLearning: { recurrent: this.speedCell / Math.max(this.batchesRun, 1), readout: this.speedReadout / Math.max(this.batchesRun, 1) },
      elapsedMs: this.now() - this.epochStart,
    };
    this.startEpoch();
    return metrics;
  }
}

/** 0.5 (lambda / n) sum of the squared weights (biases excluded), n = targets in the training set. */
export function sequenceL2Term(model: SequenceModel, lambda: number, n: number): number {
  return l2Term(model, lambda, n);
}

/** Mean of |v| over the given [offset, length] ranges. */
function meanAbs(v: Float64Array, ranges: readonly [number, number][]): number {
  let s = 0;
  let n = 0;
  for (const [offset, length] of ranges) {
    for (let k = offset; k < offset + length; k++) s += Math.abs(v[k]);
    n += length;
  }
  return n > 0 ? s / n : 0;
}

function checkSettings(s: SequenceTrainingSettings): void {
  checkCommonSettings(s);
  if (s.clipNorm !== null && !(Number.isFinite(s.clipNorm) && s.clipNorm > 0)) {
    throw new InputError(`the gradient clipping norm must be a positive number or off, got ${s.clipNorm}`);
  }
}
