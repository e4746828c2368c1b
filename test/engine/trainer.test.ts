import { describe, expect, it } from 'vitest';
import { initialiseDocument, layeredNetwork } from '../../engine/build';
import { compile, writeBack } from '../../engine/compile';
import type { Dataset } from '../../engine/datasets/dataset';
import { initialise } from '../../engine/init';
import { Rng } from '../../engine/rng';
import { Trainer, type TrainingSettings } from '../../engine/train';

/** y = 1 when x0 * x1 > 0: a small seeded classification set (xor of signs). */
function xorSigns(count: number, seed: number): Dataset {
  const rng = new Rng(seed);
  const x = new Float64Array(count * 2);
  const y = new Float64Array(count);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    x[2 * i] = rng.uniform(-1, 1);
    x[2 * i + 1] = rng.uniform(-1, 1);
    labels[i] = x[2 * i] * x[2 * i + 1] > 0 ? 1 : 0;
    y[i] = labels[i];
  }
  return { name: 'xor-signs', task: 'classification', inputSize: 2, outputSize: 1, count, x, y, labels };
}

const base: TrainingSettings = { eta: 2, batchSize: 10, lambda: 0, optimizer: { name: 'sgd' }, shuffle: 'seeded', seed: 3 };

function trainXor(settings: Partial<TrainingSettings>, epochs: number, seed = 5) {
  const doc = initialiseDocument(layeredNetwork([2, 8, 1], { cost: 'crossEntropy' }), 'scaledNormal', seed);
  const plan = compile(doc);
  const trainer = new Trainer(plan, xorSigns(400, 1), xorSigns(200, 2), { ...base, ...settings });
  const metrics = [];
  for (let e = 0; e < epochs; e++) {
    const r = trainer.runEpoch();
    if (!r.epoch) throw new Error('epoch did not finish');
    metrics.push(r.epoch);
  }
  return { plan, trainer, metrics };
}

