import { describe, expect, it } from 'vitest';
import { compile, type Plan } from '../../../engine/compile';
import { meanCost } from '../../../engine/gradcheck';
import { Rng } from '../../../engine/rng';
import { Trainer } from '../../../engine/train';
import { backpropTrace, examplesDataset, findLesson, oneNeuronCurves, type LessonDefinition } from '../../../engine/lessons';
import { oneNeuron, ONE_EXAMPLE } from '../../../engine/lessons/one-neuron';
import { isDecreasing, runner } from './helpers';

const lesson = (id: string): LessonDefinition => findLesson(id) as LessonDefinition;
const sigma = (z: number): number => 1 / (1 + Math.exp(-z));

describe('lesson 4: gradient descent on one neuron (exercise 1.4, chapter 3)', () => {
  it('takes each step as -eta times the hand-computed gradient, under both costs', () => {
    for (const cost of ['quadratic', 'crossEntropy'] as const) {
      for (const [w, b] of [
        [0.6, 0.9],
        [2, 2],
      ]) {
        const plan = compile(oneNeuron(w, b, cost));
        const eta = 0.15;
        const trainer = new Trainer(plan, examplesDataset('1 -> 0', ONE_EXAMPLE), null, {
          eta,
          batchSize: 1,
          lambda: 0,
          optimizer: { name: 'sgd' },
          shuffle: 'none',
          seed: 1,
        });
        const a = sigma(w + b);
        // x = 1, y = 0: dC/dw = dC/db = (a - y) sigma'(z) for quadratic, (a - y) for cross-entropy.
        const gradient = cost === 'quadratic' ? a * a * (1 - a) : a;
        trainer.step();
        const [bias, weight] = plan.params;
        expect(weight - w, `${cost} from (${w}, ${b})`).toBeCloseTo(-eta * gradient, 14);
        expect(bias - b).toBeCloseTo(-eta * gradient, 14);
      }
    }
  });

  it('shows the learning slowdown: from w = b = 2 the quadratic cost barely falls in 50 epochs, cross-entropy falls fast', () => {
    const curves = oneNeuronCurves({ w: 2, b: 2, eta: 0.15, epochs: 50 });
    const drop = (points: typeof curves.quadratic): number => 1 - points[50].cost / points[0].cost;
    expect(curves.quadratic[0].output).toBeCloseTo(sigma(4), 12);
    expect(curves.quadratic[0].cost).toBeCloseTo(0.5 * sigma(4) ** 2, 12);
    expect(curves.crossEntropy[0].cost).toBeCloseTo(-Math.log(1 - sigma(4)), 12);
    expect(drop(curves.quadratic)).toBeLessThan(0.05);
    expect(drop(curves.crossEntropy)).toBeGreaterThan(0.9);
    expect(curves.quadratic[50].output).toBeGreaterThan(0.95);
    expect(curves.crossEntropy[50].output).toBeLessThan(0.2);
    expect(isDecreasing(curves.quadratic.map((p) => p.cost))).toBe(true);
    expect(isDecreasing(curves.crossEntropy.map((p) => p.cost))).toBe(true);
  });

  it('learns quickly from w = 0.6, b = 0.9 under the quadratic cost too', () => {
    const slow = oneNeuronCurves({ w: 2, b: 2, eta: 0.15, epochs: 300 }).quadratic;
    const fast = oneNeuronCurves({ w: 0.6, b: 0.9, eta: 0.15, epochs: 300 }).quadratic;
    const firstStep = (p: typeof fast): number => Math.abs(p[1].w - p[0].w);
    expect(firstStep(fast)).toBeGreaterThan(5 * firstStep(slow));
    expect(fast[300].output).toBeLessThan(0.2);
    // The slow start does learn in the end: the plateau, then the fall.
    expect(slow[300].output).toBeLessThan(0.5);
  });

  it('builds the lesson with the chosen start and cost, and the chapter’s eta', () => {
    const built = lesson('one-neuron-descent').build({ w: 0.6, b: 0.9, cost: 'crossEntropy' });
    expect(built.hyperparameters).toMatchObject({ eta: 0.15, batchSize: 1, lambda: 0 });
    expect(runner(built.network)([1])[0]).toBeCloseTo(sigma(1.5), 14);
    expect(built.network.nodes.find((n) => n.kind === 'output')).toMatchObject({ cost: 'crossEntropy' });
  });
});

