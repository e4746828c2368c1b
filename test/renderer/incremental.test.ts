/**
 * The slider-drag fast paths against the plain computation they stand in
 * for: a plan patched with new values against compile(), the incremental
 * function-view sampler against a fresh full forward pass at every x, the
 * probe's reused arrays, and the live edges handed to React Flow.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../engine/compile';
import type { NetworkDocument } from '../../engine/document';
import { Rng } from '../../engine/rng';
import { setBias, setWeight } from '../../renderer/graph/edit';
import { compiled, compiledAfter, runProbe } from '../../renderer/graph/probe';
import { FlowMapper } from '../../renderer/graph/mapping';
import { CurveSampler, sampleCurve, sameLayout } from '../../renderer/views/sampling';
import { LiveEdges, scalarViews } from '../../renderer/canvas/live-edges';
import { doc, edge, input, layer, neuron, output } from './helpers';

/** x -> a layer h of `k` units (-> a layer g of 2) and `m` single neurons -> one output neuron -> Output, with seeded values. */
function network(rng: Rng, k: number, m: number, outActivation: 'sigmoid' | 'linear' = 'sigmoid'): NetworkDocument {
  const r = (): number => Math.round(rng.normal() * 1000) / 250;
  const neurons = Array.from({ length: m }, (_, i) => neuron(`n${i}`, r(), i % 2 === 0 ? 'sigmoid' : 'tanh'));
  return doc(
    [input('x'), layer('h', Array.from({ length: k }, r)), layer('g', [r(), r()], 'tanh'), ...neurons, neuron('o', r(), outActivation), output()],
    [
      edge('x', 'h', Array.from({ length: k }, () => [r()])),
      edge('h', 'g', [Array.from({ length: k }, r), Array.from({ length: k }, r)]),
      edge('g', 'o', [[r(), r()]]),
      ...neurons.map((n) => edge('x', n.id, [[r()]])),
      edge('h', 'o', [Array.from({ length: k }, r)]),
      ...neurons.map((n) => edge(n.id, 'o', [[r()]])),
      edge('o', 'out'),
    ],
  );
}

/** One random value edit, as a slider or a typed field makes it. */
function randomEdit(d: NetworkDocument, rng: Rng): NetworkDocument {
  const v = Math.round(rng.normal() * 1000) / 200;
  const scalars = d.edges.filter((e) => e.weights?.length === 1 && e.weights[0].length === 1);
  switch (rng.int(4)) {
    case 3:
      return setWeight(d, 'h->g', rng.int(2), rng.int(d.edges.find((e) => e.id === 'h->g')?.weights?.[0].length ?? 1), v);
    case 0:
      return setWeight(d, scalars[rng.int(scalars.length)].id, 0, 0, v);
    case 1: {
      const neurons = d.nodes.filter((n) => n.kind === 'neuron');
      return setBias(d, neurons[rng.int(neurons.length)].id, 0, v);
    }
    default: {
      const h = d.nodes.find((n) => n.id === 'h');
      return setBias(d, 'h', rng.int(h?.kind === 'layer' ? h.size : 1), v);
    }
  }
}

const labels = (d: NetworkDocument): Map<string, string> => new Map(d.nodes.map((n) => [n.id, n.label]));
const values = (c: ReturnType<typeof sampleCurve>): number[][] => [...c.outputs, ...c.contributions].map((s) => Array.from(s.values));

describe('a plan patched with an edit’s new values', () => {
  it('is the plan compile() makes, edit after edit (seeded)', () => {
    const rng = new Rng(11);
    let d = network(rng, 4, 5);
    compiled(d);
    for (let step = 0; step < 60; step++) {
      const next = randomEdit(d, rng);
      const fast = compiledAfter(d, next);
      const full = compile(next);
      expect(fast.error).toBeNull();
      expect(Array.from(fast.plan?.params ?? [])).toEqual(Array.from(full.params));
      expect(fast.plan && sameLayout(fast.plan, full)).toBe(true);
      // It is what every later caller gets for that document.
      expect(compiled(next)).toBe(fast);
      d = next;
    }
  });

  it('compiles in full, and so reports the problem, when the edit is not only new values', () => {
    const d = network(new Rng(3), 2, 2);
    compiled(d);
    const cycle = { ...d, edges: [...d.edges, edge('o', 'n0', [[1]])] };
    expect(compiledAfter(d, cycle).error).toMatch(/cycle/);
    // A non-finite weight written past the editing functions is refused as compile() refuses it.
    const nan = { ...d, edges: d.edges.map((e) => (e.id === 'n0->o' ? { ...e, weights: [[Number.NaN]] } : e)) };
    expect(compiledAfter(d, nan).error).not.toBeNull();
    const relabelled = { ...d, nodes: d.nodes.map((n) => (n.id === 'n1' ? { ...n, label: 'renamed' } : n)) };
    expect(compiledAfter(d, relabelled).plan?.blocks.map((b) => b.nodeId)).toEqual(compile(relabelled).blocks.map((b) => b.nodeId));
  });
});

