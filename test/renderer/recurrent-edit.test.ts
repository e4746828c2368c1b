import { describe, expect, it } from 'vitest';
import { validateNetwork, type NetworkDocument, type RecurrentNode } from '../../engine/document';
import { compileSequence, initialiseSequenceDocument, parameterView, sequenceNetwork, traceSequence } from '../../engine/recurrent';
import { Rng } from '../../engine/rng';
import { EditError, scaleParameters, setBias, setFrozen } from '../../renderer/graph/edit';
import { expandLayer } from '../../renderer/graph/expand';
import { NODE_KINDS } from '../../renderer/graph/node-kinds';
import {
  MAX_RECURRENT_SIZE,
  reRandomiseRecurrent,
  resizeRecurrent,
  setCell,
  setGateParameter,
  setOutputs,
  setRecurrentFrozen,
} from '../../renderer/graph/recurrent-edit';
import { drawCellParameters, initialRecurrentParameters } from '../../renderer/graph/recurrent-init';

const p = 3;

/** Input(3) -> cell(d) -> readout(4, softmax) -> Output, drawn with seed 5. */
function network(cell: 'lstm' | 'rnn', d = 2): NetworkDocument {
  return initialiseSequenceDocument(sequenceNetwork({ cell, inputSize: p, hiddenSize: d, outputSize: 4 }), 5);
}

const cellOf = (doc: NetworkDocument): RecurrentNode => doc.nodes.find((n) => n.kind === 'recurrent') as RecurrentNode;
const W = (doc: NetworkDocument): number[][] => doc.edges.find((e) => e.target === cellOf(doc).id)?.weights as number[][];
const Wy = (doc: NetworkDocument): number[][] => doc.edges.find((e) => e.source === cellOf(doc).id)?.weights as number[][];

/** A seeded random sequence of T steps of p features. */
function sequence(T: number, seed: number): number[][] {
  const rng = new Rng(seed);
  return Array.from({ length: T }, () => Array.from({ length: p }, () => rng.uniform(-1, 1)));
}

const outputsOf = (doc: NetworkDocument, seq: number[][]): number[][] => traceSequence(compileSequence(doc).model, seq).steps.map((s) => s.output);

