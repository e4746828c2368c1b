/**
 * The utility process's body (electron/training/worker.ts) driven under plain
 * Node: a fake parent port for main's control messages, and a real
 * MessageChannel (structured clone, like Electron's MessagePortMain) for the
 * renderer's training traffic.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { layeredNetwork } from '../../engine/build';
import type { TrainerEvent } from '../../engine/protocol/messages';
import { DEFAULT_HYPERPARAMETERS } from '../../engine/project';
import type { ControlFromWorker } from '../../electron/training/control';
import type { MessagePortMainLike } from '../../electron/training/ports';
import { runUtilityWorker } from '../../electron/training/worker';
import { tempDir } from './helpers/fakes';

/** Node's MessagePort dressed as Electron's MessagePortMain (whose events carry `data`). */
function asPortMain(port: MessagePort): MessagePortMainLike {
  return {
    on: (event: 'message' | 'close', listener: (e: { data: unknown }) => void) =>
      event === 'message' ? port.on('message', (data) => listener({ data })) : port.on('close', listener as () => void),
    postMessage: (m) => port.postMessage(m),
    start: () => port.start(),
    close: () => port.close(),
  } as MessagePortMainLike;
}

const ports: MessagePort[] = [];
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

function worker() {
  const toMain: ControlFromWorker[] = [];
  let deliver: (e: { data: unknown; ports: MessagePortMainLike[] }) => void = () => {};
  runUtilityWorker({ on: (_e, l) => (deliver = l), postMessage: (m) => toMain.push(m) });
  const connect = () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    const events: TrainerEvent[] = [];
    port2.on('message', (e: TrainerEvent) => events.push(e));
    deliver({ data: { type: 'connect' }, ports: [asPortMain(port1)] });
    const until = (test: (e: TrainerEvent) => boolean) =>
      new Promise<TrainerEvent>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no such event in 20 s')), 20_000);
        const poll = () => {
          const found = events.find(test);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else setTimeout(poll, 5);
        };
        poll();
      });
    return { send: (m: unknown) => port2.postMessage(m), events, until };
  };
  return { toMain, connect, control: (data: unknown) => deliver({ data, ports: [] }) };
}

/** xor has one output (a 0/1 label); the CSV below has two classes, one-hot. */
const start = (dataset: Record<string, unknown>, epochs = 2) => ({
  type: 'start',
  network: layeredNetwork([2, 6, dataset.name === 'xor' ? 1 : 2]),
  dataset,
  hyperparameters: { ...DEFAULT_HYPERPARAMETERS, eta: 1, lambda: 0, epochs, batchSize: 4 },
  seed: 3,
  initialise: true,
});

describe('utility process body', () => {
  it('says ready, then trains over the port it is handed, snapshots arriving as Float64Array', async () => {
    const w = worker();
    expect(w.toMain).toEqual([{ type: 'ready' }]);
    const r = w.connect();
    r.send(start({ source: 'builtin', name: 'xor' }));
    await r.until((e) => e.type === 'done');
    const snap = r.events.find((e) => e.type === 'snapshot');
    expect(snap?.type === 'snapshot' && snap.params).toBeInstanceOf(Float64Array);
    expect(r.events.filter((e) => e.type === 'epoch')).toHaveLength(2);
  });

  it('reads only data files main granted', async () => {
    const dir = tempDir('neuroloom-grant-');
    const csv = join(dir, 'points.csv');
    writeFileSync(csv, ['a,b,label', ...Array.from({ length: 20 }, (_, i) => `${i / 20},${(i * 7) % 5},${i % 2}`)].join('\n'));
    const w = worker();
    const r = w.connect();
    r.send(start({ source: 'file', path: csv }));
    const refused = await r.until((e) => e.type === 'error');
    expect(refused.type === 'error' && refused.message).toBe(`${csv}: this data file was not chosen in this session; choose it again with "Data file..."`);
    w.control({ type: 'grant', paths: [csv] });
    r.send(start({ source: 'file', path: csv }));
    await r.until((e) => e.type === 'done');
    // A test path must be granted too.
    r.send(start({ source: 'file', path: csv, testPath: '/etc/passwd' }));
    await r.until((e) => e.type === 'error' && e.message.startsWith('/etc/passwd: this data file was not chosen'));
  });

  it('ignores malformed control messages, and a new connection stops the old run', async () => {
    const w = worker();
    for (const bad of [null, 'connect', { type: 'grant', paths: '/etc' }, { type: 'grant', paths: [], extra: 1 }, { type: 'nope' }]) w.control(bad);
    w.control({ type: 'connect' }); // no port: nothing to do
    const first = w.connect();
    first.send(start({ source: 'builtin', name: 'xor' }, 100_000));
    await first.until((e) => e.type === 'progress');
    const second = w.connect();
    await first.until((e) => e.type === 'status' && e.status === 'stopped');
    second.send(start({ source: 'builtin', name: 'xor' }));
    await second.until((e) => e.type === 'done');
  });
});
