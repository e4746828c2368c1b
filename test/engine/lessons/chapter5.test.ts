import { describe, expect, it } from 'vitest';
import { activations } from '../../../engine/activations';
import { compile, writeBack } from '../../../engine/compile';
import { backpropGradient } from '../../../engine/gradcheck';
import { Rng } from '../../../engine/rng';
import { Trainer } from '../../../engine/train';
import { activationCurves, examplesDataset, findLesson, layerSpeeds, type LessonDefinition } from '../../../engine/lessons';
import { chainWeightId, deepDigitsNetwork, diagonalChain } from '../../../engine/lessons/vanishing';
import { loadDigits } from '../../../node/digits';
import { isDecreasing, runner } from './helpers';

const lesson = (id: string): LessonDefinition => findLesson(id) as LessonDefinition;

/** Offset in plan.params of the weight on an edge of the chain (every edge there is 1x1). */
function weightIndex(plan: ReturnType<typeof compile>, edgeId: string): number {
  for (const b of plan.blocks) for (const i of b.inputs) if (i.edgeId === edgeId) return i.weightOffset;
  throw new Error(`no edge ${edgeId}`);
}

describe('lesson 13: vanishing and exploding gradients in the diagonal chain (section 5.1)', () => {
  it('has dL/dw11^(1) = (y_hat - y) times the other weights on the path times x1, for L = 5 .. 50', () => {
    const rng = new Rng(13);
    for (let layers = 5; layers <= 50; layers++) {
      const plan = compile(diagonalChain({ layers, w: 1 }));
      // Different weights everywhere, so a wrong index in the product would show.
      const top = Array.from({ length: layers }, (_, i) => weightIndex(plan, chainWeightId(i + 1, layers)));
      for (const i of top) plan.params[i] = rng.uniform(0.8, 1.2);
      const bottomIds = plan.source.edges.filter((e) => e.source === 'x2' || e.source.startsWith('bottom')).map((e) => e.id);
      for (const id of bottomIds) plan.params[weightIndex(plan, id)] = rng.uniform(0.8, 1.2);
      const x = [rng.uniform(-1, 1), rng.uniform(-1, 1)];
      const y = [rng.uniform(-1, 1)];
      const product = (ids: number[]): number => ids.reduce((p, i) => p * plan.params[i], 1);
      const topPath = product(top);
      const bottomPath = product(bottomIds.map((id) => weightIndex(plan, id)));
      const yHat = topPath * x[0] + bottomPath * x[1];
      expect(runner(writeBack(plan))(x)[0]).toBeCloseTo(yHat, 12);
      const gradient = backpropGradient(plan, x, y, 1);
      const formula = (yHat - y[0]) * product(top.slice(1)) * x[0];
      expect(gradient[top[0]], `L = ${layers}`).toBeCloseTo(formula, 12);
      // And for the last weight: the error times every earlier weight on the path.
      expect(gradient[top[layers - 1]]).toBeCloseTo((yHat - y[0]) * product(top.slice(0, -1)) * x[0], 12);
    }
  });

  it('vanishes with every weight 0.9 and explodes with every weight 1.1', () => {
    const firstGradient = (w: number, layers: number): number => {
      const built = lesson('vanishing-chain').build({ layers, w, x1: 1, x2: 1, y: 1 });
      const plan = compile(built.network);
      return Math.abs(backpropGradient(plan, [1, 1], [1], 1)[weightIndex(plan, chainWeightId(1, layers))]);
    };
    const ls = [5, 10, 20, 30, 40, 50];
    const vanishing = ls.map((l) => firstGradient(0.9, l));
    const exploding = ls.map((l) => firstGradient(1.1, l));
    expect(isDecreasing(vanishing)).toBe(true);
    expect(isDecreasing(exploding.map((g) => -g))).toBe(true);
    // At L = 50: about 0.9^49 = 0.006 against 1.1^49 (2 * 1.1^50 - 1) = 25,000.
    expect(vanishing[5]).toBeLessThan(0.01);
    expect(exploding[5]).toBeGreaterThan(1e4);
    expect(firstGradient(1, 50)).toBeCloseTo(1, 12);
  });

  it('keeps the seed’s "no biases" while training', () => {
    const built = lesson('vanishing-chain').build({ layers: 6, w: 0.95 });
    const plan = compile(built.network);
    const examples = built.examples;
    if (!examples) throw new Error('the chain lesson has a training example');
    const data = examplesDataset('chain', examples);
    const trainer = new Trainer(plan, data, null, { eta: 0.01, batchSize: 1, lambda: 0, optimizer: { name: 'sgd' }, shuffle: 'none', seed: 1 });
    for (let i = 0; i < 5; i++) trainer.step();
    for (const b of plan.blocks) if (b.biasOffset >= 0) expect(plan.params[b.biasOffset]).toBe(0);
  });
});

