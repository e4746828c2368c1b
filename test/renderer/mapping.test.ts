import { describe, expect, it } from 'vitest';
import { layeredNetwork } from '../../engine/build';
import { FlowMapper, meanAbs, scalarWeightScales } from '../../renderer/graph/mapping';
import { setWeight } from '../../renderer/graph/edit';
import { doc, edge, input, layer, neuron, output } from './helpers';

const d = doc(
  [input('x'), input('y'), neuron('a'), neuron('b', 0, 'linear'), layer('l', [0, 0]), output()],
  [edge('x', 'a', [[2]]), edge('y', 'a', [[-0.5]]), edge('x', 'b', [[-0.5]]), edge('a', 'l', [[1], [-3]]), edge('b', 'out')],
);
const none = new Set<string>();

describe('document to React Flow mapping', () => {
  it('gives every node its kind’s type and the document node as data', () => {
    const nodes = new FlowMapper().nodes(d, none, new Map());
    expect(nodes.map((n) => n.type)).toEqual(['inputNode', 'inputNode', 'neuronNode', 'neuronNode', 'layerNode', 'outputNode']);
    nodes.forEach((n, i) => {
      expect(n.id).toBe(d.nodes[i].id);
      expect(n.data.node).toBe(d.nodes[i]);
      expect(n.position).toBe(d.nodes[i].position);
    });
    const l = nodes[4];
    // The union narrows on `type`: a layer's data holds a layer node.
    if (l.type === 'layerNode') expect(l.data.node.biases).toEqual([0, 0]);
    else throw new Error('expected a layer');
  });

  it('maps single weights, matrices and Output bindings to three edge kinds', () => {
    const edges = new FlowMapper().edges(d, none);
    expect(edges.map((e) => e.type)).toEqual(['scalarEdge', 'scalarEdge', 'scalarEdge', 'matrixEdge', 'bindingEdge']);
    const [a, b, c, m] = edges;
    if (a.type !== 'scalarEdge' || b.type !== 'scalarEdge' || c.type !== 'scalarEdge' || m.type !== 'matrixEdge') throw new Error('kinds');
    // Widths are relative to the largest single weight into the same node: |2| into a, |-0.5| into b.
    expect(a.data?.relative).toBe(1);
    expect(b.data?.relative).toBe(0.25);
    expect(b.data?.weight).toBe(-0.5);
    expect(c.data?.relative).toBe(1);
    expect(m.data).toMatchObject({ rows: 2, cols: 1, meanAbs: 2 });
  });

  it('summarises a 784-30-10 matrix by shape and mean |w|', () => {
    const net = layeredNetwork([784, 30, 10], { weights: [Array.from({ length: 30 }, (_, j) => new Array<number>(784).fill(j % 2 ? -0.5 : 0.25)), Array.from({ length: 10 }, () => new Array<number>(30).fill(1))] });
    const edges = new FlowMapper().edges(net, none);
    const first = edges[0];
    if (first.type !== 'matrixEdge') throw new Error('kind');
    expect(first.data).toMatchObject({ rows: 30, cols: 784 });
    expect(first.data?.meanAbs).toBeCloseTo(0.375, 12);
    expect(meanAbs([[1, -3], [0, 4]])).toBe(2);
  });

  it('hands back the same objects when nothing changed, and replaces only what did', () => {
    const mapper = new FlowMapper();
    const sizes = new Map([['a', { width: 100, height: 40 }]]);
    const n1 = mapper.nodes(d, none, sizes);
    const e1 = mapper.edges(d, none);
    expect(mapper.nodes(d, none, sizes)).toBe(n1);
    expect(mapper.edges(d, none)).toBe(e1);
    expect(n1[2].measured).toEqual({ width: 100, height: 40 });

    const d2 = setWeight(d, 'y->a', 0, 0, -1);
    const e2 = mapper.edges(d2, none);
    expect(e2).not.toBe(e1);
    expect(e2[1]).not.toBe(e1[1]);
    // The largest weight into a is unchanged (2), so every other edge is reused.
    expect(e2[0]).toBe(e1[0]);
    expect(e2[2]).toBe(e1[2]);
    expect(e2[3]).toBe(e1[3]);
    expect(e2[4]).toBe(e1[4]);
    const n2 = mapper.nodes(d2, none, sizes);
    expect(n2).toBe(n1);

    const n3 = mapper.nodes(d2, new Set(['b']), sizes);
    expect(n3[3].selected).toBe(true);
    expect(n3[2]).toBe(n1[2]);
  });

  it('re-scales the edges into a node when its largest weight changes, and only those', () => {
    expect(scalarWeightScales(d)).toEqual(new Map([['a', 2], ['b', 0.5]]));
    const mapper = new FlowMapper();
    const e1 = mapper.edges(d, none);
    const e2 = mapper.edges(setWeight(d, 'y->a', 0, 0, -8), none);
    expect(e2[0]).not.toBe(e1[0]);
    if (e2[0].type !== 'scalarEdge') throw new Error('kind');
    expect(e2[0].data?.relative).toBe(0.25);
    expect(e2[2]).toBe(e1[2]);
  });
});
