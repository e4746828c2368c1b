/**
 * The gate view: the recurrent network on the canvas run over one sequence,
 * step by step. For the picked unit, its gates rem, save and focus (0 shut, 1
 * open), its candidate ltm', its long-term memory ltm and its working memory
 * wm as lines over the steps (h for a plain layer); beside them every unit as
 * a heatmap per quantity, with the input, the target and the readout's
 * output. It follows every edit and every weight snapshot a training run
 * writes back, since it reads the document.
 */
import { memo, useMemo, useState } from 'react';
import { traceSequence, type SequenceTrace } from '../../../engine/recurrent/trace';
import { SERIES_COLOURS } from '../../app/colours';
import { fmt } from '../../app/format';
import { useDoc } from '../../store/context';
import { useExportFile } from '../../training/context';
import { LinePlot, type PlotSeries } from '../LinePlot';
import { paddedDomain } from '../ticks';
import { useSize } from '../use-size';
import { outputMatrix, quantitiesOf, quantityMatrix, scaleFor, stateLines, stepAxis, stepsMatrix, traceCsv, unitLines, type Matrix, type QuantityKey } from './gate-series';
import { sequencePlan } from './sequence-plan';
import { chooseSequence, type ChosenSequence } from './sequence-source';
import { UnitTimeMap } from './UnitTimeMap';

/** A colour per quantity, the same in the lines, the legend and the inspector's swatches. */
export const QUANTITY_COLOUR: Readonly<Record<QuantityKey, string>> = {
  rem: '#2563eb',
  save: '#059669',
  focus: '#d97706',
  candidate: '#7c3aed',
  ltm: 'var(--text)',
  wm: '#db2777',
  h: '#2563eb',
};
const STYLE: Partial<Record<QuantityKey, Pick<PlotSeries, 'width' | 'dash' | 'opacity'>>> = {
  candidate: { width: 1.5, dash: '5 4', opacity: 0.85 },
  ltm: { width: 3 },
  wm: { width: 2, dash: '2 3' },
};

interface MapSpec {
  key: string;
  title: string;
  meaning: string;
  matrix: Matrix;
  lo: number;
  hi: number;
  scale: 'sequential' | 'signed';
  rowName(i: number): string;
  pickable: boolean;
}

/** The heatmaps: the input, every quantity of the cell, the readout's output and the target. */
function mapsFor(trace: SequenceTrace, seq: ChosenSequence, p: number, o: number): MapSpec[] {
  const feature = (i: number): string => (seq.featureNames[i] !== undefined ? `${seq.task === 'classification' ? 'symbol' : 'feature'} ${seq.featureNames[i]}` : `feature ${i + 1}`);
  const outputName = (i: number): string => (seq.classNames?.[i] !== undefined ? `class ${seq.classNames[i]}` : o === 1 ? 'output' : `output ${i + 1}`);
  const signedOrUnit = (m: Pick<Matrix, 'min' | 'max'>): Pick<MapSpec, 'lo' | 'hi' | 'scale'> =>
    m.min >= 0 && m.max <= 1 ? { lo: 0, hi: 1, scale: 'sequential' } : { ...scaleFor({ range: null, scale: 'signed' }, m), scale: 'signed' };
  const input = stepsMatrix(seq.inputs, p);
  const out = outputMatrix(trace);
  const maps: MapSpec[] = [{ key: 'input', title: 'x_t', meaning: 'the input', matrix: input, ...signedOrUnit(input), rowName: feature, pickable: false }];
  for (const q of quantitiesOf(trace)) {
    const m = quantityMatrix(trace, q.key);
    maps.push({ key: q.key, title: q.symbol, meaning: q.meaning, matrix: m, ...scaleFor(q, m), scale: q.scale, rowName: (i) => `unit ${i + 1}`, pickable: true });
  }
  const target = seq.targets.some((t) => t !== null) ? stepsMatrix(seq.targets, o) : null;
  // The output and the target share one colour scale, so equal colours mean equal values.
  const both = signedOrUnit(target ? { min: Math.min(out.min, target.min), max: Math.max(out.max, target.max) } : out);
  maps.push({ key: 'output', title: 'y_t', meaning: 'the readout', matrix: out, ...both, rowName: outputName, pickable: false });
  if (target) maps.push({ key: 'target', title: 'target', meaning: 'what it should say', matrix: target, ...both, rowName: outputName, pickable: false });
  return maps;
}