describe('lesson 5: backpropagation step by step (chapter 2)', () => {
  /** (C(theta + h) - C(theta - h)) / 2h for one parameter. */
  const numeric = (plan: Plan, index: number, x: number[], y: number[]): number => {
    const h = 1e-6;
    const saved = plan.params[index];
    plan.params[index] = saved + h;
    const plus = meanCost(plan, x, y, 1);
    plan.params[index] = saved - h;
    const minus = meanCost(plan, x, y, 1);
    plan.params[index] = saved;
    return (plus - minus) / (2 * h);
  };

  it('matches finite differences for every dC/dw and every delta = dC/db', () => {
    const rng = new Rng(5);
    for (const cost of ['quadratic', 'crossEntropy'] as const) {
      for (let trial = 0; trial < 5; trial++) {
        const x1 = rng.uniform(-2, 2);
        const x2 = rng.uniform(-2, 2);
        const y = [rng.float(), rng.float()];
        const built = lesson('backprop-step-by-step').build({ x1, x2, y1: y[0], y2: y[1], cost });
        const plan = compile(built.network);
        const trace = backpropTrace(plan, [x1, x2], y);
        expect(trace.cost).toBeCloseTo(meanCost(plan, [x1, x2], y, 1), 14);
        for (const edge of trace.edges) {
          const block = plan.blocks.find((b) => b.nodeId === edge.target);
          const offset = block?.inputs.find((i) => i.edgeId === edge.edgeId)?.weightOffset ?? -1;
          expect(edge.dCdw[0][0], `${cost}: ${edge.edgeId}`).toBeCloseTo(numeric(plan, offset, [x1, x2], y), 8);
        }
        for (const node of trace.nodes) {
          const block = plan.blocks.find((b) => b.nodeId === node.nodeId);
          if (!block || block.kind === 'input') {
            expect(node.delta).toBeNull();
            continue;
          }
          expect(node.delta?.[0], `${cost}: delta of ${node.nodeId}`).toBeCloseTo(numeric(plan, block.biasOffset, [x1, x2], y), 8);
        }
      }
    }
  });

  it('reports z and a from the forward pass and deltas that obey equations 2.9', () => {
    const plan = compile(lesson('backprop-step-by-step').build().network);
    const x = [0.8, 0.2];
    const y = [1, 0];
    const trace = backpropTrace(plan, x, y);
    const node = (id: string): (typeof trace.nodes)[number] => trace.nodes.find((n) => n.nodeId === id) as (typeof trace.nodes)[number];
    const weight = (from: string, to: string): number => trace.edges.find((e) => e.edgeId === `${from}->${to}`)?.weights[0][0] ?? NaN;
    // Hidden neuron 1 by hand: z = 0.5(0.8) - 0.4(0.2) + 0.1.
    expect(node('h1').z[0]).toBeCloseTo(0.42, 14);
    expect(node('h1').a[0]).toBeCloseTo(sigma(0.42), 14);
    const dsigma = (id: string): number => node(id).a[0] * (1 - node(id).a[0]);
    // delta^L = (a - y) sigma'(z^L) for the quadratic cost.
    ['o1', 'o2'].forEach((o, j) => expect(node(o).delta?.[0]).toBeCloseTo((node(o).a[0] - y[j]) * dsigma(o), 14));
    expect(trace.output).toEqual([node('o1').a[0], node('o2').a[0]]);
    // delta^l = (w^{l+1})^T delta^{l+1} (.) sigma'(z^l).
    for (const h of ['h1', 'h2', 'h3']) {
      const back = ['o1', 'o2'].reduce((s, o) => s + weight(h, o) * (node(o).delta?.[0] ?? NaN), 0);
      expect(node(h).delta?.[0]).toBeCloseTo(back * dsigma(h), 14);
    }
    // dC/dw_jk = a_k delta_j.
    for (const e of trace.edges) expect(e.dCdw[0][0]).toBeCloseTo(node(e.source).a[0] * (node(e.target).delta?.[0] ?? NaN), 14);
  });

  it('refuses an example of the wrong size with a clear message', () => {
    const plan = compile(lesson('backprop-step-by-step').build().network);
    expect(() => backpropTrace(plan, [1], [1, 0])).toThrow(/1 inputs but the network takes 2/);
    expect(() => backpropTrace(plan, [1, 2], [1])).toThrow(/1 targets but the Output has 2/);
  });
});

describe('lesson 6: softmax with a constant c (exercise 3.3)', () => {
  const zOf = (x: number): number[] => [-2 * x - 1, 0, 2 * x - 1];
  const xs = Array.from({ length: 61 }, (_, i) => -1.5 + i * 0.05);

  it('is e^{cz_j} / sum e^{cz_i}, realised by scaling the weights and biases by c', () => {
    for (const c of [0.5, 1, 3]) {
      const run = runner(lesson('softmax-temperature').build({ c }).network);
      for (const x of xs) {
        const e = zOf(x).map((z) => Math.exp(c * z));
        const s = e.reduce((p, q) => p + q, 0);
        run([x]).forEach((a, j) => expect(a).toBeCloseTo(e[j] / s, 14));
      }
    }
  });

  it('sums to 1 at c = 1 (and at every c)', () => {
    for (const c of [1, 0.01, 50, 1000]) {
      const run = runner(lesson('softmax-temperature').build({ c }).network);
      for (const x of xs) expect(run([x]).reduce((p, q) => p + q, 0)).toBeCloseTo(1, 14);
    }
  });

  it('tends to one-hot at the maximum as c grows', () => {
    const away = xs.filter((x) => Math.abs(Math.abs(x) - 0.5) > 0.04);
    const distance = (c: number): number => {
      const run = runner(lesson('softmax-temperature').build({ c }).network);
      return Math.max(
        ...away.map((x) => {
          const z = zOf(x);
          const top = z.indexOf(Math.max(...z));
          return Math.max(...run([x]).map((a, j) => Math.abs(a - (j === top ? 1 : 0))));
        }),
      );
    };
    const d = [1, 2, 5, 10, 30, 100, 1000].map(distance);
    expect(isDecreasing(d)).toBe(true);
    expect(d[0]).toBeGreaterThan(0.3);
    // The nearest points to a tie are 0.05 away, where the gap in z is 0.1: e^{-0.1c}.
    expect(d[5]).toBeLessThan(Math.exp(-10) * 1.01);
    expect(d[6]).toBeLessThan(1e-40);
    // At a tie the two largest share the output for every c.
    const tie = runner(lesson('softmax-temperature').build({ c: 1000 }).network)([0.5]);
    expect(tie[1]).toBeCloseTo(0.5, 12);
    expect(tie[2]).toBeCloseTo(0.5, 12);
  });
});
