/**
 * The trainer host with a recurrent network: the same protocol as a dense
 * one, driven by the SequenceTrainer. The oracle is a direct SequenceTrainer
 * run on the same data from the same seed: the host must not change a bit.
 */
import { describe, expect, it } from 'vitest';
import { layeredNetwork } from '../../engine/build';
import { loadSequenceChoice } from '../../engine/datasets/choice';
import { loadBuiltinSequence } from '../../engine/datasets/sequence-sets';
import type { NetworkDocument } from '../../engine/document';
import type { SnapshotEvent, TrainerEvent } from '../../engine/protocol/messages';
import { DEFAULT_HYPERPARAMETERS, type Hyperparameters, type SequenceSettings } from '../../engine/project';
import { RECURRENT_HYPERPARAMETERS } from '../../engine/recipes';
import { compileSequence, initialiseSequenceDocument, initialiseSequenceModel, parameterCount, sequenceNetwork, SequenceTrainer, writeBackSequence, type SequenceEpochMetrics } from '../../engine/recurrent';
import { Rng } from '../../engine/rng';
import { memoryHost, xorSigns } from './memory-port';

const SEED = 4;
const recall: SequenceSettings = { delay: 3, count: 200, symbols: 5 };
const lstm = (o: Partial<Parameters<typeof sequenceNetwork>[0]> = {}): NetworkDocument => sequenceNetwork({ cell: 'lstm', inputSize: 5, hiddenSize: 6, outputSize: 5, ...o });
const hp = (patch: Partial<Hyperparameters> = {}): Hyperparameters => ({ ...RECURRENT_HYPERPARAMETERS, epochs: 3, ...patch });

const start = (overrides: Record<string, unknown> = {}) => ({
  type: 'start',
  network: lstm(),
  dataset: { source: 'builtin', name: 'delayed-recall', sequence: recall },
  hyperparameters: hp(),
  seed: SEED,
  initialise: true,
  ...overrides,
});

/** A host whose loader makes what every real host makes: sequences from the engine, xor-signs examples for the dense cases. */
function host() {
  return memoryHost({
    loadDataset: (choice, seed) => {
      if (choice.source === 'builtin' && choice.name === 'xor-signs') return { train: xorSigns(100, seed), test: null };
      const sequences = loadSequenceChoice(choice, seed);
      if (!sequences) throw new Error(`the test host has no "${JSON.stringify(choice).slice(0, 60)}"`);
      return sequences;
    },
  });
}

/** The oracle: the same network, data, initial weights and settings, trained by a SequenceTrainer directly. */
function directRun(network: NetworkDocument, settings: SequenceSettings, h: Hyperparameters, seed: number) {
  const plan = compileSequence(network);
  initialiseSequenceModel(plan.model, new Rng(seed), { remBias: h.remBias });
  const { train, test } = loadBuiltinSequence('delayed-recall', settings, seed);
  const trainer = new SequenceTrainer(plan.model, train, test, {
    eta: h.eta,
    batchSize: h.batchSize,
    lambda: h.lambda,
    optimizer: { name: h.optimizer, momentum: h.momentum },
    shuffle: h.shuffle,
    seed,
    clipNorm: h.clipNorm ?? null,
  });
  return { plan, trainer };
}

const snapshots = (events: TrainerEvent[]): SnapshotEvent[] => events.filter((e): e is SnapshotEvent => e.type === 'snapshot');

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  expect(worst).toBeLessThanOrEqual(tolerance);
}

