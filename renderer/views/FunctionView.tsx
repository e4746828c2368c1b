/**
 * The function view of a 1-input network: its output against x, the target
 * f(x) when the project has one, each hidden unit's weighted contribution to
 * the output neuron, and the mean deviation. It recomputes from the document
 * on every edit, so it follows a dragged slider within the same frame; the
 * sampler keeps every unit's activations and evaluates again only the blocks
 * an edit changed.
 */
import { memo, useMemo, useRef, useState } from 'react';
import { functionSpec } from '../../engine/datasets/functions';
import { SERIES_COLOURS } from '../app/colours';
import { fmt, fmtActivation } from '../app/format';
import { NumberField } from '../inspector/NumberField';
import { useStableCallback } from '../inspector/use-stable-callback';
import { compiled, inputVector } from '../graph/probe';
import { useDoc, useDocStore, useRuntime, useRuntimeStore } from '../store/context';
import { LinePlot, type PlotSeries } from './LinePlot';
import { CurveSampler, meanDeviation, resultSize } from './sampling';
import { paddedDomain, settledDomain } from './ticks';
import { useSize } from './use-size';
import { useViewState } from './use-view-state';
import { isRecurrentNetwork } from '../../engine/recurrent/network';
import { SequenceNote } from './recurrent/SequenceNote';

const TABLE_POINTS = 11;
const DEFAULT_RANGE: readonly [number, number] = [0, 1];
/** Outputs beyond these are plotted but not named one by one. */
const LEGEND_MAX = 8;
const STAT_MAX = 6;

function joinCapped(values: string[], max: number): string {
  return values.length <= max ? values.join(', ') : `${values.slice(0, max).join(', ')}, … (${values.length} values)`;
}

