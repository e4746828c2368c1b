/**
 * The trainer worker alone, driven from the test through window.harness:
 * requests go in as the renderer sends them, every event is recorded.
 */
import type { TrainerEvent, TrainerRequest } from '../../../engine/protocol/messages';
import { connectWorkerTrainer } from '../../../renderer/platform/worker-connection';

type Predicate = { type: TrainerEvent['type']; status?: string; after?: number };

function recorder(connection: ReturnType<typeof connectWorkerTrainer>) {
  const events: TrainerEvent[] = [];
  connection.onEvent((e) => events.push(e));
  return {
    events,
    post: (request: unknown) => connection.post(request as TrainerRequest),
    /** The first event of a type (and status) at index >= after, waiting for it. */
    waitFor({ type, status, after = 0 }: Predicate, timeoutMs = 30_000): Promise<number> {
      const find = () => events.findIndex((e, i) => i >= after && e.type === type && (status === undefined || (e.type === 'status' && e.status === status)));
      return new Promise((resolve, reject) => {
        const started = performance.now();
        const poll = () => {
          const i = find();
          if (i >= 0) return resolve(i);
          if (performance.now() - started > timeoutMs) {
            return reject(new Error(`no ${type}${status ? ` ${status}` : ''} event within ${timeoutMs} ms; last events: ${JSON.stringify(events.slice(-5).map((e) => (e.type === 'snapshot' ? { ...e, params: e.params.length } : e)))}`));
          }
          setTimeout(poll, 10);
        };
        poll();
      });
    },
    dispose: () => connection.dispose(),
  };
}

const main = recorder(connectWorkerTrainer());

/** A connection whose first worker fails to start and whose second answers: a crash, then a fresh worker. */
function crashing() {
  let made = 0;
  const broken = URL.createObjectURL(new Blob(['throw new Error("boom at start")'], { type: 'text/javascript' }));
  const answering = URL.createObjectURL(new Blob(["onmessage = () => postMessage({ type: 'status', status: 'loading' })"], { type: 'text/javascript' }));
  return recorder(connectWorkerTrainer({ createWorker: () => new Worker(made++ === 0 ? broken : answering) }));
}

const w = window as unknown as { harness: unknown };
w.harness = { main, crashing: crashing() };
document.getElementById('ready')!.textContent = 'ready';
