/** The inspector for one node, one panel per kind. */
import { memo } from 'react';
import { ACTIVATION_NAMES, type ActivationName } from '../../engine/activations';
import { COST_NAMES, type CostName } from '../../engine/costs';
import type { InputNode, LayerNode, NetworkDocument, NeuronNode, OutputNode } from '../../engine/document';
import { fmt, plural } from '../app/format';
import { ACTIVATION_LABEL } from '../canvas/nodes/NodeShell';
import { removeElements, resizeNode, setActivation, setBias, setCost, setFrozen, setLabel } from '../graph/edit';
import { canExpand, expandLayer, MAX_EXPAND } from '../graph/expand';
import { collapseGroup, groupOf } from './groups';
import { useDoc, useDocStore, useRuntime, useRuntimeStore } from '../store/context';
import { readViewState } from '../store/view-state';
import { ConnectTo } from './ConnectTo';
import { CheckField, Section, SelectField, TextField } from './fields';
import { BumpEditors, StepEditor } from './NielsenEditors';
import { NumberField } from './NumberField';
import { ParamControl } from './ParamControl';
import { coalesce, useEdit } from './use-edit';
import { useStableCallback } from './use-stable-callback';
import { WeightList } from './WeightList';

const NEURON_ACTIVATIONS = ACTIVATION_NAMES.filter((a) => a !== 'softmax').map((a) => ({ value: a, label: ACTIVATION_LABEL[a] }));
const LAYER_ACTIVATIONS = ACTIVATION_NAMES.map((a) => ({ value: a, label: ACTIVATION_LABEL[a] }));
const COSTS: { value: CostName; label: string }[] = COST_NAMES.map((c) => ({
  value: c,
  label: c === 'quadratic' ? 'Quadratic ½‖y − a‖²' : c === 'crossEntropy' ? 'Cross-entropy' : 'Log-likelihood (softmax)',
}));

function Header({ kind, title }: { kind: string; title: string }) {
  return (
    <header className="nl-inspector-header">
      <span className={`nl-badge nl-kind-${kind.toLowerCase()}`}>{kind}</span>
      <h2 data-testid="inspector-title">{title}</h2>
    </header>
  );
}

function Common({ id, label }: { id: string; label: string }) {
  const edit = useEdit();
  const rename = useStableCallback((v: string) => edit('Rename', (d) => setLabel(d, id, v)));
  return <TextField label="Name" value={label} testId="node-name" onCommit={rename} />;
}

function DeleteButton({ id }: { id: string }) {
  const edit = useEdit();
  return (
    <button type="button" className="nl-button is-danger is-small nl-delete" onClick={() => edit('Delete', (d) => removeElements(d, [id]))}>
      Delete node
    </button>
  );
}

