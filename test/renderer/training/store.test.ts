import { afterEach, describe, expect, it } from 'vitest';
import { layeredNetwork } from '../../../engine/build';
import { DEFAULT_HYPERPARAMETERS, type Hyperparameters } from '../../../engine/project';
import type { TrainerEvent } from '../../../engine/protocol/messages';
import type { EpochMetrics } from '../../../engine/train';
import type { TrainerConnection } from '../../../renderer/platform/host';
import { oneNeuronCurve, oneNeuronDescent } from '../../../engine/lessons/one-neuron';
import { examplesUpload } from '../../../engine/datasets/uploaded';
import { settingsFor } from '../../../renderer/training/settings';
import { createTrainingStore, type TrainingState, type TrainingStore } from '../../../renderer/training/store';
import { drawInitialWeights, weightsIntoDocument } from '../../../renderer/training/weights';
import { memoryConnection, type MemoryConnection } from './memory-connection';

const network = layeredNetwork([2, 6, 1], { cost: 'crossEntropy' });
const hp = (patch: Partial<Hyperparameters> = {}): Hyperparameters => ({ ...DEFAULT_HYPERPARAMETERS, eta: 1, lambda: 0, epochs: 3, batchSize: 10, ...patch });

let stores: TrainingStore[] = [];
afterEach(() => {
  for (const s of stores) {
    s.getState().stop();
    s.getState().dispose();
  }
  stores = [];
});

function setup(patch: Partial<Hyperparameters> = {}, seed = 7): { store: TrainingStore; conn: MemoryConnection } {
  const conn = memoryConnection();
  const store = createTrainingStore(() => conn, settingsFor({ dataset: { source: 'builtin', name: 'xor' }, hyperparameters: hp(patch), seed }));
  stores.push(store);
  return { store, conn };
}

