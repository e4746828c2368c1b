import { describe, expect, it } from 'vitest';
import { compile, writeBack } from '../../../engine/compile';
import { generateBuiltin } from '../../../engine/datasets/builtin';
import { functionSpec } from '../../../engine/datasets/functions';
import { Rng } from '../../../engine/rng';
import { Trainer } from '../../../engine/train';
import { f1d } from '../../../engine/datasets/functions';
import { findLesson, type LessonDefinition } from '../../../engine/lessons';
import { bumpSum } from '../../../engine/lessons/approximate-f';
import { towerGrid } from '../../../engine/lessons/many-towers';
import { f2d, meanOver } from '../../../engine/lessons/targets';
import { towerNetwork } from '../../../engine/lessons/towers';
import { isDecreasing, meanDeviation1d, runner } from './helpers';

const lesson = (id: string): LessonDefinition => findLesson(id) as LessonDefinition;

/** Points of a grid with the given spacing over a box. */
function grid(ranges: [number, number][], spacing: number): number[][] {
  let points: number[][] = [[]];
  for (const [lo, hi] of ranges) {
    const n = Math.round((hi - lo) / spacing);
    points = points.flatMap((p) => Array.from({ length: n + 1 }, (_, i) => [...p, lo + i * spacing]));
  }
  return points;
}

describe('lesson 7: a sigmoid neuron as a step (figure 4.1)', () => {
  it('steps at s: below 0.01 at s - 0.01, above 0.99 at s + 0.01, 1/2 at s', () => {
    for (const s of [-0.7, 0, 0.4]) {
      const built = lesson('step-neuron').build({ s });
      const neuron = built.network.nodes.find((n) => n.id === 'step');
      expect(neuron?.kind === 'neuron' ? neuron.bias : NaN).toBeCloseTo(-s * 1000, 12);
      const run = runner(built.network);
      expect(run([s - 0.01])[0], `s = ${s}`).toBeLessThan(0.01);
      expect(run([s + 0.01])[0], `s = ${s}`).toBeGreaterThan(0.99);
      expect(run([s])[0]).toBeCloseTo(0.5, 12);
    }
  });

  it('is a gentle slope, not a step, when w is small', () => {
    const run = runner(lesson('step-neuron').build({ s: 0, w: 10 }).network);
    expect(run([0.01])[0]).toBeLessThan(0.6);
  });
});

describe('lesson 8: two steps make a bump (figures 4.2, 4.3)', () => {
  it('is near 1 inside (s1, s2) and near 0 outside with the sigmoid output and h = 10000', () => {
    for (const [s1, s2] of [
      [0.4, 0.6],
      [-0.8, 0.1],
      [0, 0.05],
    ]) {
      const built = lesson('bump').build({ s1, s2, h: 10_000 });
      expect(built.network.nodes.find((n) => n.id === 'bump')).toMatchObject({ activation: 'sigmoid', bias: -5000 });
      const run = runner(built.network);
      for (let x = -1; x <= 1.0001; x += 0.005) {
        const out = run([x])[0];
        if (x > s1 + 0.01 && x < s2 - 0.01) expect(out, `x = ${x} in (${s1}, ${s2})`).toBeGreaterThan(0.99);
        if (x < s1 - 0.01 || x > s2 + 0.01) expect(out, `x = ${x} outside (${s1}, ${s2})`).toBeLessThan(0.01);
      }
    }
  });

  it('with the linear output is the bare weighted output h(a1 - a2): height h inside, 0 outside', () => {
    for (const h of [0.3, 10_000]) {
      const run = runner(lesson('bump').build({ s1: 0.4, s2: 0.6, h, output: 'linear' }).network);
      expect(run([0.5])[0]).toBeCloseTo(h, 6);
      expect(Math.abs(run([0.2])[0])).toBeLessThan(1e-9 * h);
      expect(Math.abs(run([0.8])[0])).toBeLessThan(1e-9 * h);
    }
  });
});

