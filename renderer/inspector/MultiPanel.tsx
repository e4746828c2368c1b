/** Several things selected: what they share, edited in one step. */
import { memo } from 'react';
import { ACTIVATION_NAMES, type ActivationName } from '../../engine/activations';
import type { NetworkDocument } from '../../engine/document';
import { plural } from '../app/format';
import { ACTIVATION_LABEL } from '../canvas/nodes/NodeShell';
import { removeElements, setActivation, setBias, setFrozen } from '../graph/edit';
import { collapseNeurons } from '../graph/expand';
import { setRecurrentFrozen } from '../graph/recurrent-edit';
import type { Selection } from '../store/document-store';
import { useDoc, useDocStore, useRuntimeStore } from '../store/context';
import { collapseGroup, groupWithExactly } from './groups';
import { CheckField, Section, SelectField } from './fields';
import { BumpEditors } from './NielsenEditors';
import { NumberField } from './NumberField';
import { ScaleTool } from './ScaleTool';
import { useEdit } from './use-edit';

export const MultiPanel = memo(function MultiPanel({ doc, selection }: { doc: NetworkDocument; selection: Selection }) {
  const edit = useEdit();
  const docs = useDocStore();
  const runtime = useRuntimeStore();
  const nodes = doc.nodes.filter((n) => selection.nodes.has(n.id));
  const units = nodes.filter((n) => n.kind === 'neuron' || n.kind === 'layer');
  const neurons = nodes.filter((n) => n.kind === 'neuron');
  const cells = nodes.filter((n) => n.kind === 'recurrent');
  const acts = new Set(units.map((n) => (n.kind === 'neuron' || n.kind === 'layer' ? n.activation : '')));
  const common = acts.size === 1 ? ([...acts][0] as ActivationName) : '';
  const frozen = units.length > 0 && units.every((n) => (n.kind === 'neuron' || n.kind === 'layer') && n.frozen);
  const edges = doc.edges.filter((e) => selection.edges.has(e.id) && e.weights);
  const ids = units.map((n) => n.id);
  const view = useDoc((s) => s.meta.view);
  const group = groupWithExactly(view, neurons.map((n) => n.id));
  return (
    <>
      <header className="nl-inspector-header">
        <span className="nl-badge">Selection</span>
        <h2 data-testid="inspector-title">
          {plural(nodes.length, 'node')}, {plural(selection.edges.size, 'connection')}
        </h2>
      </header>
      {units.length > 0 && (
        <Section title={`${plural(units.length, 'neuron or layer', 'neurons and layers')}`}>
          <SelectField<ActivationName>
            label="Activation (all)"
            value={common}
            options={ACTIVATION_NAMES.filter((a) => a !== 'softmax' || neurons.length === 0).map((a) => ({ value: a, label: ACTIVATION_LABEL[a] }))}
            onChange={(v) => edit('Set activations', (d) => setActivation(d, ids, v))}
          />
          <div className="nl-field">
            <NumberField
              label="Set every bias to"
              value={0}
              onCommit={(v) =>
                edit('Set biases', (d) =>
                  units.reduce((acc, n) => (n.kind === 'neuron' ? setBias(acc, n.id, 0, v) : n.kind === 'layer' ? n.biases.reduce((a2, _b, j) => setBias(a2, n.id, j, v), acc) : acc), d),
                )
              }
            />
          </div>
          <CheckField
            label="Freeze biases"
            checked={frozen}
            onChange={(on) => edit(on ? 'Freeze biases' : 'Thaw biases', (d) => setFrozen(d, ids, [], on))}
          />
        </Section>
      )}
      {cells.length > 0 && (
        <CheckField
          label={`Freeze ${cells.length === 1 ? 'the recurrent layer' : `the ${cells.length} recurrent layers`} (W, U and b)`}
          checked={cells.every((n) => n.frozen)}
          onChange={(on) => edit(on ? 'Freeze layers' : 'Thaw layers', (d) => cells.reduce((acc, n) => setRecurrentFrozen(acc, n.id, on), d))}
        />
      )}
      {edges.length > 0 && (
        <CheckField
          label={`Freeze the weights of ${plural(edges.length, 'connection')}`}
          checked={edges.every((e) => e.frozen)}
          onChange={(on) => edit(on ? 'Freeze weights' : 'Thaw weights', (d) => setFrozen(d, [], edges.map((e) => e.id), on))}
        />
      )}
      <BumpEditors doc={doc} ids={neurons.map((n) => n.id)} />
      {group && (
        <Section title={`Expanded from “${group[1].label}”`}>
          <button type="button" className="nl-button is-small" data-testid="collapse" onClick={() => collapseGroup(docs, runtime, group)}>
            Collapse back into a layer
          </button>
        </Section>
      )}
      {!group && neurons.length >= 2 && (
        <Section title="Gather into a layer">
          <p className="nl-hint">Replaces these {neurons.length} neurons by one layer computing exactly the same.</p>
          <button
            type="button"
            className="nl-button is-small"
            onClick={() => {
              const ordered = [...neurons].sort((a, b) => a.position.y - b.position.y).map((n) => n.id);
              const r = docs.getState().edit('Gather into layer', ({ doc: d, meta }) => {
                const out = collapseNeurons(d, ordered);
                return { snapshot: { doc: out.doc, meta }, select: { nodes: new Set([out.layerId]), edges: new Set() } };
              });
              if (!r.ok) runtime.getState().notify(r.reason, 'error');
            }}
          >
            Gather into a layer
          </button>
        </Section>
      )}
      <ScaleTool scope={selection} />
      <button type="button" className="nl-button is-danger is-small nl-delete" onClick={() => edit('Delete', (d) => removeElements(d, selection.nodes, selection.edges))}>
        Delete selection
      </button>
    </>
  );
});
