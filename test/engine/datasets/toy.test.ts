import { describe, expect, it } from 'vitest';
import { toyDataset, TOY_NAMES } from '../../../engine/datasets/toy';
import { Rng } from '../../../engine/rng';

describe('toy classification sets', () => {
  it('have 500 points by default, two inputs, one output equal to the label, both classes', () => {
    for (const name of TOY_NAMES) {
      const data = toyDataset(name, new Rng(1));
      expect(data).toMatchObject({ name, task: 'classification', inputSize: 2, outputSize: 1, count: 500 });
      let ones = 0;
      for (let i = 0; i < data.count; i++) {
        expect(data.y[i]).toBe(data.labels![i]);
        expect([0, 1]).toContain(data.labels![i]);
        ones += data.labels![i];
        expect(Math.abs(data.x[2 * i])).toBeLessThan(8);
      }
      expect(ones).toBeGreaterThan(150);
      expect(ones).toBeLessThan(350);
    }
  });

  it('without noise, labels follow each set rule', () => {
    const xor = toyDataset('xor', new Rng(2));
    const circle = toyDataset('circle', new Rng(2));
    const gauss = toyDataset('gauss', new Rng(2));
    for (let i = 0; i < 500; i++) {
      const [x, y] = [xor.x[2 * i], xor.x[2 * i + 1]];
      expect(xor.labels![i]).toBe(x * y >= 0 ? 1 : 0);
      expect(Math.abs(x)).toBeGreaterThanOrEqual(0.3);
      const r = Math.hypot(circle.x[2 * i], circle.x[2 * i + 1]);
      expect(circle.labels![i]).toBe(r < 2.5 ? 1 : 0);
      expect(r < 2.5 || r >= 3.5).toBe(true);
    }
    // Class means of the two Gaussians are near (2, 2) and (-2, -2).
    const mean = [0, 0, 0, 0];
    for (let i = 0; i < 500; i++) mean[gauss.labels![i] * 2] += gauss.x[2 * i] / 250;
    expect(mean[2]).toBeCloseTo(2, 0);
    expect(mean[0]).toBeCloseTo(-2, 0);
  });

  it('the spiral arms are the same curve half a turn apart', () => {
    const data = toyDataset('spiral', new Rng(4), { count: 100 });
    // Without noise each point lies at radius r with angle 1.75 * 2pi * r / 5 (+ pi for class 0).
    for (let i = 0; i < 100; i++) {
      const [x, y] = [data.x[2 * i], data.x[2 * i + 1]];
      const r = Math.hypot(x, y);
      const t = (1.75 * 2 * Math.PI * r) / 5 + (data.labels![i] === 0 ? Math.PI : 0);
      expect(x).toBeCloseTo(r * Math.sin(t), 9);
      expect(y).toBeCloseTo(r * Math.cos(t), 9);
    }
  });

  it('is deterministic in the seed, differs between seeds, and noise moves points', () => {
    for (const name of TOY_NAMES) {
      const a = toyDataset(name, new Rng(9), { noise: 0.2 });
      const b = toyDataset(name, new Rng(9), { noise: 0.2 });
      const c = toyDataset(name, new Rng(10), { noise: 0.2 });
      expect(Array.from(a.x)).toEqual(Array.from(b.x));
      expect(Array.from(a.labels!)).toEqual(Array.from(b.labels!));
      expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
    }
    // The circle's label comes from the noisy point but the clean point is stored (as in the
    // playground), so noise makes some labels disagree with the radius rule.
    const noisy = toyDataset('circle', new Rng(5), { noise: 0.5 });
    let disagree = 0;
    for (let i = 0; i < 500; i++) if (noisy.labels![i] !== (Math.hypot(noisy.x[2 * i], noisy.x[2 * i + 1]) < 2.5 ? 1 : 0)) disagree++;
    expect(disagree).toBeGreaterThan(10);
  });

  it('refuses a bad count or noise', () => {
    expect(() => toyDataset('xor', new Rng(0), { count: 1 })).toThrow(/xor: the number of points must be a whole number >= 2, got 1/);
    expect(() => toyDataset('spiral', new Rng(0), { noise: 0.9 })).toThrow(/spiral: noise must be between 0 and 0.5, got 0.9/);
  });
});