describe('Trainer', () => {
  it('learns xor of signs with SGD, momentum and Adam', () => {
    for (const [optimizer, eta] of [[{ name: 'sgd' }, 2], [{ name: 'momentum', momentum: 0.9 }, 0.2], [{ name: 'adam' }, 0.02]] as const) {
      const { metrics } = trainXor({ optimizer, eta }, 40);
      const first = metrics[0];
      const last = metrics[metrics.length - 1];
      expect(last.trainingCost).toBeLessThan(first.trainingCost * 0.6);
      expect(last.testAccuracy).toBeGreaterThan(0.9);
    }
  });

  it('reports per-epoch metrics with speed of learning per layer', () => {
    const { metrics } = trainXor({}, 2);
    expect(metrics.map((m) => m.epoch)).toEqual([1, 2]);
    const m = metrics[1];
    expect(m.testCost).toBeGreaterThan(0);
    expect(m.testDeviation).toBeNull();
    expect(m.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(m.speedOfLearning.map((s) => s.nodeId)).toEqual(['hidden-1', 'output-layer']);
    for (const s of m.speedOfLearning) expect(s.speed).toBeGreaterThan(0);
  });

  it('gives bit-identical weights for the same seed, and different ones for another seed', () => {
    const a = trainXor({}, 3).plan.params;
    const b = trainXor({}, 3).plan.params;
    expect(Array.from(a)).toEqual(Array.from(b));
    const c = trainXor({ seed: 4 }, 3).plan.params;
    expect(Array.from(c)).not.toEqual(Array.from(a));
    const d = initialiseDocument(layeredNetwork([2, 8, 1]), 'he', 9);
    expect(initialiseDocument(layeredNetwork([2, 8, 1]), 'he', 9)).toEqual(d);
  });

  it('steps one mini-batch at a time and finishes the epoch on the last one', () => {
    const doc = initialiseDocument(layeredNetwork([2, 3, 1]), 'normal', 1);
    const trainer = new Trainer(compile(doc), xorSigns(25, 1), null, { ...base, batchSize: 10 });
    expect(trainer.batchesPerEpoch).toBe(3);
    expect(trainer.step().epoch).toBeUndefined();
    expect(trainer.batch).toBe(1);
    expect(trainer.step().epoch).toBeUndefined();
    const third = trainer.step();
    expect(third.epoch?.epoch).toBe(1);
    expect(third.epoch?.testCost).toBeNull();
    expect(trainer.batch).toBe(0);
  });

  it('never changes frozen parameters', () => {
    const doc = initialiseDocument(layeredNetwork([2, 8, 1], { cost: 'crossEntropy' }), 'scaledNormal', 5);
    doc.edges[0].frozen = true;
    const hidden = doc.nodes[2];
    if (hidden.kind === 'layer') hidden.frozen = true;
    const before = compile(doc);
    const trainer = new Trainer(compile(doc), xorSigns(100, 1), null, { ...base, lambda: 1 });
    trainer.runEpoch();
    const after = trainer.plan;
    let frozenCount = 0;
    let moved = 0;
    for (let i = 0; i < after.params.length; i++) {
      if (after.frozen[i]) {
        frozenCount++;
        expect(after.params[i]).toBe(before.params[i]);
      } else if (after.params[i] !== before.params[i]) moved++;
    }
    expect(frozenCount).toBe(2 * 8 + 1);
    expect(moved).toBeGreaterThan(0);
    // Re-randomising leaves frozen parameters alone too.
    initialise(after, 'normal', new Rng(77));
    for (let i = 0; i < after.params.length; i++) if (after.frozen[i]) expect(after.params[i]).toBe(before.params[i]);
  });

  it('refuses to train a network with a perceptron, saying why', () => {
    const doc = layeredNetwork([2, 2, 1], { activation: 'perceptron', outputActivation: 'sigmoid' });
    expect(() => new Trainer(compile(doc), xorSigns(10, 1), null, base)).toThrow(/"hidden-1" is a perceptron: its step has no slope/);
  });

  it('refuses a cost that does not fit the output units', () => {
    const ll = layeredNetwork([2, 3], { cost: 'logLikelihood', activation: 'sigmoid' });
    expect(() => new Trainer(compile(ll), { ...xorSigns(10, 1), outputSize: 3, y: new Float64Array(30) }, null, base)).toThrow(/log-likelihood cost needs .* softmax/);
    const ce = layeredNetwork([2, 1], { cost: 'crossEntropy', activation: 'tanh' });
    expect(() => new Trainer(compile(ce), xorSigns(10, 1), null, base)).toThrow(/cross-entropy cost needs outputs between 0 and 1/);
  });

  it('refuses datasets of the wrong shape and bad settings', () => {
    const plan = compile(layeredNetwork([3, 1]));
    expect(() => new Trainer(plan, xorSigns(10, 1), null, base)).toThrow(/has 2 inputs per example but the network takes 3/);
    const plan2 = compile(layeredNetwork([2, 1]));
    expect(() => new Trainer(plan2, xorSigns(10, 1), null, { ...base, eta: -1 })).toThrow(/eta must be a positive number/);
    expect(() => new Trainer(plan2, xorSigns(10, 1), null, { ...base, batchSize: 0 })).toThrow(/mini-batch size/);
  });

  it('stops in a diverged state that keeps the last finite weights and names the likely cause', () => {
    const doc = initialiseDocument(layeredNetwork([2, 8, 1], { cost: 'quadratic', activation: 'relu', outputActivation: 'linear' }), 'he', 5);
    const data = xorSigns(200, 1);
    for (let i = 0; i < data.x.length; i++) data.x[i] *= 1e3;
    const trainer = new Trainer(compile(doc), data, null, { ...base, eta: 1e6 });
    let divergence;
    for (let i = 0; i < 200 && !divergence; i++) divergence = trainer.step().divergence;
    expect(divergence).toBeDefined();
    expect(trainer.state).toBe('diverged');
    expect(divergence?.hint).toMatch(/learning rate eta = 1000000 is probably too high/);
    for (const v of trainer.plan.params) expect(Number.isFinite(v)).toBe(true);
    // The kept weights are usable: writing them back gives a valid document.
    expect(() => writeBack(trainer.plan)).not.toThrow();
    expect(trainer.step().divergence).toBe(divergence);
  });

  it('applies L2 as network2.py does: w <- (1 - eta*lambda/n) w - (eta/m) nabla_w, biases undecayed', () => {
    const doc = initialiseDocument(layeredNetwork([2, 1], { cost: 'crossEntropy' }), 'normal', 2);
    const data = xorSigns(4, 1);
    const plan = compile(doc);
    const [b0, w0, w1] = Array.from(plan.params);
    const eta = 0.5;
    const lambda = 3;
    new Trainer(plan, data, null, { ...base, eta, lambda, batchSize: 4, shuffle: 'none' }).step();
    let gb = 0;
    let g0 = 0;
    let g1 = 0;
    for (let i = 0; i < 4; i++) {
      const a = 1 / (1 + Math.exp(-(w0 * data.x[2 * i] + w1 * data.x[2 * i + 1] + b0)));
      const d = a - data.y[i];
      gb += d;
      g0 += d * data.x[2 * i];
      g1 += d * data.x[2 * i + 1];
    }
    const decay = 1 - (eta * lambda) / 4;
    expect(plan.params[0]).toBeCloseTo(b0 - (eta / 4) * gb, 14);
    expect(plan.params[1]).toBeCloseTo(decay * w0 - (eta / 4) * g0, 14);
    expect(plan.params[2]).toBeCloseTo(decay * w1 - (eta / 4) * g1, 14);
  });
});

describe('initialisation schemes', () => {
  it('draws with the documented spread (fan-in 400)', () => {
    const doc = layeredNetwork([400, 300, 100]);
    const stats = (scheme: 'normal' | 'scaledNormal' | 'xavier' | 'he') => {
      const plan = compile(doc);
      initialise(plan, scheme, new Rng(1));
      const hidden = plan.blocks[1];
      const w = plan.params.subarray(hidden.inputs[0].weightOffset, hidden.inputs[0].weightOffset + 300 * 400);
      const b = plan.params.subarray(hidden.biasOffset, hidden.biasOffset + 300);
      const std = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0) / v.length);
      return { w: std(w), b: std(b) };
    };
    expect(stats('normal').w).toBeCloseTo(1, 1);
    expect(stats('normal').b).toBeCloseTo(1, 0);
    expect(stats('scaledNormal').w).toBeCloseTo(1 / 20, 2);
    expect(stats('xavier').w).toBeCloseTo(Math.sqrt(2 / 700), 2);
    expect(stats('xavier').b).toBe(0);
    expect(stats('he').w).toBeCloseTo(Math.sqrt(2 / 400), 2);
  });
});
