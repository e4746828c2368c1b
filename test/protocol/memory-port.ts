/** A trainer host wired to an in-memory port, for tests of the protocol itself. */
import type { Dataset } from '../../engine/datasets/dataset';
import { runTrainerHost, type TrainerHostEnvironment } from '../../engine/protocol/host';
import type { TrainerEvent } from '../../engine/protocol/messages';
import { Rng } from '../../engine/rng';

export function xorSigns(count: number, seed: number): Dataset {
  const rng = new Rng(seed);
  const x = new Float64Array(count * 2);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    x[2 * i] = rng.uniform(-1, 1);
    x[2 * i + 1] = rng.uniform(-1, 1);
    y[i] = x[2 * i] * x[2 * i + 1] > 0 ? 1 : 0;
  }
  return { name: 'xor-signs', task: 'classification', inputSize: 2, outputSize: 1, count, x, y, labels: Uint8Array.from(y) };
}

export function memoryHost(env: Partial<TrainerHostEnvironment> = {}) {
  const events: TrainerEvent[] = [];
  const waiters: { test: (e: TrainerEvent) => boolean; resolve: (e: TrainerEvent) => void }[] = [];
  let deliver: (m: unknown) => void = () => {};
  runTrainerHost(
    {
      postMessage(e) {
        events.push(e);
        for (const w of [...waiters]) {
          if (w.test(e)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(e);
          }
        }
      },
      onMessage(handler) {
        deliver = handler;
      },
    },
    {
      loadDataset: (choice, seed) => {
        if (choice.source === 'builtin' && choice.name === 'xor-signs') return { train: xorSigns(400, seed + 1), test: xorSigns(100, seed + 2) };
        throw new (class extends Error {})(`unknown dataset`);
      },
      defer: (fn) => setImmediate(fn),
      now: () => performance.now(),
      ...env,
    },
  );
  return {
    events,
    send: (m: unknown) => deliver(m),
    next<T extends TrainerEvent['type']>(type: T, where: (e: Extract<TrainerEvent, { type: T }>) => boolean = () => true): Promise<Extract<TrainerEvent, { type: T }>> {
      const done = events.find((e) => e.type === type && where(e as Extract<TrainerEvent, { type: T }>));
      if (done) return Promise.resolve(done as Extract<TrainerEvent, { type: T }>);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${type} event within 20 s`)), 20_000);
        waiters.push({
          test: (e) => e.type === type && where(e as Extract<TrainerEvent, { type: T }>),
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e as Extract<TrainerEvent, { type: T }>);
          },
        });
      });
    },
  };
}
