/**
 * The trainer host: the one training loop every runtime shares. It runs
 * mini-batches in slices of a few milliseconds and gives the event loop a
 * turn between slices, so pause, resume, step and stop arrive between
 * mini-batches. Progress is throttled to what a chart can use.
 */
import { catalogEntry } from '../datasets/catalog';
import { validateNetwork } from '../document';
import { isSequenceSplit, type LoadedDataset } from '../datasets/loaded';
import { InputError } from '../errors';
import type { KernelFactory } from '../kernel';
import type { DatasetChoice } from '../project';
import { isRecurrentNetwork } from '../recurrent/network';
import { wasmKernelFactory } from '../wasm';
import { createDenseRun } from './dense-run';
import type { Port, StartRequest, TrainerEvent, TrainerRequest, TrainerStatus } from './messages';
import { checkDataKind, type HostedRun } from './run';
import { createSequenceRun } from './sequence-run';
import { parseTrainerRequest } from './validate';

export interface TrainerHostEnvironment {
  /** Examples, or sequences tagged `kind: 'sequences'` (see datasets/loaded.ts). */
  loadDataset(choice: DatasetChoice, seed: number): Promise<LoadedDataset> | LoadedDataset;
  /** Faster kernels to offer the Trainer (default: the WebAssembly kernel, which declines what it cannot run). */
  kernels?: (precision: 'float64' | 'float32') => KernelFactory[];
  /** Runs fn after the host's pending messages (setTimeout(fn, 0) or setImmediate). */
  defer(fn: () => void): void;
  now(): number;
  /** Milliseconds of training per slice before yielding (default 12). */
  sliceMs?: number;
  /** Minimum milliseconds between progress events (default 50: 20 a second). */
  progressIntervalMs?: number;
  /** Minimum milliseconds between weight snapshots (default 100: 10 a second). */
  snapshotIntervalMs?: number;
}

export function runTrainerHost(port: Port<unknown, TrainerEvent>, env: TrainerHostEnvironment): void {
  let trainer: HostedRun | null = null;
  let status: TrainerStatus = 'idle';
  let epochs = 0;
  let runStart = 0;
  let examplesDone = 0;
  let lastProgress = 0;
  let lastSnapshot = 0;
  let scheduled = false;
  let generation = 0;
  const sliceMs = env.sliceMs ?? 12;
  const progressInterval = env.progressIntervalMs ?? 50;
  const snapshotInterval = env.snapshotIntervalMs ?? 100;

  const send = (e: TrainerEvent): void => port.postMessage(e);
  const setStatus = (s: TrainerStatus, message?: string): void => {
    status = s;
    send(message === undefined ? { type: 'status', status: s } : { type: 'status', status: s, message });
  };

  const snapshot = (t: HostedRun): void => {
    send({ type: 'snapshot', epoch: t.epoch, batch: t.batch, params: t.parameters() });
    lastSnapshot = env.now();
  };

  const progress = (t: HostedRun): void => {
    const total = epochs * t.batchesPerEpoch;
    const done = t.epoch * t.batchesPerEpoch + t.batch;
    const elapsed = (env.now() - runStart) / 1000;
    const fraction = total > 0 ? done / total : 1;
    send({
      type: 'progress',
      epoch: t.epoch,
      batch: t.batch,
      batchesPerEpoch: t.batchesPerEpoch,
      epochs,
      fraction,
      etaSeconds: fraction > 0 && elapsed > 0 ? (elapsed / fraction) * (1 - fraction) : null,
      examplesPerSecond: elapsed > 0 ? examplesDone / elapsed : 0,
    });
    lastProgress = env.now();
  };

  /** One mini-batch; returns false when the run has ended. */
  const stepOnce = (t: HostedRun): boolean => {
    const result = t.step();
    if (result.divergence) {
      snapshot(t);
      send({ type: 'diverged', divergence: result.divergence });
      setStatus('diverged', result.divergence.hint);
      return false;
    }
    examplesDone += result.examples;
    if (result.epoch) {
      send({ type: 'epoch', metrics: result.epoch });
      if (t.epoch >= epochs) {
        snapshot(t);
        progress(t);
        send({ type: 'done', epochs: t.epoch });
        setStatus('done');
        return false;
      }
    }
    return true;
  };

  const runSlice = (): void => {
    scheduled = false;
    const t = trainer;
    if (!t || status !== 'running') return;
    const end = env.now() + sliceMs;
    while (env.now() < end) {
      if (!stepOnce(t)) return;
    }
    const now = env.now();
    if (now - lastProgress >= progressInterval) progress(t);
    if (now - lastSnapshot >= snapshotInterval) snapshot(t);
    schedule();
  };

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    env.defer(runSlice);
  };

  const start = async (request: StartRequest): Promise<void> => {
    const mine = ++generation;
    trainer?.dispose();
    trainer = null;
    setStatus('loading');
    try {
      // The network came from another thread or process: checked before anything reads it.
      request = { ...request, network: validateNetwork(request.network) };
      const recurrent = isRecurrentNetwork(request.network);
      // A built-in set of the wrong kind is refused before it is made (the digits take a while).
      const known = request.dataset.source === 'builtin' ? catalogEntry(request.dataset.name) : undefined;
      if (known) checkDataKind(recurrent, known.kind === 'sequence', known.name);
      const data = await env.loadDataset(request.dataset, request.seed);
      if (mine !== generation) return;
      checkDataKind(recurrent, isSequenceSplit(data), data.train.name);
      const t = isSequenceSplit(data)
        ? createSequenceRun(request, data, env.now)
        : createDenseRun(request, data, env.kernels?.(request.hyperparameters.precision) ?? [wasmKernelFactory], env.now);
      trainer = t;
      epochs = request.hyperparameters.epochs;
      runStart = env.now();
      examplesDone = 0;
      send({ type: 'started', kernel: t.kernel, trainCount: t.trainCount, testCount: t.testCount, batchesPerEpoch: t.batchesPerEpoch, epochs });
      snapshot(t);
      if (request.paused) setStatus('paused');
      else {
        setStatus('running');
        schedule();
      }
    } catch (e) {
      if (mine !== generation) return;
      const message = e instanceof InputError ? e.message : `internal error: ${(e as Error).message}`;
      send({ type: 'error', message });
      setStatus('failed', message);
    }
  };

  port.onMessage((raw) => {
    let request: TrainerRequest;
    try {
      request = parseTrainerRequest(raw);
    } catch (e) {
      send({ type: 'error', message: (e as Error).message });
      return;
    }
    switch (request.type) {
      case 'start':
        void start(request);
        return;
      case 'pause':
        if (status === 'running') {
          setStatus('paused');
          if (trainer) {
            progress(trainer);
            snapshot(trainer);
          }
        }
        return;
      case 'resume':
        if (status === 'paused') {
          setStatus('running');
          schedule();
        }
        return;
      case 'step':
        if (trainer && (status === 'paused' || status === 'running')) {
          if (status === 'running') setStatus('paused');
          if (stepOnce(trainer)) {
            progress(trainer);
            snapshot(trainer);
          }
        }
        return;
      case 'stop':
        generation++;
        if (trainer && (status === 'running' || status === 'paused')) {
          snapshot(trainer);
          setStatus('stopped');
        } else if (status === 'loading') {
          setStatus('stopped');
        }
        return;
      case 'setHyperparameters':
        if (!trainer) return;
        try {
          const { epochs: e, ...rest } = request.patch;
          trainer.updateSettings(rest);
          if (e !== undefined) epochs = e;
        } catch (err) {
          send({ type: 'error', message: (err as Error).message });
        }
        return;
    }
  });
}
