/**
 * The engine against our Python transcription of the book's network.py and
 * network2.py: networks cross the network2 JSON format in both directions with
 * the same predictions, and the engine's Trainer (JS kernel, float64, no
 * shuffling, plain SGD) lands on the same weights as the book's algorithm.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { initialiseDocument, layeredNetwork } from '../../engine/build';
import { compile, writeBack } from '../../engine/compile';
import type { CostName } from '../../engine/costs';
import type { NetworkDocument } from '../../engine/document';
import { exportNetwork2, exportNetwork2Text, parseNetwork2Text, type Network2Json } from '../../engine/formats/network2';
import { predict } from '../../engine/forward';
import type { InitName } from '../../engine/init';
import { Rng } from '../../engine/rng';
import { Trainer } from '../../engine/train';
import { createWorkspace } from '../../engine/workspace';
import { oracle, oraclePredict, requirePython, scratchDir } from './nielsen';
import { randomClassification, toDataset } from './random-data';

// No beforeAll: a failing hook would mark the tests "skipped". Each test calls
// the oracle, which fails loudly when python3 or numpy is missing.
const scratch = scratchDir();
afterAll(() => scratch.cleanup());

it('python3 with numpy is available (CI machines of this kind have it)', () => {
  expect(requirePython()).toMatch(/^3\.\d+\.\d+ \d+\.\d+/);
});

function enginePredict(doc: NetworkDocument, xs: number[][]): number[][] {
  const plan = compile(doc, 'float64');
  const ws = createWorkspace(plan);
  return xs.map((x) => predict(plan, ws, x));
}

function randomInputs(seed: number, count: number, size: number): number[][] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => Array.from({ length: size }, () => 2 * rng.normal()));
}

function maxAbsDifference(a: number[][], b: number[][]): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  a.forEach((row, i) => {
    expect(row.length).toBe(b[i].length);
    row.forEach((v, j) => (max = Math.max(max, Math.abs(v - b[i][j]))));
  });
  return max;
}

/** Largest |difference| between two networks' parameters, after checking they have the same shapes. */
function maxParameterDifference(a: Network2Json, b: Network2Json): number {
  expect(a.sizes).toEqual(b.sizes);
  let max = 0;
  a.weights.forEach((w, l) => (max = Math.max(max, maxAbsDifference(w, b.weights[l]))));
  a.biases.forEach((c, l) => (max = Math.max(max, maxAbsDifference(c, b.biases[l]))));
  return max;
}

function neuronChain(): NetworkDocument {
  const at = { x: 0, y: 0 };
  return {
    format: 'neuroloom-network',
    version: 3,
    nodes: [
      { id: 'x', kind: 'input', label: 'x', position: at, size: 2 },
      { id: 'n1', kind: 'neuron', label: 'n1', position: at, activation: 'sigmoid', bias: -0.75 },
      { id: 'n2', kind: 'neuron', label: 'n2', position: at, activation: 'sigmoid', bias: 1.5 },
      { id: 'out', kind: 'output', label: 'Output', position: at, cost: 'quadratic' },
    ],
    edges: [
      { id: 'e1', source: 'x', target: 'n1', weights: [[2.5, -1.25]] },
      { id: 'e2', source: 'n1', target: 'n2', weights: [[-3]] },
      { id: 'e3', source: 'n2', target: 'out' },
    ],
  };
}