function argmax(row: readonly number[]): number {
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
  return best;
}

/** What the network answers where the last target is, against the target. */
function answer(trace: SequenceTrace, seq: ChosenSequence): string | null {
  let t = seq.targets.length - 1;
  while (t >= 0 && seq.targets[t] === null) t--;
  if (t < 0) return null;
  const target = seq.targets[t] as number[];
  const out = trace.steps[t].output;
  if (seq.task === 'classification') {
    const name = (j: number): string => seq.classNames?.[j] ?? String(j);
    const said = argmax(out);
    const want = argmax(target);
    return `step ${t + 1}: target ${name(want)}, the network says ${name(said)} (${fmt(out[said], 2)})${said === want ? ' ✓' : ''}`;
  }
  return `step ${t + 1}: target ${target.map((v) => fmt(v, 3)).join(', ')}, output ${out.map((v) => fmt(v, 3)).join(', ')}`;
}

export const GateView = memo(function GateView() {
  const doc = useDoc((s) => s.doc);
  const dataset = useDoc((s) => s.meta.dataset);
  const seed = useDoc((s) => s.meta.seed);
  const name = useDoc((s) => s.meta.name);
  const exportFile = useExportFile();
  const [index, setIndex] = useState(0);
  const [chosenUnit, setUnit] = useState(0);
  const { ref: box, width, height } = useSize<HTMLDivElement>();
  const result = sequencePlan(doc);
  const plan = result?.plan ?? null;
  const p = plan?.model.spec.inputSize ?? 0;
  const o = plan?.model.spec.outputSize ?? 0;
  const d = plan?.model.spec.hiddenSize ?? 0;
  const outputs = plan?.outputs ?? 'last';
  const seq = useMemo(() => (p > 0 ? chooseSequence(dataset, p, o, outputs, seed, index) : null), [dataset, p, o, outputs, seed, index]);
  const model = plan?.model ?? null;
  const trace = useMemo(() => (model && seq ? traceSequence(model, seq.inputs) : null), [model, seq]);
  const maps = useMemo(() => (trace && seq ? mapsFor(trace, seq, p, o) : []), [trace, seq, p, o]);
  const unit = Math.min(chosenUnit, Math.max(0, d - 1));

  if (!result) {
    return <p className="nl-view-empty">This view runs an LSTM over a sequence and shows its gates. Add an LSTM from the palette and wire Input → LSTM → Layer → Output.</p>;
  }
  if (!plan || !seq || !trace) {
    const why = (result.error ?? '').replace(/^Cannot train:\s*/, '');
    return (
      <p className="nl-view-empty" data-testid="gate-view-empty">
        To run a sequence through it, {why}
      </p>
    );
  }

  const T = seq.inputs.length;
  const xs = stepAxis(T);
  const xDomain: [number, number] = T > 1 ? [1, T] : [0.5, 1.5];
  const lines: PlotSeries[] =
    trace.cell === 'lstm'
      ? unitLines(trace, unit).map((l) => ({ key: l.key, label: l.label, xs, ys: l.ys, colour: QUANTITY_COLOUR[l.key], width: 2.25, ...STYLE[l.key] }))
      : stateLines(trace).map((ys, i) => ({
          key: `h${i}`,
          label: `h_t of unit ${i + 1}`,
          xs,
          ys,
          colour: SERIES_COLOURS[i % SERIES_COLOURS.length],
          width: i === unit ? 3 : 1.25,
          opacity: i === unit ? 1 : 0.45,
        }));
  const yDomain = paddedDomain([...lines.map((l) => l.ys), [0, 1], trace.cell === 'lstm' ? [-1] : []], 0.2);
  const said = answer(trace, seq);
  const plotWidth = Math.max(260, Math.round(width * 0.46));
  const mapsWidth = Math.max(0, width - plotWidth - 12);
  const columns = maps.length > 6 ? 3 : 2;
  const mapRows = Math.ceil(maps.length / columns);
  const mapW = Math.floor((mapsWidth - (columns - 1) * 8) / columns);
  const mapH = Math.max(40, Math.floor((height - (mapRows - 1) * 6) / mapRows));
  const csv = (): void => void exportFile(`${name} gates, sequence ${index + 1}.csv`, traceCsv(trace), 'csv');

  return (
    <div className="nl-gate-view" data-testid="gate-view" data-cell={trace.cell}>
      <div className="nl-view-bar">
        <span className="nl-gate-desc" data-testid="gate-sequence">
          {seq.description}
        </span>
        <span className="nl-gate-tools">
          <button type="button" className="nl-button is-small" disabled={index === 0} onClick={() => setIndex(index - 1)} title="The sequence before this one">
            ◀
          </button>
          <button type="button" className="nl-button is-small" data-testid="gate-next" onClick={() => setIndex(index + 1)}>
            Next sequence
          </button>
          <label className="nl-inline">
            <span>{trace.cell === 'lstm' ? 'Unit' : 'Highlight unit'}</span>
            <select value={unit} data-testid="gate-unit" onChange={(e) => setUnit(Number(e.target.value))}>
              {Array.from({ length: d }, (_, i) => (
                <option key={i} value={i}>
                  {i + 1}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="nl-button is-small" title="Save every value of this trace as CSV" onClick={csv}>
            CSV
          </button>
        </span>
      </div>
      <div className="nl-view-bar">
        {trace.cell === 'lstm' && (
          <span className="nl-legend" data-testid="gate-legend">
            {lines.map((s) => (
              <span key={s.key} className="nl-legend-item">
                <span className="nl-swatch" style={{ background: s.colour, opacity: s.dash ? 0.75 : 1 }} />
                {s.label}
              </span>
            ))}
          </span>
        )}
        {said && (
          <span className="nl-stat" data-testid="gate-answer">
            {said}
          </span>
        )}
      </div>
      <div className="nl-gate-body" ref={box}>
        {width > 0 && height > 0 && (
          <>
            <LinePlot
              width={plotWidth}
              height={height}
              xDomain={xDomain}
              yDomain={yDomain}
              series={lines}
              xLabel="step t"
              yLabel={trace.cell === 'lstm' ? `unit ${unit + 1}` : 'h_t'}
              title={trace.cell === 'lstm' ? `Unit ${unit + 1} of the LSTM over ${T} steps: rem, save, focus, ltm′, ltm and wm` : `Every unit's state h over ${T} steps`}
              testId="gate-plot"
            />
            {mapW > 40 && (
              <div className="nl-gate-maps" style={{ gridTemplateColumns: `repeat(${columns}, ${mapW}px)` }}>
                {maps.map((m) => (
                  <UnitTimeMap
                    key={m.key}
                    title={m.title}
                    meaning={m.meaning}
                    matrix={m.matrix}
                    lo={m.lo}
                    hi={m.hi}
                    scale={m.scale}
                    rowName={m.rowName}
                    selectedRow={m.pickable ? unit : null}
                    onPickRow={m.pickable ? setUnit : undefined}
                    width={mapW}
                    height={mapH}
                    testId={`gate-map-${m.key}`}
                  />
                ))}
              </div>
            )}
          </>
        )}
      </div>
      <table className="sr-only" data-testid="gate-table">
        <caption>
          {trace.cell === 'lstm' ? `Unit ${unit + 1} at each step` : 'Each unit’s state at each step'}
        </caption>
        <thead>
          <tr>
            <th scope="col">step</th>
            {lines.map((l) => (
              <th key={l.key} scope="col">
                {l.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: T }, (_, t) => (
            <tr key={t}>
              <th scope="row">{t + 1}</th>
              {lines.map((l) => (
                <td key={l.key}>{fmt(l.ys[t], 4)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
