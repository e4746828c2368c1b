import { describe, expect, it } from 'vitest';
import { bumpPairs, setBumpHeight, setStep, stepView } from '../../renderer/graph/nielsen';
import { doc, edge, input, neuron, output, outputs } from './helpers';

// Figure 4.2 wired by hand with plain starting weights.
const fig = doc(
  [input('x'), neuron('s1'), neuron('s2'), neuron('o'), output()],
  [edge('x', 's1', [[1]]), edge('x', 's2', [[1]]), edge('s1', 'o', [[1]]), edge('s2', 'o', [[1]]), edge('o', 'out')],
);

describe('Nielsen’s step and bump handles', () => {
  it('reads a sigmoid neuron with one input as a step at s = −b/w', () => {
    const d = setStep(fig, 's1', 0.4, 1000);
    const v = stepView(d, 's1');
    expect(v?.w).toBe(1000);
    expect(d.nodes.find((n) => n.id === 's1')).toMatchObject({ bias: -400 });
    expect(v?.s).toBeCloseTo(0.4, 15);
    expect(stepView(d, 'o')).toBeNull();
    expect(stepView(d, 'x')).toBeNull();
  });

  it('has no step point when w = 0', () => {
    expect(stepView(setStep(fig, 's1', 0.3, 0), 's1')?.s).toBeNull();
  });

  it('finds the pair feeding one neuron, orders it by step point, and sets h, −h and bias −h/2', () => {
    let d = setStep(setStep(fig, 's1', 0.6, 1000), 's2', 0.4, 1000);
    const [pair] = bumpPairs(d, ['s1']);
    expect(pair.up.neuron.id).toBe('s2');
    expect(pair.down.neuron.id).toBe('s1');
    expect(pair.h).toBeNull();
    d = setBumpHeight(d, pair, 1000, true);
    const [again] = bumpPairs(d, ['s1', 's2']);
    expect(again.h).toBe(1000);
    expect(d.nodes.find((n) => n.id === 'o')).toMatchObject({ bias: -500 });
    // The seed's claim: about 1 inside (0.4, 0.6), about 0 outside.
    const [[left], [inside], [right]] = outputs(d, [[0.2], [0.5], [0.8]]);
    expect(left).toBeLessThan(1e-6);
    expect(inside).toBeGreaterThan(1 - 1e-6);
    expect(right).toBeLessThan(1e-6);
  });

  it('finds no pair when the two steps read different inputs', () => {
    const d = doc(
      [input('x'), input('y'), neuron('a'), neuron('b'), neuron('o')],
      [edge('x', 'a', [[1]]), edge('y', 'b', [[1]]), edge('a', 'o', [[1]]), edge('b', 'o', [[1]])],
    );
    expect(bumpPairs(d, ['a'])).toEqual([]);
  });
});
