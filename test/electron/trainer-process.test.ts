/**
 * The trainer over a real process boundary (child_process.fork): the same
 * body the utility process runs, checked against the same body run in this
 * process, plus control, hostile messages and a SIGKILL mid-run.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { layeredNetwork } from '../../engine/build';
import type { TrainerEvent } from '../../engine/protocol/messages';
import { DEFAULT_HYPERPARAMETERS } from '../../engine/project';
import { inProcess } from './in-process-trainer';
import { forkTrainer, type TrainerProcess } from '../../node/trainer-process';

const startRequest = (overrides: Record<string, unknown> = {}, hp: Record<string, unknown> = {}) => ({
  type: 'start',
  network: layeredNetwork([2, 8, 1], { cost: 'crossEntropy' }),
  dataset: { source: 'builtin', name: 'circle' },
  hyperparameters: { ...DEFAULT_HYPERPARAMETERS, eta: 1, lambda: 0, epochs: 4, ...hp },
  seed: 7,
  initialise: true,
  ...overrides,
});

const live: TrainerProcess[] = [];
function spawn(): TrainerProcess {
  const p = forkTrainer();
  live.push(p);
  return p;
}
afterEach(async () => {
  await Promise.all(live.splice(0).map((p) => p.dispose()));
});

const metricsOf = (events: TrainerEvent[]) => events.flatMap((e) => (e.type === 'epoch' ? [e.metrics] : []));
const withoutTimes = <T extends object>(m: T) => Object.fromEntries(Object.entries(m).filter(([k]) => !/second|time|ms/i.test(k)));

describe('trainer in a child process', () => {
  it('runs a whole training with progress, epoch metrics and snapshots identical to an in-process run', async () => {
    const trainer = spawn();
    trainer.post(startRequest());
    const done = await trainer.next('done');
    expect(done.epochs).toBe(4);
    await trainer.next('status', (e) => e.status === 'done');
    const started = await trainer.next('started');
    expect(started).toMatchObject({ trainCount: 500, testCount: 200, batchesPerEpoch: 50, epochs: 4 });
    const statuses = trainer.events.flatMap((e) => (e.type === 'status' ? [e.status] : []));
    expect(statuses).toEqual(['loading', 'running', 'done']);
    expect(trainer.events.some((e) => e.type === 'progress')).toBe(true);

    const snapshots = trainer.events.filter((e) => e.type === 'snapshot');
    const last = snapshots[snapshots.length - 1];
    // 'advanced' serialisation keeps the typed array a typed array.
    expect(last.type === 'snapshot' && last.params).toBeInstanceOf(Float64Array);
    expect(last.type === 'snapshot' && last.params.length).toBe(2 * 8 + 8 + 8 + 1);

    // Same seed, same platform: the boundary must change nothing.
    const local = await inProcess(startRequest());
    const remote = metricsOf(trainer.events);
    expect(remote).toHaveLength(4);
    expect(remote.map(withoutTimes)).toEqual(metricsOf(local).map(withoutTimes));
    const localLast = local.filter((e) => e.type === 'snapshot').pop();
    expect(last.type === 'snapshot' && Array.from(last.params)).toEqual(localLast?.type === 'snapshot' && Array.from(localLast.params));
  });

  it('pauses, steps one mini-batch at a time, resumes and stops', async () => {
    const trainer = spawn();
    trainer.post(startRequest({ paused: true }, { epochs: 1000 }));
    await trainer.next('status', (e) => e.status === 'paused');
    trainer.post({ type: 'step' });
    trainer.post({ type: 'step' });
    const second = await trainer.next('snapshot', (e) => e.batch === 2);
    expect(second.epoch).toBe(0);
    trainer.post({ type: 'resume' });
    await trainer.next('epoch');
    trainer.post({ type: 'pause' });
    await trainer.next('status', (e) => e.status === 'paused');
    await new Promise((r) => setTimeout(r, 100)); // let in-flight messages land
    const count = trainer.events.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(trainer.events.length).toBe(count); // nothing runs while paused
    trainer.post({ type: 'stop' });
    await trainer.next('status', (e) => e.status === 'stopped');
    expect(trainer.exit).toBeNull();
  });

  it('answers unknown and malformed messages with an error and lives on', async () => {
    const trainer = spawn();
    const hostile: unknown[] = [
      { type: 'launch-missiles' },
      'start',
      42,
      null,
      [1, 2, 3],
      { type: 'start', network: 5 },
      { type: 'setHyperparameters', patch: { eta: Number.NaN } },
      { type: 'setHyperparameters', patch: { eta: 1, rogue: true } },
      JSON.parse('{"type":"start","__proto__":{"polluted":true}}'),
      { ...startRequest(), seed: -1 },
      { ...startRequest(), dataset: { source: 'builtin', name: '/etc/passwd' } },
    ];
    for (const message of hostile) trainer.post(message);
    // One error per message (the bad dataset name fails while loading, also with an error).
    await waitUntil(() => trainer.events.filter((e) => e.type === 'error').length >= hostile.length);
    const errors = trainer.events.flatMap((e) => (e.type === 'error' ? [e.message] : []));
    expect(errors).toHaveLength(hostile.length);
    for (const m of errors) expect(m).not.toMatch(/internal error|at .*\.ts:\d+/);
    expect(errors.at(-1)).toMatch(/"\/etc\/passwd" is not a built-in dataset/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    trainer.post(startRequest({}, { epochs: 1 }));
    await trainer.next('done');
    expect(trainer.exit).toBeNull();
  });

  it('loads a data file in the worker, and names a missing one in a clear error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'neuroloom-data-'));
    const csv = join(dir, 'points.csv');
    writeFileSync(csv, ['x,y,label', ...Array.from({ length: 40 }, (_, i) => `${(i % 7) / 7},${(i % 5) / 5},${i % 2}`)].join('\n'));
    const trainer = spawn();
    // Two classes in the label column: one-hot targets, two output units.
    trainer.post(startRequest({ network: layeredNetwork([2, 8, 2]), dataset: { source: 'file', path: csv } }, { epochs: 1, batchSize: 4 }));
    const started = await Promise.race([trainer.next('started'), trainer.next('error').then((e) => Promise.reject(new Error(e.message)))]);
    expect(started.trainCount).toBe(40);
    await trainer.next('done');

    const missing = join(dir, 'nowhere.csv');
    trainer.post(startRequest({ dataset: { source: 'file', path: missing } }));
    const error = await trainer.next('error');
    expect(error.message).toContain(missing);
    expect(error.message).not.toMatch(/internal error/);
  });

  it('throttles progress to about 20 and snapshots to about 10 a second, as the parent receives them', async () => {
    const trainer = spawn();
    const arrivals: { type: string; at: number }[] = [];
    trainer.onEvent((e) => arrivals.push({ type: e.type, at: performance.now() }));
    trainer.post(startRequest({}, { epochs: 100_000 }));
    await trainer.next('started');
    await new Promise((r) => setTimeout(r, 1500));
    trainer.post({ type: 'stop' });
    await trainer.next('status', (e) => e.status === 'stopped');
    const most = (type: string) => {
      const times = arrivals.filter((a) => a.type === type).map((a) => a.at);
      // The busiest one-second window.
      return Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    };
    expect(most('progress')).toBeGreaterThan(5);
    expect(most('progress')).toBeLessThanOrEqual(22);
    expect(most('snapshot')).toBeLessThanOrEqual(12);
  });

  it('loads the built-in MNIST digits in the worker: the request names them, the pixels never cross', async () => {
    const trainer = spawn();
    const request = startRequest({ network: layeredNetwork([784, 30, 10]), dataset: { source: 'builtin', name: 'digits' }, paused: true });
    // The request is the network's 23,860 parameters; 10,000 images would be 7.8 million numbers.
    expect(JSON.stringify(request).length).toBeLessThan(100_000);
    trainer.post(request);
    const started = await trainer.next('started', () => true, 30_000);
    expect(started).toMatchObject({ trainCount: 8000, testCount: 2000 });
    trainer.post({ type: 'step' });
    await trainer.next('snapshot', (e) => e.batch === 1);
  });

  it('reports a SIGKILL mid-run within a second, and no request waits forever', async () => {
    const trainer = spawn();
    trainer.post(startRequest({}, { epochs: 100_000 }));
    await trainer.next('progress');
    const pendingDone = trainer.next('done', () => true, 60_000);
    const t0 = performance.now();
    trainer.child.kill('SIGKILL');
    const error = await trainer.next('error', (e) => /killed/.test(e.message), 1000);
    const latency = performance.now() - t0;
    await expect(pendingDone).rejects.toThrow(/killed \(SIGKILL\)/);
    const rejectedAfter = performance.now() - t0;
    expect(latency).toBeLessThan(1000);
    expect(rejectedAfter).toBeLessThan(1000);
    expect(error.message).toMatch(/The training process was killed \(SIGKILL\)/);
    expect(trainer.events.at(-1)).toMatchObject({ type: 'status', status: 'failed' });
    // After the end: posting is harmless, waiting fails at once.
    trainer.post({ type: 'resume' });
    await expect(trainer.next('epoch', (e) => e.metrics.epoch > 1e9)).rejects.toThrow(/killed/);
    console.info(`crash report latency: ${latency.toFixed(1)} ms (SIGKILL to error event)`);
  });
});

async function waitUntil(test: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
