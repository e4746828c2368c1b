/**
 * Lesson 13 (section 5.1): vanishing and exploding gradients, first in the
 * seed's chain of linear layers with diagonal weights, where the gradient is
 * a product of weights, then in a deep sigmoid network on digits, where the
 * early layers learn more slowly than the late ones.
 */
import type { ActivationName } from '../activations';
import { initialiseDocument, layeredNetwork } from '../build';
import type { Plan } from '../compile';
import type { Dataset } from '../datasets/dataset';
import type { NetworkDocument } from '../document';
import { backpropGradient } from '../gradcheck';
import type { LayerSpeed } from '../train';
import { defineLesson } from './define';
import { NetworkBuilder } from './graph';

export interface ChainOptions {
  /** Number of weight layers L: L - 1 layers of two neurons, then one output neuron. */
  layers: number;
  /** Every weight on the two paths. */
  w: number;
}

const CHAIN_COLUMN = 150;

/**
 * The seed's network with W^(i) = diag(w11, w22) for i < L and W^(L) = (w11, w12),
 * no biases and no activations. Off-diagonal weights are absent rather than
 * zero, so the network is two chains of linear neurons meeting at the output:
 * a11 -> a11 -> ... carries x1, a22 -> a22 -> ... carries x2. Biases are
 * frozen at 0 so training keeps the seed's "no biases".
 */
export function diagonalChain({ layers, w }: ChainOptions): NetworkDocument {
  if (!(Number.isInteger(layers) && layers >= 2)) throw new Error(`the chain needs at least 2 weight layers, got ${layers}`);
  const net = new NetworkBuilder().input('x1', 'x₁', { x: 0, y: -90 }).input('x2', 'x₂', { x: 0, y: 90 });
  let top = 'x1';
  let bottom = 'x2';
  for (let l = 1; l < layers; l++) {
    const x = l * CHAIN_COLUMN;
    net.neuron(`top${l}`, `layer ${l}, unit 1`, { x, y: -90 }, 'linear', 0, true);
    net.neuron(`bottom${l}`, `layer ${l}, unit 2`, { x, y: 90 }, 'linear', 0, true);
    net.connect(top, `top${l}`, [[w]]).connect(bottom, `bottom${l}`, [[w]]);
    top = `top${l}`;
    bottom = `bottom${l}`;
  }
  return net
    .neuron('yhat', 'ŷ (layer L)', { x: layers * CHAIN_COLUMN, y: 0 }, 'linear', 0, true)
    .output('output', 'Output ½(y − ŷ)²', { x: (layers + 1) * CHAIN_COLUMN, y: 0 }, 'quadratic')
    .connect(top, 'yhat', [[w]])
    .connect(bottom, 'yhat', [[w]])
    .connect('yhat', 'output')
    .build();
}

/** Edge id of w11^(l) (l = 1 .. L), the weight on the first path into layer l. */
export function chainWeightId(l: number, layers: number): string {
  const from = l === 1 ? 'x1' : `top${l - 1}`;
  const to = l === layers ? 'yhat' : `top${l}`;
  return `${from}->${to}`;
}

export const vanishingChain = defineLesson({
  id: 'vanishing-chain',
  title: 'Vanishing and exploding gradients',
  chapter: 5,
  summary: 'In a deep chain of layers the gradient is a product of weights: slightly below 1 it vanishes, slightly above it explodes.',
  explanation: [
    'Two inputs travel along two separate chains of L layers, each neuron passing its input on multiplied by one weight, with no biases and no activation function; the last neuron adds the two chains. So ŷ = w₁₁⁽ᴸ⁾ ⋯ w₁₁⁽¹⁾ x₁ + w₁₂⁽ᴸ⁾ w₂₂⁽ᴸ⁻¹⁾ ⋯ w₂₂⁽¹⁾ x₂.',
    'For the cost ½(y − ŷ)², the gradient of the very first weight is ∂C/∂w₁₁⁽¹⁾ = (ŷ − y) · w₁₁⁽ᴸ⁾ ⋯ w₁₁⁽²⁾ · x₁: the error times the product of every other weight on the path, times the input. The backprop view lists ∂C/∂w for every weight.',
    'Set every weight to 0.9 and lengthen the chain: the product 0.9ᴸ⁻¹ shrinks towards 0 and the first layer stops learning; that is the vanishing gradient. Set them to 1.1 and it grows without bound, and a gradient step throws the weights far away: the exploding gradient. Only weights whose product stays near 1 keep the gradient useful, and nothing in training keeps them there.',
  ],
  view: 'backprop',
  parameters: [
    { kind: 'integer', name: 'layers', label: 'Layers L', description: 'Number of weight layers between the inputs and ŷ.', default: 20, min: 2, max: 60, step: 1 },
    { kind: 'number', name: 'w', label: 'Every weight', description: 'The value of every weight on both paths.', default: 0.9, min: 0.5, max: 1.5, step: 0.01 },
    { kind: 'number', name: 'x1', label: 'Input x₁', description: 'First input of the example.', default: 1, min: -2, max: 2, step: 0.1 },
    { kind: 'number', name: 'x2', label: 'Input x₂', description: 'Second input of the example.', default: 1, min: -2, max: 2, step: 0.1 },
    { kind: 'number', name: 'y', label: 'Target y', description: 'Desired output.', default: 1, min: -2, max: 2, step: 0.1 },
  ],
  build: ({ layers, w, x1, x2, y }) => ({
    network: diagonalChain({ layers, w }),
    examples: { task: 'regression', inputs: [[x1, x2]], targets: [[y]], inputNames: ['x₁', 'x₂'], outputNames: ['y'] },
    hyperparameters: { eta: 0.01, batchSize: 1, epochs: 50, lambda: 0, optimizer: 'sgd', shuffle: 'none' },
  }),
});