describe('lesson 9: approximating f(x) with bumps (figures 4.4, 4.5)', () => {
  it('uses the seed’s f', () => {
    expect(f1d(0)).toBeCloseTo(0.25, 14);
    expect(f1d(1)).toBeCloseTo(0.2 + 0.4 + 0.3 * Math.sin(15) + 0.05 * Math.cos(50), 14);
  });

  it('sets the output weights to f’s mean on each interval', () => {
    const doc = bumpSum({ n: 4, w: 10_000 });
    expect(doc.edges.find((e) => e.id === 'up1->sum')?.weights).toEqual([[meanOver(f1d, 0, 0.5)]]);
    expect(doc.edges.find((e) => e.id === 'down2->sum')?.weights).toEqual([[-meanOver(f1d, 0.5, 1)]]);
    // Midpoint rule against a much finer one: the mean is right to 1e-3.
    expect(meanOver(f1d, 0, 0.5)).toBeCloseTo(meanOver(f1d, 0, 0.5, 100_000), 3);
  });

  it('gets closer to f as N grows: mean |deviation| over 1,000 points for N = 10, 20, 50, 100', () => {
    const deviations = [10, 20, 50, 100].map((n) => meanDeviation1d(lesson('approximate-f').build({ n }).network, f1d));
    expect(isDecreasing(deviations)).toBe(true);
    // Measured 0.0751 (N = 10), 0.0551 (20), 0.0199 (50), 0.0100 (100).
    expect(deviations[0]).toBeLessThan(0.1);
    expect(deviations[2]).toBeLessThan(0.03);
    expect(deviations[3]).toBeLessThan(0.015);
  });

  it('trains from random weights to a clearly smaller deviation', () => {
    const built = lesson('learn-f').build();
    expect(built.dataset).toBe('f1d');
    const data = generateBuiltin('f1d', { seed: 1 });
    if (!data) throw new Error('no built-in f1d');
    const plan = compile(built.network);
    const hp = built.hyperparameters ?? {};
    const trainer = new Trainer(plan, data.train, data.test, {
      eta: hp.eta ?? NaN,
      batchSize: hp.batchSize ?? NaN,
      lambda: hp.lambda ?? NaN,
      optimizer: { name: hp.optimizer ?? 'sgd' },
      shuffle: 'seeded',
      seed: 1,
    });
    const before = meanDeviation1d(built.network, f1d);
    let last = NaN;
    for (let e = 0; e < 10; e++) last = trainer.runEpoch().epoch?.testDeviation ?? NaN;
    const after = meanDeviation1d(writeBack(plan), f1d);
    expect(before).toBeGreaterThan(0.15);
    expect(after).toBeLessThan(before / 3);
    expect(last).toBeCloseTo(after, 1);
    // Far better than a constant at f's mean, which is off by 0.16 on average.
    const mean = meanOver(f1d, 0, 1, 1000);
    const constant = Array.from({ length: 1000 }, (_, i) => Math.abs(f1d((i + 0.5) / 1000) - mean)).reduce((p, q) => p + q, 0) / 1000;
    expect(after).toBeLessThan(constant / 2);
    expect(after).toBeLessThan(0.06);
  });
});

describe('lesson 10: a tower (figures 4.6, 4.7)', () => {
  it('is above 0.99 on (1, 2) x (-2, 0) and below 0.01 outside, away from the edges', () => {
    const built = lesson('tower').build();
    expect(built.network.nodes.find((n) => n.id === 'tower')).toMatchObject({ bias: -1.5 * 1000 });
    expect(built.view?.xRange?.[0]).toBeLessThan(1);
    const run = runner(built.network);
    let inside = 0;
    for (const [x, y] of grid([[0, 3], [-3, 1]], 0.05)) {
      const nearEdge = [x - 1, x - 2, y + 2, y].some((d) => Math.abs(d) < 0.02);
      if (nearEdge) continue;
      const out = run([x, y])[0];
      if (x > 1 && x < 2 && y > -2 && y < 0) {
        inside++;
        expect(out, `(${x}, ${y})`).toBeGreaterThan(0.99);
      } else {
        expect(out, `(${x}, ${y})`).toBeLessThan(0.01);
      }
    }
    expect(inside).toBeGreaterThan(500);
  });

  it('agrees with the registry’s tower target everywhere away from the edges', () => {
    const target = functionSpec('f2d-tower');
    const run = runner(lesson('tower').build().network);
    const rng = new Rng(10);
    for (let i = 0; i < 500; i++) {
      const x = rng.uniform(0, 3);
      const y = rng.uniform(-3, 1);
      if ([x - 1, x - 2, y + 2, y].some((d) => Math.abs(d) < 0.02)) continue;
      expect(Math.abs(run([x, y])[0] - (target?.f(x, y) ?? NaN))).toBeLessThan(0.01);
    }
  });
});

