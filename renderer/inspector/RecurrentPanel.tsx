/**
 * The inspector for a recurrent layer (LSTM or plain): its cell, size,
 * outputs, freezing and re-randomising, then its parameters by the seed's
 * names (W_g, U_g, b_g for each gate g), each gate with what it does in our
 * own words. Every change goes through the document store, so it undoes.
 */
import { memo, useMemo, useState } from 'react';
import type { NetworkDocument, RecurrentNode } from '../../engine/document';
import type { CellKind } from '../../engine/recurrent/layout';
import { fmt, plural } from '../app/format';
import { removeElements, setLabel } from '../graph/edit';
import { gatesOf, gateParamNames, type GateInfo } from '../graph/recurrent-gates';
import {
  gateBlock,
  inputEdgeOf,
  inputSizeOf,
  MAX_RECURRENT_SIZE,
  reRandomiseRecurrent,
  resizeRecurrent,
  setCell,
  setGateParameter,
  setOutputs,
  setRecurrentFrozen,
  type GateMatrix,
} from '../graph/recurrent-edit';
import { useDoc, useRuntimeStore } from '../store/context';
import { sequencePlan } from '../views/recurrent/sequence-plan';
import { ConnectTo } from './ConnectTo';
import { CheckField, Section, SelectField, TextField } from './fields';
import { NumberField } from './NumberField';
import { ParamControl } from './ParamControl';
import { ParamHeatmap } from './ParamHeatmap';
import { coalesce, useEdit } from './use-edit';
import { useStableCallback } from './use-stable-callback';
import { WeightList } from './WeightList';

const CELLS: { value: CellKind; label: string }[] = [
  { value: 'lstm', label: 'LSTM (rem, save, focus, candidate)' },
  { value: 'rnn', label: 'Plain recurrent, tanh' },
];
const OUTPUTS: { value: 'last' | 'every'; label: string }[] = [
  { value: 'last', label: 'After the last step (sequence → one)' },
  { value: 'every', label: 'At every step (sequence → sequence)' },
];
/** Up to this many units, each bias gets its own exact field. */
const BIAS_FIELDS = 8;

interface Picked {
  matrix: GateMatrix;
  gate: number;
  row: number;
  col: number;
}

function largestAbs(rows: readonly (readonly number[])[]): number {
  let m = 0;
  for (const r of rows) for (const v of r) m = Math.max(m, Math.abs(v));
  return m || 1;
}

