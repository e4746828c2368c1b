import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../engine/activations';
import { compile } from '../../engine/compile';
import type { CostName } from '../../engine/costs';
import { gradientCheck } from '../../engine/gradcheck';
import { randomDag, randomExamples } from './random-dag';

const HIDDEN: ActivationName[] = ['sigmoid', 'tanh', 'relu', 'linear', 'softmax'];

const cases: { cost: CostName; outputs: ActivationName[] }[] = [
  { cost: 'quadratic', outputs: ['sigmoid', 'tanh', 'relu', 'linear', 'softmax'] },
  { cost: 'crossEntropy', outputs: ['sigmoid', 'softmax'] },
  { cost: 'logLikelihood', outputs: ['softmax'] },
];

describe('gradient check on seeded random DAGs (float64)', () => {
  for (const { cost, outputs } of cases) {
    for (const outputActivation of outputs) {
      it(`${cost} with ${outputActivation} outputs: max relative error <= 1e-6 over 12 random DAGs`, () => {
        let worst = 0;
        let checked = 0;
        for (let seed = 1; seed <= 12; seed++) {
          const doc = randomDag(seed * 7919 + outputActivation.length, { hiddenActivations: HIDDEN, outputActivation, cost });
          const plan = compile(doc);
          const { x, y } = randomExamples(seed, plan.inputSize, plan.output?.size ?? 0, 3, cost);
          const r = gradientCheck(plan, x, y, 3);
          worst = Math.max(worst, r.maxRelativeError);
          checked += plan.params.length;
        }
        expect(checked).toBeGreaterThan(100);
        expect(worst).toBeLessThanOrEqual(1e-6);
      });
    }
  }

  it('covers every differentiable hidden activation at least once', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      for (const { cost, outputs } of cases) {
        for (const outputActivation of outputs) {
          const doc = randomDag(seed * 7919 + outputActivation.length, { hiddenActivations: HIDDEN, outputActivation, cost });
          for (const n of doc.nodes) if (n.kind === 'neuron' || n.kind === 'layer') seen.add(n.activation);
        }
      }
    }
    for (const a of HIDDEN) expect(seen.has(a)).toBe(true);
  });

  it('has skip connections in the generated graphs', () => {
    const doc = randomDag(3, { hiddenActivations: HIDDEN, outputActivation: 'sigmoid', cost: 'quadratic' });
    const plan = compile(doc);
    const skips = plan.blocks.some((b) => b.inputs.length > 1);
    expect(skips).toBe(true);
  });

  it('fails when a gradient entry other than the first is NaN', () => {
    const doc = randomDag(11, { hiddenActivations: HIDDEN, outputActivation: 'sigmoid', cost: 'crossEntropy' });
    const plan = compile(doc);
    const { x, y } = randomExamples(5, plan.inputSize, plan.output?.size ?? 0, 3, 'crossEntropy');
    const last = plan.params.length - 1;
    const r = gradientCheck(plan, x, y, 3, { perturbAnalytic: (g) => (g[last] = NaN) });
    expect(r.maxRelativeError).toBe(Infinity);
    expect(r.worst).toBe(last);
  });

  it('fails when one gradient entry is planted 1% off', () => {
    const doc = randomDag(11, { hiddenActivations: HIDDEN, outputActivation: 'sigmoid', cost: 'crossEntropy' });
    const plan = compile(doc);
    const { x, y } = randomExamples(5, plan.inputSize, plan.output?.size ?? 0, 3, 'crossEntropy');
    const clean = gradientCheck(plan, x, y, 3);
    expect(clean.maxRelativeError).toBeLessThanOrEqual(1e-6);
    // Plant the error in the parameter with the largest gradient, where 1% is unmistakable.
    let target = 0;
    for (let i = 0; i < clean.analytic.length; i++) if (Math.abs(clean.analytic[i]) > Math.abs(clean.analytic[target])) target = i;
    const planted = gradientCheck(plan, x, y, 3, { perturbAnalytic: (g) => (g[target] *= 1.01) });
    expect(planted.maxRelativeError).toBeGreaterThan(1e-6);
    expect(planted.worst).toBe(target);
  });
});
