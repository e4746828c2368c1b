/** Connecting without a mouse: pick a node this one should feed (or be fed by) and press Connect. */
import { memo, useId, useState } from 'react';
import { canConnect } from '../graph/connect-rules';
import { useDoc, useDocStore, useRuntimeStore } from '../store/context';
import { useTargetSize } from '../canvas/use-target-size';

/**
 * It reads the nodes, not the whole document: a weight edit leaves the node
 * list as it was, so the list of every node in the network is not rebuilt
 * on each step of a slider drag.
 */
export const ConnectTo = memo(function ConnectTo({ id }: { id: string }) {
  const docs = useDocStore();
  const runtime = useRuntimeStore();
  const targetSize = useTargetSize();
  const nodes = useDoc((s) => s.doc.nodes);
  const [other, setOther] = useState('');
  const [direction, setDirection] = useState<'to' | 'from'>('to');
  const selectId = useId();
  const self = nodes.find((n) => n.id === id);
  const canFeed = self?.kind !== 'output';
  const canBeFed = self?.kind !== 'input';
  const dir = !canFeed ? 'from' : !canBeFed ? 'to' : direction;
  // A string (or null), so an unchanged verdict does not re-render.
  const refusal = useDoc((s) => {
    if (!other) return null;
    const v = dir === 'to' ? canConnect(s.doc, id, other, { targetSize }) : canConnect(s.doc, other, id, { targetSize });
    return v.ok ? null : v.reason;
  });
  if (!self) return null;
  const candidates = nodes.filter((n) => n.id !== id);
  return (
    <section className="nl-inspector-section">
      <h3>Connect</h3>
      <div className="nl-connect">
        {canFeed && canBeFed && (
          <select aria-label="Direction" value={dir} onChange={(e) => setDirection(e.target.value as 'to' | 'from')}>
            <option value="to">feed</option>
            <option value="from">be fed by</option>
          </select>
        )}
        {!(canFeed && canBeFed) && <span>{dir === 'to' ? 'feed' : 'be fed by'}</span>}
        <label htmlFor={selectId} className="sr-only">
          Other node
        </label>
        <select id={selectId} value={other} onChange={(e) => setOther(e.target.value)} data-testid="connect-other">
          <option value="">choose a node…</option>
          {candidates.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label} ({n.kind})
            </option>
          ))}
        </select>
        <button
          type="button"
          className="nl-button is-small"
          disabled={!other}
          onClick={() => {
            const r = dir === 'to' ? docs.getState().connect(id, other, { targetSize }) : docs.getState().connect(other, id, { targetSize });
            if (!r.ok) runtime.getState().notify(r.reason, 'error');
            else setOther('');
          }}
        >
          Connect
        </button>
      </div>
      {refusal && <p className="nl-field-error">{refusal}</p>}
    </section>
  );
});