export const RecurrentPanel = memo(function RecurrentPanel({ doc, node }: { doc: NetworkDocument; node: RecurrentNode }) {
  const edit = useEdit();
  const runtime = useRuntimeStore();
  const projectSeed = useDoc((s) => s.meta.seed);
  const remBias = useDoc((s) => s.meta.hyperparameters.remBias);
  const [drawSeed, setDrawSeed] = useState<number | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const seed = drawSeed ?? projectSeed;
  const init = remBias === undefined ? {} : { remBias };
  const d = node.size;
  const p = inputSizeOf(doc, node.id);
  const inEdge = inputEdgeOf(doc, node.id);
  const gates = gatesOf(node.cell);
  const plan = sequencePlan(doc);
  const params = plan?.plan ? plan.plan.model.params.length : null;

  const rename = useStableCallback((v: string) => edit('Rename', (x) => setLabel(x, node.id, v)));
  const onCell = useStableCallback((v: CellKind) => {
    setPicked(null);
    edit(v === 'lstm' ? 'Make an LSTM' : 'Make a plain recurrent layer', (x) => setCell(x, node.id, v, projectSeed, init));
  });
  const onSize = useStableCallback((v: number) => edit('Resize recurrent layer', (x) => resizeRecurrent(x, node.id, v, projectSeed, init)));
  const onOutputs = useStableCallback((v: 'last' | 'every') => edit('Set outputs', (x) => setOutputs(x, node.id, v)));
  const onFreeze = useStableCallback((on: boolean) => edit(on ? 'Freeze layer' : 'Thaw layer', (x) => setRecurrentFrozen(x, node.id, on)));
  const onPick = useStableCallback((matrix: GateMatrix, gate: number, row: number, col: number) => setPicked({ matrix, gate, row, col }));
  const reRandomise = (): void => {
    if (edit('Re-randomise layer', (x) => reRandomiseRecurrent(x, node.id, seed, init))) {
      setDrawSeed(seed + 1);
      runtime.getState().notify(`Drew fresh W, U and b for “${node.label}” with seed ${seed}.`, 'info');
    }
  };

  // Shared colour scales, so the gates' matrices compare at a glance.
  const wScale = useMemo(() => (inEdge?.weights ? largestAbs(inEdge.weights) : 1), [inEdge?.weights]);
  const uScale = useMemo(() => largestAbs(node.recurrentWeights), [node.recurrentWeights]);
  const pick = picked && picked.gate < gates.length && picked.row < d ? picked : null;
  // Each gate's blocks change only when the arrays they come from do: the other gates' heatmaps then skip their render.
  const blocks = useMemo(
    () => gates.map((g) => ({ W: inEdge?.weights ? gateBlock(inEdge.weights, g.index, d) : null, U: gateBlock(node.recurrentWeights, g.index, d), b: gateBlock(node.biases, g.index, d) })),
    [gates, inEdge?.weights, node.recurrentWeights, node.biases, d],
  );

  return (
    <>
      <header className="nl-inspector-header">
        <span className="nl-badge nl-kind-recurrent">{node.cell === 'lstm' ? 'LSTM' : 'Recurrent'}</span>
        <h2 data-testid="inspector-title">{node.label}</h2>
      </header>
      <p className="nl-hint">
        Reads its Input one step at a time and carries a memory from step to step. {plural(d, 'unit')}
        {p !== null ? `, ${plural(p, 'input feature')} per step` : ''}
        {params !== null ? `; ${plural(params, 'parameter')} in the network` : ''}.
      </p>
      <TextField label="Name" value={node.label} testId="node-name" onCommit={rename} />
      <SelectField<CellKind> label="Cell" value={node.cell} options={CELLS} testId="recurrent-cell" onChange={onCell} />
      <p className="nl-hint">
        Switching keeps the block both cells share (the plain layer’s tanh block is the LSTM’s candidate ltm′); the LSTM’s gates rem, save and focus are drawn fresh with
        seed {projectSeed}.
      </p>
      <div className="nl-field">
        <NumberField label="Units d" value={d} integer min={1} max={MAX_RECURRENT_SIZE} testId="recurrent-size" onCommit={onSize} />
      </div>
      <SelectField<'last' | 'every'> label="Answers" value={node.outputs} options={OUTPUTS} testId="recurrent-outputs" onChange={onOutputs} />
      <CheckField
        label="Freeze this layer"
        checked={node.frozen ?? false}
        hint="Training leaves W (on the connection from the Input), U and b alone."
        testId="recurrent-frozen"
        onChange={onFreeze}
      />
      <Section title="Fresh weights">
        <p className="nl-hint">
          Draws W and U as a trainer does (Glorot-uniform W, orthogonal U), biases 0 except b_r = {fmt(remBias ?? 1)}. The readout keeps its weights.
        </p>
        <div className="nl-inline">
          <NumberField label="seed" value={seed} integer min={0} max={0xffffffff} onCommit={setDrawSeed} testId="recurrent-seed" />
          <button type="button" className="nl-button is-small" data-testid="recurrent-rerandomise" onClick={reRandomise}>
            Re-randomise this layer
          </button>
        </div>
      </Section>
      <Section title="See it run">
        <div className="nl-inline">
          <button type="button" className="nl-button is-small" data-testid="open-gate-view" onClick={() => runtime.getState().setViewTab('gates')}>
            Gate view
          </button>
          <button type="button" className="nl-button is-small" onClick={() => runtime.getState().setViewTab('gradientVsK')}>
            Gradient against k
          </button>
        </div>
      </Section>
      <section className="nl-inspector-section nl-gates" data-testid="recurrent-gates">
        <h3>Parameters, by the seed’s names</h3>
        {!inEdge && <p className="nl-hint">Connect an Input to see and edit W, the weights of the input at each step.</p>}
        {gates.map((g) => (
          <GateParameters
            key={`${node.cell}-${g.index}`}
            gate={g}
            d={d}
            W={blocks[g.index].W}
            U={blocks[g.index].U}
            b={blocks[g.index].b}
            wScale={wScale}
            uScale={uScale}
            picked={pick && pick.gate === g.index ? pick : null}
            onPick={onPick}
            nodeId={node.id}
          />
        ))}
      </section>
      <WeightList doc={doc} edges={doc.edges.filter((e) => e.target === node.id)} other="source" title="From the Input (W, all gates)" />
      <WeightList doc={doc} edges={doc.edges.filter((e) => e.source === node.id)} other="target" title="To the readout (W_y)" />
      <ConnectTo id={node.id} />
      <button type="button" className="nl-button is-danger is-small nl-delete" onClick={() => edit('Delete', (x) => removeElements(x, [node.id]))}>
        Delete node
      </button>
    </>
  );
});

