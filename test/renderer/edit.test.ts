import { describe, expect, it } from 'vitest';
import { validateNetwork } from '../../engine/document';
import { EditError, initialWeights, resizeNode, scaleParameters, setActivation, setFrozen, setWeight } from '../../renderer/graph/edit';
import { doc, edge, input, layer, neuron, output, outputs } from './helpers';

const d = doc(
  [input('x', 2), layer('h', [0.1, -0.2]), neuron('o', 0.3, 'linear'), output()],
  [edge('x', 'h', [[1, -1], [0.5, 2]]), edge('h', 'o', [[3, -4]]), edge('o', 'out')],
);

describe('document edits', () => {
  it('starts a single weight at 1 and a matrix at seeded N(0, 1/n) values', () => {
    expect(initialWeights('a->b', 1, 1)).toEqual([[1]]);
    const w = initialWeights('x->h', 30, 784);
    expect(w).toEqual(initialWeights('x->h', 30, 784));
    expect(w).not.toEqual(initialWeights('x->g', 30, 784));
    const flat = w.flat();
    const mean = flat.reduce((s, v) => s + v, 0) / flat.length;
    const std = Math.sqrt(flat.reduce((s, v) => s + (v - mean) ** 2, 0) / flat.length);
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(std).toBeGreaterThan(0.9 / 28);
    expect(std).toBeLessThan(1.1 / 28);
  });

  it('grows a layer with zero weights so its old units compute what they did', () => {
    const g = resizeNode(d, 'h', 4);
    validateNetwork(g);
    expect(g.edges[0].weights?.[3]).toEqual([0, 0]);
    expect(g.edges[1].weights).toEqual([[3, -4, 0, 0]]);
    const rows = [[0.2, 0.7], [-1, 1]];
    // The new units have bias 0 and weight 0 into o, so o's output is unchanged.
    expect(outputs(g, rows)).toEqual(outputs(d, rows));
    const s = resizeNode(d, 'x', 784, { width: 28, height: 28 });
    validateNetwork(s);
    expect(s.nodes[0]).toMatchObject({ size: 784, image: { width: 28, height: 28 } });
    expect(() => resizeNode(d, 'x', 10, { width: 3, height: 3 })).toThrow(EditError);
  });

  it('scales all weights and biases by c, or only those of a selection', () => {
    const all = scaleParameters(d, 2);
    expect(all.edges[0].weights).toEqual([[2, -2], [1, 4]]);
    expect(all.nodes[1]).toMatchObject({ biases: [0.2, -0.4] });
    const some = scaleParameters(d, -1, { nodes: new Set(['o']), edges: new Set() });
    expect(some.edges[0]).toBe(d.edges[0]);
    expect(some.edges[1].weights).toEqual([[-3, 4]]);
    expect(some.nodes[2]).toMatchObject({ bias: -0.3 });
  });

  it('freezes and thaws, leaving no frozen: false behind', () => {
    const f = setFrozen(d, ['h'], ['x->h'], true);
    expect(f.nodes[1]).toMatchObject({ frozen: true });
    expect(f.edges[0]).toMatchObject({ frozen: true });
    const t = setFrozen(f, ['h'], ['x->h'], false);
    expect('frozen' in t.nodes[1]).toBe(false);
    expect('frozen' in t.edges[0]).toBe(false);
  });

  it('refuses softmax on one neuron and non-finite weights', () => {
    expect(() => setActivation(d, ['o'], 'softmax')).toThrow(/use it on a layer/);
    expect(setActivation(d, ['h'], 'softmax').nodes[1]).toMatchObject({ activation: 'softmax' });
    expect(() => setWeight(d, 'h->o', 0, 0, Number.NaN)).toThrow(/finite/);
    expect(() => setWeight(d, 'h->o', 1, 0, 1)).toThrow(/no weight at row 2/);
    expect(setWeight(d, 'h->o', 0, 1, -4)).toBe(d);
  });
});
