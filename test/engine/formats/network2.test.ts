import { describe, expect, it } from 'vitest';
import { initialiseDocument, layeredNetwork } from '../../../engine/build';
import { DocumentError, type NetworkDocument } from '../../../engine/document';
import {
  exportNetwork2,
  exportNetwork2Text,
  importNetwork2,
  parseNetwork2Text,
  type Network2Json,
} from '../../../engine/formats/network2';
import { Rng } from '../../../engine/rng';

const FILE = 'saved-net.json';

/** A small valid network2.py file: sizes [3, 2, 1]. */
function sample(): Network2Json {
  return {
    sizes: [3, 2, 1],
    weights: [
      [
        [0.1, -0.2, 0.3],
        [0.4, 0.5, -0.6],
      ],
      [[0.7, -0.8]],
    ],
    biases: [[[0.01], [-0.02]], [[0.03]]],
    cost: 'CrossEntropyCost',
  };
}

function layerOf(doc: NetworkDocument, id: string) {
  const node = doc.nodes.find((n) => n.id === id);
  if (node?.kind !== 'layer') throw new Error(`no layer ${id}`);
  return node;
}

/** The error an import throws; fails the test if it does not throw a DocumentError naming the file. */
function importError(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DocumentError);
    const message = (e as Error).message;
    expect(message.startsWith(`${FILE}: `)).toBe(true);
    return message;
  }
  throw new Error('expected the import to fail');
}

const fromText = (text: string) => importError(() => parseNetwork2Text(text, FILE));
const fromValue = (raw: unknown) => importError(() => importNetwork2(raw, FILE));
/** The sample with one change, as text (so it goes through JSON.parse like a real file). */
const edited = (edit: (n: Record<string, unknown> & Network2Json) => void) => {
  const n = sample() as Record<string, unknown> & Network2Json;
  edit(n);
  return JSON.stringify(n);
};

describe('importNetwork2', () => {
  it('builds a layered sigmoid document with the weights as network2.py lays them out', () => {
    const doc = importNetwork2(sample(), FILE);
    const hidden = layerOf(doc, 'hidden-1');
    const out = layerOf(doc, 'output-layer');
    expect([hidden.size, hidden.activation, out.size, out.activation]).toEqual([2, 'sigmoid', 1, 'sigmoid']);
    expect(hidden.biases).toEqual([0.01, -0.02]);
    expect(out.biases).toEqual([0.03]);
    expect(doc.edges.find((e) => e.target === 'hidden-1')?.weights).toEqual(sample().weights[0]);
    expect(doc.edges.find((e) => e.target === 'output-layer')?.weights).toEqual(sample().weights[1]);
    const output = doc.nodes.find((n) => n.kind === 'output');
    expect(output?.kind === 'output' && output.cost).toBe('crossEntropy');
    const input = doc.nodes.find((n) => n.kind === 'input');
    expect(input?.kind === 'input' && input.image).toBeUndefined();
  });

  it('maps QuadraticCost and draws a 784-unit input as a 28x28 image', () => {
    const doc = initialiseDocument(layeredNetwork([784, 3, 2], { cost: 'quadratic' }), 'normal', 3);
    const back = parseNetwork2Text(exportNetwork2Text(doc), FILE);
    const input = back.nodes.find((n) => n.kind === 'input');
    expect(input?.kind === 'input' && input.image).toEqual({ width: 28, height: 28 });
    const output = back.nodes.find((n) => n.kind === 'output');
    expect(output?.kind === 'output' && output.cost).toBe('quadratic');
  });

  it('does not share arrays with the parsed value', () => {
    const raw = sample();
    const doc = importNetwork2(raw, FILE);
    raw.weights[0][0][0] = 99;
    raw.biases[0][0][0] = 99;
    expect(doc.edges[0].weights?.[0][0]).toBe(0.1);
    expect(layerOf(doc, 'hidden-1').biases[0]).toBe(0.01);
  });
});

