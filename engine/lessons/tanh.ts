/**
 * Lesson 14 (exercise 5.1): tanh instead of sigmoid. The curves of both
 * activations and their slopes, and the deep network of lesson 13 with tanh
 * hidden units.
 */
import { activations } from '../activations';
import { defineLesson } from './define';
import { DEEP_HYPERPARAMETERS, DEEP_SEED, deepDigitsNetwork } from './vanishing';

export interface ActivationCurve {
  name: 'sigmoid' | 'tanh';
  /** f(z) at each z. */
  value: number[];
  /** f'(z) at each z. */
  slope: number[];
}

export interface ActivationCurves {
  z: number[];
  curves: ActivationCurve[];
}

/** sigmoid, tanh and their derivatives at `count` evenly spaced z in [lo, hi], from the engine's own records. */
export function activationCurves(lo = -4, hi = 4, count = 161): ActivationCurves {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) throw new Error(`activation curves need lo < hi, got [${lo}, ${hi}]`);
  if (!(Number.isInteger(count) && count >= 2 && count <= 100_000)) throw new Error(`activation curves need 2 to 100000 points, got ${count}`);
  const z = Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
  const curves = (['sigmoid', 'tanh'] as const).map((name): ActivationCurve => {
    const { f, df } = activations[name];
    const value = z.map(f);
    return { name, value, slope: z.map((v, i) => df(v, value[i])) };
  });
  return { z, curves };
}

export const tanhInstead = defineLesson({
  id: 'tanh-instead-of-sigmoid',
  title: 'tanh instead of sigmoid',
  chapter: 5,
  summary: 'tanh has slope 1 at 0 where the sigmoid has 1/4: the deep network’s early layers then learn relatively faster.',
  explanation: [
    'The plot shows the sigmoid σ(z) and tanh(z) with their slopes. tanh(z) = (eᶻ − e⁻ᶻ)/(eᶻ + e⁻ᶻ) has the same S shape, but runs from −1 to 1 and is twice as steep: tanh′(0) = 1, while σ′(0) = 1/4. Its slope is 1 − tanh²(z).',
    'Every layer the gradient travels back through multiplies it by the activation’s slope. With sigmoids that factor is at most 1/4, a strong pull towards vanishing; with tanh it can be close to 1. The network here is the deep digit network of the previous lesson with tanh hidden units: compare its first layer’s speed of learning, relative to its last, with the sigmoid version.',
    'It helps, but does not cure the problem: the weights still multiply in, and tanh′ also falls to 0 when a unit saturates. An activation with slope above 1 would swap vanishing for exploding gradients.',
  ],
  view: 'activationPlot',
  parameters: [
    { kind: 'integer', name: 'depth', label: 'Hidden layers', description: 'Number of hidden layers of 30 tanh neurons.', default: 4, min: 1, max: 6, step: 1 },
  ],
  build: ({ depth }) => ({ network: deepDigitsNetwork('tanh', depth), dataset: 'digits', hyperparameters: { ...DEEP_HYPERPARAMETERS }, seed: DEEP_SEED }),
});
