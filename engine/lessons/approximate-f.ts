/**
 * Lesson 9 (section 4.2, figures 4.4 and 4.5): the seed's f on [0, 1] built
 * from N step neurons in pairs, one bump per pair, feeding a linear output
 * whose weights are f's mean on each interval; and a trainable network of
 * the same shape that learns f from random weights.
 */
import type { NetworkDocument } from '../document';
import { Rng } from '../rng';
import { defineLesson } from './define';
import { formatNumber, gridPosition, NetworkBuilder, ROW_HEIGHT } from './graph';
import { f1d, meanOver } from './targets';

export interface BumpSumOptions {
  /** Number of hidden step neurons, even: N/2 bumps. */
  n: number;
  /** Steepness of every step. */
  w: number;
  f?: (x: number) => number;
}

/**
 * Bump k covers [k/K, (k+1)/K], K = N/2, made of the steps 2k (at k/K) and
 * 2k+1 (at (k+1)/K). The output neuron is linear with bias 0 and weights
 * +m_k, -m_k from the two steps, where m_k is f's mean on the interval: on
 * that interval only the first step is on, so the output is m_k there.
 */
export function bumpSum({ n, w, f = f1d }: BumpSumOptions): NetworkDocument {
  if (!(Number.isInteger(n) && n >= 2 && n % 2 === 0)) throw new Error(`a sum of bumps needs an even number of neurons, got ${n}`);
  const bumps = n / 2;
  const net = new NetworkBuilder().input('x', 'x', gridPosition(0)).output('output', 'Output', gridPosition(3), 'quadratic');
  net.neuron('sum', 'Σ f̄ · bump (linear)', gridPosition(2), 'linear', 0);
  const rowHeight = Math.max(50, ROW_HEIGHT - n);
  for (let k = 0; k < bumps; k++) {
    const lo = k / bumps;
    const hi = (k + 1) / bumps;
    const mean = meanOver(f, lo, hi);
    const up = `up${k + 1}`;
    const down = `down${k + 1}`;
    net.neuron(up, `step at ${formatNumber(lo)}`, gridPosition(1, 2 * k, n, rowHeight), 'sigmoid', -lo * w);
    net.neuron(down, `step at ${formatNumber(hi)}`, gridPosition(1, 2 * k + 1, n, rowHeight), 'sigmoid', -hi * w);
    net.connect('x', up, [[w]]).connect('x', down, [[w]]);
    net.connect(up, 'sum', [[mean]]).connect(down, 'sum', [[-mean]]);
  }
  return net.connect('sum', 'output').build();
}

export const approximateF = defineLesson({
  id: 'approximate-f',
  title: 'Approximating a function with bumps',
  chapter: 4,
  summary: 'N step neurons in pairs make N/2 bumps; with heights set to f’s averages they trace f.',
  explanation: [
    'The target is the seed’s f(x) = 0.2 + 0.4x² + 0.3x sin(15x) + 0.05 cos(50x) on [0, 1]. The hidden neurons are steps, taken in pairs: the pair for the interval [sᵢ, sᵢ₊₁] steps up at sᵢ and again at sᵢ₊₁. The output neuron is linear and weighs them by +f̄ᵢ and −f̄ᵢ, where f̄ᵢ is the average of f on the interval, so on that interval the output is f̄ᵢ and the other pairs add nothing.',
    'The function view draws f, the network’s output, every pair’s contribution and the average deviation |output − f|. With N = 10 neurons the output is a staircase of five steps that misses the wiggles; with 50 it follows them closely. Raise N and watch the deviation fall.',
    'This is the heart of chapter 4’s argument: any continuous function can be approximated this way, as closely as you like, given enough neurons. The seed’s figure 4.4 puts a layer of indicator neurons between the steps and the output; with a linear output the pair’s weights ±f̄ᵢ do the same job directly. Select an output weight and drag it to reshape one step of the staircase by hand.',
  ],
  view: 'function',
  parameters: [
    { kind: 'integer', name: 'n', label: 'Hidden neurons N', description: 'Number of step neurons (even): N/2 bumps of width 2/N.', default: 10, min: 2, max: 100, step: 2 },
    {
      kind: 'number',
      name: 'w',
      label: 'Steepness w',
      description: 'The input weight of every step neuron.',
      default: 10_000,
      min: 10,
      max: 100_000,
      step: 1,
      scale: 'log',
    },
  ],
  build: ({ n, w }) => ({ network: bumpSum({ n, w }), dataset: 'f1d', view: { xRange: [0, 1], target: 'f1d' } }),
});

/** Seed of the trainable version's initial weights: the same lesson opens with the same network. */
export const LEARN_F_SEED = 4;

/**
 * x -> n sigmoid units -> one linear unit, quadratic cost, random initial
 * weights drawn from a fixed seed: unit j is a random step, of steepness
 * w_j ~ N(0, 20^2) at a point s_j uniform on [0, 1] (bias -s_j w_j), and the
 * output weights are N(0, 1/n). Plain N(0, 1) weights would put every step
 * far outside [0, 1], where f lives, and training would crawl.
 */
export function learnFNetwork(n: number, seed = LEARN_F_SEED): NetworkDocument {
  const rng = new Rng(seed);
  const inWeights: number[][] = [];
  const biases: number[] = [];
  const outWeights: number[] = [];
  for (let j = 0; j < n; j++) {
    const w = 20 * rng.normal();
    const s = rng.float();
    inWeights.push([w]);
    biases.push(-s * w);
    outWeights.push(rng.normal() / Math.sqrt(n));
  }
  return new NetworkBuilder()
    .input('x', 'x', gridPosition(0))
    .layer('hidden', `Hidden (${n} sigmoid)`, gridPosition(1), 'sigmoid', biases)
    .neuron('sum', 'Output (linear)', gridPosition(2), 'linear', 0)
    .output('output', 'Output', gridPosition(3), 'quadratic')
    .connect('x', 'hidden', inWeights)
    .connect('hidden', 'sum', [outWeights])
    .connect('sum', 'output')
    .build();
}

export const learnF = defineLesson({
  id: 'learn-f',
  title: 'Learning the function instead',
  chapter: 4,
  summary: 'The same shape of network, started from random weights, learns f by gradient descent.',
  explanation: [
    'Building f out of bumps by hand shows that a network can represent it. Here a network of the same shape, one hidden layer of sigmoid neurons and a linear output, starts from random weights and has to find a good set by itself, from samples of f.',
    'Press Train and watch the function view: the output first finds the average level of f, then its overall rise, and only later the wiggles. The deviation falls quickly at first and then slowly. Training does not build neat bumps; its hidden neurons settle on whatever steps and slopes lower the cost.',
    'The lesson starts each hidden neuron as a random step somewhere in [0, 1] and trains with Adam. Try plain gradient descent instead, more or fewer hidden neurons, or re-randomise, which draws ordinary N(0, 1) weights: most steps then sit outside [0, 1] and learning is far slower. Reset to the same initial weights to replay a run exactly.',
  ],
  view: 'function',
  parameters: [
    { kind: 'integer', name: 'n', label: 'Hidden neurons', description: 'Size of the hidden layer.', default: 20, min: 1, max: 200, step: 1 },
  ],
  build: ({ n }) => ({
    network: learnFNetwork(n),
    dataset: 'f1d',
    seed: LEARN_F_SEED,
    hyperparameters: { eta: 0.01, batchSize: 10, epochs: 200, lambda: 0, optimizer: 'adam', init: 'normal', shuffle: 'seeded' },
    view: { xRange: [0, 1], target: 'f1d' },
  }),
});