const GateParameters = memo(function GateParameters({
  gate,
  d,
  W,
  U,
  b,
  wScale,
  uScale,
  picked,
  onPick,
  nodeId,
}: {
  gate: GateInfo;
  d: number;
  W: number[][] | null;
  U: number[][];
  b: number[];
  wScale: number;
  uScale: number;
  picked: Picked | null;
  onPick(matrix: GateMatrix, gate: number, row: number, col: number): void;
  nodeId: string;
}) {
  const edit = useEdit();
  const names = gateParamNames(gate);
  const setParam = useStableCallback((matrix: GateMatrix, row: number, col: number, v: number, g: string | null) =>
    edit(`Set ${names[matrix]}`, (x) => setGateParameter(x, nodeId, matrix, gate.index, row, col, v), coalesce(`${nodeId}:${matrix}:${gate.index}:${row}:${col}`, g)),
  );
  const value = picked ? (picked.matrix === 'W' ? W?.[picked.row]?.[picked.col] : picked.matrix === 'U' ? U[picked.row]?.[picked.col] : b[picked.row]) : undefined;
  return (
    <div className="nl-gate" data-testid={`gate-${gate.name}`}>
      <h4 className="nl-gate-title">
        <span className={`nl-gate-swatch is-${gate.name}`} aria-hidden="true" />
        {gate.quantity} <span className="nl-hint">({gate.name})</span>
      </h4>
      <p className="nl-gate-eq">{gate.equation}</p>
      <p className="nl-hint">{gate.explanation}</p>
      <div className="nl-gate-maps">
        {W && (
          <ParamHeatmap
            name={names.W}
            values={W}
            scale={wScale}
            rowName="unit"
            colName="input"
            picked={picked?.matrix === 'W' ? picked : null}
            onPick={(row, col) => onPick('W', gate.index, row, col)}
            testId={`map-${names.W}`}
          />
        )}
        <ParamHeatmap
          name={names.U}
          values={U}
          scale={uScale}
          rowName="unit"
          colName="from unit"
          picked={picked?.matrix === 'U' ? picked : null}
          onPick={(row, col) => onPick('U', gate.index, row, col)}
          testId={`map-${names.U}`}
        />
      </div>
      {picked && picked.matrix !== 'b' && value !== undefined && (
        <ParamControl
          label={`${names[picked.matrix]}[${picked.row + 1}][${picked.col + 1}]`}
          value={value}
          testId={`param-${names[picked.matrix]}`}
          onChange={(v, g) => setParam(picked.matrix, picked.row, picked.col, v, g)}
        />
      )}
      <div className="nl-gate-biases">
        <span className="nl-gate-bias-name">{names.b}</span>
        {d <= BIAS_FIELDS ? (
          b.map((v, i) => (
            <NumberField key={i} label={`${names.b}[${i + 1}]`} hideLabel value={v} testId={`bias-${names.b}-${i + 1}`} onCommit={(x) => setParam('b', i, 0, x, null)} />
          ))
        ) : (
          <span className="nl-hint">
            {plural(d, 'bias', 'biases')} from {fmt(Math.min(...b))} to {fmt(Math.max(...b))}; pick unit{' '}
            <NumberField label={`${names.b} unit`} hideLabel value={picked?.matrix === 'b' ? picked.row + 1 : 1} integer min={1} max={d} onCommit={(u) => onPick('b', gate.index, u - 1, 0)} /> to edit it
          </span>
        )}
      </div>
      {picked?.matrix === 'b' && d > BIAS_FIELDS && value !== undefined && (
        <ParamControl label={`${names.b}[${picked.row + 1}]`} value={value} onChange={(v, g) => setParam('b', picked.row, 0, v, g)} />
      )}
    </div>
  );
});
