import { describe, expect, it } from 'vitest';
import { validateNetwork } from '../../engine/document';
import { newProject } from '../../engine/project';
import { setBias, setWeight } from '../../renderer/graph/edit';
import { createDocumentStore, isDirty, PASTE_OFFSET } from '../../renderer/store/document-store';
import { doc, edge, input, neuron, output } from './helpers';

function built() {
  const store = createDocumentStore();
  const s = () => store.getState();
  expect(s().addNode('input', { x: 0, y: 0 }).ok).toBe(true);
  expect(s().addNode('input', { x: 0, y: 100 }).ok).toBe(true);
  expect(s().addNode('neuron', { x: 200, y: 50 }).ok).toBe(true);
  expect(s().addNode('output', { x: 400, y: 50 }).ok).toBe(true);
  expect(s().connect('input-1', 'neuron-1').ok).toBe(true);
  expect(s().connect('input-2', 'neuron-1').ok).toBe(true);
  expect(s().connect('neuron-1', 'output-1').ok).toBe(true);
  return { store, s };
}

describe('document store', () => {
  it('builds a network from palette actions, each a valid document and one undo step', () => {
    const { s } = built();
    expect(s().doc.nodes.map((n) => `${n.kind}:${n.label}`)).toEqual(['input:x1', 'input:x2', 'neuron:n1', 'output:Output']);
    expect(s().doc.edges.map((e) => e.id)).toEqual(['input-1->neuron-1', 'input-2->neuron-1', 'neuron-1->output-1']);
    expect(s().doc.edges[0].weights).toEqual([[1]]);
    expect(() => validateNetwork(s().doc)).not.toThrow();
    expect(s().past).toHaveLength(7);
  });

  it('selects a node it adds', () => {
    const { s } = built();
    s().addNode('layer', { x: 0, y: 0 });
    expect([...s().selection.nodes]).toEqual(['layer-1']);
  });

  it('undoes and redoes every edit in order', () => {
    const { s } = built();
    const before = s().doc;
    s().edit('Set weight', ({ doc: d }) => setWeight(d, 'input-1->neuron-1', 0, 0, 2.5));
    const after = s().doc;
    expect(after.edges[0].weights).toEqual([[2.5]]);
    s().undo();
    expect(s().doc).toBe(before);
    s().redo();
    expect(s().doc).toBe(after);
    // A new edit after an undo drops the redo branch.
    s().undo();
    s().edit('Set bias', ({ doc: d }) => setBias(d, 'neuron-1', 0, 1));
    expect(s().future).toHaveLength(0);
    for (let i = 0; i < 8; i++) s().undo();
    expect(s().doc.nodes).toHaveLength(0);
    s().undo();
    expect(s().doc.nodes).toHaveLength(0);
  });

  it('makes one undo step of a slider drag (same coalesce key), and another for the next drag', () => {
    const { s } = built();
    const start = s().past.length;
    const original = s().doc;
    for (const v of [1.1, 1.2, 1.3, 1.4]) s().edit('Weight', ({ doc: d }) => setWeight(d, 'input-1->neuron-1', 0, 0, v), { coalesce: 'drag-1' });
    expect(s().past.length).toBe(start + 1);
    for (const v of [2, 3]) s().edit('Weight', ({ doc: d }) => setWeight(d, 'input-1->neuron-1', 0, 0, v), { coalesce: 'drag-2' });
    expect(s().past.length).toBe(start + 2);
    s().undo();
    expect(s().doc.edges[0].weights).toEqual([[1.4]]);
    s().undo();
    expect(s().doc).toBe(original);
  });

  it('refuses an edit that breaks the network and keeps state and history as they were', () => {
    const { s } = built();
    const before = s().doc;
    const past = s().past.length;
    const r = s().connect('neuron-1', 'neuron-1');
    expect(r.ok).toBe(false);
    expect(s().doc).toBe(before);
    expect(s().past.length).toBe(past);
    const second = s().addNode('output', { x: 0, y: 0 });
    expect(second).toEqual({ ok: false, reason: expect.stringMatching(/already has an Output/) });
    // An edit function that produces an invalid document is refused with the document's reason.
    const bad = s().edit('Bad', ({ doc: d }) => ({ ...d, edges: [...d.edges, edge('neuron-1', 'input-1', [[1]])] }));
    expect(bad).toEqual({ ok: false, reason: expect.stringMatching(/Input node cannot receive an edge/) });
    expect(s().doc).toBe(before);
  });

  it('deletes the selection with the edges attached to it, in one step', () => {
    const { s } = built();
    s().select({ nodes: new Set(['neuron-1']), edges: new Set() });
    expect(s().deleteSelection().ok).toBe(true);
    expect(s().doc.nodes.map((n) => n.id)).toEqual(['input-1', 'input-2', 'output-1']);
    expect(s().doc.edges).toHaveLength(0);
    expect(s().selection.nodes.size).toBe(0);
    s().undo();
    expect(s().doc.edges).toHaveLength(3);
  });

  it('copies and pastes nodes with the edges among them, fresh ids, offset, and selects the copy', () => {
    const { s } = built();
    s().select({ nodes: new Set(['input-1', 'neuron-1']), edges: new Set() });
    expect(s().copy()).toBe(2);
    const r = s().paste();
    expect(r.ok).toBe(true);
    const d = s().doc;
    expect(d.nodes).toHaveLength(6);
    const pasted = d.nodes.slice(4);
    expect(pasted.map((n) => n.id)).toEqual(['input-3', 'neuron-2']);
    expect(pasted[0].position).toEqual({ x: PASTE_OFFSET, y: PASTE_OFFSET });
    expect(d.edges.at(-1)).toMatchObject({ source: 'input-3', target: 'neuron-2', weights: [[1]] });
    expect([...s().selection.nodes]).toEqual(['input-3', 'neuron-2']);
    // A second paste lands further along, not on top of the first.
    s().paste();
    expect(s().doc.nodes.at(-2)?.position).toEqual({ x: 2 * PASTE_OFFSET, y: 2 * PASTE_OFFSET });
    expect(() => validateNetwork(s().doc)).not.toThrow();
  });

  it('pastes everything but a second Output, and says so', () => {
    const { s } = built();
    s().selectAll();
    s().copy();
    const r = s().paste();
    expect(r.ok).toBe(true);
    expect(r.skipped).toMatch(/only one/);
    expect(s().doc.nodes.filter((n) => n.kind === 'output')).toHaveLength(1);
    expect(s().doc.nodes).toHaveLength(7);
  });

  it('cuts (copy then delete) and duplicates without touching the clipboard', () => {
    const { s } = built();
    s().select({ nodes: new Set(['input-2']), edges: new Set() });
    expect(s().cut().ok).toBe(true);
    expect(s().doc.nodes.some((n) => n.id === 'input-2')).toBe(false);
    s().select({ nodes: new Set(['neuron-1']), edges: new Set() });
    expect(s().duplicate().ok).toBe(true);
    expect(s().clipboard?.nodes.map((n) => n.id)).toEqual(['input-2']);
    expect(s().doc.nodes.filter((n) => n.kind === 'neuron')).toHaveLength(2);
  });

  it('coalesces a node drag into one step and does not record a move that changes nothing', () => {
    const { s } = built();
    const past = s().past.length;
    s().moveNodes(new Map([['neuron-1', { x: 210, y: 50 }]]), 'g1');
    s().moveNodes(new Map([['neuron-1', { x: 220, y: 60 }]]), 'g1');
    expect(s().past.length).toBe(past + 1);
    s().moveNodes(new Map([['neuron-1', { x: 220, y: 60 }]]), 'g2');
    expect(s().past.length).toBe(past + 1);
  });

  it('tracks unsaved changes against the last open or save, through undo', () => {
    const store = createDocumentStore();
    const s = () => store.getState();
    s().replace(newProject(doc([input('x'), neuron('n')], [edge('x', 'n', [[1]])])), { name: 'a.json', path: null });
    expect(isDirty(s())).toBe(false);
    expect(s().past).toHaveLength(0);
    s().edit('w', ({ doc: d }) => setWeight(d, 'x->n', 0, 0, 3));
    expect(isDirty(s())).toBe(true);
    s().undo();
    expect(isDirty(s())).toBe(false);
    s().redo();
    s().markSaved({ name: 'a.json', path: null });
    expect(isDirty(s())).toBe(false);
  });

  it('selects all nodes and edges, and forgets selected ids that no longer exist', () => {
    const { s } = built();
    s().selectAll();
    expect(s().selection.nodes.size).toBe(4);
    expect(s().selection.edges.size).toBe(3);
    s().undo();
    expect(s().selection.edges.has('neuron-1->output-1')).toBe(false);
  });

  it('keeps the output of a hand-built network in the store’s document', () => {
    const { s } = built();
    const d = s().doc;
    expect(d.nodes.find((n) => n.kind === 'output')).toEqual({ ...output('output-1'), label: 'Output', position: { x: 400, y: 50 } });
    expect(d.nodes.find((n) => n.id === 'neuron-1')).toMatchObject({ ...neuron('neuron-1'), label: 'n1', position: { x: 200, y: 50 } });
  });
});
