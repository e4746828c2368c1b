/**
 * The wasm kernel against the JS reference kernel on seeded random chains:
 * float32 wasm vs float64 JS to float32 tolerance after 100 mini-batches,
 * float64 wasm vs float64 JS to 1e-12 after a few.
 */
import { describe, expect, it } from 'vitest';
import type { Task } from '../../../engine/datasets/dataset';
import { Rng } from '../../../engine/rng';
import { wasmSimdAvailable } from '../../../engine/wasm';
import { jsKernel, maxRelativeDifference, planFor, randomDataset, runBatches, shuffledOrder, VARIANTS, wasmKernel, type NetSpec } from './fixtures';

const CASES: Array<Omit<NetSpec, 'sizes'> & { task?: Task }> = [
  { activation: 'sigmoid', outputActivation: 'sigmoid', cost: 'crossEntropy' },
  { activation: 'sigmoid', outputActivation: 'sigmoid', cost: 'quadratic' },
  { activation: 'tanh', outputActivation: 'softmax', cost: 'logLikelihood' },
  { activation: 'relu', outputActivation: 'softmax', cost: 'crossEntropy' },
  { activation: 'linear', outputActivation: 'softmax', cost: 'quadratic' },
  { activation: 'tanh', outputActivation: 'tanh', cost: 'quadratic' },
  { activation: 'relu', outputActivation: 'linear', cost: 'quadratic', task: 'regression' },
  // Soft targets in (0, 1): cross-entropy needs both of its logs.
  { activation: 'sigmoid', outputActivation: 'sigmoid', cost: 'crossEntropy', task: 'regression' },
];

/** Random layer sizes, deliberately not multiples of the vector width. */
function randomSizes(rng: Rng, outputs: number): number[] {
  const depth = 1 + rng.int(3);
  const sizes = [1 + rng.int(20)];
  for (let l = 1; l < depth; l++) sizes.push(1 + rng.int(12));
  sizes.push(outputs);
  return sizes;
}

