import { describe, expect, it } from 'vitest';
import { validateNetwork } from '../../engine/document';
import { Rng } from '../../engine/rng';
import { canExpand, collapseNeurons, expandLayer } from '../../renderer/graph/expand';
import { doc, edge, expectSameOutputs, input, layer, neuron, output, outputs } from './helpers';

const rng = new Rng(11);
const r = (): number => Math.round(rng.normal() * 1000) / 1000;
const mat = (rows: number, cols: number): number[][] => Array.from({ length: rows }, () => Array.from({ length: cols }, r));

// x (2) -> L (3 units) -> M (2 units) -> Output, plus a skip x -> M, and L also feeds the Output.
const d = doc(
  [input('x', 2), layer('L', [r(), r(), r()], 'tanh'), layer('M', [r(), r()]), output()],
  [edge('x', 'L', mat(3, 2)), edge('L', 'M', mat(2, 3)), edge('x', 'M', mat(2, 2)), edge('M', 'out'), edge('L', 'out')],
);
const samples = Array.from({ length: 8 }, () => [r(), r()]);

describe('expand and collapse a layer', () => {
  it('expands a layer into neurons that compute exactly the same network', () => {
    const { doc: e, neuronIds } = expandLayer(d, 'L');
    expect(neuronIds).toEqual(['L.u1', 'L.u2', 'L.u3']);
    expect(e.nodes.filter((n) => n.kind === 'neuron')).toHaveLength(3);
    expect(e.edges.filter((x) => x.target === 'L.u2')[0].weights).toEqual([d.edges[0].weights?.[1]]);
    expect(e.edges.find((x) => x.source === 'L.u3' && x.target === 'M')?.weights).toEqual(d.edges[1].weights?.map((row) => [row[2]]));
    expectSameOutputs(outputs(e, samples), outputs(d, samples));
  });

  it('collapses the neurons back into the same layer, the same function', () => {
    const { doc: e, neuronIds } = expandLayer(d, 'L');
    const { doc: c, layerId } = collapseNeurons(e, neuronIds, { id: 'L', label: 'L' });
    expect(layerId).toBe('L');
    validateNetwork(c);
    const l = c.nodes.find((n) => n.id === 'L');
    expect(l).toMatchObject({ kind: 'layer', size: 3, activation: 'tanh', biases: (d.nodes[1] as { biases: number[] }).biases });
    expect(c.edges.find((x) => x.source === 'x' && x.target === 'L')?.weights).toEqual(d.edges[0].weights);
    expectSameOutputs(outputs(c, samples), outputs(d, samples));
  });

  it('fills a connection some neurons lack with zero weights (the same function)', () => {
    const h = doc(
      [input('x'), neuron('a', 0.1), neuron('b', -0.2), neuron('o', 0, 'linear'), output()],
      [edge('x', 'a', [[2]]), edge('a', 'o', [[1.5]]), edge('b', 'o', [[-1]]), edge('o', 'out')],
    );
    const { doc: c, layerId } = collapseNeurons(h, ['a', 'b']);
    expect(c.edges.find((e) => e.target === layerId)?.weights).toEqual([[2], [0]]);
    expect(c.edges.find((e) => e.source === layerId)?.weights).toEqual([[1.5, -1]]);
    expectSameOutputs(outputs(c, [[0.3], [0.9]]), outputs(h, [[0.3], [0.9]]));
  });

  it('refuses what it cannot do, with the reason', () => {
    expect(canExpand(layer('big', new Array<number>(17).fill(0)))).toMatch(/up to 16 units/);
    expect(canExpand(layer('s', [0, 0], 'softmax'))).toMatch(/softmax/);
    expect(canExpand(neuron('n'))).toMatch(/Only a Layer/);
    const h = doc([input('x'), neuron('a'), neuron('b', 0, 'tanh'), output()], [edge('x', 'a', [[1]]), edge('x', 'b', [[1]]), edge('a', 'out')]);
    expect(() => collapseNeurons(h, ['a', 'b'])).toThrow(/different activations/);
    const p = doc([input('x'), neuron('a'), neuron('b'), output()], [edge('x', 'a', [[1]]), edge('x', 'b', [[1]]), edge('a', 'out')]);
    expect(() => collapseNeurons(p, ['a', 'b'])).toThrow(/only some of these neurons/);
    const q = doc([input('x'), neuron('a'), neuron('b'), output()], [edge('x', 'a', [[1]]), edge('a', 'b', [[1]])]);
    expect(() => collapseNeurons(q, ['a', 'b'])).toThrow(/feed each other/);
  });
});