describe('trainer host with a recurrent network', () => {
  it('runs a whole training with the same events as a dense one, and the same numbers as a direct SequenceTrainer', async () => {
    const h = host();
    h.send(start());
    await h.next('done');
    const statuses = h.events.flatMap((e) => (e.type === 'status' ? [e.status] : []));
    expect(statuses).toEqual(['loading', 'running', 'done']);
    const started = await h.next('started');
    // 200 sequences in mini-batches of 32; the fresh test set is a quarter the size.
    expect(started).toMatchObject({ kernel: 'js-lstm-float64', trainCount: 200, testCount: 50, batchesPerEpoch: 7, epochs: 3 });

    const { plan, trainer } = directRun(lstm(), recall, hp(), SEED);
    const oracle: SequenceEpochMetrics[] = [];
    for (let e = 0; e < 3; e++) oracle.push(trainer.runEpoch().epoch as SequenceEpochMetrics);
    const metrics = h.events.flatMap((e) => (e.type === 'epoch' ? [e.metrics] : []));
    expect(metrics.map((m) => m.epoch)).toEqual([1, 2, 3]);
    metrics.forEach((m, i) => {
      const o = oracle[i];
      expect(m.trainingCost).toBeCloseTo(o.trainingCost, 12);
      expect(m.testCost).toBeCloseTo(o.testCost as number, 12);
      expect(m.testAccuracy).toBe(o.testAccuracy);
      expect(m.testDeviation).toBeNull();
      expect(m.gradientNorm).toBeCloseTo(o.gradientNorm, 12);
      expect(m.clippedBatches).toBe(o.clippedBatches);
      // The chart's speed of learning, under the document's node ids.
      expect(m.speedOfLearning).toEqual([
        { nodeId: 'lstm', speed: o.speedOfLearning.recurrent },
        { nodeId: 'readout', speed: o.speedOfLearning.readout },
      ]);
    });

    // Snapshots are the model's parameters in compileSequence order: the first the initial weights, the last the trained ones.
    const snaps = snapshots(h.events);
    const initial = compileSequence(initialiseSequenceDocument(lstm(), SEED, { remBias: hp().remBias })).model.params;
    expectClose(snaps[0].params, initial, 0);
    const last = snaps[snaps.length - 1];
    expect(last.params.length).toBe(parameterCount(plan.model.spec));
    expectClose(last.params, plan.model.params);
    // ... and written back, they are a document that compiles to exactly those parameters.
    const trained = writeBackSequence(compileSequence(lstm()), last.params);
    expect(Array.from(compileSequence(trained).model.params)).toEqual(Array.from(last.params));
  });

  it('pauses between mini-batches, steps one at a time, resumes and stops, each step equal to the direct run', async () => {
    const h = host();
    h.send(start({ paused: true, hyperparameters: hp({ epochs: 1000 }) }));
    await h.next('status', (e) => e.status === 'paused');
    const { trainer, plan } = directRun(lstm(), recall, hp({ epochs: 1000 }), SEED);
    for (let b = 1; b <= 3; b++) {
      h.send({ type: 'step' });
      trainer.step();
      const snap = snapshots(h.events).at(-1) as SnapshotEvent;
      expect(snap.batch).toBe(b);
      expectClose(snap.params, plan.model.params);
    }
    h.send({ type: 'resume' });
    await h.next('epoch');
    h.send({ type: 'pause' });
    await h.next('status', (e) => e.status === 'paused');
    const count = h.events.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(h.events.length).toBe(count); // nothing runs while paused
    h.send({ type: 'stop' });
    await h.next('status', (e) => e.status === 'stopped');
    const epochsAtStop = h.events.filter((e) => e.type === 'epoch').length;
    h.send({ type: 'resume' });
    await new Promise((r) => setTimeout(r, 50));
    expect(h.events.filter((e) => e.type === 'epoch').length).toBe(epochsAtStop);
  });

  it('applies a new mini-batch size and learning rate from the next epoch on', async () => {
    const h = host();
    h.send(start({ paused: true, hyperparameters: hp({ epochs: 2 }) }));
    await h.next('status', (e) => e.status === 'paused');
    h.send({ type: 'step' });
    h.send({ type: 'setHyperparameters', patch: { batchSize: 100, eta: 0.005, epochs: 3 } });
    h.send({ type: 'resume' });
    await h.next('done');
    const progress = h.events.flatMap((e) => (e.type === 'progress' ? [e] : []));
    // Epoch 1 keeps its 7 mini-batches of 32; from epoch 2 on there are 2 of 100.
    expect(progress[0].batchesPerEpoch).toBe(7);
    expect(progress.at(-1)?.batchesPerEpoch).toBe(2);
    expect(h.events.filter((e) => e.type === 'epoch')).toHaveLength(3);
    // The oracle: the same change, made as the host makes it (after one step).
    const { trainer, plan } = directRun(lstm(), recall, hp(), SEED);
    trainer.step();
    trainer.updateSettings({ batchSize: 100, eta: 0.005 });
    for (let e = 0; e < 3; e++) trainer.runEpoch();
    expectClose((snapshots(h.events).at(-1) as SnapshotEvent).params, plan.model.params);
  });

  it('trains the document’s own weights when asked not to initialise', async () => {
    const own = initialiseSequenceDocument(lstm({ cell: 'rnn' }), 99);
    const h = host();
    h.send(start({ network: own, initialise: false, paused: true }));
    await h.next('status', (e) => e.status === 'paused');
    expectClose(snapshots(h.events)[0].params, compileSequence(own).model.params, 0);
    expect((await h.next('started')).kernel).toBe('js-rnn-float64');
  });

  it('reports divergence with a hint and keeps the last finite weights', async () => {
    const h = host();
    const network = initialiseSequenceDocument(sequenceNetwork({ cell: 'rnn', inputSize: 5, hiddenSize: 6, outputSize: 5, outputActivation: 'linear', cost: 'quadratic' }), 1);
    h.send(start({ network, initialise: false, hyperparameters: hp({ optimizer: 'sgd', eta: 1e200, clipNorm: undefined }) }));
    const d = await h.next('diverged');
    expect(d.divergence.hint).toMatch(/eta = 1e\+200 is probably too high.*clip the gradient norm/);
    const last = snapshots(h.events).at(-1) as SnapshotEvent;
    expect(Array.from(last.params).every(Number.isFinite)).toBe(true);
    await h.next('status', (e) => e.status === 'diverged');
  });

  describe('bad requests: one clear error naming both sides, and the host lives on', () => {
    const failure = async (request: Record<string, unknown>): Promise<string> => {
      const h = host();
      h.send(request);
      const failed = await h.next('status', (e) => e.status === 'failed');
      expect(h.events.filter((e) => e.type === 'error')).toHaveLength(1);
      // The same host then trains a good request.
      h.send(start({ hyperparameters: hp({ epochs: 1 }) }));
      await h.next('done');
      return failed.message ?? '';
    };

    it.each([
      ['a recurrent network and an image dataset', { dataset: { source: 'builtin', name: 'digits' } }, /^"digits" is not a sequence dataset, but this network has an LSTM or recurrent node/],
      ['a recurrent network and examples from the host', { dataset: { source: 'builtin', name: 'xor-signs' } }, /^"xor-signs" is not a sequence dataset, but this network has an LSTM/],
      ['a feed-forward network and a sequence set', { network: layeredNetwork([5, 4, 5]) }, /^"delayed-recall" is a sequence dataset: it trains a network with an LSTM or recurrent node, and this network has none/],
      ['features per step', { network: lstm({ inputSize: 4 }) }, /^sequence dataset "delayed-recall-k3 \(train\)" has 5 features per step, but the Input "input" has size 4/],
      ['outputs', { network: lstm({ outputSize: 6 }) }, /^sequence dataset "delayed-recall-k3 \(train\)" has targets of 5 values, but the readout "readout" has 6 units/],
      ['where the targets are', { network: lstm({ outputs: 'every' }) }, /^the LSTM node "lstm" reads out at every step, but sequence dataset "delayed-recall-k3 \(train\)" has one target per sequence, at its last step: set the node's outputs to "last"/],
      [
        'sequence settings that would fill the memory',
        { dataset: { source: 'builtin', name: 'delayed-recall', sequence: { count: 100_000, delay: 1000, length: 10_000 } } },
        /^delayed-recall: 100,000 sequences of 10,000 steps .* more than the 16,777,216 a generated set may/,
      ],
      ['a delay longer than the sequences', { dataset: { source: 'builtin', name: 'delayed-recall', sequence: { delay: 9, length: 5 } } }, /a sequence of 5 steps has no step 9 steps after another/],
      ['a readout that does not fit its cost', { network: lstm({ outputActivation: 'linear', cost: 'logLikelihood' }) }, /log-likelihood cost needs softmax outputs/],
      ['a truncated sequence CSV upload', { dataset: { source: 'upload', kind: 'sequence-csv', name: 'walks.csv', bytes: new TextEncoder().encode('sequence,x,target\na,1,') } }, /^walks\.csv: sequence "a" \(from line 2\) has no target in any row/],
    ])('%s', async (_, overrides, pattern) => {
      expect(await failure(start(overrides))).toMatch(pattern);
    });

    it('refuses hostile settings before loading anything', () => {
      const h = host();
      for (const sequence of [{ count: -1 }, { delay: 1e9 }, { symbols: 1000 }, { targets: 'sometimes' }, { length: 2.5 }, { count: '1e9' }]) {
        h.send(start({ dataset: { source: 'builtin', name: 'delayed-recall', sequence } }));
      }
      const errors = h.events.filter((e) => e.type === 'error');
      expect(errors).toHaveLength(6);
      for (const e of errors) expect(e.type === 'error' && e.message).toMatch(/^bad trainer request: dataset/);
      expect(h.events.filter((e) => e.type === 'status')).toHaveLength(0);
    });

    it('keeps the dense protocol for a dense network on the same host', async () => {
      const h = host();
      h.send(start({ network: layeredNetwork([2, 3, 1]), dataset: { source: 'builtin', name: 'xor-signs' }, hyperparameters: { ...DEFAULT_HYPERPARAMETERS, epochs: 1 } }));
      await h.next('done');
      expect((await h.next('started')).kernel).toMatch(/^wasm-simd-float64/);
    });
  });
});
