/** The weights on a node's incoming or outgoing edges: sliders for single weights, a summary and the weight image for matrices. */
import { memo, useMemo } from 'react';
import type { NetworkDocument, NetworkEdge } from '../../engine/document';
import { fmt } from '../app/format';
import { setFrozen, setWeight } from '../graph/edit';
import { meanAbs } from '../graph/mapping';
import { useRuntimeStore } from '../store/context';
import { ParamControl } from './ParamControl';
import { coalesce, useEdit } from './use-edit';
import { useStableCallback } from './use-stable-callback';

export const WeightList = memo(function WeightList({ doc, edges, other, title }: { doc: NetworkDocument; edges: NetworkEdge[]; other: 'source' | 'target'; title: string }) {
  const labels = useMemo(() => new Map(doc.nodes.map((n) => [n.id, n.label])), [doc.nodes]);
  const weighted = edges.filter((e) => e.weights);
  if (weighted.length === 0) return null;
  return (
    <section className="nl-inspector-section">
      <h3>{title}</h3>
      {weighted.map((e) => (
        <WeightRow key={e.id} edge={e} name={labels.get(e[other]) ?? e[other]} other={other} />
      ))}
    </section>
  );
});

/** One edge's row: memoised, so dragging one weight re-renders that row and leaves the others alone. */
const WeightRow = memo(function WeightRow({ edge: e, name, other }: { edge: NetworkEdge; name: string; other: 'source' | 'target' }) {
  const edit = useEdit();
  const runtime = useRuntimeStore();
  const onWeight = useStableCallback((v: number, g: string | null) => edit('Set weight', (d) => setWeight(d, e.id, 0, 0, v), coalesce(`w:${e.id}`, g)));
  const w = e.weights as number[][];
  const freeze = (
    <button
      type="button"
      className={`nl-icon-button${e.frozen ? ' is-on' : ''}`}
      aria-pressed={e.frozen ?? false}
      title={e.frozen ? 'Frozen: training leaves these weights alone. Click to thaw.' : 'Freeze: training will leave these weights alone.'}
      onClick={() => edit(e.frozen ? 'Thaw weights' : 'Freeze weights', (d) => setFrozen(d, [], [e.id], !e.frozen))}
    >
      {e.frozen ? 'Frozen' : 'Freeze'}
    </button>
  );
  if (w.length === 1 && w[0].length === 1) {
    return (
      <div className="nl-weight-row">
        <ParamControl label={`${other === 'source' ? 'from' : 'to'} ${name}`} value={w[0][0]} testId={`weight-${e.id}`} onChange={onWeight} />
        {freeze}
      </div>
    );
  }
  return (
    <div className="nl-matrix-row">
      <span>
        {other === 'source' ? 'from' : 'to'} <strong>{name}</strong>: {w.length}×{w[0]?.length ?? 0}, mean |w| {fmt(meanAbs(w), 3)}
      </span>
      <button type="button" className="nl-button is-small" onClick={() => runtime.getState().openDialog({ kind: 'weights', edgeId: e.id })}>
        Weight image
      </button>
      {freeze}
    </div>
  );
});
