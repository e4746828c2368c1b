/**
 * The engine's mini-batch SGD against a direct transcription of the seed's
 * section 2.2, written here with plain arrays and nothing from the engine.
 */
import { describe, expect, it } from 'vitest';
import { layeredNetwork } from '../../engine/build';
import { compile, writeBack } from '../../engine/compile';
import type { Dataset } from '../../engine/datasets/dataset';
import { Trainer } from '../../engine/train';
import { Rng } from '../../engine/rng';

type Matrix = number[][];
const sigma = (z: number): number => 1 / (1 + Math.exp(-z));
const sigmaPrime = (z: number): number => sigma(z) * (1 - sigma(z));

/** Section 2.2, step by step, for a mini-batch of (x, y) pairs. */
function sectionTwoTwo(w: Matrix[], b: number[][], batch: { x: number[]; y: number[] }[], eta: number, crossEntropy: boolean): void {
  const L = w.length; // weight matrices w^2..w^L are w[0..L-1]
  const nablaW = w.map((m) => m.map((row) => row.map(() => 0)));
  const nablaB = b.map((v) => v.map(() => 0));
  for (const { x, y } of batch) {
    // 1(a) Feedforward: z^l = w^l a^{l-1} + b^l, a^l = sigma(z^l).
    const as: number[][] = [x];
    const zs: number[][] = [];
    for (let l = 0; l < L; l++) {
      const z = w[l].map((row, j) => row.reduce((s, wjk, k) => s + wjk * as[l][k], 0) + b[l][j]);
      zs.push(z);
      as.push(z.map(sigma));
    }
    // 1(b) Output error: delta^L = grad_a C (.) sigma'(z^L); for cross-entropy it is a - y.
    const aL = as[L];
    let delta = aL.map((a, j) => (crossEntropy ? a - y[j] : (a - y[j]) * sigmaPrime(zs[L - 1][j])));
    for (let l = L - 1; l >= 0; l--) {
      // 1(d) Gradients: dC/db = delta, dC/dw_jk = a_k^{l-1} delta_j.
      for (let j = 0; j < delta.length; j++) {
        nablaB[l][j] += delta[j];
        for (let k = 0; k < as[l].length; k++) nablaW[l][j][k] += as[l][k] * delta[j];
      }
      if (l === 0) break;
      // 1(c) Backprop: delta^l = ((w^{l+1})^T delta^{l+1}) (.) sigma'(z^l).
      const d = delta;
      delta = zs[l - 1].map((z, k) => w[l].reduce((s, row, j) => s + row[k] * d[j], 0) * sigmaPrime(z));
    }
  }
  // 2. Gradient descent with the mean over the mini-batch.
  const m = batch.length;
  for (let l = 0; l < L; l++) {
    for (let j = 0; j < w[l].length; j++) {
      b[l][j] -= (eta / m) * nablaB[l][j];
      for (let k = 0; k < w[l][j].length; k++) w[l][j][k] -= (eta / m) * nablaW[l][j][k];
    }
  }
}

function setup(seed: number, sizes: number[], count: number) {
  const rng = new Rng(seed);
  const weights = sizes.slice(1).map((n, l) => Array.from({ length: n }, () => Array.from({ length: sizes[l] }, () => rng.normal())));
  const biases = sizes.slice(1).map((n) => Array.from({ length: n }, () => rng.normal()));
  const xs = Array.from({ length: count }, () => Array.from({ length: sizes[0] }, () => rng.normal()));
  const ys = Array.from({ length: count }, () => Array.from({ length: sizes[sizes.length - 1] }, () => rng.float()));
  // A given mini-batch order: a fixed permutation of the examples.
  const order = rng.shuffle(Array.from({ length: count }, (_, i) => i));
  return { weights, biases, xs, ys, order };
}

describe("mini-batch SGD equals the seed's section 2.2", () => {
  for (const cost of ['quadratic', 'crossEntropy'] as const) {
    it(`one epoch, ${cost}, sizes [4, 5, 3, 2], 23 examples in batches of 5 (last batch of 3)`, () => {
      const sizes = [4, 5, 3, 2];
      const { weights, biases, xs, ys, order } = setup(cost === 'quadratic' ? 1 : 2, sizes, 23);
      const doc = layeredNetwork(sizes, { cost, weights, biases });
      const plan = compile(doc);
      const data: Dataset = {
        name: 'given order',
        task: 'regression',
        inputSize: 4,
        outputSize: 2,
        count: 23,
        x: Float64Array.from(order.flatMap((i) => xs[i])),
        y: Float64Array.from(order.flatMap((i) => ys[i])),
      };
      const eta = 0.7;
      const trainer = new Trainer(plan, data, null, { eta, batchSize: 5, lambda: 0, optimizer: { name: 'sgd' }, shuffle: 'none', seed: 1 });
      const result = trainer.runEpoch();
      expect(result.epoch?.epoch).toBe(1);

      const w = weights.map((m) => m.map((r) => r.slice()));
      const b = biases.map((v) => v.slice());
      for (let start = 0; start < 23; start += 5) {
        const batch = order.slice(start, start + 5).map((i) => ({ x: xs[i], y: ys[i] }));
        sectionTwoTwo(w, b, batch, eta, cost === 'crossEntropy');
      }
      const trained = writeBack(plan);
      let maxDiff = 0;
      let maxChange = 0;
      for (let l = 0; l < 3; l++) {
        const layer = trained.nodes.find((n) => n.kind === 'layer' && n.id === (l === 2 ? 'output-layer' : `hidden-${l + 1}`));
        const edge = trained.edges.filter((e) => e.weights)[l];
        if (!layer || layer.kind !== 'layer' || !edge.weights) throw new Error('unexpected document');
        layer.biases.forEach((v, j) => (maxDiff = Math.max(maxDiff, Math.abs(v - b[l][j]))));
        edge.weights.forEach((row, j) => row.forEach((v, k) => {
          maxDiff = Math.max(maxDiff, Math.abs(v - w[l][j][k]));
          maxChange = Math.max(maxChange, Math.abs(v - weights[l][j][k]));
        }));
      }
      expect(maxChange).toBeGreaterThan(1e-3); // the epoch really moved the weights
      expect(maxDiff).toBeLessThanOrEqual(1e-12);
    });
  }
});