describe('lesson 11: towers in m dimensions', () => {
  it('for m = 3 (bias -5h/2) is above 0.99 inside the box and below 0.01 outside, on a grid', () => {
    const built = lesson('tower-m-dimensions').build({ m: 3, lo: 0.3, hi: 0.7 });
    expect(built.network.nodes.find((n) => n.id === 'tower')).toMatchObject({ bias: -2.5 * 1000 });
    expect(built.view?.fixedInputs).toEqual([0.5]);
    const run = runner(built.network);
    let inside = 0;
    for (const p of grid([[0, 1], [0, 1], [0, 1]], 0.05)) {
      if (p.some((v) => Math.abs(v - 0.3) < 0.02 || Math.abs(v - 0.7) < 0.02)) continue;
      const out = run(p)[0];
      if (p.every((v) => v > 0.3 && v < 0.7)) {
        inside++;
        expect(out, `${p}`).toBeGreaterThan(0.99);
      } else {
        expect(out, `${p}`).toBeLessThan(0.01);
      }
    }
    expect(inside).toBeGreaterThan(100);
  });

  it('for general m has bias -(m - 1/2)h and is a tower on a box with different sides', () => {
    const rng = new Rng(11);
    for (let m = 1; m <= 8; m++) {
      const box = Array.from({ length: m }, (): [number, number] => {
        const lo = rng.uniform(-1, 0.5);
        return [lo, lo + rng.uniform(0.2, 1)];
      });
      const h = 500;
      const doc = towerNetwork({ box, w: 2000, h });
      expect(doc.nodes.find((n) => n.id === 'tower')).toMatchObject({ bias: -(m - 0.5) * h });
      const run = runner(doc);
      for (let t = 0; t < 200; t++) {
        // Half the points inside, half with one coordinate pushed outside.
        const p = box.map(([lo, hi]) => rng.uniform(lo + 0.02, hi - 0.02));
        const outside = t % 2 === 1;
        if (outside) {
          const axis = rng.int(m);
          p[axis] = rng.float() < 0.5 ? box[axis][0] - rng.uniform(0.02, 1) : box[axis][1] + rng.uniform(0.02, 1);
        }
        const out = run(p)[0];
        if (outside) expect(out, `m = ${m}, ${p}`).toBeLessThan(0.01);
        else expect(out, `m = ${m}, ${p}`).toBeGreaterThan(0.99);
      }
    }
  });
});

describe('lesson 12: many towers', () => {
  it('gets closer to the surface as the grid is refined', () => {
    const points = grid([[0.005, 0.995], [0.005, 0.995]], 0.01);
    const deviation = (k: number): number => {
      const run = runner(towerGrid({ k, w: 1000, h: 1000 }));
      return points.reduce((s, [x, y]) => s + Math.abs(run([x, y])[0] - f2d(x, y)), 0) / points.length;
    };
    const d = [2, 4, 8, 16].map(deviation);
    expect(isDecreasing(d)).toBe(true);
    // Measured 0.162, 0.101, 0.052, 0.032 on this grid of 10,000 points.
    expect(d[3]).toBeLessThan(d[0] / 4);
    expect(d[3]).toBeLessThan(0.04);
  });

  it('shows each tower at the height of the function’s mean on its cell', () => {
    const k = 4;
    const run = runner(lesson('many-towers').build({ k }).network);
    const centre = 0.125 + 0.25;
    const mean = meanOver((x) => meanOver((y) => f2d(x, y), 0, 0.25, 200), 0.25, 0.5, 200);
    expect(run([centre, 0.125])[0]).toBeCloseTo(mean, 3);
  });
});
