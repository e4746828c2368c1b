import { describe, expect, it } from 'vitest';
import {
  compileSequence,
  createSequenceModel,
  gradientAtFirstStep,
  initialiseSequenceDocument,
  initialiseSequenceModel,
  sequenceNetwork,
} from '../../engine/recurrent';
import { Rng } from '../../engine/rng';
import {
  chunkPlan,
  decadeTicks,
  FALLBACK_SYMBOLS,
  gradientSetup,
  measureCurves,
  sequenceWork,
  type GradientProgress,
} from '../../renderer/views/recurrent/gradient-k';

const model = (cell: 'lstm' | 'rnn', d: number, symbols = 4) => {
  const m = createSequenceModel({ cell, inputSize: symbols, hiddenSize: d, outputSize: symbols, outputActivation: 'softmax', cost: 'logLikelihood' });
  initialiseSequenceModel(m, new Rng(2));
  return m;
};

/** Runs a job to the end with a synchronous scheduler and returns its last progress report. */
function measureNow(models: Parameters<typeof measureCurves>[0], options: Parameters<typeof measureCurves>[2]): GradientProgress {
  let last: GradientProgress | null = null;
  measureCurves(models, (p) => (last = p), { ...options, schedule: (fn) => fn() });
  if (!last) throw new Error('no progress reported');
  return last;
}

describe('the gradient-vs-k measurement', () => {
  it('gives exactly gradientAtFirstStep when every k fits in one chunk', () => {
    const m = model('lstm', 3);
    const ks = [1, 3, 6];
    const p = measureNow([m], { ks, samples: 5, seed: 9, budget: 1e12 });
    const oracle = gradientAtFirstStep(m, ks, { samples: 5, seed: 9 });
    expect(p.points[0].map((x) => x.k)).toEqual(ks);
    p.points[0].forEach((x, i) => {
      expect(x.norm).toBeCloseTo(oracle[i].norm, 13);
      expect(x.meanLog).toBeCloseTo(oracle[i].meanLog, 13);
    });
    expect(p.done).toBe(p.total);
  });

  it('cuts the work into chunks within the budget, the same chunks for both cells', () => {
    const lstm = model('lstm', 8);
    const rnn = model('rnn', 8);
    const budget = 20_000;
    const chunks = chunkPlan([lstm, rnn], [2, 10], 32, 100, budget);
    for (const k of [2, 10]) {
      const mine = chunks.filter((c) => c.k === k);
      expect(mine.reduce((s, c) => s + c.samples, 0)).toBe(32);
      expect(new Set(mine.map((c) => c.seed)).size).toBe(mine.length);
      for (const c of mine) expect(c.samples * sequenceWork(lstm, k)).toBeLessThanOrEqual(budget);
    }
    // The LSTM's 4 gates make it the costlier one: it sets the chunk size.
    expect(sequenceWork(lstm, 10)).toBe(4 * sequenceWork(rnn, 10));
    // A sequence costlier than the budget still runs, one per chunk.
    expect(chunkPlan([lstm], [1000], 3, 0, 10).map((c) => c.samples)).toEqual([1, 1, 1]);
  });

  it('averages the chunks, so a chunked measure agrees with one run over the same sequences', () => {
    const m = model('rnn', 4);
    // Chunks of 2 with seeds 5, 6, 7: the oracle runs each chunk by itself and averages.
    const p = measureNow([m], { ks: [4], samples: 6, seed: 5, budget: 2 * sequenceWork(m, 4) });
    const parts = [5, 6, 7].map((seed) => gradientAtFirstStep(m, [4], { samples: 2, seed })[0]);
    expect(p.total).toBe(3);
    expect(p.points[0][0].meanLog).toBeCloseTo(parts.reduce((s, r) => s + r.meanLog, 0) / 3, 13);
    expect(p.points[0][0].norm).toBeCloseTo(parts.reduce((s, r) => s + r.norm, 0) / 3, 13);
  });

  it('shows the plain layer’s gradient vanishing far faster than the LSTM’s', () => {
    const setup = gradientSetup(compileSequence(initialiseSequenceDocument(sequenceNetwork({ cell: 'lstm', inputSize: 8, hiddenSize: 8, outputSize: 8 }), 1)), { cell: 'lstm', size: 8 }, 1);
    const p = measureNow(setup.curves.map((c) => c.model), { ks: [1, 32], samples: 16 });
    const [lstm, rnn] = p.points;
    const drop = (pts: typeof lstm): number => (pts[0].meanLog - pts[1].meanLog) / Math.LN10;
    expect(drop(rnn)).toBeGreaterThan(drop(lstm) + 1);
  });

  it('measures one curve again on the very sequences it saw beside the other', () => {
    const lstm = model('lstm', 6);
    const rnn = model('rnn', 6);
    const both = measureNow([lstm, rnn], { ks: [3, 9], samples: 12, budget: 5_000 });
    const alone = measureNow([rnn], { ks: [3, 9], samples: 12, budget: 5_000, chunkModels: [lstm, rnn] });
    expect(alone.points[0]).toEqual(both.points[1]);
    // Chunked by itself, the plain layer takes bigger chunks, other seeds, other sequences.
    expect(measureNow([rnn], { ks: [3, 9], samples: 12, budget: 5_000 }).points[0]).not.toEqual(both.points[1]);
  });

  it('stops when cancelled', () => {
    let calls = 0;
    const queue: (() => void)[] = [];
    const cancel = measureCurves([model('rnn', 2)], () => calls++, { ks: [1, 2, 3], samples: 2, budget: 1e12, schedule: (fn) => queue.push(fn) });
    (queue.shift() as () => void)();
    cancel();
    while (queue.length > 0) (queue.shift() as () => void)();
    expect(calls).toBe(1);
  });
});

