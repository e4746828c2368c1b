/**
 * What the trainer host drives: one training run, one mini-batch at a time.
 * The dense Trainer and the SequenceTrainer each sit behind this interface
 * (dense-run.ts, sequence-run.ts), so the host's slicing, throttling, pause,
 * step and stop are written once for both.
 */
import type { Dataset } from '../datasets/dataset';
import { InputError } from '../errors';
import type { Divergence, EpochMetrics, TrainingSettings } from '../train';
import type { StartRequest, SettingsPatch } from './messages';

export interface RunStep {
  /** Training examples (or sequences) the mini-batch used; 0 when it diverged. */
  examples: number;
  /** Set when the mini-batch completed an epoch. */
  epoch?: EpochMetrics;
  divergence?: Divergence;
}

export interface HostedRun {
  /** Names the implementation for the 'started' event ("wasm-simd-float64", "js-lstm-float64"). */
  readonly kernel: string;
  readonly trainCount: number;
  readonly testCount: number;
  /** Epochs completed. */
  readonly epoch: number;
  /** Mini-batches completed in the current epoch. */
  readonly batch: number;
  readonly batchesPerEpoch: number;
  step(): RunStep;
  /** A fresh copy of the parameters, in the order the network's compiler gives them (see SnapshotEvent). */
  parameters(): Float64Array;
  /** eta, lambda and the mini-batch size; applied between epochs. */
  updateSettings(patch: Omit<SettingsPatch, 'epochs'>): void;
  dispose(): void;
}

/**
 * Refuses a network and a dataset that cannot go together: sequences for a
 * feed-forward network, or examples for one with a recurrent node.
 */
export function checkDataKind(recurrent: boolean, sequences: boolean, datasetName: string): void {
  if (sequences && !recurrent) {
    throw new InputError(`"${datasetName}" is a sequence dataset: it trains a network with an LSTM or recurrent node, and this network has none (a feed-forward network reads one example at a time)`);
  }
  if (!sequences && recurrent) {
    throw new InputError(
      `"${datasetName}" is not a sequence dataset, but this network has an LSTM or recurrent node, which reads sequences: choose noisy-sine, adding, delayed-recall or a CSV of sequences (with a "sequence" column)`,
    );
  }
}

/** The settings both trainers take, from the request's hyperparameters and seed. */
export function trainingSettingsOf(request: StartRequest): TrainingSettings {
  const hp = request.hyperparameters;
  return {
    eta: hp.eta,
    batchSize: hp.batchSize,
    lambda: hp.lambda,
    optimizer: { name: hp.optimizer, momentum: hp.momentum },
    shuffle: hp.shuffle,
    seed: request.seed,
  };
}

/** The request's network with its Output's cost replaced when the hyperparameters name one. */
export function networkWithCost(request: StartRequest): StartRequest['network'] {
  const { cost } = request.hyperparameters;
  if (!cost) return request.network;
  return { ...request.network, nodes: request.network.nodes.map((n) => (n.kind === 'output' ? { ...n, cost } : n)) };
}

export type ExampleData = { train: Dataset; test: Dataset | null };

/** What both trainers (engine/train.ts, engine/recurrent/trainer.ts) have in common. */
export interface SteppingTrainer<M> {
  readonly epoch: number;
  readonly batch: number;
  readonly batchesPerEpoch: number;
  readonly settings: { batchSize: number };
  readonly train: { count: number };
  step(): { epoch?: M; divergence?: Divergence };
  updateSettings(patch: Omit<SettingsPatch, 'epochs'>): void;
}

/** A HostedRun around a trainer: the parts that differ are its name, its metrics, its parameters and its clean-up. */
export function hostedRun<M>(
  t: SteppingTrainer<M>,
  parts: { kernel: string; testCount: number; metrics(m: M): EpochMetrics; parameters(): Float64Array; dispose(): void },
): HostedRun {
  return {
    kernel: parts.kernel,
    trainCount: t.train.count,
    testCount: parts.testCount,
    get epoch() {
      return t.epoch;
    },
    get batch() {
      return t.batch;
    },
    get batchesPerEpoch() {
      return t.batchesPerEpoch;
    },
    step(): RunStep {
      // A new mini-batch size takes effect inside step() when the epoch ends: count with the one this batch used.
      const m = t.settings.batchSize;
      const at = t.batch * m;
      const result = t.step();
      if (result.divergence) return { examples: 0, divergence: result.divergence };
      return { examples: Math.min(m, t.train.count - at), ...(result.epoch ? { epoch: parts.metrics(result.epoch) } : {}) };
    },
    parameters: parts.parameters,
    updateSettings: (patch) => t.updateSettings(patch),
    dispose: parts.dispose,
  };
}