export const NeuronPanel = memo(function NeuronPanel({ doc, node }: { doc: NetworkDocument; node: NeuronNode }) {
  const edit = useEdit();
  const docs = useDocStore();
  const runtime = useRuntimeStore();
  const a = useRuntime((s) => s.probe.activations.get(node.id)?.[0]);
  const view = useDoc((s) => s.meta.view);
  const group = groupOf({ view }, node.id);
  // Stable handlers: a drag elsewhere re-renders this panel, and fields whose props did not change then skip their render.
  const onActivation = useStableCallback((v: ActivationName) => edit('Set activation', (d) => setActivation(d, [node.id], v)));
  const onBias = useStableCallback((v: number, g: string | null) => edit('Set bias', (d) => setBias(d, node.id, 0, v), coalesce(`b:${node.id}`, g)));
  const onFreeze = useStableCallback((on: boolean) => edit(on ? 'Freeze bias' : 'Thaw bias', (d) => setFrozen(d, [node.id], [], on)));
  return (
    <>
      <Header kind="Neuron" title={node.label} />
      <p className="nl-readout">
        Activation for the probe input: <strong data-testid="inspector-activation">{fmt(a)}</strong>
      </p>
      <Common id={node.id} label={node.label} />
      <SelectField<ActivationName>
        label="Activation"
        value={node.activation}
        options={NEURON_ACTIVATIONS}
        testId="activation"
        onChange={onActivation}
      />
      <ParamControl label="Bias b" value={node.bias} testId="bias" onChange={onBias} />
      <CheckField label="Freeze bias" checked={node.frozen ?? false} hint="Training leaves a frozen bias alone." onChange={onFreeze} />
      <StepEditor doc={doc} id={node.id} />
      <BumpEditors doc={doc} ids={[node.id]} />
      <WeightList doc={doc} edges={doc.edges.filter((e) => e.target === node.id)} other="source" title="Incoming weights" />
      <WeightList doc={doc} edges={doc.edges.filter((e) => e.source === node.id)} other="target" title="Outgoing weights" />
      <ConnectTo id={node.id} />
      {group && (
        <Section title="Part of an expanded layer">
          <p className="nl-hint">
            This neuron came from the layer “{group[1].label}”. Gather its {group[1].neurons.length} neurons back into one layer.
          </p>
          <button type="button" className="nl-button is-small" data-testid="collapse" onClick={() => collapseGroup(docs, runtime, group)}>
            Collapse into a layer
          </button>
        </Section>
      )}
      <DeleteButton id={node.id} />
    </>
  );
});

export const LayerPanel = memo(function LayerPanel({ doc, node }: { doc: NetworkDocument; node: LayerNode }) {
  const edit = useEdit();
  const docs = useDocStore();
  const runtime = useRuntimeStore();
  const expandWhy = canExpand(node);
  return (
    <>
      <Header kind="Layer" title={node.label} />
      <Common id={node.id} label={node.label} />
      <SelectField<ActivationName>
        label="Activation"
        value={node.activation}
        options={LAYER_ACTIVATIONS}
        testId="activation"
        onChange={(v) => edit('Set activation', (d) => setActivation(d, [node.id], v))}
      />
      <div className="nl-field">
        <NumberField label="Units" value={node.size} integer min={1} max={100_000} testId="layer-size" onCommit={(v) => edit('Resize layer', (d) => resizeNode(d, node.id, v))} />
      </div>
      <CheckField
        label="Freeze biases"
        checked={node.frozen ?? false}
        hint="Training leaves frozen biases alone."
        onChange={(on) => edit(on ? 'Freeze biases' : 'Thaw biases', (d) => setFrozen(d, [node.id], [], on))}
      />
      <Section title="Biases">
        {node.size <= MAX_EXPAND ? (
          node.biases.map((b, j) => (
            <ParamControl key={j} label={`unit ${j + 1}`} value={b} onChange={(v, g) => edit('Set bias', (d) => setBias(d, node.id, j, v), coalesce(`b:${node.id}:${j}`, g))} />
          ))
        ) : (
          <p className="nl-hint">
            {plural(node.size, 'bias', 'biases')} from {fmt(Math.min(...node.biases))} to {fmt(Math.max(...node.biases))}.
          </p>
        )}
      </Section>
      <Section title="Neurons">
        <p className="nl-hint">{expandWhy ?? `Show the ${node.size} units as separate neurons, to wire or edit them one by one. Their function stays the same.`}</p>
        <button
          type="button"
          className="nl-button is-small"
          disabled={expandWhy !== null}
          data-testid="expand"
          onClick={() => {
            const r = docs.getState().edit('Expand layer', ({ doc: d, meta }) => {
              const out = expandLayer(d, node.id);
              const view = readViewState(meta.view);
              const groups = { ...(view.groups ?? {}), [node.id]: { neurons: out.neuronIds, label: node.label } };
              return { snapshot: { doc: out.doc, meta: { ...meta, view: { ...meta.view, groups } } }, select: { nodes: new Set(out.neuronIds), edges: new Set() } };
            });
            if (!r.ok) runtime.getState().notify(r.reason, 'error');
          }}
        >
          Expand into neurons
        </button>
      </Section>
      <WeightList doc={doc} edges={doc.edges.filter((e) => e.target === node.id)} other="source" title="Incoming weights" />
      <WeightList doc={doc} edges={doc.edges.filter((e) => e.source === node.id)} other="target" title="Outgoing weights" />
      <ConnectTo id={node.id} />
      <DeleteButton id={node.id} />
    </>
  );
});