describe('what the two curves are', () => {
  it('puts the network on the canvas beside the other cell, freshly initialised with the project seed', () => {
    const doc = initialiseSequenceDocument(sequenceNetwork({ cell: 'rnn', inputSize: 5, hiddenSize: 6, outputSize: 5 }), 3);
    const plan = compileSequence(doc);
    const setup = gradientSetup(plan, { cell: 'rnn', size: 6 }, 42, { remBias: 1 });
    expect(setup.note).toBeNull();
    expect(setup.curves.map((c) => [c.cell, c.current])).toEqual([
      ['lstm', false],
      ['rnn', true],
    ]);
    expect(setup.curves[1].model).toBe(plan.model);
    const oracle = createSequenceModel({ cell: 'lstm', inputSize: 5, hiddenSize: 6, outputSize: 5, outputActivation: 'softmax', cost: 'logLikelihood' });
    initialiseSequenceModel(oracle, new Rng(42), { remBias: 1 });
    expect(setup.curves[0].model.params).toEqual(oracle.params);
    // The same recipe gives the same model object: its curve is measured once.
    expect(gradientSetup(plan, { cell: 'rnn', size: 6 }, 42, { remBias: 1 }).curves[0].model).toBe(setup.curves[0].model);
  });

  it('keeps the fresh plain layer when only the LSTM’s rem bias changes', () => {
    const plan = compileSequence(initialiseSequenceDocument(sequenceNetwork({ cell: 'lstm', inputSize: 4, hiddenSize: 3, outputSize: 4 }), 1));
    const a = gradientSetup(plan, { cell: 'lstm', size: 3 }, 5, { remBias: 1 });
    const b = gradientSetup(plan, { cell: 'lstm', size: 3 }, 5, { remBias: 3 });
    expect(a.curves.map((c) => c.cell)).toEqual(['lstm', 'rnn']);
    expect(b.curves[1].model).toBe(a.curves[1].model);
    expect(gradientSetup(null, { cell: 'lstm', size: 3 }, 5, { remBias: 3 }).curves[0].model).not.toBe(gradientSetup(null, { cell: 'lstm', size: 3 }, 5, { remBias: 1 }).curves[0].model);
  });

  it('measures fresh cells of the node’s size when the network does not read symbols, and says so', () => {
    const plan = compileSequence(sequenceNetwork({ cell: 'lstm', inputSize: 1, hiddenSize: 3, outputSize: 1, outputActivation: 'linear', cost: 'quadratic' }));
    const setup = gradientSetup(plan, { cell: 'lstm', size: 3 }, 1);
    expect(setup.note).toMatch(/reads 1 input and gives 1 linear output, not one-hot symbols: both curves are fresh cells of its size d = 3/);
    expect(setup.curves.map((c) => [c.cell, c.current, c.model.spec.inputSize, c.model.spec.hiddenSize])).toEqual([
      ['lstm', false, FALLBACK_SYMBOLS, 3],
      ['rnn', false, FALLBACK_SYMBOLS, 3],
    ]);
    expect(gradientSetup(null, { cell: 'rnn', size: 2 }, 1).note).toMatch(/not wired/);
  });

  it('labels the log axis by whole decades', () => {
    expect(decadeTicks(-3.2, 0.4)).toEqual([-4, -3, -2, -1, 0, 1]);
    expect(decadeTicks(-30, 0)).toEqual([-32, -28, -24, -20, -16, -12, -8, -4, 0]);
    expect(decadeTicks(-2.5, -2.1)).toEqual([-3, -2]);
  });
});
