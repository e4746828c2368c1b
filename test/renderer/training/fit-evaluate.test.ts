import { describe, expect, it } from 'vitest';
import { layeredNetwork, initialiseDocument } from '../../../engine/build';
import { compile } from '../../../engine/compile';
import { generateBuiltin } from '../../../engine/datasets/builtin';
import type { Dataset } from '../../../engine/datasets/dataset';
import { NETWORK_FORMAT, NETWORK_VERSION, type NetworkDocument } from '../../../engine/document';
import { evaluatePlan } from '../../../engine/js-kernel';
import { bitwiseOutput } from '../../../engine/lessons/bitwise';
import { checkFit } from '../../../renderer/training/fit';
import { evaluateClassifier, evaluateClassifierSteps } from '../../../renderer/training/evaluate';
import { truthTable, truthTableProblem } from '../../../renderer/training/truth-table';

describe('does the dataset fit the network', () => {
  it('says which features feed which Input and accepts matching sizes', () => {
    const doc: NetworkDocument = {
      format: NETWORK_FORMAT,
      version: NETWORK_VERSION,
      nodes: [
        { id: 'x', kind: 'input', label: 'x', position: { x: 0, y: 0 }, size: 1 },
        { id: 'y', kind: 'input', label: 'y', position: { x: 0, y: 0 }, size: 1 },
        { id: 'h', kind: 'layer', label: 'Hidden', position: { x: 0, y: 0 }, size: 3, activation: 'sigmoid', biases: [0, 0, 0] },
        { id: 'o', kind: 'output', label: 'Out', position: { x: 0, y: 0 }, cost: 'quadratic' },
      ],
      edges: [
        { id: 'x-h', source: 'x', target: 'h', weights: [[1], [1], [1]] },
        { id: 'y-h', source: 'y', target: 'h', weights: [[1], [1], [1]] },
        { id: 'h-o', source: 'h', target: 'o' },
      ],
    };
    const r = checkFit(doc, { inputSize: 2, outputSize: 3, task: 'regression' });
    expect(r.ok).toBe(true);
    expect(r.feeds).toEqual([
      { range: 'feature 1', node: 'x', size: 1 },
      { range: 'feature 2', node: 'y', size: 1 },
    ]);
    expect(r.outputs).toEqual({ size: 3, from: ['Hidden'] });
  });

  it('names both sizes when they differ, and an untrainable network', () => {
    const r = checkFit(layeredNetwork([2, 4, 1]), { inputSize: 784, outputSize: 10, task: 'classification' });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      "The dataset has 784 inputs per example, but the network's Input nodes take 2.",
      'The dataset has 10 targets per example, but the Output reads 1 unit.',
    ]);
    expect(r.feeds[0].range).toBe('features 1–2');
    const perceptron = layeredNetwork([2, 1], { activation: 'perceptron' });
    expect(checkFit(perceptron, { inputSize: 2, outputSize: 1, task: 'classification' }).problems[0]).toMatch(/^Cannot train: .*perceptron/);
    expect(checkFit(layeredNetwork([2, 3], { cost: 'logLikelihood' }), null).problems[0]).toMatch(/softmax/);
  });
});

describe('confusion matrix and misclassified examples', () => {
  const network = initialiseDocument(layeredNetwork([2, 5, 1]), 'scaledNormal', 3);

  it('agrees with the engine’s own scoring, example by example', () => {
    const { test } = generateBuiltin('circle', { seed: 2 }) as { test: Dataset };
    const e = evaluateClassifier(network, test);
    expect(e.counts.flat().reduce((a, b) => a + b, 0)).toBe(test.count);
    expect(e.counts[0][0] + e.counts[1][1]).toBe(e.correct);
    const engine = evaluatePlan(compile(network), test);
    expect(e.correct).toBe(engine.correct);
    expect(e.misclassified).toHaveLength(test.count - e.correct);
    for (const m of e.misclassified) expect(m.label).not.toBe(m.predicted);
    for (let i = 1; i < e.misclassified.length; i++) expect(e.misclassified[i].confidence).toBeLessThanOrEqual(e.misclassified[i - 1].confidence);
  });

  it('in steps: a pause after each chunk of examples, and the same result as in one go', () => {
    const { test } = generateBuiltin('circle', { seed: 2 }) as { test: Dataset };
    const steps = evaluateClassifierSteps(network, test, 200, 7);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      step = steps.next();
    }
    expect(pauses).toBe(Math.ceil(test.count / 7) - 1);
    expect(step.value).toEqual(evaluateClassifier(network, test));
  });

  it('counts a hand-made case', () => {
    // One input, three softmax outputs with biases only: it always says class 2.
    const doc = layeredNetwork([1, 3], { activation: 'softmax', cost: 'logLikelihood', biases: [[0, 1, 2]] });
    const data: Dataset = {
      name: 'hand', task: 'classification', inputSize: 1, outputSize: 3, count: 4,
      x: new Float64Array([0, 0, 0, 0]), y: new Float64Array(12), labels: new Uint8Array([0, 2, 2, 1]),
    };
    const e = evaluateClassifier(doc, data, 1);
    expect(e.counts).toEqual([[0, 0, 1], [0, 0, 1], [0, 0, 2]]);
    expect(e.correct).toBe(2);
    expect(e.misclassified).toEqual([{ index: 0, label: 0, predicted: 2, confidence: expect.closeTo(Math.exp(2) / (1 + Math.E + Math.exp(2)), 12) }]);
  });
});

describe('truth tables', () => {
  it('lists every 0/1 input of a NAND perceptron, first input most significant', () => {
    const nand = layeredNetwork([2, 1], { activation: 'perceptron', weights: [[[-2, -2]]], biases: [[3]] });
    const t = truthTable(nand);
    expect(t.rows.map((r) => [...r.inputs, ...r.bits])).toEqual([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 0]]);
    expect(t.inputNames).toEqual(['Input[0]', 'Input[1]']);
    expect(t.rows[0].targets).toBeNull();
  });

  it('uses a lesson’s rows and targets, and marks each row right or wrong', () => {
    const good = bitwiseOutput.build({ k: 10 });
    const t = truthTable(good.network, good.examples);
    expect(t.rows).toHaveLength(10);
    expect(t.rows.every((r) => r.correct)).toBe(true);
    expect(t.outputNames[0]).toMatch(/bit 0/);
    const flipped = { ...good.network, edges: good.network.edges.map((e) => (e.weights ? { ...e, weights: e.weights.map((row) => row.map((w) => -w)) } : e)) };
    expect(truthTable(flipped, good.examples).rows.every((r) => r.correct === false)).toBe(true);
  });

  it('refuses a network with too many inputs to list', () => {
    expect(truthTableProblem(layeredNetwork([784, 10]))).toMatch(/784 inputs/);
    expect(() => truthTable(layeredNetwork([11, 1]))).toThrow(/too many rows/);
  });
});
