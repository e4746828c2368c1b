/** Connecting without a mouse: pick a node this one should feed (or be fed by) and press Connect. */
import { memo, useId, useState } from 'react';
import type { NetworkDocument } from '../../engine/document';
import { canConnect } from '../graph/connect-rules';
import { useDocStore, useRuntimeStore } from '../store/context';
import { useTargetSize } from '../canvas/use-target-size';

export const ConnectTo = memo(function ConnectTo({ doc, id }: { doc: NetworkDocument; id: string }) {
  const docs = useDocStore();
  const runtime = useRuntimeStore();
  const targetSize = useTargetSize();
  const [other, setOther] = useState('');
  const [direction, setDirection] = useState<'to' | 'from'>('to');
  const selectId = useId();
  const self = doc.nodes.find((n) => n.id === id);
  if (!self) return null;
  const canFeed = self.kind !== 'output';
  const canBeFed = self.kind !== 'input';
  const dir = !canFeed ? 'from' : !canBeFed ? 'to' : direction;
  const candidates = doc.nodes.filter((n) => n.id !== id);
  const verdict = other ? (dir === 'to' ? canConnect(doc, id, other, { targetSize }) : canConnect(doc, other, id, { targetSize })) : null;
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
      {verdict && !verdict.ok && <p className="nl-field-error">{verdict.reason}</p>}
    </section>
  );
});
