/** The BatchKernel contract on small cases: a hand-computed batch, frozen parameters, divergence, evaluation, declines. */
import { describe, expect, it } from 'vitest';
import { layeredNetwork } from '../../../engine/build';
import { compile } from '../../../engine/compile';
import type { Dataset } from '../../../engine/datasets/dataset';
import type { NetworkDocument } from '../../../engine/document';
import { evaluatePlan } from '../../../engine/js-kernel';
import { Trainer } from '../../../engine/train';
import { createWasmKernel, wasmDeclineReason, wasmKernelFactory, wasmSimdAvailable } from '../../../engine/wasm';
import { jsKernel, maxRelativeDifference, planFor, randomDataset, runBatches, shuffledOrder, VARIANTS, wasmKernel } from './fixtures';

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** One sigmoid neuron on two inputs, quadratic cost: w = (0.5, -0.3), b = 0.1. */
function neuron(): NetworkDocument {
  return layeredNetwork([2, 1], { activation: 'sigmoid', cost: 'quadratic', weights: [[[0.5, -0.3]]], biases: [[0.1]] });
}

const twoExamples: Dataset = {
  name: 'two',
  task: 'regression',
  inputSize: 2,
  outputSize: 1,
  count: 2,
  x: new Float64Array([1, 2, 0.5, -1]),
  y: new Float64Array([1, 0]),
};