describe('round trip', () => {
  it('import(export(doc)) gives the same weights and biases exactly (seeded, 30 random networks)', () => {
    const rng = new Rng(2024);
    for (let trial = 0; trial < 30; trial++) {
      const depth = 2 + rng.int(4);
      const sizes = Array.from({ length: depth }, () => 1 + rng.int(12));
      const cost = rng.float() < 0.5 ? 'quadratic' : 'crossEntropy';
      const doc = initialiseDocument(layeredNetwork(sizes, { cost }), 'normal', trial);
      // Scale some weights to awkward magnitudes: JSON text must carry every bit.
      for (const edge of doc.edges) edge.weights?.forEach((row) => row.forEach((_, k) => (row[k] *= 10 ** (rng.int(40) - 20))));
      const text = exportNetwork2Text(doc);
      const back = parseNetwork2Text(text, FILE);
      expect(back.nodes.map((n) => [n.kind, n.kind === 'layer' ? n.biases : null])).toEqual(doc.nodes.map((n) => [n.kind, n.kind === 'layer' ? n.biases : null]));
      expect(back.edges.map((e) => e.weights)).toEqual(doc.edges.map((e) => e.weights));
      expect(exportNetwork2Text(back)).toBe(text);
    }
  });

  it('keeps extreme doubles exactly', () => {
    const values = [Number.MIN_VALUE, -Number.MAX_VALUE, 0.1 + 0.2, 1 / 3, 1e-300, 123456789 + 1 / 7];
    const doc = layeredNetwork([values.length, 1], { weights: [[values]], biases: [[Number.EPSILON]] });
    const back = exportNetwork2(parseNetwork2Text(exportNetwork2Text(doc), FILE));
    expect(back.weights[0][0]).toEqual(values);
    expect(back.biases[0][0][0]).toBe(Number.EPSILON);
  });
});

