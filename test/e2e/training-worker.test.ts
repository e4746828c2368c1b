/**
 * The trainer scenario through the Web Worker adapter, in Debian's Chromium
 * (issue 4): a full run with progress and metrics; pause, resume, step and
 * stop; the built-in digits from the packed asset; an uploaded file; bad
 * requests answered with an error while the worker lives on; a worker that
 * dies becomes an error event, not a hang. Issue 7: a recurrent network on a
 * generated sequence set and on an uploaded sequence CSV.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { layeredNetwork } from '../../engine/build';
import type { TrainerEvent } from '../../engine/protocol/messages';
import type { NetworkDocument } from '../../engine/document';
import { DEFAULT_HYPERPARAMETERS, type Hyperparameters } from '../../engine/project';
import { loadSequenceChoice } from '../../engine/datasets/choice';
import { RECURRENT_HYPERPARAMETERS } from '../../engine/recipes';
import { sequenceNetwork } from '../../engine/recurrent/network';
import { memoryHost } from '../protocol/memory-port';
import { images, labels } from '../engine/datasets/idx-bytes';
import { serveHarness, type Served } from './training-harness/serve';

let served: Served;
let page: Page;

beforeAll(async () => {
  served = await serveHarness({ build: !inject('e2eBuilt') });
  page = await served.browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(served.url('worker.html'));
  await page.locator('#ready', { hasText: 'ready' }).waitFor({ timeout: 15_000 });
  expect(problems).toEqual([]);
}, 120_000);

afterAll(async () => {
  await served?.close();
});

const hp = (patch: Partial<Hyperparameters> = {}): Hyperparameters => ({ ...DEFAULT_HYPERPARAMETERS, eta: 1, lambda: 0, epochs: 5, ...patch });
const xorStart = (patch: Record<string, unknown> = {}) => ({
  type: 'start',
  network: layeredNetwork([2, 8, 1], { cost: 'crossEntropy' }),
  dataset: { source: 'builtin', name: 'xor' },
  hyperparameters: hp(),
  seed: 3,
  initialise: true,
  ...patch,
});

type Handle = 'main' | 'crashing';

/** Runs in the page: post a request, as the renderer does. */
const post = (request: unknown, handle: Handle = 'main') =>
  page.evaluate(([r, h]) => (globalThis as unknown as { harness: Record<string, { post(m: unknown): void }> }).harness[h].post(r), [request, handle] as const);

/** Index of the first matching event at or after `after`. */
const waitFor = (type: TrainerEvent['type'], status?: string, after = 0, handle: Handle = 'main') =>
  page.evaluate(
    ([t, s, a, h]) =>
      (globalThis as unknown as { harness: Record<string, { waitFor(p: object): Promise<number> }> }).harness[h].waitFor({ type: t, status: s ?? undefined, after: a }),
    [type, status ?? null, after, handle] as const,
  );

/** The events (snapshots with their params' length, sum and finiteness: a Float64Array does not cross as itself). */
const events = (from = 0, handle: Handle = 'main') =>
  page.evaluate(
    ([f, h]) =>
      (globalThis as unknown as { harness: Record<string, { events: TrainerEvent[] }> }).harness[h].events.slice(f).map((e) =>
        e.type === 'snapshot' ? { type: e.type, epoch: e.epoch, batch: e.batch, length: e.params.length, finite: e.params.every(Number.isFinite), isFloat64: e.params instanceof Float64Array } : e,
      ),
    [from, handle] as const,
  ) as Promise<(Exclude<TrainerEvent, { type: 'snapshot' }> | { type: 'snapshot'; epoch: number; batch: number; length: number; finite: boolean; isFloat64: boolean })[]>;

const count = () => page.evaluate(() => (globalThis as unknown as { harness: { main: { events: unknown[] } } }).harness.main.events.length);

/** Starts a run in the page on a CSV file uploaded as its bytes (the bytes are made in the page: a Uint8Array does not cross evaluate). */
async function startOnCsv(page: Page, kind: 'csv' | 'sequence-csv', name: string, rows: string[], network: NetworkDocument, hyperparameters: Hyperparameters): Promise<void> {
  const bytes = Array.from(new TextEncoder().encode(rows.join('\n')));
  await page.evaluate(
    ([k, n, b, net, h]) =>
      (globalThis as unknown as { harness: { main: { post(m: unknown): void } } }).harness.main.post({
        type: 'start',
        network: net,
        dataset: { source: 'upload', kind: k, name: n, bytes: new Uint8Array(b) },
        hyperparameters: h,
        seed: 2,
        initialise: true,
      }),
    [kind, name, bytes, network, hyperparameters] as const,
  );
}