type InputShape = 'scalar' | 'vector' | 'image';

export const InputPanel = memo(function InputPanel({ doc, node }: { doc: NetworkDocument; node: InputNode }) {
  const edit = useEdit();
  const runtime = useRuntimeStore();
  const value = useRuntime((s) => s.probe.activations.get(node.id)?.[0]);
  const shape: InputShape = node.image ? 'image' : node.size === 1 ? 'scalar' : 'vector';
  const setShape = (s: InputShape): void => {
    if (s === 'scalar') edit('Make a single number', (d) => resizeNode(d, node.id, 1));
    else if (s === 'image') edit('Make a 28×28 image', (d) => resizeNode(d, node.id, 784, { width: 28, height: 28 }));
    else edit('Make a vector', (d) => resizeNode(d, node.id, node.size > 1 && !node.image ? node.size : 2));
  };
  return (
    <>
      <Header kind="Input" title={node.label} />
      <Common id={node.id} label={node.label} />
      <SelectField<InputShape>
        label="Feeds"
        value={shape}
        options={[
          { value: 'scalar', label: 'One number' },
          { value: 'vector', label: 'A vector of numbers' },
          { value: 'image', label: 'A 28×28 image (784 numbers)' },
        ]}
        onChange={setShape}
      />
      {shape === 'vector' && (
        <div className="nl-field">
          <NumberField label="Values" value={node.size} integer min={1} max={100_000} onCommit={(v) => edit('Resize input', (d) => resizeNode(d, node.id, v))} />
        </div>
      )}
      {shape === 'scalar' && value !== undefined && (
        <ParamControl label="Probe value" value={value} floor={1} testId="probe-value" onChange={(v) => runtime.getState().setProbeInput(node.id, [v])} />
      )}
      {shape === 'image' && <p className="nl-hint">Draw the probe image in the Probe panel below the canvas.</p>}
      <WeightList doc={doc} edges={doc.edges.filter((e) => e.source === node.id)} other="target" title="Outgoing weights" />
      <ConnectTo id={node.id} />
      <DeleteButton id={node.id} />
    </>
  );
});

export const OutputPanel = memo(function OutputPanel({ doc, node }: { doc: NetworkDocument; node: OutputNode }) {
  const edit = useEdit();
  const values = useRuntime((s) => s.probe.activations.get(node.id));
  const labels = new Map(doc.nodes.map((n) => [n.id, n.label]));
  const reads = doc.edges.filter((e) => e.target === node.id);
  return (
    <>
      <Header kind="Output" title={node.label} />
      <Common id={node.id} label={node.label} />
      <SelectField<CostName> label="Cost" value={node.cost} options={COSTS} testId="cost" onChange={(v) => edit('Set cost', (d) => setCost(d, node.id, v))} />
      <Section title="Prediction">
        {reads.length === 0 ? (
          <p className="nl-hint">Connect the neurons or layers whose activations are the network’s prediction.</p>
        ) : (
          <p className="nl-hint">Reads {reads.map((e) => `“${labels.get(e.source)}”`).join(', ')}, in this order.</p>
        )}
        {values && values.length > 0 && (
          <ol className="nl-output-values" start={0}>
            {Array.from(values, (v, j) => (
              <li key={j}>{fmt(v)}</li>
            ))}
          </ol>
        )}
      </Section>
      <ConnectTo id={node.id} />
      <DeleteButton id={node.id} />
    </>
  );
});
