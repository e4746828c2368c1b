import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../engine/activations';
import { inputVector, runProbe, sameComputation } from '../../renderer/graph/probe';
import { moveNodes, setLabel, setWeight } from '../../renderer/graph/edit';
import { doc, edge, input, neuron, output } from './helpers';

const d = doc(
  [input('x1'), input('x2'), neuron('n', -1), output()],
  [edge('x1', 'n', [[2]]), edge('x2', 'n', [[-3]]), edge('n', 'out')],
);

describe('live probe', () => {
  it('builds x from each Input in document order, with defaults where unset', () => {
    expect(Array.from(inputVector(d, { x2: [4] }))).toEqual([0.5, 4]);
    const img = doc([input('a', 3), input('b')]);
    expect(Array.from(inputVector(img, { a: [1] }))).toEqual([1, 0, 0, 0.5]);
  });

  it('computes every activation by hand: a = σ(2 x1 − 3 x2 − 1)', () => {
    const r = runProbe(d, { x1: [1.5], x2: [0.25] });
    expect(r.error).toBeNull();
    const a = sigmoid(2 * 1.5 - 3 * 0.25 - 1);
    expect(r.activations.get('n')?.[0]).toBeCloseTo(a, 15);
    expect(r.activations.get('x1')?.[0]).toBe(1.5);
    expect(r.output?.[0]).toBeCloseTo(a, 15);
    const r2 = runProbe(setWeight(d, 'x1->n', 0, 0, 0), { x1: [1.5], x2: [0.25] });
    expect(r2.output?.[0]).toBeCloseTo(sigmoid(-0.75 - 1), 15);
  });

  it('reports a broken document instead of throwing', () => {
    const broken = { ...d, edges: [...d.edges, edge('n', 'n', [[1]])] };
    expect(runProbe(broken, {}).error).toMatch(/cycle/);
  });

  it('tells moves and renames apart from edits that change the function', () => {
    expect(sameComputation(d, moveNodes(d, new Map([['n', { x: 5, y: 5 }]])))).toBe(true);
    expect(sameComputation(d, setLabel(d, 'n', 'renamed'))).toBe(true);
    expect(sameComputation(d, setWeight(d, 'x1->n', 0, 0, 3))).toBe(false);
    expect(sameComputation(d, { ...d, nodes: d.nodes.map((n) => (n.kind === 'neuron' ? { ...n, bias: 0 } : n)) })).toBe(false);
  });
});
