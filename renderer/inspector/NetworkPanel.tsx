/** Nothing selected: the network as a whole, whether it can be trained, and whole-network tools. */
import { memo } from 'react';
import type { NetworkDocument } from '../../engine/document';
import { plural } from '../app/format';
import { compiled } from '../graph/probe';
import { useRuntime } from '../store/context';
import { ScaleTool } from './ScaleTool';
import { Section } from './fields';

export const NetworkPanel = memo(function NetworkPanel({ doc, name }: { doc: NetworkDocument; name: string }) {
  const error = useRuntime((s) => s.probe.error);
  const c = compiled(doc);
  const params = c.plan?.params.length ?? 0;
  const reason = c.plan?.untrainableReason ?? null;
  const counts = ['input', 'neuron', 'layer', 'output'].map((k) => [k, doc.nodes.filter((n) => n.kind === k).length] as const);
  return (
    <>
      <header className="nl-inspector-header">
        <span className="nl-badge">Network</span>
        <h2 data-testid="inspector-title">{name}</h2>
      </header>
      <p className="nl-hint">Select a node or a connection to edit it. Shift-click or Shift-drag selects several.</p>
      <Section title="Contents">
        <ul className="nl-facts">
          {counts.map(([k, n]) => (
            <li key={k}>{plural(n, k)}</li>
          ))}
          <li>{plural(doc.edges.length, 'connection')}</li>
          <li>{plural(params, 'parameter')}</li>
        </ul>
      </Section>
      {doc.nodes.length > 0 && (
        <Section title="Ready to train?">
          {error ? (
            <p className="nl-field-error">{error}</p>
          ) : reason ? (
            <p className="nl-hint" data-testid="untrainable">
              Not yet: {reason}.
            </p>
          ) : (
            <p className="nl-hint">Yes: every part can be trained by gradient descent.</p>
          )}
        </Section>
      )}
      {doc.edges.some((e) => e.weights) && <ScaleTool scope={null} />}
    </>
  );
});