/**
 * Speed of learning per layer (Nielsen ch. 5): for every non-input block,
 * the mean over its units of |dC/db|, where dC/db is the gradient of the
 * mean cost over the first `count` examples at the current weights.
 */
export function layerSpeeds(plan: Plan, data: Dataset, count = data.count): LayerSpeed[] {
  if (!plan.output) throw new Error('the speed of learning needs an Output node to measure the cost');
  const n = Math.min(count, data.count);
  if (n < 1) throw new Error(`dataset "${data.name}" has no examples to measure the speed of learning on`);
  const gradient = backpropGradient(plan, data.x, data.y, n);
  const speeds: LayerSpeed[] = [];
  for (const block of plan.blocks) {
    if (block.kind === 'input') continue;
    let s = 0;
    for (let j = 0; j < block.size; j++) s += Math.abs(gradient[block.biasOffset + j]);
    speeds.push({ nodeId: block.nodeId, speed: s / block.size });
  }
  return speeds;
}

export const DEEP_SEED = 1;

/** 784, then `depth` hidden layers of 30, then 10 sigmoid outputs, cross-entropy, network2.py's initial weights. */
export function deepDigitsNetwork(activation: Extract<ActivationName, 'sigmoid' | 'tanh' | 'relu'>, depth = 4, seed = DEEP_SEED): NetworkDocument {
  const sizes = [784, ...new Array<number>(depth).fill(30), 10];
  const doc = layeredNetwork(sizes, { activation, outputActivation: 'sigmoid', cost: 'crossEntropy', image: { width: 28, height: 28 } });
  return initialiseDocument(doc, 'scaledNormal', seed);
}

const deepHyperparameters = { eta: 0.1, batchSize: 10, epochs: 30, lambda: 5, optimizer: 'sgd', init: 'scaledNormal', shuffle: 'seeded' } as const;

export const deepSpeed = defineLesson({
  id: 'deep-speed-of-learning',
  title: 'Why deep networks learn unevenly',
  chapter: 5,
  summary: 'In a 784-30-30-30-30-10 sigmoid network the first hidden layer learns far more slowly than the last.',
  explanation: [
    'A deep network for digits: four hidden layers of 30 sigmoid neurons. The training view charts each layer’s speed of learning, the average size of ∂C/∂b over its neurons, which is how fast gradient descent changes that layer.',
    'Before any training, the last hidden layer already learns tens of times faster than the first. Every layer the gradient passes back through multiplies it by a weight and by σ′(z), and σ′ is at most 1/4, so the gradient tends to shrink on its way to the early layers: the same product as in the chain of the previous lesson, now with σ′ in each factor.',
    'Train and watch the gap persist. Remove hidden layers and it narrows; switch the hidden units to tanh, whose slope at 0 is 1 rather than 1/4, and compare the first layer’s speed with the last’s.',
  ],
  view: 'training',
  parameters: [
    { kind: 'integer', name: 'depth', label: 'Hidden layers', description: 'Number of hidden layers of 30 neurons.', default: 4, min: 1, max: 6, step: 1 },
    {
      kind: 'choice',
      name: 'activation',
      label: 'Hidden units',
      description: 'Activation of the hidden layers (the output layer stays sigmoid).',
      default: 'sigmoid',
      options: [
        { value: 'sigmoid', label: 'Sigmoid' },
        { value: 'tanh', label: 'tanh' },
      ],
    },
  ],
  build: ({ depth, activation }) => ({ network: deepDigitsNetwork(activation, depth), dataset: 'digits', hyperparameters: { ...deepHyperparameters }, seed: DEEP_SEED }),
});

export { deepHyperparameters as DEEP_HYPERPARAMETERS };