describe('network2 JSON against the Python oracle', () => {
  const cases: { name: string; doc: () => NetworkDocument }[] = [
    { name: '[20, 8, 3] cross-entropy', doc: () => initialiseDocument(layeredNetwork([20, 8, 3], { cost: 'crossEntropy' }), 'normal', 11) },
    { name: '[5, 4, 4, 2] quadratic', doc: () => initialiseDocument(layeredNetwork([5, 4, 4, 2], { cost: 'quadratic' }), 'scaledNormal', 12) },
    { name: '[784, 30, 10] (MNIST-sized)', doc: () => initialiseDocument(layeredNetwork([784, 30, 10]), 'scaledNormal', 13) },
    { name: 'a chain of two Neuron nodes', doc: neuronChain },
  ];

  for (const { name, doc: make } of cases) {
    it(`a network exported from here predicts the same in Python: ${name}`, () => {
      const doc = make();
      const inputSize = doc.nodes.find((n) => n.kind === 'input')?.size ?? 0;
      const xs = randomInputs(21, 40, inputSize);
      const net = scratch.file(`exported-${name.replace(/\W+/g, '_')}.json`, exportNetwork2Text(doc));
      const data = scratch.file(`inputs-${inputSize}.json`, { x: xs });
      const python = oraclePredict(net, data);
      const ours = enginePredict(doc, xs);
      // The outputs must vary, or agreeing on them would prove little.
      expect(Math.max(...ours.map((o) => o[0])) - Math.min(...ours.map((o) => o[0]))).toBeGreaterThan(1e-3);
      expect(maxAbsDifference(ours, python)).toBeLessThan(1e-12);
    });
  }

  it('a network trained by the Python oracle (network2.py recipe) imports here with the same predictions', () => {
    const data = scratch.file('train-20-3.json', randomClassification(5, 200, 20, 3));
    const initial = scratch.file('python-initial.json');
    const trained = scratch.file('python-trained.json');
    oracle('init', '20,8,3', '--seed', '7', '--cost', 'CrossEntropyCost', '--out', initial);
    oracle('train', initial, data, '--epochs', '3', '--batch', '10', '--eta', '0.5', '--lambda', '5', '--out', trained);

    const before = parseNetwork2Text(scratch.read('python-initial.json'), initial);
    const after = parseNetwork2Text(scratch.read('python-trained.json'), trained);
    expect(maxParameterDifference(exportNetwork2(before), exportNetwork2(after))).toBeGreaterThan(0.05);
    const output = after.nodes.find((n) => n.kind === 'output');
    expect(output?.kind === 'output' && output.cost).toBe('crossEntropy');

    const xs = randomInputs(22, 50, 20);
    const inputs = scratch.file('inputs-20-b.json', { x: xs });
    const python = oraclePredict(trained, inputs);
    expect(maxAbsDifference(enginePredict(after, xs), python)).toBeLessThan(1e-12);
  });
});

describe("the engine's SGD against the book's algorithm", () => {
  const recipes: { name: string; cost: CostName; init: InitName; eta: number; batch: number; lambda: number }[] = [
    // network.py: quadratic cost, N(0, 1) weights, eta 3.0, mini-batches of 10.
    { name: "network.py's recipe", cost: 'quadratic', init: 'normal', eta: 3.0, batch: 10, lambda: 0 },
    // network2.py: cross-entropy, scaled weights, L2. 200 / 15 leaves a last mini-batch of 5,
    // which checks that the update divides by that batch's own size, as the book does.
    { name: "network2.py's recipe", cost: 'crossEntropy', init: 'scaledNormal', eta: 0.5, batch: 15, lambda: 5 },
  ];

  for (const r of recipes) {
    it(`${r.name}: the same weights as the Python oracle after 2 epochs`, () => {
      const examples = randomClassification(9, 200, 20, 3);
      const start = initialiseDocument(layeredNetwork([20, 8, 3], { cost: r.cost }), r.init, 31);
      const tag = r.cost;
      const startPath = scratch.file(`sgd-start-${tag}.json`, exportNetwork2Text(start));
      const dataPath = scratch.file(`sgd-data-${tag}.json`, examples);
      const outPath = scratch.file(`sgd-python-${tag}.json`);
      oracle('train', startPath, dataPath, '--epochs', '2', '--batch', String(r.batch), '--eta', String(r.eta), '--lambda', String(r.lambda), '--out', outPath);
      const python = exportNetwork2(parseNetwork2Text(scratch.read(`sgd-python-${tag}.json`), outPath));

      const plan = compile(start, 'float64');
      const trainer = new Trainer(plan, toDataset(examples), null, {
        eta: r.eta,
        batchSize: r.batch,
        lambda: r.lambda,
        optimizer: { name: 'sgd' },
        shuffle: 'none',
        seed: 1,
      });
      for (let e = 0; e < 2; e++) {
        const result = trainer.runEpoch();
        expect(result.divergence).toBeUndefined();
      }
      const ours = exportNetwork2(writeBack(plan));

      expect(maxParameterDifference(exportNetwork2(start), ours)).toBeGreaterThan(0.05);
      expect(maxParameterDifference(ours, python)).toBeLessThan(1e-9);
    });
  }
});
