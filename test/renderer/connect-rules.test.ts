import { describe, expect, it } from 'vitest';
import { DocumentError, unitCount, validateNetwork, type NetworkNode } from '../../engine/document';
import { Rng } from '../../engine/rng';
import { canConnect, findPath } from '../../renderer/graph/connect-rules';
import { connect, EditError, reconnect } from '../../renderer/graph/edit';
import { doc, edge, input, layer, neuron, output } from './helpers';

const chain = doc(
  [input('x'), neuron('a'), neuron('b'), neuron('c'), output()],
  [edge('x', 'a', [[1]]), edge('a', 'b', [[1]]), edge('b', 'c', [[1]]), edge('c', 'out')],
);

function reason(v: ReturnType<typeof canConnect>): string {
  if (v.ok) throw new Error('expected a refusal');
  return v.reason;
}

describe('connection rules', () => {
  it('accepts a forward connection and a skip connection', () => {
    expect(canConnect(chain, 'a', 'c')).toEqual({ ok: true });
    expect(canConnect(chain, 'x', 'c')).toEqual({ ok: true });
  });

  it('refuses a cycle and names the path that closes it', () => {
    const r = reason(canConnect(chain, 'c', 'a'));
    expect(r).toContain('cycle');
    expect(r).toContain('“a” → “b” → “c”');
  });

  it('refuses a node feeding itself', () => {
    expect(reason(canConnect(chain, 'b', 'b'))).toMatch(/cannot feed itself/);
  });

  it('refuses edges out of the Output, into an Input, and Input straight to Output', () => {
    expect(reason(canConnect(chain, 'out', 'a'))).toMatch(/Output only collects/);
    expect(reason(canConnect(chain, 'a', 'x'))).toMatch(/is an Input/);
    expect(reason(canConnect(chain, 'x', 'out'))).toMatch(/not an Input directly/);
  });

  it('refuses a second edge between the same pair', () => {
    expect(reason(canConnect(chain, 'a', 'b'))).toMatch(/already feeds/);
  });

  it('refuses an Output wider than the dataset’s targets', () => {
    const d = doc([input('x'), layer('h', [0, 0, 0]), neuron('n'), output()], [edge('x', 'h', [[1], [1], [1]]), edge('x', 'n', [[1]]), edge('n', 'out')]);
    expect(canConnect(d, 'h', 'out', { targetSize: 4 })).toEqual({ ok: true });
    expect(reason(canConnect(d, 'h', 'out', { targetSize: 1 }))).toMatch(/dataset has 1 target per example, but the Output would read 4 units/);
  });

  it('refuses to move a matrix onto nodes of another shape, and keeps it where the shape fits', () => {
    const d = doc(
      [input('x', 2), layer('h', [0, 0, 0]), layer('g', [0, 0, 0]), neuron('n')],
      [edge('x', 'h', [[1, 2], [3, 4], [5, 6]])],
    );
    expect(() => reconnect(d, 'x->h', 'x', 'n')).toThrow(/3×2 weights, but “x” → “n” needs 1×2/);
    const moved = reconnect(d, 'x->h', 'x', 'g');
    expect(moved.edges[0]).toMatchObject({ source: 'x', target: 'g', weights: [[1, 2], [3, 4], [5, 6]] });
    expect(() => validateNetwork(moved)).not.toThrow();
  });

  it('finds paths breadth-first', () => {
    expect(findPath(chain.edges, 'x', 'c')).toEqual(['x', 'a', 'b', 'c']);
    expect(findPath(chain.edges, 'c', 'x')).toBeNull();
  });

  it('agrees with the document rules on random graphs (seeded)', () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 40; trial++) {
      let d = doc([input('i1'), input('i2', 3), neuron('n1'), neuron('n2'), layer('l1', [0, 0]), layer('l2', [0, 0, 0]), output()]);
      const ids = d.nodes.map((n) => n.id);
      for (let step = 0; step < 30; step++) {
        const s = ids[rng.int(ids.length)];
        const t = ids[rng.int(ids.length)];
        const verdict = canConnect(d, s, t);
        if (verdict.ok) {
          d = connect(d, s, t).doc;
          // Every accepted connection leaves a valid network.
          expect(() => validateNetwork(d)).not.toThrow();
        } else {
          // Every refusal is one the document itself would refuse (or a duplicate/Output rule).
          expect(() => connect(d, s, t)).toThrow(EditError);
          const sn = d.nodes.find((n) => n.id === s) as NetworkNode;
          const tn = d.nodes.find((n) => n.id === t) as NetworkNode;
          const weights = tn.kind === 'output' ? undefined : Array.from({ length: unitCount(tn) }, () => new Array<number>(unitCount(sn)).fill(0));
          const raw = { ...d, edges: [...d.edges, { id: 'probe-edge', source: s, target: t, ...(weights ? { weights } : {}) }] };
          if (s !== t && !verdict.reason.includes('already feeds')) expect(() => validateNetwork(raw)).toThrow(DocumentError);
        }
      }
    }
  });
});