describe('lessons 13 and 14: speed of learning in a deep network on digits', () => {
  const { train } = loadDigits({ seed: 0, trainCount: 1000, testCount: 0 });
  const seeds = [1, 2, 3];
  const speeds = (activation: 'sigmoid' | 'tanh', seed: number): { first: number; last: number } => {
    const s = layerSpeeds(compile(deepDigitsNetwork(activation, 4, seed)), train, 1000);
    const get = (id: string): number => s.find((l) => l.nodeId === id)?.speed ?? NaN;
    return { first: get('hidden-1'), last: get('hidden-4') };
  };
  const mean = (v: number[]): number => v.reduce((p, q) => p + q, 0) / v.length;
  const sigmoidRuns = seeds.map((seed) => speeds('sigmoid', seed));
  const tanhRuns = seeds.map((seed) => speeds('tanh', seed));

  it('is 784-30-30-30-30-10 with sigmoid units, as in the book', () => {
    const built = lesson('deep-speed-of-learning').build();
    const plan = compile(built.network);
    expect(plan.blocks.map((b) => b.size)).toEqual([784, 30, 30, 30, 30, 10]);
    expect(plan.blocks.slice(1).map((b) => b.activation.name)).toEqual(['sigmoid', 'sigmoid', 'sigmoid', 'sigmoid', 'sigmoid']);
    expect(built.dataset).toBe('digits');
    const tanh = compile(lesson('tanh-instead-of-sigmoid').build().network);
    expect(tanh.blocks.slice(1).map((b) => b.activation.name)).toEqual(['tanh', 'tanh', 'tanh', 'tanh', 'sigmoid']);
  });

  it('measures mean |dC/db| per layer from the mean gradient over the examples', () => {
    const plan = compile(deepDigitsNetwork('sigmoid', 1, 7));
    const s = layerSpeeds(plan, train, 50);
    const g = backpropGradient(plan, train.x, train.y, 50);
    const hidden = plan.blocks[1];
    let sum = 0;
    for (let j = 0; j < 30; j++) sum += Math.abs(g[hidden.biasOffset + j]);
    expect(s.map((l) => l.nodeId)).toEqual(['hidden-1', 'output-layer']);
    expect(s[0].speed).toBeCloseTo(sum / 30, 15);
  });

  it('has the first hidden layer learning slower than the last at initialisation (sigmoid, 3 seeds)', () => {
    expect(mean(sigmoidRuns.map((r) => r.first))).toBeLessThan(mean(sigmoidRuns.map((r) => r.last)));
    // In fact by more than ten times on every seed (measured ratios 0.005 to 0.017).
    for (const r of sigmoidRuns) expect(r.first).toBeLessThan(r.last / 10);
  });

  it('has tanh′(0) = 1 and σ′(0) = 1/4, and plots both curves from the engine', () => {
    expect(activations.tanh.df(0, Math.tanh(0))).toBe(1);
    expect(activations.sigmoid.df(0, activations.sigmoid.f(0))).toBe(0.25);
    const { z, curves } = activationCurves(-4, 4, 161);
    expect(z[80]).toBe(0);
    const [sig, tanh] = curves;
    expect(sig.name).toBe('sigmoid');
    expect(sig.slope[80]).toBe(0.25);
    expect(tanh.slope[80]).toBe(1);
    z.forEach((v, i) => {
      expect(tanh.value[i]).toBeCloseTo(Math.tanh(v), 15);
      // The slopes are the derivatives: central differences agree.
      const h = 1e-5;
      expect(sig.slope[i]).toBeCloseTo((activations.sigmoid.f(v + h) - activations.sigmoid.f(v - h)) / (2 * h), 9);
      expect(tanh.slope[i]).toBeCloseTo((Math.tanh(v + h) - Math.tanh(v - h)) / (2 * h), 9);
    });
    expect(() => activationCurves(1, 0)).toThrow(/lo < hi/);
  });

  it('gives the first hidden layer a larger speed relative to the last with tanh than with sigmoid (3 seeds)', () => {
    const ratio = (runs: { first: number; last: number }[]): number => mean(runs.map((r) => r.first / r.last));
    // Measured: about 0.01 with sigmoid, 0.3 with tanh.
    expect(ratio(tanhRuns)).toBeGreaterThan(ratio(sigmoidRuns));
    expect(ratio(tanhRuns)).toBeGreaterThan(5 * ratio(sigmoidRuns));
  });
});
