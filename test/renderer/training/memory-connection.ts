/**
 * A TrainerConnection to a real trainer host in this process. Messages are
 * structured-cloned both ways, as a worker's postMessage would.
 */
import { runTrainerHost } from '../../../engine/protocol/host';
import type { TrainerEvent, TrainerRequest } from '../../../engine/protocol/messages';
import { createDatasetLoader } from '../../../renderer/training/data/browser-datasets';
import type { TrainerConnection } from '../../../renderer/platform/host';

export interface MemoryConnection extends TrainerConnection {
  posted: TrainerRequest[];
  events: TrainerEvent[];
}

export function memoryConnection(): MemoryConnection {
  const handlers = new Set<(e: TrainerEvent) => void>();
  let deliver: (m: unknown) => void = () => {};
  const posted: TrainerRequest[] = [];
  const events: TrainerEvent[] = [];
  const load = createDatasetLoader(() => Promise.reject(new Error('no digits in this test')));
  runTrainerHost(
    {
      postMessage: (e) => {
        const copy = structuredClone(e);
        // Delivered on a later turn, as a worker's message is.
        setImmediate(() => {
          events.push(copy);
          for (const h of [...handlers]) h(copy);
        });
      },
      onMessage: (handler) => {
        deliver = handler;
      },
    },
    { loadDataset: load, defer: (fn) => setImmediate(fn), now: () => performance.now() },
  );
  return {
    posted,
    events,
    post(request) {
      posted.push(request);
      const copy = structuredClone(request);
      setImmediate(() => deliver(copy));
    },
    onEvent(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    dispose() {
      handlers.clear();
    },
  };
}
