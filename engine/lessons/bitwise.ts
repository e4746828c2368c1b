/**
 * Lesson 3 (exercise 1.3): a layer of four sigmoid neurons that turns the ten
 * digit neurons' outputs into the digit's binary representation.
 */
import type { NetworkDocument } from '../document';
import { defineLesson } from './define';
import { NetworkBuilder } from './graph';
import type { LessonExamples } from './types';

/** Bit j (0 = least significant) of digit d. */
export function bit(d: number, j: number): number {
  return (d >> j) & 1;
}

/**
 * The seed's weights scaled by k: w_{dj} = +k when bit j of digit d is set,
 * -k otherwise; rows = the four bit neurons, columns = the ten digit neurons.
 * With the correct digit at >= 0.99 and the rest below 0.01, bit j's weighted
 * input is above 0.99 - 9(0.01) = 0.9 (times k) when the bit is set and below
 * -0.9 (times k) when it is not, so the sigmoid reads the bit.
 */
export function bitwiseWeights(k: number): number[][] {
  return [0, 1, 2, 3].map((j) => Array.from({ length: 10 }, (_, d) => (bit(d, j) === 1 ? k : -k)));
}

export const BIT_LABELS = ['bit 0 (1s)', 'bit 1 (2s)', 'bit 2 (4s)', 'bit 3 (8s)'];

export function bitwiseNetwork(k: number): NetworkDocument {
  return new NetworkBuilder()
    .input('digits', 'Digit neurons 0–9', { x: 0, y: 0 }, 10)
    .layer('bits', 'Bits (least significant first)', { x: 280, y: 0 }, 'sigmoid', [0, 0, 0, 0])
    .output('output', 'Output [bit 0 .. bit 3]', { x: 560, y: 0 }, 'crossEntropy')
    .connect('digits', 'bits', bitwiseWeights(k))
    .connect('bits', 'output')
    .build();
}

/** The ten ideal inputs of the exercise: the correct digit at 0.99, the others at 0.01. */
function confidentDigits(): LessonExamples {
  const inputs = Array.from({ length: 10 }, (_, d) => Array.from({ length: 10 }, (_, i) => (i === d ? 0.99 : 0.01)));
  return {
    task: 'classification',
    inputs,
    targets: inputs.map((_, d) => [0, 1, 2, 3].map((j) => bit(d, j))),
    inputNames: Array.from({ length: 10 }, (_, d) => `digit ${d}`),
    outputNames: BIT_LABELS,
  };
}

export const bitwiseOutput = defineLesson({
  id: 'bitwise-output',
  title: 'Reading a digit out in binary',
  chapter: 1,
  summary: 'Four sigmoid neurons turn the ten digit outputs into the digit’s four bits.',
  explanation: [
    'The input here stands for the ten output neurons of a digit classifier: for digit d, neuron d is at 0.99 and the others at 0.01. The four neurons on the right should light up with the binary representation of d, least significant bit first.',
    'Each bit neuron gets weight +1 from every digit whose binary form has that bit set and −1 from every other digit, with bias 0. When the correct digit has the bit, the weighted input is at least 0.99 − 9 × 0.01 = 0.9; when it does not, at most −0.9. Multiplying all these weights by a large k stretches ±0.9 into ±0.9k, so the sigmoids read 1 or 0.',
    'Lower k towards 1 and watch the outputs drift from 0 and 1 towards 0.3 and 0.7: still on the right side of 1/2, so rounding gives the right bits, but no longer crisp. The margin of ±0.9 is what the exercise’s 0.99 and 0.01 buy: with less confident digit neurons it shrinks, and a small k no longer rescues it.',
  ],
  view: 'truthTable',
  parameters: [
    {
      kind: 'number',
      name: 'k',
      label: 'Weight scale k',
      description: 'Every weight of the bit layer is +k or −k; large k makes the bits crisp.',
      default: 10,
      min: 0.01,
      max: 10_000,
      step: 0.01,
      scale: 'log',
    },
  ],
  build: ({ k }) => ({ network: bitwiseNetwork(k), examples: confidentDigits() }),
});
