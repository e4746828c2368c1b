import { describe, expect, it } from 'vitest';
import { compile } from '../../engine/compile';
import { initialiseDocument, layeredNetwork } from '../../engine/build';
import { gradientCheck } from '../../engine/gradcheck';
import { Rng } from '../../engine/rng';

describe('smoke', () => {
  it('gradient-checks a small layered network', () => {
    for (const cost of ['quadratic', 'crossEntropy'] as const) {
      const doc = initialiseDocument(layeredNetwork([3, 4, 2], { cost }), 'normal', 1);
      const plan = compile(doc);
      const rng = new Rng(2);
      const x = Array.from({ length: 15 }, () => rng.normal());
      const y = Array.from({ length: 10 }, () => rng.float());
      const r = gradientCheck(plan, x, y, 5);
      expect(r.maxRelativeError).toBeLessThan(1e-6);
    }
  });
});
