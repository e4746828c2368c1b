/**
 * The line plot's kept picture (renderer/views/plot-layers.ts) and the plots'
 * settled y domains (renderer/views/ticks.ts): what is on screen after any
 * sequence of edits must be every current series exactly once, and an axis
 * must always hold its data.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/rng';
import { LIVE_MAX, planLayers, type LayerPlan } from '../../renderer/views/plot-layers';
import { paddedDomain, settledDomain } from '../../renderer/views/ticks';

interface S {
  key: string;
  version: number;
}

const same = (a: S, b: S): boolean => a.version === b.version;

/** Plays one draw as LinePlot does: the picture is redrawn when the plan is new; returns what the screen shows. */
function draw(state: { plan: LayerPlan<S> | null; picture: S[] }, series: S[], geometry: string): { shown: S[]; redrawn: boolean } {
  const plan = planLayers(state.plan, series, geometry, same);
  const redrawn = plan !== state.plan;
  if (redrawn) state.picture = [...plan.drawn.values()];
  state.plan = plan;
  return { shown: [...state.picture, ...series.filter((s) => plan.live.has(s.key))], redrawn };
}

const series = (n: number): S[] => Array.from({ length: n }, (_, i) => ({ key: `c${i}`, version: 0 }));

describe('planLayers', () => {
  it('draws everything first, then only the curve a drag changes', () => {
    const state = { plan: null as LayerPlan<S> | null, picture: [] as S[] };
    let s = series(50);
    expect(draw(state, s, 'g').redrawn).toBe(true);
    expect(state.plan?.live.size).toBe(0);
    // The first step of a drag: the picture is drawn once more without c13, which is live from now on.
    s = s.map((x) => (x.key === 'c13' ? { ...x, version: 1 } : x));
    expect(draw(state, s, 'g').redrawn).toBe(true);
    expect([...(state.plan?.live ?? [])]).toEqual(['c13']);
    expect(state.picture.map((x) => x.key)).not.toContain('c13');
    // Every further step keeps the picture.
    for (let v = 2; v < 10; v++) {
      s = s.map((x) => (x.key === 'c13' ? { ...x, version: v } : x));
      expect(draw(state, s, 'g').redrawn).toBe(false);
    }
    // Nothing changed: nothing redrawn.
    expect(draw(state, s, 'g').redrawn).toBe(false);
  });

  it('draws the picture again when the geometry changes, and everything when the set of series changes or too many change at once', () => {
    const state = { plan: null as LayerPlan<S> | null, picture: [] as S[] };
    let s = series(10);
    draw(state, s, 'g');
    s = s.map((x) => (x.key === 'c1' ? { ...x, version: 1 } : x));
    draw(state, s, 'g');
    expect(state.plan?.live.size).toBe(1);
    // A new axis: the picture is drawn again at the new scale, the dragged curve stays live.
    s = s.map((x) => (x.key === 'c1' ? { ...x, version: 2 } : x));
    expect(draw(state, s, 'other domain').redrawn).toBe(true);
    expect([...(state.plan?.live ?? [])]).toEqual(['c1']);
    expect(state.picture).toHaveLength(9);
    expect(draw(state, s.slice(0, 9), 'other domain').redrawn).toBe(true);
    expect(state.plan?.live.size).toBe(0);
    s = s.slice(0, 9).map((x, i) => (i <= LIVE_MAX ? { ...x, version: 5 } : x));
    expect(draw(state, s, 'other domain').redrawn).toBe(true);
    expect(state.plan?.live.size).toBe(0);
  });

  it('shows every current series exactly once after any seeded sequence of edits', () => {
    const rng = new Rng(7);
    const state = { plan: null as LayerPlan<S> | null, picture: [] as S[] };
    let s = series(12);
    let geometry = 'g0';
    for (let step = 0; step < 2000; step++) {
      const r = rng.float();
      if (r < 0.6) {
        // A drag step: one of a few curves changes.
        const k = Math.floor(rng.float() * 3);
        s = s.map((x, i) => (i === k ? { ...x, version: x.version + 1 } : x));
      } else if (r < 0.7) {
        const k = Math.floor(rng.float() * s.length);
        s = s.map((x, i) => (i === k ? { ...x, version: x.version + 1 } : x));
      } else if (r < 0.75) {
        s = s.map((x) => ({ ...x, version: x.version + 1 }));
      } else if (r < 0.8) {
        geometry = `g${step}`;
      } else if (r < 0.85 && s.length > 1) {
        s = s.slice(0, -1);
      } else if (r < 0.9) {
        s = [...s, { key: `n${step}`, version: 0 }];
      }
      const { shown } = draw(state, s, geometry);
      const byKey = new Map(shown.map((x) => [x.key, x.version]));
      expect(shown.length).toBe(s.length);
      for (const x of s) expect(byKey.get(x.key)).toBe(x.version);
      expect(state.plan?.live.size ?? 0).toBeLessThanOrEqual(LIVE_MAX);
    }
  });
});

describe('settledDomain', () => {
  it('keeps the last domain while it holds the data and is not much wider, and always holds the data', () => {
    const rng = new Rng(11);
    let previous: [number, number] | null = null;
    let changes = 0;
    for (let i = 0; i < 500; i++) {
      // A staircase whose one step moves like a dragged weight.
      const ys = Float64Array.from({ length: 50 }, (_, k) => 0.2 + 0.01 * k + (k >= 25 ? 0.9 * Math.sin(i / 20) : 0) + 0.001 * rng.normal());
      const padded = paddedDomain([ys], 0.2);
      const next = settledDomain(previous, padded);
      expect(next[0]).toBeLessThanOrEqual(padded[0]);
      expect(next[1]).toBeGreaterThanOrEqual(padded[1]);
      // Never much wider than the data needs.
      expect(next[1] - next[0]).toBeLessThanOrEqual((padded[1] - padded[0]) / 0.6 + 1e-9);
      // The same answer again for the same data (React may render twice).
      expect(settledDomain(next, padded)).toEqual(next);
      if (previous && (previous[0] !== next[0] || previous[1] !== next[1])) changes++;
      previous = next;
    }
    // The plain padded domain changes on every one of these frames; the settled one on a small part of them.
    expect(changes).toBeLessThan(500 / 5);
  });

  it('snaps a new domain outwards to round steps and passes a degenerate one through', () => {
    expect(settledDomain(null, [0.13, 0.87])).toEqual([0.1, 0.9]);
    expect(settledDomain([0, 1], [0.13, 0.87])).toEqual([0, 1]);
    expect(settledDomain([0, 10], [0.13, 0.87])).toEqual([0.1, 0.9]);
    expect(settledDomain(null, [-0.31, 0.52])).toEqual([-0.4, 0.6]);
    expect(settledDomain(null, [2, 2])).toEqual([2, 2]);
  });
});