describe('exportNetwork2', () => {
  it('writes sizes, row-per-unit weights, column-vector biases and the cost class', () => {
    const doc = importNetwork2(sample(), FILE);
    expect(exportNetwork2(doc)).toEqual(sample());
    expect(JSON.parse(exportNetwork2Text(doc))).toEqual(sample());
  });

  it('writes a chain of Neuron nodes as layers of one unit', () => {
    const at = { x: 0, y: 0 };
    const doc: NetworkDocument = {
      format: 'neuroloom-network',
      version: 3,
      nodes: [
        { id: 'x', kind: 'input', label: 'x', position: at, size: 2 },
        { id: 'n', kind: 'neuron', label: 'n', position: at, activation: 'sigmoid', bias: -1 },
        { id: 'out', kind: 'output', label: 'Output', position: at, cost: 'quadratic' },
      ],
      edges: [
        { id: 'a', source: 'x', target: 'n', weights: [[2, 3]] },
        { id: 'b', source: 'n', target: 'out' },
      ],
    };
    expect(exportNetwork2(doc)).toEqual({ sizes: [2, 1], weights: [[[2, 3]]], biases: [[[-1]]], cost: 'QuadraticCost' });
  });

  const refuse = (doc: NetworkDocument) => {
    try {
      exportNetwork2(doc);
    } catch (e) {
      expect(e).toBeInstanceOf(DocumentError);
      return (e as Error).message;
    }
    throw new Error('expected the export to be refused');
  };

  it('refuses a non-sigmoid layer, naming it', () => {
    const doc = layeredNetwork([3, 4, 2], { activation: 'tanh', outputActivation: 'sigmoid' });
    expect(refuse(doc)).toMatch(/"hidden-1" uses tanh; network2.py only has sigmoid neurons/);
  });

  it('refuses the log-likelihood cost', () => {
    const doc = layeredNetwork([3, 4, 2], { outputActivation: 'softmax', cost: 'logLikelihood' });
    expect(refuse(doc)).toMatch(/log-likelihood cost; network2.py only has QuadraticCost and CrossEntropyCost/);
  });

  it('refuses a skip connection, naming both ends', () => {
    const doc = layeredNetwork([3, 4, 4, 2]);
    doc.edges.push({ id: 'skip', source: 'input', target: 'hidden-2', weights: [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]] });
    expect(refuse(doc)).toMatch(/skip connection from "input" to "hidden-2"/);
    const late = layeredNetwork([3, 4, 4, 2]);
    late.edges.push({ id: 'skip', source: 'hidden-1', target: 'output-layer', weights: [[0, 0, 0, 0], [0, 0, 0, 0]] });
    expect(refuse(late)).toMatch(/skip connection from "hidden-1" to "output-layer"/);
  });

  it('refuses branches, a second Input, a second feed into the Output, stray nodes and a missing Output', () => {
    const at = { x: 0, y: 0 };
    const branches = layeredNetwork([3, 4, 2]);
    branches.nodes.push({ id: 'side', kind: 'neuron', label: 'side', position: at, activation: 'sigmoid', bias: 0 });
    branches.edges.push({ id: 'side-in', source: 'input', target: 'side', weights: [[0, 0, 0]] });
    expect(refuse(branches)).toMatch(/"input" feeds 2 branches/);

    const shortcut = layeredNetwork([3, 4, 2]);
    shortcut.edges.push({ id: 'h->out', source: 'hidden-1', target: 'output' });
    expect(refuse(shortcut)).toMatch(/skip connection from "hidden-1" to "output"/);

    const twoOut = layeredNetwork([3, 4, 2]);
    twoOut.nodes.push({ id: 'lonely', kind: 'neuron', label: 'lonely', position: at, activation: 'sigmoid', bias: 0 });
    twoOut.edges.push({ id: 'lonely->out', source: 'lonely', target: 'output' });
    expect(refuse(twoOut)).toMatch(/the Output is fed by 2 nodes \("output-layer", "lonely"\); network2.py's output is a single layer/);

    const twoInputs = layeredNetwork([3, 4, 2]);
    twoInputs.nodes.push({ id: 'extra', kind: 'input', label: 'extra', position: at, size: 1 });
    twoInputs.edges.push({ id: 'extra-in', source: 'extra', target: 'hidden-1', weights: [[0], [0], [0], [0]] });
    expect(refuse(twoInputs)).toMatch(/one input vector, but this network has 2 Input nodes \("input", "extra"\)/);

    const stray = layeredNetwork([3, 4, 2]);
    stray.nodes.push({ id: 'lonely', kind: 'neuron', label: 'lonely', position: at, activation: 'sigmoid', bias: 0 });
    expect(refuse(stray)).toMatch(/"lonely" is not on the chain from Input to Output/);

    const feeder = layeredNetwork([3, 4, 2]);
    feeder.nodes.push({ id: 'lonely', kind: 'neuron', label: 'lonely', position: at, activation: 'sigmoid', bias: 0 });
    feeder.edges.push({ id: 'lonely->h', source: 'lonely', target: 'hidden-1', weights: [[0], [0], [0], [0]] });
    expect(refuse(feeder)).toMatch(/"hidden-1" also takes input from "lonely"/);

    const noOutput = layeredNetwork([3, 4, 2]);
    noOutput.nodes = noOutput.nodes.filter((n) => n.kind !== 'output');
    noOutput.edges = noOutput.edges.filter((e) => e.target !== 'output');
    expect(refuse(noOutput)).toMatch(/no Output node/);
  });
});

