/**
 * Lessons 1 and 2 (exercises 1.1 and 1.2): the book's adder of two bits built
 * from NAND perceptrons (weights -2, -2, bias 3), with every weight and bias
 * multiplied by c > 0; as perceptrons, then as sigmoid neurons.
 */
import type { ActivationName } from '../activations';
import type { NetworkDocument } from '../document';
import { defineLesson } from './define';
import { NetworkBuilder, scaleParameters } from './graph';
import type { LessonExamples } from './types';

export interface NandAdderOptions {
  activation: Extract<ActivationName, 'perceptron' | 'sigmoid'>;
  /** Multiplies every weight and bias. */
  c: number;
}

/**
 * x1, x2 -> n1 = NAND(x1, x2); n2 = NAND(x1, n1); n3 = NAND(x2, n1);
 * sum = NAND(n2, n3) = x1 XOR x2; carry = NAND(n1, n1) = x1 AND x2, where the
 * book merges carry's two -2 inputs from n1 into one weight of -4.
 * The Output is [sum, carry].
 */
export function nandAdder({ activation, c }: NandAdderOptions): NetworkDocument {
  const doc = new NetworkBuilder()
    .input('x1', 'x₁', { x: 0, y: -120 })
    .input('x2', 'x₂', { x: 0, y: 120 })
    .neuron('n1', 'NAND(x₁, x₂)', { x: 240, y: 0 }, activation, 3)
    .neuron('n2', 'NAND(x₁, n₁)', { x: 480, y: -150 }, activation, 3)
    .neuron('n3', 'NAND(x₂, n₁)', { x: 480, y: 90 }, activation, 3)
    .neuron('sum', 'sum = x₁ ⊕ x₂', { x: 720, y: -60 }, activation, 3)
    .neuron('carry', 'carry = x₁ x₂', { x: 720, y: 200 }, activation, 3)
    .output('output', 'Output [sum, carry]', { x: 960, y: 0 }, 'quadratic')
    .connect('x1', 'n1', [[-2]])
    .connect('x2', 'n1', [[-2]])
    .connect('x1', 'n2', [[-2]])
    .connect('n1', 'n2', [[-2]])
    .connect('x2', 'n3', [[-2]])
    .connect('n1', 'n3', [[-2]])
    .connect('n2', 'sum', [[-2]])
    .connect('n3', 'sum', [[-2]])
    .connect('n1', 'carry', [[-4]])
    .connect('sum', 'output')
    .connect('carry', 'output')
    .build();
  return c === 1 ? doc : scaleParameters(doc, c);
}

const BITS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

/** The perceptron adder's outputs [sum, carry]: what the sigmoid network tends to as c grows. */
export function adderTruth([x1, x2]: number[]): number[] {
  const nand = (a: number, b: number): number => (-2 * a - 2 * b + 3 > 0 ? 1 : 0);
  const n1 = nand(x1, x2);
  return [nand(nand(x1, n1), nand(x2, n1)), -4 * n1 + 3 > 0 ? 1 : 0];
}

/** An input where n1's weighted input w.x + b is exactly 0: -2(1/2) - 2(1) + 3 = 0. */
export const TIE_INPUT = [0.5, 1];

function adderExamples(rows: number[][]): LessonExamples {
  return { task: 'classification', inputs: rows, targets: rows.map(adderTruth), inputNames: ['x₁', 'x₂'], outputNames: ['sum', 'carry'] };
}

const scale = {
  kind: 'number',
  name: 'c',
  label: 'Scale c',
  description: 'Multiplies every weight and every bias of the network by c > 0.',
  default: 1,
  min: 0.001,
  max: 1e6,
  step: 0.001,
  scale: 'log',
} as const;

export const perceptronScaling = defineLesson({
  id: 'perceptron-scaling',
  title: 'Scaling a perceptron network',
  chapter: 1,
  summary: 'Multiply every weight and bias of a NAND-gate adder by c > 0: nothing changes.',
  explanation: [
    'This is the adder of two bits from chapter 1, built entirely from NAND perceptrons: each gate has weights -2, -2 and bias 3, and fires when w·x + b > 0. The table lists sum and carry for the four inputs.',
    'Drag the scale c. It multiplies every weight and bias, so each gate now computes c(w·x + b). A positive c never changes the sign of w·x + b, and a perceptron only looks at that sign, so every gate, and therefore the whole network, gives the same outputs for every c > 0, from 0.001 to a million.',
    'Try to find a c that changes a row of the table: you cannot. Then open the next lesson, where the perceptrons become sigmoid neurons and c suddenly matters.',
  ],
  view: 'truthTable',
  parameters: [scale],
  build: ({ c }) => ({ network: nandAdder({ activation: 'perceptron', c }), examples: adderExamples(BITS) }),
});

export const sigmoidLimit = defineLesson({
  id: 'sigmoid-limit',
  title: 'From sigmoid neurons to perceptrons',
  chapter: 1,
  summary: 'The same adder with sigmoid neurons: as c grows it behaves like the perceptrons, except where w·x + b = 0.',
  explanation: [
    'The NAND adder again, but every gate is now a sigmoid neuron σ(c(w·x + b)). The target column of the table is what the perceptron network outputs.',
    'At c = 1 the outputs are blurred: numbers between 0 and 1. Increase c: c(w·x + b) runs off to +∞ or −∞, so each sigmoid is pushed to 1 or 0, exactly the perceptron it replaced, and the gap to the target shrinks on every binary row.',
    'Now look at the last row, x = (0.5, 1). There the first gate has w·x + b = −2(0.5) − 2(1) + 3 = 0, so its output is σ(0) = 1/2 whatever c is, while the perceptron outputs 0. The half travels on: the third gate then also sits exactly on its threshold and stays at 1/2, and the sum creeps towards 1/2 instead of the perceptron\'s 0 however large c gets. The limit only works when no neuron sits exactly on its threshold.',
  ],
  view: 'truthTable',
  parameters: [scale],
  build: ({ c }) => ({ network: nandAdder({ activation: 'sigmoid', c }), examples: adderExamples([...BITS, TIE_INPUT]) }),
});