describe.runIf(wasmSimdAvailable())('wasm kernel against the JS kernel', () => {
  for (const fma of VARIANTS) {
  const build = fma ? ' (fused multiply-add build)' : '';
  CASES.forEach((c, i) => {
    it(`float32 wasm tracks float64 JS over 100 batches: ${c.activation} -> ${c.outputActivation}, ${c.cost}, ${c.task ?? 'classification'}${build}`, () => {
      const rng = new Rng(100 + i);
      for (let trial = 0; trial < 3; trial++) {
        const outputs = c.outputActivation === 'softmax' ? 2 + rng.int(4) : 1 + rng.int(4);
        const spec = { ...c, sizes: randomSizes(rng, outputs) };
        const seed = 1000 * i + trial;
        const data = randomDataset(seed, spec.sizes[0], outputs, 40 + rng.int(30), c.task ?? 'classification');
        const m = 1 + rng.int(12);
        const hp = { eta: c.activation === 'linear' || c.activation === 'relu' ? 0.05 : 0.5, lambda: rng.int(2) * 2, n: data.count };
        const order = shuffledOrder(data.count, seed);
        const reference = planFor(spec, 'float64', seed);
        const fast = planFor(spec, 'float32', seed);
        const expected = runBatches(jsKernel(reference, data), order, m, 100, hp, reference.blocks.length);
        const actual = runBatches(wasmKernel(fast, data, fma), order, m, 100, hp, fast.blocks.length);
        const where = `sizes ${spec.sizes.join('-')}, m ${m}, lambda ${hp.lambda}`;
        expect(maxRelativeDifference(fast.params, reference.params), where).toBeLessThan(1e-4);
        expect(maxRelativeDifference(actual.costs, expected.costs), where).toBeLessThan(1e-4);
        expect(maxRelativeDifference(actual.speed, expected.speed), where).toBeLessThan(1e-4);
        // The weights must have moved, or the comparison above proves nothing.
        expect(maxRelativeDifference(reference.params, planFor(spec, 'float64', seed).params)).toBeGreaterThan(1e-3);
      }
    });

    it(`float64 wasm matches float64 JS to 1e-12: ${c.activation} -> ${c.outputActivation}, ${c.cost}, ${c.task ?? 'classification'}${build}`, () => {
      const rng = new Rng(200 + i);
      for (let trial = 0; trial < 3; trial++) {
        const outputs = c.outputActivation === 'softmax' ? 2 + rng.int(4) : 1 + rng.int(4);
        const spec = { ...c, sizes: randomSizes(rng, outputs) };
        const seed = 2000 * i + trial;
        const data = randomDataset(seed, spec.sizes[0], outputs, 40, c.task ?? 'classification');
        const m = 1 + rng.int(12);
        const hp = { eta: 0.3, lambda: 1, n: data.count };
        const order = shuffledOrder(data.count, seed);
        const reference = planFor(spec, 'float64', seed);
        const fast = planFor(spec, 'float64', seed);
        const expected = runBatches(jsKernel(reference, data), order, m, 10, hp, reference.blocks.length);
        const actual = runBatches(wasmKernel(fast, data, fma), order, m, 10, hp, fast.blocks.length);
        const where = `sizes ${spec.sizes.join('-')}, m ${m}`;
        expect(maxRelativeDifference(fast.params, reference.params), where).toBeLessThan(1e-12);
        expect(maxRelativeDifference(actual.costs, expected.costs), where).toBeLessThan(1e-12);
        expect(maxRelativeDifference(actual.speed, expected.speed), where).toBeLessThan(1e-12);
      }
    });
  });
  }

  it('grows for mini-batches larger than its first capacity', () => {
    const spec: NetSpec = { sizes: [9, 6, 3], activation: 'sigmoid', outputActivation: 'sigmoid', cost: 'crossEntropy' };
    const data = randomDataset(7, 9, 3, 300);
    const order = shuffledOrder(data.count, 7);
    const reference = planFor(spec, 'float64', 7);
    const fast = planFor(spec, 'float64', 7);
    const js = jsKernel(reference, data);
    const wasm = wasmKernel(fast, data);
    const hp = { eta: 0.5, lambda: 0, n: data.count };
    for (const m of [10, 150, 300, 20]) {
      expect(wasm.trainBatch(order, 0, m, hp)).toBeCloseTo(js.trainBatch(order, 0, m, hp), 10);
    }
    wasm.syncToPlan();
    expect(maxRelativeDifference(fast.params, reference.params)).toBeLessThan(1e-12);
    const evaluation = wasm.evaluate(data);
    expect(evaluation.costSum).toBeCloseTo(js.evaluate(data).costSum, 9);
  });

  it('picks up parameters changed through the plan (syncFromPlan)', () => {
    const spec: NetSpec = { sizes: [5, 4, 2], activation: 'tanh', outputActivation: 'sigmoid', cost: 'quadratic' };
    const data = randomDataset(8, 5, 2, 30);
    const order = shuffledOrder(data.count, 8);
    const reference = planFor(spec, 'float64', 8);
    const fast = planFor(spec, 'float64', 8);
    const js = jsKernel(reference, data);
    const wasm = wasmKernel(fast, data);
    const hp = { eta: 0.5, lambda: 0.5, n: data.count };
    runBatches(js, order, 5, 3, hp, 3);
    runBatches(wasm, order, 5, 3, hp, 3);
    const rng = new Rng(9);
    for (let i = 0; i < reference.params.length; i++) {
      const v = rng.normal();
      reference.params[i] = v;
      fast.params[i] = v;
    }
    wasm.syncFromPlan();
    runBatches(js, order, 5, 4, hp, 3);
    runBatches(wasm, order, 5, 4, hp, 3);
    expect(maxRelativeDifference(fast.params, reference.params)).toBeLessThan(1e-12);
  });
});