describe('bad input names the file and the problem', () => {
  it('empty and truncated text', () => {
    expect(fromText('')).toMatch(/the file is empty/);
    expect(fromText('  \n')).toMatch(/the file is empty/);
    const text = exportNetwork2Text(importNetwork2(sample(), FILE));
    for (const cut of [1, 10, Math.floor(text.length / 2), text.length - 1]) {
      expect(fromText(text.slice(0, cut))).toMatch(/not valid JSON: the text ends too early \(is the file truncated\?\)/);
    }
    expect(fromText('{"sizes": [3, 2, 1],\n "weights": [3 4]}')).toMatch(/not valid JSON: Expected ',' or ']' after array element at line 2, column 16$/);
    expect(fromText('{"sizes": [3, 2, 1],\n "weights": [}')).toMatch(/not valid JSON: Unexpected token '}' near .*": \[}"$/);
  });

  it('a top level that is not an object', () => {
    for (const text of ['[1, 2]', '42', 'null', '"sizes"', 'true']) {
      expect(fromText(text)).toMatch(/expected a JSON object with sizes, weights, biases and cost/);
    }
    expect(fromText('[[1], [2]]')).toMatch(/got a list of 2/);
  });

  it('missing keys, wrong types and an unknown cost', () => {
    expect(fromText(edited((n) => delete (n as Partial<Network2Json>).biases))).toMatch(/missing "biases"/);
    expect(fromText('{}')).toMatch(/missing "sizes", "weights", "biases", "cost"/);
    expect(fromText(edited((n) => (n.weights = 'lots' as never)))).toMatch(/"weights" must be a list of matrices, got a string "lots"/);
    expect(fromText(edited((n) => (n.sizes = { 0: 3 } as never)))).toMatch(/"sizes" must be a list of layer sizes, got an object/);
    expect(fromText(edited((n) => (n.cost = 3 as never)))).toMatch(/"cost" must be the name of a cost class, got the number 3/);
    expect(fromText(edited((n) => (n.cost = 'LogLikelihoodCost' as never)))).toMatch(/unknown cost "LogLikelihoodCost"; network2.py's costs are QuadraticCost and CrossEntropyCost/);
  });

  it('sizes that are not positive whole numbers, too few, or too many', () => {
    expect(fromText(edited((n) => (n.sizes = [3, 0, 1])))).toMatch(/sizes\[1\] must be a whole number of units from 1 to 1048576, got the number 0/);
    expect(fromText(edited((n) => (n.sizes = [3, 2.5, 1])))).toMatch(/sizes\[1\] .* got the number 2.5/);
    expect(fromText(edited((n) => (n.sizes = [3, -2, 1])))).toMatch(/sizes\[1\] .* got the number -2/);
    expect(fromText(edited((n) => (n.sizes = [3, '2', 1] as never)))).toMatch(/sizes\[1\] .* got a string "2"/);
    expect(fromText(edited((n) => (n.sizes = [3])))).toMatch(/"sizes" must list at least 2 layers/);
    expect(fromText(edited((n) => (n.sizes = new Array<number>(5000).fill(1))))).toMatch(/"sizes" lists 5000 layers; the limit is 1000/);
  });

  it('huge declared sizes are refused before anything is allocated', () => {
    expect(fromText(edited((n) => (n.sizes = [1e9, 1e9])))).toMatch(/sizes\[0\] must be a whole number of units from 1 to 1048576, got the number 1000000000/);
    const started = Date.now();
    expect(fromText(edited((n) => (n.sizes = [1048576, 1048576, 10])))).toMatch(
      /sizes \[1048576, 1048576, 10\] declare 1,099,523,162,122 weights and biases; the limit is 50,000,000/,
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('weights and biases whose shapes disagree with sizes, naming the layer and row', () => {
    expect(fromText(edited((n) => n.weights.pop()))).toMatch(/"weights" holds 1 matrices, but sizes \[3, 2, 1\] need 2/);
    expect(fromText(edited((n) => n.biases.push([[1]])))).toMatch(/"biases" holds 3 vectors, but sizes \[3, 2, 1\] need 2/);
    expect(fromText(edited((n) => n.weights[0].pop()))).toMatch(/weights\[0\] \(layer 0 to layer 1\) must be a list of 2 rows, one per unit of layer 1, got a list of 1/);
    expect(fromText(edited((n) => n.weights[0][1].push(0)))).toMatch(/weights\[0\]\[1\] \(row 1 of layer 0 to layer 1\) must be a list of 3 numbers, one per unit of layer 0, got a list of 4/);
    expect(fromText(edited((n) => (n.weights[1] = [[0.7], [-0.8]])))).toMatch(/weights\[1\] \(layer 1 to layer 2\) must be a list of 1 rows/);
    expect(fromText(edited((n) => (n.weights[1][0] = 0.7 as never)))).toMatch(/weights\[1\]\[0\] .* got the number 0.7/);
    expect(fromText(edited((n) => n.biases[1].push([0])))).toMatch(/biases\[1\] \(layer 2\) must be a list of 1 one-element lists, one per unit, got a list of 2/);
  });

  it('bias entries that are not one-element lists', () => {
    expect(fromText(edited((n) => (n.biases[0] = [0.01, -0.02] as never)))).toMatch(/biases\[0\]\[0\] must be a one-element list like \[0.5\] \(network2.py stores biases as column vectors\), got the number 0.01/);
    expect(fromText(edited((n) => (n.biases[0][1] = [1, 2])))).toMatch(/biases\[0\]\[1\] must be a one-element list .* got a list of 2/);
    expect(fromText(edited((n) => (n.biases[0][1] = [])))).toMatch(/biases\[0\]\[1\] must be a one-element list .* got a list of 0/);
  });

  it('nulls, strings, booleans and overflowing numbers among the weights', () => {
    expect(fromText(edited((n) => (n.weights[1][0][1] = null as never)))).toMatch(/weights\[1\]\[0\]\[1\] is null; weights must be finite numbers/);
    expect(fromText(edited((n) => (n.weights[0][1][2] = '0.5' as never)))).toMatch(/weights\[0\]\[1\]\[2\] is a string "0.5"; weights must be finite numbers/);
    expect(fromText(edited((n) => (n.biases[1][0][0] = true as never)))).toMatch(/biases\[1\]\[0\]\[0\] is true; biases must be finite numbers/);
    expect(fromText(edited((n) => (n.weights[0][0][0] = {} as never)))).toMatch(/weights\[0\]\[0\]\[0\] is an object/);
    expect(fromText(JSON.stringify(sample()).replace('0.7', '1e400'))).toMatch(/weights\[1\]\[0\]\[0\] is Infinity \(a number too large for a double\)/);
  });

  it("Python's NaN and Infinity tokens, located exactly", () => {
    const text = JSON.stringify(sample());
    expect(fromText(text.replace('-0.6', 'NaN'))).toMatch(/weights\[0\]\[1\]\[2\] is NaN \(Python writes NaN when training diverged\); weights must be finite numbers/);
    expect(fromText(text.replace('0.03', 'Infinity'))).toMatch(/biases\[1\]\[0\]\[0\] is Infinity/);
    expect(fromText(text.replace('-0.8', '-Infinity'))).toMatch(/weights\[1\]\[0\]\[1\] is -Infinity/);
    // The same words inside strings are left alone.
    expect(fromText(text.replace('"CrossEntropyCost"', '"NaN"'))).toMatch(/unknown cost "NaN"/);
    // Tokens in a file that is broken anyway: the JSON error wins.
    expect(fromText(text.replace('-0.6', 'NaN').slice(0, 40))).toMatch(/truncated/);
  });

  it('__proto__ and constructor keys are refused and pollute nothing', () => {
    const hostile = [
      '{"__proto__": {"polluted": true}, "sizes": [1, 1], "weights": [[[1]]], "biases": [[[0]]], "cost": "QuadraticCost"}',
      '{"constructor": {"prototype": {"polluted": true}}, "sizes": [1, 1], "weights": [[[1]]], "biases": [[[0]]], "cost": "QuadraticCost"}',
      '{"sizes": [1, 1], "weights": [[[1]]], "biases": [[[0]]], "cost": "QuadraticCost", "prototype": {"polluted": true}}',
    ];
    for (const text of hostile) expect(fromText(text)).toMatch(/the key "(__proto__|constructor|prototype)" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });

  it('a value passed directly (not text) gets the same checks', () => {
    expect(fromValue(undefined)).toMatch(/expected a JSON object/);
    expect(fromValue({ ...sample(), sizes: [3, 2, Number.NaN] })).toMatch(/sizes\[2\] .* got NaN$/);
    expect(fromValue({ ...sample(), weights: [[[0.1, -0.2, 0.3], [0.4, 0.5, -Infinity]], [[0.7, -0.8]]] })).toMatch(/weights\[0\]\[1\]\[2\] is -Infinity/);
  });
});
