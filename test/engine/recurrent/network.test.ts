import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compile';
import { DocumentError, validateNetwork, type NetworkDocument, type RecurrentNode } from '../../../engine/document';
import { loadNetwork } from '../../../engine/migrate';
import {
  compileSequence,
  createSequenceModel,
  initialiseSequenceDocument,
  initialiseSequenceModel,
  isRecurrentNetwork,
  parameterView,
  sequenceNetwork,
  traceSequence,
  writeBackSequence,
} from '../../../engine/recurrent';
import { Rng } from '../../../engine/rng';

const spec = { inputSize: 3, hiddenSize: 2, outputSize: 4 } as const;

function recurrentNode(doc: NetworkDocument): RecurrentNode {
  return doc.nodes.find((n) => n.kind === 'recurrent') as RecurrentNode;
}

describe('a recurrent network in the document', () => {
  for (const cell of ['lstm', 'rnn'] as const) {
    it(`${cell}: the document's parameters are exactly the model's, block by block in the seed's names`, () => {
      // An independent model, initialised directly, is the oracle: its named blocks must land on the document's fields.
      const oracle = createSequenceModel({ cell, ...spec, outputActivation: 'softmax', cost: 'logLikelihood' });
      initialiseSequenceModel(oracle, new Rng(7));
      const doc = initialiseSequenceDocument(sequenceNetwork({ cell, ...spec }), 7);
      const d = spec.hiddenSize;
      const node = recurrentNode(doc);
      const W = doc.edges.find((e) => e.target === node.id)?.weights as number[][];
      const Wy = doc.edges.find((e) => e.source === node.id)?.weights as number[][];
      const gates = cell === 'lstm' ? ['_r', '_s', '_f', '_l'] : [''];
      gates.forEach((g, k) => {
        const w = parameterView(oracle, `W${g}`);
        const u = parameterView(oracle, `U${g}`);
        const b = parameterView(oracle, `b${g}`);
        for (let i = 0; i < d; i++) {
          for (let j = 0; j < spec.inputSize; j++) expect(W[k * d + i][j]).toBe(w[i * spec.inputSize + j]);
          for (let j = 0; j < d; j++) expect(node.recurrentWeights[k * d + i][j]).toBe(u[i * d + j]);
          expect(node.biases[k * d + i]).toBe(b[i]);
        }
      });
      if (cell === 'lstm') expect(node.biases.slice(0, d)).toEqual([1, 1]); // b_r starts at the rem bias
      const wy = parameterView(oracle, 'W_y');
      for (let i = 0; i < spec.outputSize; i++) for (let j = 0; j < d; j++) expect(Wy[i][j]).toBe(wy[i * d + j]);
      // And the compiled model computes what the oracle computes.
      const seq = [
        [0.5, -1, 2],
        [0, 0.25, -0.5],
        [1, 1, 1],
      ];
      expect(traceSequence(compileSequence(doc).model, seq)).toEqual(traceSequence(oracle, seq));
    });
  }

  it('writes trained parameters back and compiles them again unchanged (a round trip)', () => {
    const doc = sequenceNetwork({ cell: 'lstm', ...spec });
    const plan = compileSequence(doc);
    const rng = new Rng(3);
    const params = Float64Array.from(plan.model.params, () => rng.normal());
    const back = writeBackSequence(plan, params);
    expect(Array.from(compileSequence(validateNetwork(back)).model.params)).toEqual(Array.from(params));
    expect(() => writeBackSequence(plan, new Float64Array(3))).toThrow(/3 numbers for/);
  });

  it('marks frozen nodes and edges in the model so training leaves them alone', () => {
    const doc = sequenceNetwork({ cell: 'rnn', ...spec });
    const frozenDoc: NetworkDocument = {
      ...doc,
      nodes: doc.nodes.map((n) => (n.kind === 'recurrent' ? { ...n, frozen: true } : n)),
      edges: doc.edges.map((e) => (e.target === 'readout' ? { ...e, frozen: true } : e)),
    };
    const { model } = compileSequence(frozenDoc);
    const frozenNames = model.blocks.filter((b) => model.frozen[b.offset] === 1).map((b) => b.name);
    expect(frozenNames).toEqual(['U', 'b', 'W_y']);
  });

  it('is told apart from a feed-forward network, and compile() refuses it with the reason', () => {
    const doc = sequenceNetwork({ cell: 'lstm', ...spec });
    expect(isRecurrentNetwork(doc)).toBe(true);
    expect(() => compile(doc)).toThrow(/"lstm" is a recurrent layer: this network reads sequences/);
  });

  it('refuses documents whose recurrent parts have the wrong shapes, naming the node or edge', () => {
    const doc = sequenceNetwork({ cell: 'lstm', ...spec });
    const badU = { ...doc, nodes: doc.nodes.map((n) => (n.kind === 'recurrent' ? { ...n, recurrentWeights: n.recurrentWeights.slice(1) } : n)) };
    expect(() => validateNetwork(badU)).toThrow(/node "lstm": recurrent weights U must be 8x2/);
    const badB = { ...doc, nodes: doc.nodes.map((n) => (n.kind === 'recurrent' ? { ...n, biases: [0, 0] } : n)) };
    expect(() => validateNetwork(badB)).toThrow(/needs 8 biases \(4 per unit\), has 2/);
    const badW = { ...doc, edges: doc.edges.map((e) => (e.target === 'lstm' ? { ...e, weights: [[1, 2, 3]] } : e)) };
    expect(() => validateNetwork(badW)).toThrow(/weights must be 8x3 \(gates x units \(4 x 2\) by input features\)/);
    const badCell = { ...doc, nodes: doc.nodes.map((n) => (n.kind === 'recurrent' ? { ...n, cell: 'gru' } : n)) };
    expect(() => validateNetwork(badCell)).toThrow(DocumentError);
    const hostile = { ...doc, nodes: doc.nodes.map((n) => (n.kind === 'recurrent' ? { ...n, recurrentWeights: 'x'.repeat(10) } : n)) };
    expect(() => validateNetwork(hostile)).toThrow(/node "lstm" field recurrentWeights/);
  });

  it('refuses connections a recurrent layer cannot have, and shapes that are not Input -> cell -> Layer -> Output', () => {
    const doc = sequenceNetwork({ cell: 'rnn', ...spec });
    const direct = {
      ...doc,
      edges: [...doc.edges.filter((e) => e.source !== 'rnn' && e.source !== 'readout'), { id: 'rnn->output', source: 'rnn', target: 'output' }],
    };
    expect(() => validateNetwork(direct)).toThrow(/feeds a Layer \(its readout\), not an Output directly/);
    const fromLayer = {
      ...doc,
      nodes: [...doc.nodes, { id: 'h', kind: 'layer', label: 'h', position: { x: 0, y: 0 }, size: 3, activation: 'sigmoid', biases: [0, 0, 0] }],
      edges: [...doc.edges, { id: 'h->rnn', source: 'h', target: 'rnn', weights: [[0, 0, 0], [0, 0, 0]] }],
    };
    expect(() => validateNetwork(fromLayer)).toThrow(/reads a sequence from an Input node, not from "h"/);
    const unread = { ...doc, edges: doc.edges.filter((e) => e.target !== 'rnn') };
    expect(() => compileSequence(unread)).toThrow(/connect an Input to "rnn"/);
    const stray = { ...doc, nodes: [...doc.nodes, { id: 'extra', kind: 'neuron', label: 'e', position: { x: 0, y: 0 }, activation: 'sigmoid', bias: 0 }] } as NetworkDocument;
    expect(() => compileSequence(stray)).toThrow(/"extra" is not part of the chain/);
    const noOutput = { ...doc, nodes: doc.nodes.filter((n) => n.kind !== 'output'), edges: doc.edges.filter((e) => e.target !== 'output') };
    expect(() => compileSequence(noOutput)).toThrow(/connect the readout "readout" to an Output/);
    const wrongCost = { ...doc, nodes: doc.nodes.map((n) => (n.kind === 'output' ? { ...n, cost: 'logLikelihood' as const } : n.kind === 'layer' ? { ...n, activation: 'sigmoid' as const } : n)) };
    expect(() => compileSequence(wrongCost)).toThrow(/Cannot train: the log-likelihood cost needs softmax outputs/);
    expect(() => compileSequence(validateNetwork({ ...doc, nodes: [], edges: [] }))).toThrow(/has no LSTM or recurrent node/);
  });

  it('loads a version-2 document as the current version unchanged', () => {
    const v2 = { format: 'neuroloom-network', version: 2, nodes: [{ id: 'x', kind: 'input', label: 'x', position: { x: 0, y: 0 }, size: 1 }], edges: [] };
    expect(loadNetwork(v2)).toEqual({ ...v2, version: 3 });
  });
});
