/**
 * Lesson 6 (exercise 3.3): softmax with a constant c, a_j = e^{c z_j} / sum_i e^{c z_i}.
 * The engine's softmax has no c of its own: c z = (cW) a + cb, so scaling the
 * weights and biases feeding the softmax layer by c realises it exactly.
 */
import type { NetworkDocument } from '../document';
import { defineLesson } from './define';
import { NetworkBuilder } from './graph';

/**
 * Three weighted inputs of one variable, z = (-2x - 1, 0, 2x - 1): the first
 * is the largest for x < -1/2, the second on (-1/2, 1/2), the third for x > 1/2.
 */
export const SOFTMAX_WEIGHTS = [[-2], [0], [2]];
export const SOFTMAX_BIASES = [-1, 0, -1];

export function softmaxNetwork(c: number): NetworkDocument {
  return new NetworkBuilder()
    .input('x', 'x', { x: 0, y: 0 })
    .layer('softmax', 'Softmax (3 units)', { x: 280, y: 0 }, 'softmax', SOFTMAX_BIASES.map((b) => c * b))
    .output('output', 'Output a₁, a₂, a₃', { x: 560, y: 0 }, 'logLikelihood')
    .connect('x', 'softmax', SOFTMAX_WEIGHTS.map((row) => row.map((w) => c * w)))
    .connect('softmax', 'output')
    .build();
}

export const softmaxTemperature = defineLesson({
  id: 'softmax-temperature',
  title: 'Why it is called softmax',
  chapter: 3,
  summary: 'Scale the inputs of a softmax by c: as c grows it becomes a hard maximum.',
  explanation: [
    'A softmax layer of three units reads one input x. Their weighted inputs are z₁ = −2x − 1, z₂ = 0 and z₃ = 2x − 1, so z₁ is the largest on the left, z₂ in the middle and z₃ on the right. The chart shows the three activations aⱼ = e^{c zⱼ} / Σᵢ e^{c zᵢ} against x.',
    'The constant c is realised in the network itself: c zⱼ = (c w) x + c b, so the control multiplies the weights and biases feeding the softmax layer by c. Look at the weights on the canvas change as you drag it.',
    'At c = 1 the curves overlap smoothly and, at every x, add up to 1: a probability distribution that favours the largest z softly. Increase c: each curve tends to 1 where its z is the maximum and to 0 elsewhere, a one-hot vector marking the maximum. That limit is the hard max; softmax is its soft, differentiable version. Only at x = ±1/2, where two z’s tie, do two units share the output.',
  ],
  view: 'function',
  parameters: [
    {
      kind: 'number',
      name: 'c',
      label: 'Constant c',
      description: 'Multiplies the weights and biases feeding the softmax, i.e. every weighted input z.',
      default: 1,
      min: 0.01,
      max: 1000,
      step: 0.01,
      scale: 'log',
    },
  ],
  build: ({ c }) => ({ network: softmaxNetwork(c), view: { xRange: [-1.5, 1.5] } }),
});