describe('the trainer in a Web Worker (Chromium)', () => {
  it('runs a whole training with progress, per-epoch metrics and weight snapshots', async () => {
    const from = await count();
    await post(xorStart());
    await waitFor('done', undefined, from);
    const ev = await events(from);
    const statuses = ev.flatMap((e) => (e.type === 'status' ? [e.status] : []));
    expect(statuses).toEqual(['loading', 'running', 'done']);
    expect(ev.find((e) => e.type === 'started')).toMatchObject({ trainCount: 500, testCount: 200, batchesPerEpoch: 50, epochs: 5 });
    const epochs = ev.flatMap((e) => (e.type === 'epoch' ? [e.metrics] : []));
    expect(epochs.map((m) => m.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(epochs.every((m) => Number.isFinite(m.trainingCost) && m.testAccuracy !== null)).toBe(true);
    expect(epochs[4].testAccuracy).toBeGreaterThan(0.7);
    expect(epochs[0].speedOfLearning.map((s) => s.nodeId)).toEqual(['hidden-1', 'output-layer']);
    const progress = ev.filter((e) => e.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ fraction: 1, epoch: 5, batch: 0 });
    const snaps = ev.filter((e) => e.type === 'snapshot');
    expect(snaps.length).toBeGreaterThanOrEqual(2);
    expect(snaps.every((s) => s.type === 'snapshot' && s.length === 8 * 2 + 8 + 8 + 1 && s.finite && s.isFloat64)).toBe(true);
  });

  it('pauses between mini-batches, steps, resumes and stops', async () => {
    let from = await count();
    await post(xorStart({ paused: true, hyperparameters: hp({ epochs: 100_000 }) }));
    await waitFor('status', 'paused', from);
    from = await count();
    await post({ type: 'step' });
    await post({ type: 'step' });
    await waitFor('snapshot', undefined, (await waitFor('snapshot', undefined, from)) + 1);
    const stepped = (await events(from)).filter((e) => e.type === 'snapshot');
    expect(stepped.map((s) => (s.type === 'snapshot' ? s.batch : -1))).toEqual([1, 2]);
    from = await count();
    await post({ type: 'resume' });
    await waitFor('epoch', undefined, from);
    await post({ type: 'pause' });
    const paused = await waitFor('status', 'paused', from);
    await page.waitForTimeout(150); // the pause's own progress and snapshot arrive just after its status
    const settled = await count();
    await page.waitForTimeout(300);
    expect(await count()).toBe(settled); // nothing runs while paused
    expect(paused).toBeGreaterThan(from);
    await post({ type: 'stop' });
    await waitFor('status', 'stopped', settled);
    const n = await count();
    await post({ type: 'resume' }); // a stopped run stays stopped
    await page.waitForTimeout(200);
    expect((await events(n)).filter((e) => e.type === 'epoch')).toHaveLength(0);
  });

  it('answers malformed requests with an error and lives on', async () => {
    const from = await count();
    for (const bad of [null, 42, 'start', { type: 'explode' }, { type: 'start' }, { ...xorStart(), seed: -1 }, { type: 'setHyperparameters', patch: { eta: 'fast' } }]) await post(bad);
    await post(xorStart({ hyperparameters: hp({ epochs: 1 }) }));
    await waitFor('done', undefined, from);
    const errors = (await events(from)).filter((e) => e.type === 'error');
    expect(errors).toHaveLength(7);
    for (const e of errors) expect(e.type === 'error' && e.message).toMatch(/^bad trainer request: /);
  });

  it('trains on the built-in digits fetched from the packed asset', async () => {
    const from = await count();
    await post({
      type: 'start',
      network: layeredNetwork([784, 30, 10], { cost: 'crossEntropy', image: { width: 28, height: 28 } }),
      dataset: { source: 'builtin', name: 'digits' },
      hyperparameters: { ...DEFAULT_HYPERPARAMETERS, epochs: 1 },
      seed: 1,
      initialise: true,
    });
    await waitFor('done', undefined, from);
    const ev = await events(from);
    expect(ev.find((e) => e.type === 'started')).toMatchObject({ trainCount: 8000, testCount: 2000, batchesPerEpoch: 800 });
    // The same WebAssembly kernel as the CLI and the utility process runs in the browser's worker.
    expect(ev.find((e) => e.type === 'started')).toMatchObject({ kernel: expect.stringMatching(/^wasm-simd-/) });
    const metrics = ev.flatMap((e) => (e.type === 'epoch' ? [e.metrics] : []));
    // network2.py's recipe reaches about 0.93 after 30 epochs; one epoch is already far above chance.
    expect(metrics[0].testAccuracy).toBeGreaterThan(0.8);
  });

  it('trains on an uploaded CSV, and names the file when an uploaded IDX file is bad', async () => {
    let from = await count();
    const rows = ['x,y,label'];
    for (let i = 0; i < 200; i++) {
      const x = ((i * 37) % 200) / 100 - 1;
      const y = ((i * 91) % 200) / 100 - 1;
      rows.push(`${x},${y},${x * y > 0 ? 1 : 0}`);
    }
    await startOnCsv(page, 'csv', 'quadrants.csv', rows, layeredNetwork([2, 6, 2]), hp({ epochs: 2 }));
    await waitFor('done', undefined, from);
    expect((await events(from)).find((e) => e.type === 'started')).toMatchObject({ trainCount: 200, testCount: 0 });

    from = await count();
    const truncated = Array.from(images(4, 2, 2, new Array(16).fill(7)).subarray(0, 20));
    const labelBytes = Array.from(labels([0, 1, 2, 3]));
    await page.evaluate(
      ([img, lab, network, hyperparameters]) =>
        (globalThis as unknown as { harness: { main: { post(m: unknown): void } } }).harness.main.post({
          type: 'start',
          network,
          dataset: {
            source: 'upload',
            kind: 'idx',
            name: 'train',
            images: { name: 'train-images-idx3-ubyte', bytes: new Uint8Array(img) },
            labels: { name: 'train-labels-idx1-ubyte', bytes: new Uint8Array(lab) },
          },
          hyperparameters,
          seed: 2,
          initialise: true,
        }),
      [truncated, labelBytes, layeredNetwork([4, 10]), hp({ epochs: 1 })] as const,
    );
    await waitFor('status', 'failed', from);
    const error = (await events(from)).find((e) => e.type === 'error');
    expect(error?.type === 'error' && error.message).toMatch(/^train-images-idx3-ubyte: is truncated/);
  });

  it('trains a recurrent network on a generated sequence set to the numbers Node gets, and on an uploaded sequence CSV', async () => {
    const request = {
      type: 'start',
      network: sequenceNetwork({ cell: 'lstm', inputSize: 5, hiddenSize: 6, outputSize: 5 }),
      dataset: { source: 'builtin', name: 'delayed-recall', sequence: { delay: 3, count: 200, symbols: 5 } },
      hyperparameters: { ...RECURRENT_HYPERPARAMETERS, epochs: 2 },
      seed: 4,
      initialise: true,
    };
    let from = await count();
    await post(request);
    const doneAt = await waitFor('done', undefined, from);
    const ev = await events(from);
    expect(ev.find((e) => e.type === 'started')).toMatchObject({ kernel: 'js-lstm-float64', trainCount: 200, testCount: 50, batchesPerEpoch: 7, epochs: 2 });
    const metrics = ev.flatMap((e) => (e.type === 'epoch' ? [e.metrics] : []));
    expect(metrics.map((m) => m.speedOfLearning.map((s) => s.nodeId))).toEqual([['lstm', 'readout'], ['lstm', 'readout']]);
    expect(metrics.every((m) => Number.isFinite(m.gradientNorm) && Number.isInteger(m.clippedBatches))).toBe(true);
    // The same run in Node: the worker's last snapshot holds the same parameters.
    const lastParams = (await page.evaluate(
      (upTo) => {
        const all = (globalThis as unknown as { harness: { main: { events: TrainerEvent[] } } }).harness.main.events.slice(0, upTo + 1);
        const snap = all.filter((e) => e.type === 'snapshot').pop();
        return snap && snap.type === 'snapshot' ? Array.from(snap.params) : [];
      },
      doneAt,
    )) as number[];
    const node = memoryHost({ loadDataset: (choice, seed) => loadSequenceChoice(choice, seed) ?? Promise.reject(new Error('no such set')) });
    node.send(request);
    await node.next('done');
    const nodeSnap = node.events.filter((e) => e.type === 'snapshot').pop();
    const expected = nodeSnap?.type === 'snapshot' ? Array.from(nodeSnap.params) : [];
    expect(lastParams.length).toBe(expected.length);
    expect(Math.max(...lastParams.map((v, i) => Math.abs(v - expected[i])))).toBeLessThanOrEqual(1e-12);

    from = await count();
    const rows = ['sequence,x,target'];
    for (let s = 0; s < 30; s++) for (let t = 0; t < 4; t++) rows.push(`s${s},${(s + t) % 3},${t === 3 ? s % 2 : ''}`);
    await startOnCsv(page, 'sequence-csv', 'walks.csv', rows, sequenceNetwork({ cell: 'rnn', inputSize: 1, hiddenSize: 3, outputSize: 2 }), { ...RECURRENT_HYPERPARAMETERS, epochs: 1 });
    await waitFor('done', undefined, from);
    expect((await events(from)).find((e) => e.type === 'started')).toMatchObject({ kernel: 'js-rnn-float64', trainCount: 30, testCount: 0 });
  });

  it('turns a worker that dies into an error event and a failed status, and starts a fresh one', async () => {
    await post(xorStart(), 'crashing');
    await waitFor('status', 'failed', 0, 'crashing');
    const ev = await events(0, 'crashing');
    expect(ev[0]).toMatchObject({ type: 'error' });
    expect(ev[0].type === 'error' && ev[0].message).toMatch(/^the trainer stopped working: /);
    // The next start gets a new worker, which answers.
    await post(xorStart(), 'crashing');
    await waitFor('status', 'loading', 0, 'crashing');
  });
});