export const FunctionView = memo(function FunctionView() {
  const doc = useDoc((s) => s.doc);
  const docs = useDocStore();
  const runtime = useRuntimeStore();
  const probeInputs = useRuntime((s) => s.probeInputs);
  const probeOut = useRuntime((s) => s.probe.output);
  const view = useViewState();
  const { ref: box, width, height } = useSize<HTMLDivElement>();
  const xRange = view.settings?.xRange ?? DEFAULT_RANGE;
  const target = view.settings?.target ? functionSpec(view.settings.target) : undefined;
  const f1 = target && target.domain.length === 1 ? target.f : null;
  const input = doc.nodes.find((n) => n.kind === 'input');
  const c = compiled(doc);
  const [sampler] = useState(() => new CurveSampler());
  // The plots' y domains as last drawn: they follow the data without refitting on every frame of a drag.
  const domains = useRef<{ main: [number, number] | null; contrib: [number, number] | null }>({ main: null, contrib: null });

  const data = useMemo(() => {
    if (!c.plan || !input || resultSize(c.plan) === 0) return null;
    const labels = new Map(doc.nodes.map((n) => [n.id, n.label]));
    // 10k + 1 samples put a sample exactly on each of the table's 11 points.
    const count = 10 * Math.max(10, Math.min(30, Math.round(width * 0.045))) + 1;
    const base = inputVector(doc, probeInputs);
    const curve = sampler.sample(c.plan, labels, xRange, count, base, 0);
    return { curve, targetYs: f1 ? targetOn(curve.xs, f1) : null };
  }, [c.plan, doc, probeInputs, xRange, width, f1, input, sampler]);

  const setFrom = useStableCallback((v: number) => setRange(docs, [v, xRange[1]]));
  const setTo = useStableCallback((v: number) => setRange(docs, [xRange[0], v]));
  if (!input) return <p className="nl-view-empty">Add an Input node to see the network as a function of x.</p>;
  if (isRecurrentNetwork(doc)) return <SequenceNote />;
  if (c.error) return <p className="nl-view-empty nl-field-error">{c.error}</p>;
  if (!data) return <p className="nl-view-empty">Connect a neuron to the Output to see what the network computes.</p>;

  const { curve, targetYs } = data;
  const probeX = probeInputs[input.id]?.[0] ?? inputVector(doc, probeInputs)[0];
  const series: PlotSeries[] = [];
  if (targetYs) series.push({ key: 'target', label: `target ${target?.label ?? ''}`, xs: curve.xs, ys: targetYs, colour: 'var(--muted)', width: 2, dash: '6 5' });
  curve.outputs.forEach((s, i) => series.push({ key: `out${i}`, label: s.label, xs: curve.xs, ys: s.values, colour: SERIES_COLOURS[i % SERIES_COLOURS.length], width: 2.5 }));
  const yDomain = (domains.current.main = settledDomain(domains.current.main, paddedDomain([...curve.outputs.map((s) => s.values), ...(targetYs ? [targetYs] : [])], 0.2)));
  const deviation = targetYs && curve.outputs.length === 1 ? meanDeviation(curve.outputs[0].values, targetYs) : null;
  const contrib = curve.contributions;
  const contribDomain = contrib.length > 0 ? (domains.current.contrib = settledDomain(domains.current.contrib, paddedDomain(contrib.map((s) => s.values), 0.2))) : null;
  const mainWidth = contrib.length > 0 ? Math.round(width * 0.62) : width;
  const plotHeight = Math.max(120, height - 4);
  const pickX = (x: number): void => runtime.getState().setProbeInput(input.id, [x]);
  const atProbe = (() => {
    const k = Math.round(((probeX - xRange[0]) / (xRange[1] - xRange[0])) * (curve.xs.length - 1));
    return k >= 0 && k < curve.xs.length ? k : null;
  })();
  const tableXs = Array.from({ length: TABLE_POINTS }, (_, i) => xRange[0] + ((xRange[1] - xRange[0]) * i) / (TABLE_POINTS - 1));
  const valueAt = (x: number, s: ArrayLike<number>): number => {
    const k = Math.round(((x - xRange[0]) / (xRange[1] - xRange[0])) * (curve.xs.length - 1));
    return s[Math.max(0, Math.min(curve.xs.length - 1, k))];
  };

  return (
    <div className="nl-function-view" data-testid="function-view">
      <div className="nl-view-bar">
        <span className="nl-legend">
          {series.slice(0, LEGEND_MAX).map((s) => (
            <span key={s.key} className="nl-legend-item">
              <span className="nl-swatch" style={{ background: s.colour, opacity: s.dash ? 0.7 : 1 }} />
              {s.label}
            </span>
          ))}
          {series.length > LEGEND_MAX && <span className="nl-legend-item">and {series.length - LEGEND_MAX} more</span>}
        </span>
        {deviation !== null && (
          <span className="nl-stat" data-testid="deviation">
            mean |output − f| = {fmt(deviation, 3)}
          </span>
        )}
        {(probeOut || atProbe !== null) && (
          <span className="nl-stat" data-testid="function-at-probe">
            at x = {fmt(probeX, 3)}:{' '}
            {joinCapped(probeOut ? Array.from(probeOut, (v) => fmtActivation(v)) : curve.outputs.map((s) => fmtActivation(s.values[atProbe ?? 0])), STAT_MAX)}
          </span>
        )}
        <span className="nl-range">
          <NumberField label="x from" value={xRange[0]} max={xRange[1] - 1e-9} onCommit={setFrom} />
          <NumberField label="to" value={xRange[1]} min={xRange[0] + 1e-9} onCommit={setTo} />
        </span>
      </div>
      <div className="nl-plots" ref={box}>
        {width > 0 && (
          <LinePlot
            width={mainWidth}
            height={plotHeight}
            xDomain={xRange}
            yDomain={yDomain}
            series={series}
            xLabel="x"
            yLabel="output"
            title={`Network output against x from ${fmt(xRange[0])} to ${fmt(xRange[1])}${deviation !== null ? `; mean deviation from the target ${fmt(deviation, 3)}` : ''}`}
            markerX={probeX}
            onPickX={pickX}
            testId="function-plot"
          />
        )}
        {width > 0 && contrib.length > 0 && (
          <LinePlot
            width={width - mainWidth}
            height={plotHeight}
            xDomain={xRange}
            yDomain={contribDomain ?? [0, 1]}
            series={contrib.map((s, i) => ({ key: `c${i}`, label: s.label, xs: curve.xs, ys: s.values, colour: SERIES_COLOURS[(i + 1) % SERIES_COLOURS.length], width: 1.5, opacity: contrib.length > 12 ? 0.55 : 0.9 }))}
            xLabel="x"
            yLabel="w · a of each hidden unit"
            title={`Weighted contributions of ${contrib.length} hidden units to the output neuron`}
            markerX={probeX}
            testId="contribution-plot"
          />
        )}
      </div>
      <table className="sr-only" data-testid="function-table">
        <caption>Network output at evenly spaced x</caption>
        <thead>
          <tr>
            <th scope="col">x</th>
            {curve.outputs.map((s) => (
              <th key={s.label} scope="col">
                {s.label}
              </th>
            ))}
            {targetYs && <th scope="col">target</th>}
          </tr>
        </thead>
        <tbody>
          {tableXs.map((x) => (
            <tr key={x}>
              <th scope="row">{fmt(x, 4)}</th>
              {curve.outputs.map((s) => (
                <td key={s.label}>{fmt(valueAt(x, s.values), 4)}</td>
              ))}
              {targetYs && <td>{fmt(valueAt(x, targetYs), 4)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

/** The target on the sample grid, computed once per grid (the grid only changes with the range or the width). */
const targets = new WeakMap<Float64Array, Map<(x: number) => number, Float64Array>>();
function targetOn(xs: Float64Array, f: (x: number) => number): Float64Array {
  let byF = targets.get(xs);
  if (!byF) targets.set(xs, (byF = new Map()));
  let ys = byF.get(f);
  if (!ys) byF.set(f, (ys = Float64Array.from(xs, (x) => f(x))));
  return ys;
}

/** The x range is a view setting of the project: saved with it, not an undo step of the network. */
function setRange(docs: ReturnType<typeof useDocStore>, range: [number, number]): void {
  if (!(range[0] < range[1])) return;
  docs.getState().edit('Set x range', ({ doc, meta }) => {
    const settings = { ...((meta.view.settings as Record<string, unknown> | undefined) ?? {}), xRange: range };
    return { doc, meta: { ...meta, view: { ...meta.view, settings } } };
  });
}
