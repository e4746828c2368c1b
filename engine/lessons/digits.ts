/**
 * Lesson 15 (chapter 1): the 784-30-10 digit classifier, ready to train with
 * network2.py's recipe or network.py's, optionally with lesson 3's bitwise
 * layer stacked on top as a read-out.
 */
import { initialiseDocument, layeredNetwork } from '../build';
import type { NetworkDocument } from '../document';
import { bitwiseWeights } from './bitwise';
import { BOOK_RECIPES, type BookRecipeName } from '../recipes';
import { defineLesson } from './define';

export type Recipe = BookRecipeName;
export const RECIPES = BOOK_RECIPES;

export const DIGITS_SEED = 1;

/** Weight scale of the stacked bit layer (lesson 3's k). */
export const BITWISE_SCALE = 10;

/**
 * 784 -> 30 sigmoid -> 10 sigmoid, initialised as the recipe says from a
 * fixed seed. With `bitwise`, a frozen layer of four bit neurons reads the ten
 * outputs; the Output stays bound to the ten digits, which are what the
 * digits dataset trains, and the bits are a read-out for the view.
 */
export function digitsNetwork(recipe: Recipe, bitwise: boolean, seed = DIGITS_SEED): NetworkDocument {
  const { cost, hyperparameters } = RECIPES[recipe];
  const base = initialiseDocument(layeredNetwork([784, 30, 10], { cost, image: { width: 28, height: 28 } }), hyperparameters.init, seed);
  const doc: NetworkDocument = {
    ...base,
    nodes: base.nodes.map((n) => {
      if (n.id === 'input') return { ...n, label: 'Digit image 28×28' };
      if (n.id === 'hidden-1') return { ...n, label: 'Hidden (30)' };
      if (n.id === 'output-layer') return { ...n, label: 'Digits 0–9' };
      return n;
    }),
  };
  if (!bitwise) return doc;
  const digits = doc.nodes.find((n) => n.id === 'output-layer');
  const at = digits ? { x: digits.position.x + 260, y: digits.position.y - 180 } : { x: 780, y: -180 };
  return {
    ...doc,
    nodes: [...doc.nodes, { id: 'bits', kind: 'layer', label: 'Bits (read-out, frozen)', position: at, size: 4, activation: 'sigmoid', biases: [0, 0, 0, 0], frozen: true }],
    edges: [...doc.edges, { id: 'output-layer->bits', source: 'output-layer', target: 'bits', weights: bitwiseWeights(BITWISE_SCALE), frozen: true }],
  };
}

export const digits = defineLesson({
  id: 'digits',
  title: 'Recognising handwritten digits',
  chapter: 1,
  summary: 'The book’s 784-30-10 network on real MNIST digits, ready to train.',
  explanation: [
    'Each 28 × 28 image enters as 784 inputs, one per pixel; 30 sigmoid neurons feed 10 output neurons, one per digit, and the network’s answer is the digit whose neuron is most active. Press Train and watch the test accuracy climb within the first epochs.',
    'The default recipe is network2.py’s: cross-entropy cost, weights scaled by 1/√(inputs), η = 0.5, L2 regularisation λ = 5, mini-batches of 10, 30 epochs; trained on the built-in 8,000 digits it gets about 93% of the 2,000 test digits right. Switch to network.py’s recipe (quadratic cost, N(0, 1) weights, η = 3.0, no regularisation) and compare: it learns, but less reliably from one seed to the next.',
    'Turn on the bitwise read-out to stack lesson 3’s layer on top: four frozen neurons that turn the ten digit outputs into the digit in binary. Draw a digit on the pad and read its bits.',
  ],
  view: 'training',
  parameters: [
    {
      kind: 'choice',
      name: 'recipe',
      label: 'Recipe',
      description: 'Cost, initial weights and hyperparameters of the book’s network2.py or network.py.',
      default: 'network2',
      options: [
        { value: 'network2', label: 'network2.py: cross-entropy, η 0.5, λ 5' },
        { value: 'network', label: 'network.py: quadratic, η 3.0, λ 0' },
      ],
    },
    { kind: 'boolean', name: 'bitwise', label: 'Bitwise read-out', description: 'Stack a frozen 10 → 4 layer that shows the answer in binary.', default: false },
  ],
  build: ({ recipe, bitwise }) => ({
    network: digitsNetwork(recipe, bitwise),
    dataset: 'digits',
    hyperparameters: { ...RECIPES[recipe].hyperparameters },
    seed: DIGITS_SEED,
    ...(bitwise ? { view: { probeNodes: ['bits'] } } : {}),
  }),
});