function until(store: TrainingStore, test: (s: TrainingState) => boolean, what: string, ms = 20_000): Promise<TrainingState> {
  return new Promise((resolve, reject) => {
    if (test(store.getState())) return resolve(store.getState());
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${what}; status ${store.getState().status}`));
    }, ms);
    const stop = store.subscribe((s) => {
      if (test(s)) {
        clearTimeout(timer);
        stop();
        resolve(s);
      }
    });
  });
}

const withoutTime = (m: EpochMetrics[]) => m.map(({ elapsedMs: _t, ...rest }) => rest);
const current = (s: TrainingState) => s.runs.find((r) => r.id === s.currentRunId);
const idle = () => new Promise((r) => setTimeout(r, 30));

describe('training store against a real trainer host', () => {
  it('runs a whole training: status, progress, per-epoch metrics, finite weights', async () => {
    const { store } = setup();
    expect(store.getState().train({ network, initialise: true })).toBe(true);
    const s = await until(store, (x) => x.status === 'done', 'done');
    const run = current(s);
    expect(run?.status).toBe('done');
    expect(run?.epochs.map((m) => m.epoch)).toEqual([1, 2, 3]);
    expect(run?.info).toMatchObject({ trainCount: 500, testCount: 200, batchesPerEpoch: 50, epochs: 3 });
    expect(run?.epochs[2].testAccuracy).toBeGreaterThan(0.5);
    expect(s.weights?.params.length).toBe(2 * 6 + 6 + 6 + 1);
    expect(s.weights?.params.every(Number.isFinite)).toBe(true);
    expect(s.progress?.fraction).toBe(1);
  });

  it('the initial weights of a seeded run are the ones Re-randomise draws for that seed', async () => {
    const { store } = setup({}, 11);
    store.getState().train({ network, initialise: true, paused: true });
    const s = await until(store, (x) => x.status === 'paused' && current(x)?.initialParams != null, 'paused with weights');
    expect(Array.from(current(s)?.initialParams ?? [])).toEqual(Array.from(drawInitialWeights(network, 'scaledNormal', 11)));
    const other = setup({}, 1).store;
    other.getState().reRandomise(network, 11);
    expect(Array.from(other.getState().weights?.params ?? [])).toEqual(Array.from(drawInitialWeights(network, 'scaledNormal', 11)));
    expect(other.getState().settings.seed).toBe(11);
    expect(other.getState().status).toBe('idle'); // nothing was running: new weights only
  });

  it('reset to the same initial weights replays the run exactly', async () => {
    const { store } = setup();
    store.getState().train({ network, initialise: true });
    const first = await until(store, (x) => x.status === 'done', 'first run');
    const metrics = withoutTime(current(first)?.epochs ?? []);
    const finalWeights = Array.from(first.weights?.params ?? []);
    expect(store.getState().resetToInitialWeights()).toBe(true);
    // A finished run restarts paused at its first mini-batch, its initial weights on show.
    const paused = await until(store, (x) => x.status === 'paused' && current(x)?.initialParams != null, 'paused replay');
    expect(Array.from(paused.weights?.params ?? [])).toEqual(Array.from(current(first)?.initialParams ?? []));
    store.getState().resume();
    const second = await until(store, (x) => x.status === 'done', 'replay');
    expect(withoutTime(current(second)?.epochs ?? [])).toEqual(metrics);
    expect(Array.from(second.weights?.params ?? [])).toEqual(finalWeights);
    expect(current(second)?.id).not.toBe(current(first)?.id);
  });

  it('Re-randomise gives other weights, and another run', async () => {
    const { store } = setup({ epochs: 1 });
    store.getState().train({ network, initialise: true });
    const a = await until(store, (x) => x.status === 'done', 'run');
    store.getState().reRandomise(network, 12345);
    const b = store.getState();
    expect(b.settings.seed).toBe(12345);
    expect(Array.from(b.weights?.params ?? [])).not.toEqual(Array.from(current(a)?.initialParams ?? []));
  });

  it('steps one mini-batch, then exactly to the end of the epoch, paused or running', async () => {
    const { store } = setup({ epochs: 100_000 });
    store.getState().train({ network, initialise: true, paused: true });
    await until(store, (x) => x.status === 'paused' && x.position !== null, 'paused');
    store.getState().step();
    store.getState().step();
    let s = await until(store, (x) => x.position?.batch === 2 && x.stepsInFlight === 0, 'two steps');
    expect(s.status).toBe('paused');
    store.getState().stepEpoch();
    s = await until(store, (x) => x.stepsInFlight === 0 && x.position?.epoch === 1, 'one epoch');
    expect(s.position).toEqual({ epoch: 1, batch: 0, batchesPerEpoch: 50 });
    expect(current(s)?.epochs).toHaveLength(1);
    await idle();
    expect(store.getState().position).toEqual({ epoch: 1, batch: 0, batchesPerEpoch: 50 }); // nothing ran on
    // From a running trainer: it pauses, then finishes the epoch it is in.
    store.getState().resume();
    await until(store, (x) => x.status === 'running', 'running');
    await idle();
    store.getState().stepEpoch();
    s = await until(store, (x) => x.status === 'paused' && x.stepsInFlight === 0 && x.position?.batch === 0, 'epoch boundary');
    await idle();
    const after = store.getState();
    expect(after.position?.batch).toBe(0);
    expect(current(after)?.epochs).toHaveLength(after.position?.epoch ?? -1);
    expect(after.status).toBe('paused');
  });

  it('pauses, resumes and stops', async () => {
    const { store } = setup({ epochs: 100_000 });
    store.getState().train({ network, initialise: true });
    await until(store, (x) => x.status === 'running' && (x.progress?.batch ?? 0) > 0, 'running');
    store.getState().pause();
    await until(store, (x) => x.status === 'paused', 'paused');
    await idle(); // the pause's own progress report comes after its status
    const p = store.getState().progress;
    await idle();
    expect(store.getState().progress).toEqual(p);
    expect(store.getState().status).toBe('paused');
    store.getState().resume();
    await until(store, (x) => x.status === 'running', 'resumed');
    store.getState().stop();
    const s = await until(store, (x) => x.status === 'stopped', 'stopped');
    expect(current(s)?.status).toBe('stopped');
  });

  it('forwards live hyperparameters and keeps the settings', async () => {
    const { store, conn } = setup({ epochs: 100_000 });
    store.getState().train({ network, initialise: true });
    await until(store, (x) => x.status === 'running', 'running');
    store.getState().setHyperparameters({ eta: 0.25, optimizer: 'momentum' });
    expect(store.getState().settings.hyperparameters).toMatchObject({ eta: 0.25, optimizer: 'momentum' });
    expect(conn.posted.at(-1)).toEqual({ type: 'setHyperparameters', patch: { eta: 0.25 } });
  });

  it('shows a diverged run with its hint and keeps the last finite weights', async () => {
    const relu = layeredNetwork([2, 8, 1], { cost: 'quadratic', activation: 'relu', outputActivation: 'linear' });
    const { store } = setup({ eta: 1e12, init: 'he' });
    store.getState().train({ network: relu, initialise: true });
    const s = await until(store, (x) => x.status === 'diverged', 'diverged');
    expect(s.divergence?.hint).toMatch(/too high/);
    expect(current(s)?.divergence).toEqual(s.divergence);
    expect(s.weights?.params.every(Number.isFinite)).toBe(true);
  });

  it('ignores events of a run it replaced', async () => {
    const { store } = setup({ epochs: 100_000 });
    store.getState().train({ network, initialise: true });
    await until(store, (x) => x.status === 'running' && (x.progress?.batch ?? 0) > 0, 'first running');
    // Straight away a run on another set, of another size: nothing of the first may leak in.
    store.getState().train({ network, dataset: { source: 'builtin', name: 'f2d-bump' }, hyperparameters: hp({ epochs: 2, batchSize: 100 }) });
    const s = await until(store, (x) => x.status === 'done', 'second done');
    const run = current(s);
    expect(run?.info?.trainCount).toBe(1000);
    expect(run?.epochs.map((m) => m.epoch)).toEqual([1, 2]);
    expect(run?.epochs.every((m) => m.testDeviation !== null && m.testAccuracy === null)).toBe(true);
    expect(s.runs).toHaveLength(1);
  });

  it('keeps runs marked for comparison and replaces the others', async () => {
    const { store } = setup({ epochs: 1 });
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      store.getState().train({ network, initialise: true, seed: i + 1 });
      const s = await until(store, (x) => x.status === 'done' && current(x)?.epochs.length === 1, `run ${i}`);
      ids.push(s.currentRunId ?? -1);
      if (i === 0) store.getState().keepRun(ids[0], true);
    }
    expect(store.getState().runs.map((r) => r.id)).toEqual([ids[0], ids[2]]);
    store.getState().clearRuns();
    expect(store.getState().runs.map((r) => r.id)).toEqual([ids[2]]);
  });

  it('refuses a bad request before it reaches the trainer, with a message', () => {
    const { store, conn } = setup();
    expect(store.getState().train({ network, hyperparameters: hp({ eta: -1 }) })).toBe(false);
    expect(store.getState().error).toMatch(/eta.*positive/);
    const none = createTrainingStore(() => conn);
    stores.push(none);
    expect(none.getState().train({ network })).toBe(false);
    expect(none.getState().error).toMatch(/dataset/);
    expect(conn.posted).toHaveLength(0);
    expect(store.getState().resetToInitialWeights()).toBe(false);
  });

  it('reports a dataset the network does not fit as an error from the trainer', async () => {
    const { store } = setup();
    store.getState().train({ network, dataset: { source: 'builtin', name: 'f1d' } });
    const s = await until(store, (x) => x.status === 'failed', 'failed');
    expect(s.error).toMatch(/input|size|feature/i);
  });
});

describe('a lesson trained on its own examples', () => {
  it('the one-neuron lesson through the store gives the lesson’s own curve, epoch by epoch', async () => {
    const lesson = oneNeuronDescent.build({ w: 2, b: 2, cost: 'quadratic', eta: 0.15 });
    const dataset = examplesUpload('the lesson’s example', lesson.examples ?? { task: 'regression', inputs: [] });
    if (!dataset) throw new Error('the lesson has targets');
    const store = createTrainingStore(memoryConnection, settingsFor({ dataset, hyperparameters: lesson.hyperparameters }));
    stores.push(store);
    expect(store.getState().train({ network: lesson.network })).toBe(true);
    const s = await until(store, (x) => x.status === 'done', 'done');
    const curve = oneNeuronCurve('quadratic', { w: 2, b: 2, eta: 0.15, epochs: 300 });
    const run = current(s);
    expect(run?.epochs).toHaveLength(300);
    // An epoch's training cost is measured before its one step: the curve's point one epoch earlier.
    run?.epochs.forEach((m, i) => expect(m.trainingCost).toBe(curve[i].cost));
    expect(Array.from(s.weights?.params ?? [])).toEqual([curve[300].b, curve[300].w]);
    // The learning slowdown of chapter 3: after 60 epochs the quadratic cost has barely moved.
    expect(run?.epochs[59].trainingCost).toBeGreaterThan(0.3);
  });
});

describe('a connection that dies', () => {
  it('shows the failure, and the next Train connects afresh', () => {
    const made: { posted: string[]; emit: (e: TrainerEvent) => void }[] = [];
    const connect = (): TrainerConnection => {
      let handler: (e: TrainerEvent) => void = () => {};
      const c = { posted: [] as string[], emit: (e: TrainerEvent) => handler(e) };
      made.push(c);
      return {
        post: (r) => c.posted.push(r.type),
        onEvent: (h) => {
          handler = h;
          return () => {
            handler = () => {};
          };
        },
        dispose: () => {},
      };
    };
    const store = createTrainingStore(connect, settingsFor({ dataset: { source: 'builtin', name: 'xor' }, hyperparameters: hp() }));
    stores.push(store);
    store.getState().train({ network });
    expect(made).toHaveLength(1);
    // The process died before it even said "loading".
    made[0].emit({ type: 'error', message: 'the trainer stopped working: gone' });
    made[0].emit({ type: 'status', status: 'failed', message: 'the trainer stopped working: gone' });
    expect(store.getState()).toMatchObject({ status: 'failed', error: 'the trainer stopped working: gone' });
    store.getState().train({ network });
    expect(made).toHaveLength(2);
    expect(made[1].posted).toEqual(['start']);
    // Events of the new connection are heard, and nothing from the old one is.
    made[1].emit({ type: 'status', status: 'loading' });
    made[0].emit({ type: 'status', status: 'done' });
    expect(store.getState().status).toBe('loading');
  });
});

describe('another project opened', () => {
  it('ends the running trainer, forgets its runs and takes the new settings', async () => {
    const made: MemoryConnection[] = [];
    const disposed: number[] = [];
    const store = createTrainingStore(() => {
      const c = memoryConnection();
      const i = made.length;
      made.push(c);
      return { ...c, dispose: () => (disposed.push(i), c.dispose()) };
    }, settingsFor({ dataset: { source: 'builtin', name: 'xor' }, hyperparameters: hp({ epochs: 100_000 }), seed: 7 }));
    stores.push(store);
    store.getState().train({ network, initialise: true });
    await until(store, (x) => x.status === 'running' && x.weights !== null, 'running');
    const next = settingsFor({ dataset: { source: 'builtin', name: 'f1d' }, hyperparameters: { eta: 0.01 }, seed: 4 });
    store.getState().startAfresh(next);
    expect(disposed).toEqual([0]);
    expect(store.getState()).toMatchObject({ settings: next, status: 'idle', runs: [], currentRunId: null, weights: null, progress: null, error: null });
    await idle(); // nothing of the old run arrives any more
    expect(store.getState()).toMatchObject({ status: 'idle', runs: [], weights: null });
    // The next run gets a fresh connection and is "Run 1" of this project.
    store.getState().train({ network: layeredNetwork([1, 4, 1], { cost: 'quadratic', outputActivation: 'linear' }), initialise: true });
    expect(made).toHaveLength(2);
    expect(store.getState().runs.map((r) => r.label)).toEqual(['Run 1']);
  });
});

describe('weights back onto the canvas', () => {
  it('writes parameters into a moved and renamed copy, not into a changed structure', () => {
    const params = drawInitialWeights(network, 'scaledNormal', 3);
    const moved = { ...network, nodes: network.nodes.map((n) => ({ ...n, position: { x: n.position.x + 5, y: 1 }, label: `${n.label}!` })) };
    const doc = weightsIntoDocument(moved, params);
    expect(doc?.nodes.map((n) => n.label)).toEqual(moved.nodes.map((n) => n.label));
    const hidden = doc?.nodes.find((n) => n.id === 'hidden-1');
    expect(hidden?.kind === 'layer' && hidden.biases).toEqual(Array.from(params.subarray(0, 6)));
    expect(weightsIntoDocument(layeredNetwork([2, 5, 1]), params)).toBeNull();
  });
});
