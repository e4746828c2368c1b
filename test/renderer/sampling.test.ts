import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../engine/activations';
import { compile } from '../../engine/compile';
import { sampleCurve, sampleSurface } from '../../renderer/views/sampling';
import { doc, edge, input, neuron, output } from './helpers';

describe('view sampling', () => {
  it('samples the output of a 1-input network and each hidden unit’s weighted contribution', () => {
    const d = doc(
      [input('x'), neuron('a', -1), neuron('b', 2), neuron('o', 0.5, 'linear'), output()],
      [edge('x', 'a', [[3]]), edge('x', 'b', [[-2]]), edge('a', 'o', [[1.5]]), edge('b', 'o', [[-0.5]]), edge('o', 'out')],
    );
    const plan = compile(d);
    const labels = new Map(d.nodes.map((n) => [n.id, n.label]));
    const c = sampleCurve(plan, labels, [0, 1], 5, new Float64Array(1));
    expect(Array.from(c.xs)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(c.outputs).toHaveLength(1);
    expect(c.contributions.map((s) => s.label)).toEqual(['a', 'b']);
    c.xs.forEach((x, i) => {
      const a = sigmoid(3 * x - 1);
      const b = sigmoid(-2 * x + 2);
      expect(c.contributions[0].values[i]).toBeCloseTo(1.5 * a, 14);
      expect(c.contributions[1].values[i]).toBeCloseTo(-0.5 * b, 14);
      // A linear output neuron is its bias plus the sum of the contributions.
      expect(c.outputs[0].values[i]).toBeCloseTo(0.5 + 1.5 * a - 0.5 * b, 14);
    });
  });

  it('samples a surface at cell centres, top row first', () => {
    const d = doc([input('x'), input('y'), neuron('o', 0, 'linear'), output()], [edge('x', 'o', [[1]]), edge('y', 'o', [[10]]), edge('o', 'out')]);
    const s = sampleSurface(compile(d), [0, 2], [0, 4], 2, 2, new Float64Array(2));
    // Centres: x in {0.5, 1.5}, y in {3, 1} (top row first).
    expect(Array.from(s.values)).toEqual([30.5, 31.5, 10.5, 11.5]);
    expect(s.min).toBe(10.5);
    expect(s.max).toBe(31.5);
  });
});
