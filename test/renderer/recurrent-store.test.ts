import { describe, expect, it } from 'vitest';
import { validateNetwork, type NetworkDocument, type RecurrentNode } from '../../engine/document';
import { compileSequence } from '../../engine/recurrent';
import { documentProblem } from '../../renderer/graph/document-check';
import { FlowMapper } from '../../renderer/graph/mapping';
import { resizeRecurrent, setCell } from '../../renderer/graph/recurrent-edit';
import { createDocumentStore } from '../../renderer/store/document-store';

const cell = (doc: NetworkDocument): RecurrentNode => doc.nodes.find((n) => n.kind === 'recurrent') as RecurrentNode;

/** Input -> LSTM -> Layer -> Output from palette actions, as the canvas does it. */
function built() {
  const store = createDocumentStore();
  const s = () => store.getState();
  for (const kind of ['input', 'recurrent', 'layer', 'output'] as const) expect(s().addNode(kind, { x: 0, y: 0 })).toEqual({ ok: true });
  expect(s().connect('input-1', 'recurrent-1')).toEqual({ ok: true });
  expect(s().connect('recurrent-1', 'layer-1')).toEqual({ ok: true });
  expect(s().connect('layer-1', 'output-1')).toEqual({ ok: true });
  return s;
}

describe('a recurrent network in the document store', () => {
  it('places an LSTM, wires it and compiles it as a sequence network', () => {
    const s = built();
    expect(cell(s().doc)).toMatchObject({ label: 'LSTM 1', cell: 'lstm', size: 4 });
    // W on the edge from the Input: 4 gates x 4 units rows, one column per input feature.
    expect(s().doc.edges[0].weights).toHaveLength(16);
    const plan = compileSequence(s().doc);
    expect(plan.model.spec).toMatchObject({ cell: 'lstm', inputSize: 1, hiddenSize: 4, outputSize: 3 });
  });

  it('refuses what a recurrent node cannot be wired to, with the reason', () => {
    const s = built();
    const r = s().connect('recurrent-1', 'output-1');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/feeds a Layer, its readout/);
  });

  it('undoes and redoes a resize and a change of cell', () => {
    const s = built();
    const start = s().doc;
    expect(s().edit('Resize', ({ doc }) => resizeRecurrent(doc, 'recurrent-1', 8, 1))).toEqual({ ok: true });
    expect(s().edit('Cell', ({ doc }) => setCell(doc, 'recurrent-1', 'rnn', 1))).toEqual({ ok: true });
    expect(cell(s().doc)).toMatchObject({ cell: 'rnn', size: 8, label: 'Recurrent 1' });
    const end = s().doc;
    s().undo();
    expect(cell(s().doc)).toMatchObject({ cell: 'lstm', size: 8 });
    s().undo();
    expect(s().doc).toBe(start);
    s().redo();
    s().redo();
    expect(s().doc).toBe(end);
  });

  it('copies, pastes and deletes a recurrent node with its connection', () => {
    const s = built();
    s().select({ nodes: new Set(['input-1', 'recurrent-1']), edges: new Set() });
    expect(s().copy()).toBe(2);
    expect(s().paste().ok).toBe(true);
    const pasted = s().doc.nodes.filter((n) => n.kind === 'recurrent');
    expect(pasted).toHaveLength(2);
    expect(s().doc.edges.filter((e) => e.target === pasted[1].id)).toHaveLength(1);
    validateNetwork(s().doc);
    expect(s().deleteSelection().ok).toBe(true);
    expect(s().doc.nodes.filter((n) => n.kind === 'recurrent')).toHaveLength(1);
  });
});

describe('the canvas mapping of a recurrent node', () => {
  it('marks the weights into an LSTM as four gate blocks, and names the cell for screen readers', () => {
    const s = built();
    const mapper = new FlowMapper();
    const edge = mapper.edges(s().doc, new Set()).find((e) => e.id === 'input-1->recurrent-1');
    expect(edge?.type).toBe('matrixEdge');
    expect(edge?.data).toMatchObject({ rows: 16, cols: 1, gates: 4 });
    expect(mapper.nodes(s().doc, new Set(), new Map()).find((n) => n.id === 'recurrent-1')?.ariaLabel).toBe('LSTM layer LSTM 1');
    s().edit('Cell', ({ doc }) => setCell(doc, 'recurrent-1', 'rnn', 1));
    const plain = mapper.edges(s().doc, new Set()).find((e) => e.id === 'input-1->recurrent-1');
    expect(plain?.data && 'gates' in plain.data).toBe(false);
    expect(mapper.nodes(s().doc, new Set(), new Map()).find((n) => n.id === 'recurrent-1')?.ariaLabel).toBe('Plain recurrent layer Recurrent 1');
  });
});

describe('documentProblem', () => {
  it('accepts a half-wired recurrent network and names what is wrong with a broken one', () => {
    const s = built();
    expect(documentProblem(s().doc, s().doc)).toBeNull();
    const broken = { ...s().doc, nodes: s().doc.nodes.map((n) => (n.kind === 'recurrent' ? { ...n, biases: n.biases.slice(1) } : n)) };
    expect(documentProblem(broken, s().doc)).toMatch(/node "recurrent-1": LSTM of 4 units needs 16 biases/);
  });
});