describe('the incremental function-view sampler', () => {
  it('gives exactly the values of a full forward pass at every x, edit after edit (seeded)', () => {
    for (const seed of [1, 2, 3]) {
      const rng = new Rng(seed);
      let d = network(rng, 3, 6, seed === 2 ? 'linear' : 'sigmoid');
      const sampler = new CurveSampler();
      const base = new Float64Array(1);
      for (let step = 0; step < 25; step++) {
        const plan = compiledAfter(d, (d = randomEdit(d, rng))).plan;
        if (!plan) throw new Error('the test network must compile');
        const got = sampler.sample(plan, labels(d), [-1, 2], 41, base);
        const want = sampleCurve(compile(d), labels(d), [-1, 2], 41, base);
        expect(values(got)).toEqual(values(want));
        expect(got.contributions.map((s) => s.label)).toEqual(want.contributions.map((s) => s.label));
      }
    }
  });

  it('keeps the series an edit of one output weight leaves unchanged, and recomputes the one it changes', () => {
    const d = network(new Rng(5), 2, 4);
    const sampler = new CurveSampler();
    const base = new Float64Array(1);
    const before = sampler.sample(compile(d), labels(d), [0, 1], 21, base);
    const moved = setWeight(d, 'n2->o', 0, 0, 7.5);
    const after = sampler.sample(compiledAfter(d, moved).plan ?? compile(moved), labels(moved), [0, 1], 21, base);
    const i = after.contributions.findIndex((s) => s.label === 'n2');
    after.contributions.forEach((s, k) => (k === i ? expect(s.values).not.toBe(before.contributions[k].values) : expect(s.values).toBe(before.contributions[k].values)));
    expect(after.outputs[0].values).not.toBe(before.outputs[0].values);
    expect(after.xs).toBe(before.xs);
    // w a(x) with the new w: a of n2 did not change.
    const old = d.edges.find((e) => e.id === 'n2->o')?.weights?.[0][0] ?? Number.NaN;
    after.contributions[i].values.forEach((v, k) => expect(v).toBeCloseTo((7.5 * before.contributions[i].values[k]) / old, 12));
  });

  it('starts afresh on a new x range', () => {
    const d = network(new Rng(6), 2, 2);
    const sampler = new CurveSampler();
    const a = sampler.sample(compile(d), labels(d), [0, 1], 11, new Float64Array(1));
    const b = sampler.sample(compile(d), labels(d), [0, 2], 11, new Float64Array(1));
    expect(b.xs[10]).toBe(2);
    expect(values(b)).toEqual(values(sampleCurve(compile(d), labels(d), [0, 2], 11, new Float64Array(1))));
    expect(b.outputs[0].values).not.toBe(a.outputs[0].values);
  });
});

describe('the probe and the canvas on a weight drag', () => {
  it('hands back the same activation arrays for nodes whose values did not change', () => {
    const d = network(new Rng(8), 2, 3);
    const first = runProbe(d, { x: [0.3] });
    const second = runProbe(setWeight(d, 'n1->o', 0, 0, 9), { x: [0.3] }, first);
    for (const id of ['x', 'h', 'n0', 'n1', 'n2']) expect(second.activations.get(id)).toBe(first.activations.get(id));
    expect(second.activations.get('o')).not.toBe(first.activations.get('o'));
    expect(second.output).not.toBe(first.output);
    expect(second.output?.[0]).toBe(second.activations.get('o')?.[0]);
  });

  it('gives React Flow the same edge list while only weights change, and a new edge object when its selection changes', () => {
    const d = network(new Rng(9), 2, 3);
    const mapper = new FlowMapper();
    const live = new LiveEdges();
    const none = new Set<string>();
    const a = live.of(mapper.edges(d, none));
    const moved = setWeight(d, 'n0->o', 0, 0, -4);
    const b = live.of(mapper.edges(moved, none));
    expect(b).toBe(a);
    const c = live.of(mapper.edges(moved, new Set(['n1->o'])));
    expect(c).not.toBe(a);
    c.forEach((e, i) => (e.id === 'n1->o' ? expect(e).not.toBe(a[i]) : expect(e).toBe(a[i])));
    expect(c.find((e) => e.id === 'n1->o')?.selected).toBe(true);
    // The values are read live: -4 is now the largest |w| of the single weights into o.
    const views = scalarViews(moved);
    expect(views.get('n0->o')).toEqual({ weight: -4, relative: 1 });
    const w1 = moved.edges.find((e) => e.id === 'n1->o')?.weights?.[0][0] ?? 0;
    expect(views.get('n1->o')?.relative).toBe(Math.abs(w1) / 4);
  });
});
