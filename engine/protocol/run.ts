/**
 * What the trainer host drives: one training run, one mini-batch at a time.
 * The dense Trainer and the SequenceTrainer each sit behind this interface
 * (dense-run.ts, sequence-run.ts), so the host's slicing, throttling, pause,
 * step and stop are written once for both.
 */
import type { Dataset } from '../datasets/dataset';
import { InputError } from '../errors';
import type { Divergence, EpochMetrics } from '../train';
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

/** The request's network with its Output's cost replaced when the hyperparameters name one. */
export function networkWithCost(request: StartRequest): StartRequest['network'] {
  const { cost } = request.hyperparameters;
  if (!cost) return request.network;
  return { ...request.network, nodes: request.network.nodes.map((n) => (n.kind === 'output' ? { ...n, cost } : n)) };
}

export type ExampleData = { train: Dataset; test: Dataset | null };
