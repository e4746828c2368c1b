import { describe, expect, it } from 'vitest';
import { f1d, functionSpec, FUNCTIONS, tower2d } from '../../../engine/datasets/functions';
import { InputError } from '../../../engine/errors';
import { Rng } from '../../../engine/rng';

describe('f1d, the seed function of chapter 4', () => {
  it('matches values computed by hand (Python math) at a few points', () => {
    expect(f1d(0)).toBe(0.25); // 0.2 + 0.05 cos 0
    expect(f1d(0.25)).toBeCloseTo(0.23202281505325326, 14);
    expect(f1d(0.5)).toBeCloseTo(0.49026013710938454, 14);
    expect(f1d(1)).toBeCloseTo(0.8433346534717409, 14);
  });
});

describe('sampled functions', () => {
  it('every set samples inside its domain and its targets are f of its inputs', () => {
    for (const spec of FUNCTIONS) {
      const data = spec.sample(300, new Rng(1));
      const d = spec.domain.length;
      expect(data).toMatchObject({ name: spec.name, task: 'regression', inputSize: d, outputSize: 1, count: 300 });
      for (let i = 0; i < data.count; i++) {
        const p = Array.from(data.x.subarray(i * d, (i + 1) * d));
        p.forEach((v, k) => {
          expect(v).toBeGreaterThanOrEqual(spec.domain[k][0]);
          expect(v).toBeLessThanOrEqual(spec.domain[k][1]);
        });
        expect(data.y[i]).toBe(spec.f(...p));
      }
    }
  });

  it('is deterministic in the seed and differs between seeds', () => {
    const spec = functionSpec('f1d')!;
    const a = spec.sample(50, new Rng(7));
    const b = spec.sample(50, new Rng(7));
    const c = spec.sample(50, new Rng(8));
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
  });

  it('grid sampling is evenly spaced with both ends included', () => {
    const data = functionSpec('f1d')!.sample(5, new Rng(0), { sampling: 'grid' });
    expect(Array.from(data.x)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(data.y[2]).toBeCloseTo(0.49026013710938454, 14);
    const grid = functionSpec('f2d-tower')!.sample(10, new Rng(0), { sampling: 'grid' }); // round(sqrt 10) = 3
    expect(grid.count).toBe(9);
    expect(Array.from(grid.x.subarray(0, 6))).toEqual([0, -3, 0, -1, 0, 1]);
    expect(Array.from(grid.x.subarray(16, 18))).toEqual([3, 1]);
  });

  it('adds Gaussian noise of the requested size', () => {
    const spec = functionSpec('f1d-sin')!;
    const clean = spec.sample(4000, new Rng(3));
    const noisy = spec.sample(4000, new Rng(3), { noise: 0.1 });
    // Noise draws interleave with input draws, so compare each noisy target with f at its own input.
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < noisy.count; i++) {
      const e = noisy.y[i] - spec.f(noisy.x[i]);
      sum += e;
      sumSq += e * e;
    }
    const mean = sum / noisy.count;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.sqrt(sumSq / noisy.count - mean * mean)).toBeCloseTo(0.1, 2);
    for (let i = 0; i < clean.count; i++) expect(clean.y[i]).toBe(spec.f(clean.x[i]));
  });

  it('the tower is 1 exactly on (1, 2) x (-2, 0)', () => {
    expect(tower2d(1.5, -1)).toBe(1);
    expect(tower2d(0.5, -1)).toBe(0);
    expect(tower2d(1.5, 0.5)).toBe(0);
    expect(tower2d(2, -1)).toBe(0);
  });

  it('refuses a bad count or noise', () => {
    const spec = functionSpec('f1d')!;
    expect(() => spec.sample(0, new Rng(0))).toThrow(InputError);
    expect(() => spec.sample(0, new Rng(0))).toThrow(/f1d: the number of samples must be a whole number >= 1, got 0/);
    expect(() => spec.sample(10, new Rng(0), { noise: -1 })).toThrow(/f1d: noise must be a number >= 0, got -1/);
  });
});
