/**
 * The trainer's message protocol. One trainer body speaks it over a Port;
 * thin adapters bind the Port to Electron's utility process, a Web Worker or
 * a Node child process. Every message is structured-clone friendly.
 */
import type { NetworkDocument } from '../document';
import type { DatasetChoice, Hyperparameters } from '../project';
import type { Divergence, EpochMetrics } from '../train';

export interface StartRequest {
  type: 'start';
  network: NetworkDocument;
  dataset: DatasetChoice;
  hyperparameters: Hyperparameters;
  seed: number;
  /** Re-randomise the weights with the seed before training (else train the given weights). */
  initialise: boolean;
  /** Begin paused, to single-step from the first mini-batch. */
  paused?: boolean;
}

export type TrainerRequest =
  | StartRequest
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step' }
  | { type: 'stop' }
  | { type: 'setHyperparameters'; patch: SettingsPatch };

/** What may change during a run: eta, lambda and the mini-batch size from the next epoch on, the number of epochs at once. */
export type SettingsPatch = Partial<Pick<Hyperparameters, 'eta' | 'lambda' | 'batchSize' | 'epochs'>>;

export type TrainerStatus = 'idle' | 'loading' | 'running' | 'paused' | 'stopped' | 'done' | 'diverged' | 'failed';

export interface ProgressEvent {
  type: 'progress';
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  epochs: number;
  /** Fraction of the whole run done, 0..1. */
  fraction: number;
  etaSeconds: number | null;
  examplesPerSecond: number;
}

export interface SnapshotEvent {
  type: 'snapshot';
  epoch: number;
  batch: number;
  /**
   * The parameters in the order the network's compiler lays them out: for a
   * feed-forward network the plan's, in compile order (writeBack(plan) after
   * plan.params.set(params), see compile.ts); for a network with a recurrent
   * node the sequence model's (writeBackSequence(compileSequence(network),
   * params), see recurrent/network.ts).
   */
  params: Float64Array;
}

export type TrainerEvent =
  | { type: 'status'; status: TrainerStatus; message?: string }
  | { type: 'started'; kernel: string; trainCount: number; testCount: number; batchesPerEpoch: number; epochs: number }
  | ProgressEvent
  | { type: 'epoch'; metrics: EpochMetrics }
  | SnapshotEvent
  | { type: 'diverged'; divergence: Divergence }
  | { type: 'done'; epochs: number }
  | { type: 'error'; message: string };

/** The smallest port both a worker and a process give us. */
export interface Port<In, Out> {
  postMessage(message: Out): void;
  onMessage(handler: (message: In) => void): void;
}
