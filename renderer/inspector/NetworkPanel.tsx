/** Nothing selected: the network as a whole, whether it can be trained, and whole-network tools. */
import { memo } from 'react';
import type { NetworkDocument } from '../../engine/document';
import { plural } from '../app/format';
import { compiled } from '../graph/probe';
import { sequencePlan } from '../views/recurrent/sequence-plan';
import { useRuntime } from '../store/context';
import { ScaleTool } from './ScaleTool';
import { Section } from './fields';

export const NetworkPanel = memo(function NetworkPanel({ doc, name }: { doc: NetworkDocument; name: string }) {
  const probeError = useRuntime((s) => s.probe.error);
  const c = compiled(doc);
  // A network with a recurrent node reads sequences: it is a sequence model, not a plan of dense blocks.
  const sequence = sequencePlan(doc);
  const error = sequence ? null : probeError;
  const params = sequence ? (sequence.plan?.model.params.length ?? 0) : (c.plan?.params.length ?? 0);
  const reason = sequence ? (sequence.error?.replace(/^Cannot train:\s*/, '') ?? null) : (c.plan?.untrainableReason ?? null);
  const counts = ['input', 'neuron', 'layer', 'recurrent', 'output']
    .map((k) => [k === 'recurrent' ? 'recurrent layer' : k, doc.nodes.filter((n) => n.kind === k).length] as const)
    .filter(([k, n]) => n > 0 || k !== 'recurrent layer');
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
          ) : sequence ? (
            <p className="nl-hint">Yes, on sequences (noisy sine, the adding problem, delayed recall, or a CSV of sequences), by backpropagation through time.</p>
          ) : (
            <p className="nl-hint">Yes: every part can be trained by gradient descent.</p>
          )}
        </Section>
      )}
      {doc.edges.some((e) => e.weights) && <ScaleTool scope={null} />}
    </>
  );
});