describe('recurrent node edits', () => {
  it('re-randomises the layer exactly as initialiseSequenceDocument draws it, and leaves the readout alone', () => {
    for (const cell of ['lstm', 'rnn'] as const) {
      const doc = network(cell, 3);
      const out = reRandomiseRecurrent(doc, cell, 11);
      // The oracle: the engine's own initialisation of the whole network with the same seed.
      const oracle = initialiseSequenceDocument(doc, 11);
      expect(cellOf(out).recurrentWeights).toEqual(cellOf(oracle).recurrentWeights);
      expect(cellOf(out).biases).toEqual(cellOf(oracle).biases);
      expect(W(out)).toEqual(W(oracle));
      expect(Wy(out)).toBe(Wy(doc));
      expect(Wy(oracle)).not.toEqual(Wy(doc));
      validateNetwork(out);
    }
    // The rem bias option reaches b_r (the first d biases).
    const doc = network('lstm', 2);
    expect(cellOf(reRandomiseRecurrent(doc, 'lstm', 3, { remBias: 2.5 })).biases.slice(0, 2)).toEqual([2.5, 2.5]);
  });

  it('grows the layer without changing what the network computes, with live new units', () => {
    for (const cell of ['lstm', 'rnn'] as const) {
      const doc = network(cell, 2);
      const grown = resizeRecurrent(doc, cell, 5, 9);
      validateNetwork(grown);
      const seq = sequence(6, 1);
      const before = outputsOf(doc, seq);
      const after = outputsOf(grown, seq);
      after.forEach((row, t) => row.forEach((v, j) => expect(v).toBeCloseTo(before[t][j], 12)));
      // The readout does not see the new units; they see themselves and the old units.
      for (const row of Wy(grown)) expect(row.slice(2)).toEqual([0, 0, 0]);
      const G = cell === 'lstm' ? 4 : 1;
      const U = cellOf(grown).recurrentWeights;
      for (let g = 0; g < G; g++) {
        for (let i = 0; i < 2; i++) {
          expect(U[g * 5 + i].slice(0, 2)).toEqual(cellOf(doc).recurrentWeights[g * 2 + i]);
          expect(U[g * 5 + i].slice(2)).toEqual([0, 0, 0]);
          expect(W(grown)[g * 5 + i]).toEqual(W(doc)[g * 2 + i]);
        }
        // New rows come from the seeded draw of a 5-unit cell.
        const fresh = drawCellParameters(cell, p, 5, 9);
        for (let i = 2; i < 5; i++) {
          expect(U[g * 5 + i]).toEqual(fresh.U[g * 5 + i]);
          expect(W(grown)[g * 5 + i]).toEqual(fresh.W[g * 5 + i]);
        }
      }
      // Alive: a new unit's working memory moves with the input.
      const trace = traceSequence(compileSequence(grown).model, seq);
      const hOf = (s: (typeof trace.steps)[number]): number[] => ('wm' in s ? s.wm : s.h);
      expect(Math.abs(hOf(trace.steps[3])[4])).toBeGreaterThan(1e-6);
      // Shrinking back gives the original parameters.
      expect(resizeRecurrent(grown, cell, 2, 9)).toEqual(doc);
    }
  });

  it('shrinks by dropping the last units, rows and columns', () => {
    const doc = network('lstm', 3);
    const small = resizeRecurrent(doc, 'lstm', 1, 0);
    validateNetwork(small);
    const node = cellOf(small);
    expect(node.recurrentWeights).toEqual([0, 1, 2, 3].map((g) => [cellOf(doc).recurrentWeights[g * 3][0]]));
    expect(node.biases).toEqual([0, 1, 2, 3].map((g) => cellOf(doc).biases[g * 3]));
    expect(Wy(small)).toEqual(Wy(doc).map((r) => [r[0]]));
  });

  it('refuses sizes outside 1 to 256, and nodes that are not recurrent', () => {
    const doc = network('lstm');
    expect(() => resizeRecurrent(doc, 'lstm', 0, 1)).toThrow(EditError);
    expect(() => resizeRecurrent(doc, 'lstm', MAX_RECURRENT_SIZE + 1, 1)).toThrow(/from 1 to 256/);
    expect(() => resizeRecurrent(doc, 'lstm', 2.5, 1)).toThrow(EditError);
    expect(() => resizeRecurrent(doc, 'readout', 3, 1)).toThrow(/not an LSTM or recurrent node/);
  });

  it('turns an LSTM into a plain layer keeping its candidate block, and back with fresh gates', () => {
    const lstm = network('lstm', 2);
    const rnn = setCell(lstm, 'lstm', 'rnn', 4);
    validateNetwork(rnn);
    const c = compileSequence(lstm).model;
    const r = compileSequence(rnn).model;
    // The plain layer's W, U, b are the LSTM's W_l, U_l, b_l: the same tanh computation.
    expect(parameterView(r, 'W')).toEqual(parameterView(c, 'W_l'));
    expect(parameterView(r, 'U')).toEqual(parameterView(c, 'U_l'));
    expect(parameterView(r, 'b')).toEqual(parameterView(c, 'b_l'));
    expect(parameterView(r, 'W_y')).toEqual(parameterView(c, 'W_y'));

    const back = setCell(rnn, 'lstm', 'lstm', 4);
    validateNetwork(back);
    const m = compileSequence(back).model;
    expect(parameterView(m, 'W_l')).toEqual(parameterView(c, 'W_l'));
    expect(parameterView(m, 'U_l')).toEqual(parameterView(c, 'U_l'));
    // The gates are the seeded draw of a fresh LSTM of this shape, b_r at the rem bias.
    const fresh = drawCellParameters('lstm', p, 2, 4);
    expect(cellOf(back).recurrentWeights.slice(0, 6)).toEqual(fresh.U.slice(0, 6));
    expect(W(back).slice(0, 6)).toEqual(fresh.W.slice(0, 6));
    expect(cellOf(back).biases.slice(0, 6)).toEqual([1, 1, 0, 0, 0, 0]);
    expect(setCell(lstm, 'lstm', 'lstm', 4)).toBe(lstm);
  });

  it('renames a default label with the cell, and keeps a label the user chose', () => {
    const doc = network('lstm');
    const named = { ...doc, nodes: doc.nodes.map((n) => (n.kind === 'recurrent' ? { ...n, label: 'LSTM 3' } : n)) };
    expect(cellOf(setCell(named, 'lstm', 'rnn', 1)).label).toBe('Recurrent 3');
    const own = { ...doc, nodes: doc.nodes.map((n) => (n.kind === 'recurrent' ? { ...n, label: 'memory' } : n)) };
    expect(cellOf(setCell(own, 'lstm', 'rnn', 1)).label).toBe('memory');
  });

  it('edits a cell that has no Input yet', () => {
    const node = NODE_KINDS.recurrent.create('lstm-1', 'LSTM 1', { x: 0, y: 0 });
    const doc: NetworkDocument = { format: 'neuroloom-network', version: 3, nodes: [node], edges: [] };
    const rnn = setCell(doc, 'lstm-1', 'rnn', 1);
    expect(cellOf(rnn)).toMatchObject({ cell: 'rnn', label: 'Recurrent 1' });
    validateNetwork(rnn);
    validateNetwork(resizeRecurrent(doc, 'lstm-1', 7, 2));
    validateNetwork(reRandomiseRecurrent(doc, 'lstm-1', 2));
    expect(() => setGateParameter(doc, 'lstm-1', 'W', 0, 0, 0, 1)).toThrow(/Connect an Input/);
  });

  it('sets one parameter by the seed’s names: W_g on the edge, U_g and b_g on the node', () => {
    const doc = network('lstm', 2);
    let out = setGateParameter(doc, 'lstm', 'W', 1, 1, 2, 0.75);
    out = setGateParameter(out, 'lstm', 'U', 2, 0, 1, -0.5);
    out = setGateParameter(out, 'lstm', 'b', 3, 1, 0, 2);
    const m = compileSequence(out).model;
    expect(parameterView(m, 'W_s')[1 * p + 2]).toBe(0.75);
    expect(parameterView(m, 'U_f')[0 * 2 + 1]).toBe(-0.5);
    expect(parameterView(m, 'b_l')[1]).toBe(2);
    // Nothing else moved.
    const before = compileSequence(doc).model.params;
    const changed = Array.from(m.params).filter((v, i) => v !== before[i]).length;
    expect(changed).toBe(3);
    expect(setGateParameter(out, 'lstm', 'b', 3, 1, 0, 2)).toBe(out);
    expect(() => setGateParameter(doc, 'lstm', 'b', 4, 0, 0, 1)).toThrow(EditError);
    expect(() => setGateParameter(doc, 'lstm', 'U', 0, 0, 2, 1)).toThrow(EditError);
    expect(() => setGateParameter(doc, 'lstm', 'b', 0, 0, 0, Number.NaN)).toThrow(/finite/);
  });

  it('sets the outputs, and freezes W, U and b together', () => {
    const doc = network('lstm');
    expect(cellOf(setOutputs(doc, 'lstm', 'every')).outputs).toBe('every');
    expect(setOutputs(doc, 'lstm', 'last')).toBe(doc);
    const frozen = setRecurrentFrozen(doc, 'lstm', true);
    const plan = compileSequence(frozen);
    const frozenBlocks = plan.model.blocks.filter((b) => plan.model.frozen[b.offset] === 1).map((b) => b.name);
    expect(frozenBlocks).toEqual(['W_r', 'U_r', 'b_r', 'W_s', 'U_s', 'b_s', 'W_f', 'U_f', 'b_f', 'W_l', 'U_l', 'b_l']);
    const thawed = setRecurrentFrozen(frozen, 'lstm', false);
    expect(thawed).toEqual(doc);
    expect(setRecurrentFrozen(doc, 'lstm', false)).toBe(doc);
  });

  it('draws a new node’s U as an orthogonal matrix seeded by its id, with b_r = 1', () => {
    const a = initialRecurrentParameters('lstm-1', 'lstm', 4);
    expect(a).toEqual(initialRecurrentParameters('lstm-1', 'lstm', 4));
    expect(a).not.toEqual(initialRecurrentParameters('lstm-2', 'lstm', 4));
    expect(a.biases).toEqual([1, 1, 1, 1, ...new Array<number>(12).fill(0)]);
    // Each gate's U_g has orthonormal rows.
    for (let g = 0; g < 4; g++) {
      const U = a.recurrentWeights.slice(4 * g, 4 * g + 4);
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(U[i].reduce((s, v, k) => s + v * U[j][k], 0)).toBeCloseTo(i === j ? 1 : 0, 12);
    }
  });
});

describe('the shared edits know the recurrent node', () => {
  it('scales U and b with every other parameter, and freezes the node', () => {
    const doc = network('lstm', 2);
    const scaled = scaleParameters(doc, 2);
    expect(cellOf(scaled).recurrentWeights).toEqual(cellOf(doc).recurrentWeights.map((r) => r.map((v) => 2 * v)));
    expect(cellOf(scaled).biases).toEqual(cellOf(doc).biases.map((v) => 2 * v));
    expect(W(scaled)).toEqual(W(doc).map((r) => r.map((v) => 2 * v)));
    expect(cellOf(setFrozen(doc, ['lstm'], [], true)).frozen).toBe(true);
    expect(cellOf(setBias(doc, 'lstm', 5, 0.25)).biases[5]).toBe(0.25);
  });

  it('refuses to expand the readout of a recurrent layer, and says why', () => {
    const doc = { ...network('lstm', 2), nodes: network('lstm', 2).nodes.map((n) => (n.kind === 'layer' ? { ...n, activation: 'sigmoid' as const } : n)) };
    expect(() => expandLayer(doc, 'readout')).toThrow(/is the readout of “LSTM”/);
  });
});
