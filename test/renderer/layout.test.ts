import { describe, expect, it } from 'vitest';
import { layoutPositions } from '../../renderer/graph/layout';
import { doc, edge, input, layer, neuron, output } from './helpers';

describe('auto-layout', () => {
  it('places nodes in layers from inputs on the left to the Output on the right, without overlaps', async () => {
    const d = doc(
      [output(), neuron('o', 0, 'linear'), layer('h', [0, 0, 0]), input('x'), input('y'), neuron('skip')],
      [edge('x', 'h', [[1, 0], [0, 1], [1, 1]].map((r) => [r[0]])), edge('y', 'skip', [[1]]), edge('h', 'o', [[1, 1, 1]]), edge('skip', 'o', [[1]]), edge('o', 'out')],
    );
    const p = await layoutPositions(d, new Map());
    const x = (id: string): number => p.get(id)?.x ?? Number.NaN;
    expect(x('x')).toBe(x('y'));
    expect(x('h')).toBeGreaterThan(x('x'));
    expect(x('o')).toBeGreaterThan(x('h'));
    expect(x('out')).toBeGreaterThan(x('o'));
    expect(p.get('x')?.y).not.toBe(p.get('y')?.y);
    for (const v of p.values()) expect(Number.isInteger(v.x) && Number.isInteger(v.y)).toBe(true);
  });
});
