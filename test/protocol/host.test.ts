import { describe, expect, it } from 'vitest';
import { layeredNetwork } from '../../engine/build';
import { DEFAULT_HYPERPARAMETERS } from '../../engine/project';
import { memoryHost } from './memory-port';

const start = (overrides: Record<string, unknown> = {}) => ({
  type: 'start',
  network: layeredNetwork([2, 8, 1], { cost: 'crossEntropy' }),
  dataset: { source: 'builtin', name: 'xor-signs' },
  hyperparameters: { ...DEFAULT_HYPERPARAMETERS, eta: 2, lambda: 0, epochs: 5 },
  seed: 3,
  initialise: true,
  ...overrides,
});

describe('trainer host protocol', () => {
  it('runs a whole training: started, epochs, snapshots, progress, done', async () => {
    const host = memoryHost();
    host.send(start());
    const done = await host.next('done');
    expect(done.epochs).toBe(5);
    const started = await host.next('started');
    expect(started.kernel).toMatch(/^wasm-simd-float64/);
    expect(started).toMatchObject({ trainCount: 400, testCount: 100, batchesPerEpoch: 40, epochs: 5 });
    const epochs = host.events.filter((e) => e.type === 'epoch');
    expect(epochs).toHaveLength(5);
    const statuses = host.events.flatMap((e) => (e.type === 'status' ? [e.status] : []));
    expect(statuses).toEqual(['loading', 'running', 'done']);
    const snaps = host.events.filter((e) => e.type === 'snapshot');
    expect(snaps.length).toBeGreaterThanOrEqual(2);
    const last = snaps[snaps.length - 1];
    expect(last.type === 'snapshot' && last.params.length).toBe(8 * 2 + 8 + 8 + 1);
  });

  it('pauses between mini-batches, steps one mini-batch at a time, resumes and stops', async () => {
    const host = memoryHost();
    host.send(start({ paused: true, hyperparameters: { ...DEFAULT_HYPERPARAMETERS, eta: 2, epochs: 1000 } }));
    await host.next('status', (e) => e.status === 'paused');
    host.send({ type: 'step' });
    host.send({ type: 'step' });
    const snaps = host.events.filter((e) => e.type === 'snapshot');
    const after = snaps[snaps.length - 1];
    expect(after.type === 'snapshot' && after.batch).toBe(2);
    host.send({ type: 'resume' });
    await host.next('epoch');
    host.send({ type: 'pause' });
    await host.next('status', (e) => e.status === 'paused');
    const count = host.events.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(host.events.length).toBe(count); // nothing runs while paused
    host.send({ type: 'stop' });
    await host.next('status', (e) => e.status === 'stopped');
    const epochsAtStop = host.events.filter((e) => e.type === 'epoch').length;
    host.send({ type: 'resume' });
    await new Promise((r) => setTimeout(r, 50));
    // A stopped run stays stopped: resume does not bring it back.
    expect(host.events.filter((e) => e.type === 'epoch').length).toBe(epochsAtStop);
  });

  it('throttles progress to at most about 20 a second', async () => {
    const host = memoryHost();
    const t0 = performance.now();
    host.send(start({ hyperparameters: { ...DEFAULT_HYPERPARAMETERS, eta: 2, lambda: 0, epochs: 60 } }));
    await host.next('done');
    const seconds = (performance.now() - t0) / 1000;
    const progress = host.events.filter((e) => e.type === 'progress').length;
    const snapshots = host.events.filter((e) => e.type === 'snapshot').length;
    expect(progress).toBeGreaterThan(0);
    expect(progress).toBeLessThanOrEqual(Math.ceil(seconds * 20) + 2);
    expect(snapshots).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 3);
  });

  it('applies new hyperparameters between epochs', async () => {
    const host = memoryHost();
    host.send(start({ paused: true, hyperparameters: { ...DEFAULT_HYPERPARAMETERS, eta: 2, epochs: 2 } }));
    await host.next('status', (e) => e.status === 'paused');
    host.send({ type: 'setHyperparameters', patch: { epochs: 3, batchSize: 400 } });
    host.send({ type: 'resume' });
    await host.next('done');
    expect(host.events.filter((e) => e.type === 'epoch')).toHaveLength(3);
  });

  it('reports a diverged state with a hint and the last finite weights', async () => {
    const host = memoryHost();
    host.send(start({ network: layeredNetwork([2, 8, 1], { cost: 'quadratic', activation: 'relu', outputActivation: 'linear' }), hyperparameters: { ...DEFAULT_HYPERPARAMETERS, eta: 1e12, init: 'he' } }));
    const d = await host.next('diverged');
    expect(d.divergence.hint).toMatch(/too high/);
    const snaps = host.events.filter((e) => e.type === 'snapshot');
    const last = snaps[snaps.length - 1];
    if (last.type !== 'snapshot') throw new Error('no snapshot');
    expect(Array.from(last.params).every(Number.isFinite)).toBe(true);
    await host.next('status', (e) => e.status === 'diverged');
  });

  it('answers hostile or malformed requests with an error event and keeps working', async () => {
    const host = memoryHost();
    for (const bad of [null, 42, 'start', { type: 'explode' }, { type: 'start' }, { ...start(), seed: -1 }, { type: 'setHyperparameters', patch: { eta: -1 } }, { type: 'setHyperparameters', patch: { __proto__: { eta: 1 }, shell: 'rm' } }]) {
      host.send(bad);
    }
    const errors = host.events.filter((e) => e.type === 'error');
    expect(errors).toHaveLength(8);
    expect(errors[0].type === 'error' && errors[0].message).toMatch(/bad trainer request/);
    host.send(start({ network: { ...layeredNetwork([2, 1]), edges: [] } }));
    const failed = await host.next('status', (e) => e.status === 'failed');
    expect(failed.message).toMatch(/not connected|no Output|Cannot train/);
    host.send(start());
    await host.next('done');
  });
});
