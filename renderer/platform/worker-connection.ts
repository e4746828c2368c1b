/**
 * The browser build's trainer connection: a module Web Worker running the
 * trainer host. A worker that fails (its script does not load, or an error
 * escapes it) becomes an error event and a failed status, never a silent
 * hang; the next start request gets a fresh worker.
 */
import type { TrainerEvent, TrainerRequest } from '../../engine/protocol/messages';
import { DIGITS_ASSET_NAME } from '../training/data/browser-datasets';
import { trainerWorkerName } from '../training/data/worker-name';
import type { TrainerConnection } from './host';

export interface WorkerConnectionOptions {
  /** Makes the worker; tests substitute one that fails. */
  createWorker?: () => Worker;
}

export function connectWorkerTrainer(options: WorkerConnectionOptions = {}): TrainerConnection {
  const handlers = new Set<(event: TrainerEvent) => void>();
  let worker: Worker | null = null;
  let failed = false;
  let disposed = false;

  const emit = (event: TrainerEvent): void => {
    for (const h of [...handlers]) h(event);
  };

  const create = (): Worker => {
    const w =
      options.createWorker?.() ??
      new Worker(new URL('./trainer-worker.ts', import.meta.url), {
        type: 'module',
        name: trainerWorkerName(new URL(DIGITS_ASSET_NAME, document.baseURI).href),
      });
    w.onmessage = (e: MessageEvent<TrainerEvent>) => {
      if (w === worker) emit(e.data);
    };
    w.onmessageerror = () => {
      if (w === worker) emit({ type: 'error', message: 'a message from the trainer could not be read' });
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      if (w !== worker) return;
      failed = true;
      // A script that failed to load has no message; an escaped error has one.
      const message = `the trainer stopped working: ${e.message || 'its script could not be loaded'}`;
      emit({ type: 'error', message });
      emit({ type: 'status', status: 'failed', message });
    };
    return w;
  };

  return {
    post(request: TrainerRequest) {
      if (disposed) return;
      if (!worker || (failed && request.type === 'start')) {
        worker?.terminate();
        failed = false;
        worker = create();
      }
      worker.postMessage(request);
    },
    onEvent(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    dispose() {
      disposed = true;
      worker?.terminate();
      worker = null;
      handlers.clear();
    },
  };
}