describe.runIf(wasmSimdAvailable())('wasm kernel semantics', () => {
  for (const fma of VARIANTS)
  for (const precision of ['float64', 'float32'] as const) {
    const build = fma ? ', fused multiply-add build' : '';
    it(`trains one batch as the update rule says by hand (${precision}${build})`, () => {
      const plan = compile(neuron(), precision);
      const kernel = wasmKernel(plan, twoExamples, fma);
      const eta = 1.5;
      const lambda = 0.2;
      const n = 4;
      // By hand: z1 = 0.5 - 0.6 + 0.1 = 0, a1 = 1/2; z2 = 0.25 + 0.3 + 0.1 = 0.65.
      const a1 = 0.5;
      const a2 = sigmoid(0.65);
      const d1 = (a1 - 1) * a1 * (1 - a1);
      const d2 = (a2 - 0) * a2 * (1 - a2);
      const decay = 1 - (eta * lambda) / n;
      const expectedW = [decay * 0.5 - (eta / 2) * (d1 * 1 + d2 * 0.5), decay * -0.3 - (eta / 2) * (d1 * 2 + d2 * -1)];
      const expectedB = 0.1 - (eta / 2) * (d1 + d2);
      const expectedCost = 0.5 * (a1 - 1) ** 2 + 0.5 * a2 ** 2;

      const cost = kernel.trainBatch(new Uint32Array([0, 1]), 0, 2, { eta, lambda, n });
      kernel.syncToPlan();
      const tolerance = precision === 'float64' ? 1e-15 : 1e-7;
      expect(Math.abs(cost - expectedCost) / expectedCost).toBeLessThan(tolerance);
      // compile() puts the bias first, then the weight row.
      expect(maxRelativeDifference(plan.params, [expectedB, ...expectedW])).toBeLessThan(tolerance);
      const speed = new Float64Array(2);
      kernel.addSpeedOfLearning(speed);
      expect(Math.abs(speed[1] - Math.abs(d1 + d2) / 2)).toBeLessThan(tolerance);
    });

    it(`never changes frozen parameters, and trains the rest as the JS kernel does (${precision}${build})`, () => {
      const spec = { sizes: [7, 5, 3], activation: 'sigmoid' as const, outputActivation: 'sigmoid' as const, cost: 'crossEntropy' as const };
      const data = randomDataset(11, 7, 3, 50);
      const reference = planFor(spec, 'float64', 11);
      const fast = planFor(spec, precision, 11);
      // Freeze every third parameter: biases and weights of both layers, in no pattern the kernel could exploit.
      for (let i = 0; i < reference.params.length; i += 3) {
        reference.frozen[i] = 1;
        fast.frozen[i] = 1;
      }
      const before = Float64Array.from(fast.params);
      const order = shuffledOrder(data.count, 11);
      const hp = { eta: 0.8, lambda: 3, n: data.count };
      runBatches(jsKernel(reference, data), order, 7, 60, hp, 3);
      runBatches(wasmKernel(fast, data, fma), order, 7, 60, hp, 3);
      for (let i = 0; i < fast.params.length; i++) {
        if (fast.frozen[i]) expect(fast.params[i]).toBe(before[i]);
        else expect(fast.params[i]).not.toBe(before[i]);
      }
      expect(maxRelativeDifference(fast.params, reference.params)).toBeLessThan(precision === 'float64' ? 1e-12 : 1e-4);
    });

    it(`keeps the last finite parameters when a batch diverges (${precision}${build})`, () => {
      const spec = { sizes: [6, 4, 2], activation: 'relu' as const, outputActivation: 'linear' as const, cost: 'quadratic' as const };
      const data = randomDataset(12, 6, 2, 40, 'regression');
      const plan = planFor(spec, precision, 12);
      const kernel = wasmKernel(plan, data, fma);
      const order = shuffledOrder(data.count, 12);
      runBatches(kernel, order, 8, 3, { eta: 0.01, lambda: 0, n: 40 }, 3);
      // Huge steps: the weights grow by ~1e30 per batch until they overflow.
      let before = Float64Array.from(plan.params);
      let result = 0;
      let start = 0;
      for (let batch = 0; batch < 50 && Number.isFinite(result); batch++) {
        kernel.syncToPlan();
        before = Float64Array.from(plan.params);
        start = (start + 8) % 32;
        result = kernel.trainBatch(order, start, 8, { eta: 1e30, lambda: 0, n: 40 });
      }
      expect(Number.isFinite(result)).toBe(false);
      kernel.syncToPlan();
      expect(Array.from(plan.params)).toEqual(Array.from(before));
      expect(Array.from(plan.params).every(Number.isFinite)).toBe(true);
      expect(Math.max(...Array.from(plan.params, Math.abs))).toBeGreaterThan(1e20);
      // And it stays there: the next batch diverges from the same weights.
      expect(Number.isFinite(kernel.trainBatch(order, start, 8, { eta: 1e30, lambda: 0, n: 40 }))).toBe(false);
      kernel.syncToPlan();
      expect(Array.from(plan.params)).toEqual(Array.from(before));
    });

    it(`catches an update that overflows while the cost is still finite, in weights and in biases (${precision}${build})`, () => {
      const max = precision === 'float64' ? 1.79e308 : 3.4e38;
      const doc = layeredNetwork([2, 3, 1], { activation: 'linear', cost: 'quadratic' });
      const halves = { ...doc, edges: doc.edges.map((e) => (e.weights ? { ...e, weights: e.weights.map((r) => r.map(() => 0.5)) } : e)) };
      const cases: Array<{ what: string; doc: NetworkDocument; x: number[]; y: number }> = [
        // Frozen biases: only the weights can overflow (eta delta a is about 50 times the largest float).
        { what: 'weights', doc: { ...halves, nodes: halves.nodes.map((n) => (n.kind === 'layer' ? { ...n, frozen: true } : n)) }, x: [0.5, 1, 0.5, 1], y: 100 },
        // Zero inputs and biases: every a is 0, so the weights stay; (eta/m) delta is finite for
        // each example, but the output bias's sum over the two is beyond the largest float.
        { what: 'biases', doc: halves, x: [0, 0, 0, 0], y: 1.5 },
      ];
      for (const c of cases) {
        const data: Dataset = { name: 'far', task: 'regression', inputSize: 2, outputSize: 1, count: 2, x: new Float32Array(c.x), y: new Float32Array([c.y, c.y]) };
        const plan = compile(c.doc, precision);
        const kernel = wasmKernel(plan, data, fma);
        const before = Array.from(plan.params);
        const result = kernel.trainBatch(new Uint32Array([0, 1]), 0, 2, { eta: max, lambda: 0, n: 2 });
        expect(Number.isFinite(result), c.what).toBe(false);
        kernel.syncToPlan();
        expect(Array.from(plan.params), c.what).toEqual(before);
        // The JS kernel agrees that these batches diverge.
        const reference = compile(c.doc, precision);
        expect(Number.isFinite(jsKernel(reference, data).trainBatch(new Uint32Array([0, 1]), 0, 2, { eta: max, lambda: 0, n: 2 })), c.what).toBe(false);
      }
    });

    it(`shifts softmax by the largest input, so large inputs do not overflow (${precision}${build})`, () => {
      const doc = layeredNetwork([2, 3], {
        activation: 'softmax',
        cost: 'logLikelihood',
        weights: [[[1, 0], [0, 1], [1, 1]]],
        biases: [[700, 710, 705]],
      });
      const data: Dataset = { name: 'big', task: 'classification', inputSize: 2, outputSize: 3, count: 1, x: new Float32Array([0.25, 0.5]), y: new Float32Array([0, 1, 0]), labels: new Uint8Array([1]) };
      const plan = compile(doc, precision);
      const actual = wasmKernel(plan, data, fma).evaluate(data);
      const expected = evaluatePlan(compile(doc, 'float64'), data);
      expect(Number.isFinite(actual.costSum)).toBe(true);
      expect(actual.costSum).toBeCloseTo(expected.costSum, precision === 'float64' ? 12 : 5);
      expect(actual.correct).toBe(1);
    });

    it(`diverges on a NaN in the data instead of training on it (${precision}${build})`, () => {
      const data = randomDataset(13, 3, 2, 10);
      const x = Float32Array.from(data.x);
      x[4] = NaN;
      const plan = planFor({ sizes: [3, 3, 2], activation: 'sigmoid', outputActivation: 'sigmoid', cost: 'crossEntropy' }, precision, 13);
      const kernel = wasmKernel(plan, { ...data, x }, fma);
      const before = Float64Array.from(plan.params);
      expect(Number.isFinite(kernel.trainBatch(new Uint32Array([1, 0]), 0, 2, { eta: 0.1, lambda: 0, n: 10 }))).toBe(false);
      kernel.syncToPlan();
      expect(Array.from(plan.params)).toEqual(Array.from(before));
    });

    it(`evaluates as evaluatePlan does, on the training set and on another (${precision}${build})`, () => {
      const cases = [
        { spec: { sizes: [11, 6, 4], activation: 'sigmoid' as const, outputActivation: 'softmax' as const, cost: 'logLikelihood' as const }, task: 'classification' as const },
        { spec: { sizes: [5, 3, 1], activation: 'tanh' as const, outputActivation: 'sigmoid' as const, cost: 'crossEntropy' as const }, task: 'classification' as const },
        { spec: { sizes: [4, 9, 2], activation: 'relu' as const, outputActivation: 'linear' as const, cost: 'quadratic' as const }, task: 'regression' as const },
      ];
      for (const { spec, task } of cases) {
        const outputs = spec.sizes[spec.sizes.length - 1];
        const train = randomDataset(14, spec.sizes[0], outputs, 70, task);
        const test = randomDataset(15, spec.sizes[0], outputs, 150, task);
        const plan = planFor(spec, precision, 14);
        const kernel = wasmKernel(plan, train, fma);
        runBatches(kernel, shuffledOrder(70, 14), 10, 20, { eta: 0.1, lambda: 0, n: 70 }, 3);
        const reference = compile(plan.source, 'float64');
        reference.params.set(plan.params);
        for (const data of [train, test]) {
          const actual = kernel.evaluate(data);
          const expected = evaluatePlan(reference, data);
          const tolerance = precision === 'float64' ? 1e-12 : 1e-5;
          expect(actual.count).toBe(expected.count);
          expect(Math.abs(actual.costSum - expected.costSum) / expected.costSum).toBeLessThan(tolerance);
          expect(Math.abs(actual.absDeviationSum - expected.absDeviationSum) / expected.absDeviationSum).toBeLessThan(tolerance);
          if (precision === 'float64') expect(actual.correct).toBe(expected.correct);
          else expect(Math.abs(actual.correct - expected.correct)).toBeLessThanOrEqual(1);
        }
      }
    });
  }

  it('declines the plans it does not run, and the Trainer falls back to the JS kernel', () => {
    const data = randomDataset(16, 3, 2, 20);
    const chain = planFor({ sizes: [3, 4, 2], activation: 'sigmoid', outputActivation: 'sigmoid', cost: 'crossEntropy' }, 'float64', 16);
    expect(wasmDeclineReason({ plan: chain, train: data, optimizer: { name: 'sgd' } })).toBeNull();
    expect(wasmDeclineReason({ plan: chain, train: data, optimizer: { name: 'momentum' } })).toMatch(/momentum/);
    expect(createWasmKernel({ plan: chain, train: data, optimizer: { name: 'adam' } })).toBeNull();

    const hiddenSoftmax = planFor({ sizes: [3, 4, 2], activation: 'softmax', outputActivation: 'sigmoid', cost: 'crossEntropy' }, 'float64', 16);
    expect(wasmDeclineReason({ plan: hiddenSoftmax, train: data, optimizer: { name: 'sgd' } })).toMatch(/hidden softmax/);

    // A skip connection from the input straight to the output layer.
    const doc = layeredNetwork([3, 4, 2]);
    const skip: NetworkDocument = {
      ...doc,
      edges: [...doc.edges, { id: 'skip', source: 'input', target: 'output-layer', weights: [[0.1, 0.2, 0.3], [0.3, 0.2, 0.1]] }],
    };
    const skipPlan = compile(skip, 'float64');
    expect(wasmDeclineReason({ plan: skipPlan, train: data, optimizer: { name: 'sgd' } })).toMatch(/not fed by exactly the block before it/);
    const trainer = new Trainer(skipPlan, data, null, { eta: 0.1, batchSize: 5, lambda: 0, optimizer: { name: 'sgd' }, shuffle: 'none', seed: 1 }, { kernels: [wasmKernelFactory] });
    expect(trainer.kernel.name).toBe('js-float64');
  });

  it('runs whole epochs in the Trainer with the same metrics as the JS kernel', () => {
    const spec = { sizes: [8, 6, 3], activation: 'sigmoid' as const, outputActivation: 'sigmoid' as const, cost: 'crossEntropy' as const };
    const train = randomDataset(17, 8, 3, 95);
    const test = randomDataset(18, 8, 3, 40);
    const settings = { eta: 0.5, batchSize: 10, lambda: 2, optimizer: { name: 'sgd' as const }, shuffle: 'seeded' as const, seed: 5 };
    const now = (): number => 0;
    const wasm = new Trainer(planFor(spec, 'float64', 17), train, test, settings, { kernels: [wasmKernelFactory], now });
    const js = new Trainer(planFor(spec, 'float64', 17), train, test, settings, { now });
    expect(wasm.kernel.name).toMatch(/^wasm-simd-(fma-)?float64$/);
    for (let epoch = 0; epoch < 3; epoch++) {
      const a = wasm.runEpoch().epoch;
      const b = js.runEpoch().epoch;
      expect(a && b).toBeTruthy();
      if (!a || !b) return;
      expect(a.trainingCost).toBeCloseTo(b.trainingCost, 12);
      expect(a.testCost ?? NaN).toBeCloseTo(b.testCost ?? NaN, 12);
      expect(a.testAccuracy).toBe(b.testAccuracy);
      a.speedOfLearning.forEach((s, i) => expect(s.speed).toBeCloseTo(b.speedOfLearning[i].speed, 12));
    }
    expect(maxRelativeDifference(wasm.plan.params, js.plan.params)).toBeLessThan(1e-12);
  });
});

describe.runIf(wasmSimdAvailable())('wasm kernel input checks', () => {
  it('rejects mini-batches outside the order and examples outside the training set', () => {
    const data = randomDataset(19, 3, 2, 10);
    const kernel = wasmKernel(planFor({ sizes: [3, 2, 2], activation: 'sigmoid', outputActivation: 'sigmoid', cost: 'quadratic' }, 'float32', 19), data);
    const hp = { eta: 0.1, lambda: 0, n: 10 };
    const order = shuffledOrder(10, 19);
    expect(() => kernel.trainBatch(order, 0, 0, hp)).toThrow(/mini-batch \[0, 0\)/);
    expect(() => kernel.trainBatch(order, 8, 5, hp)).toThrow(/not within the 10 examples/);
    expect(() => kernel.trainBatch(new Uint32Array([3, 12]), 0, 2, hp)).toThrow(/example 12 does not exist/);
    kernel.dispose();
    expect(() => kernel.trainBatch(order, 0, 2, hp)).toThrow(/disposed/);
  });
});
