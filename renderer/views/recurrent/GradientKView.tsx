/**
 * ||dC/dx_1|| against the delay k, on a log scale: how much of the error at
 * the end of a delayed-recall sequence reaches its first input, for the
 * network on the canvas and for the other cell of the same size. The plain
 * layer's curve falls as a straight line (geometric decay, section 5.1); the
 * LSTM's, carried by rem_t, falls far more slowly (section 5.2).
 *
 * It is measured a chunk at a time between frames (gradient-k.ts), after the
 * edits have settled, and each curve is kept with its model: editing the
 * network measures its own curve again, not the fresh one beside it.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { SequenceModel } from '../../../engine/recurrent/model';
import { fmt } from '../../app/format';
import { useDoc } from '../../store/context';
import { ChartFrame } from '../../training/components/ChartFrame';
import { sequencePlan } from './sequence-plan';
import { chunkPlan, decadeTicks, DEFAULT_KS, gradientSetup, measureCurves, samplesFor, type GradientPoint, type GradientProgress } from './gradient-k';

/** The seed of the delayed-recall sequences the measure draws (engine/recurrent/vanishing.ts's default). */
const DATA_SEED = 1;
/** Edits closer together than this are one: the measure starts after the last. */
const SETTLE_MS = 250;
/** The chart shows the curves growing at most this often while they are measured. */
const PROGRESS_MS = 250;
const COLOUR = { lstm: '#2563eb', rnn: '#d97706' } as const;

/** Finished curves, kept with their model and the chunks they were measured with. */
const measured = new WeakMap<SequenceModel, { plan: string; points: GradientPoint[] }>();

const SUPERSCRIPT: Readonly<Record<string, string>> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
export function decade(v: number): string {
  return `10${String(Math.round(v)).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}

type Row = { k: number } & Record<string, number | null>;

interface Progress {
  points: GradientPoint[][];
  /** Per curve: an old measurement, shown until the new one is done. */
  stale: boolean[];
  done: number;
  total: number;
  longestMs: number;
  elapsedMs: number;
  models: readonly SequenceModel[];
}

export const GradientKView = memo(function GradientKView({ height }: { height: number }) {
  const doc = useDoc((s) => s.doc);
  const seed = useDoc((s) => s.meta.seed);
  const remBias = useDoc((s) => s.meta.hyperparameters.remBias);
  const result = sequencePlan(doc);
  const node = doc.nodes.find((n) => n.kind === 'recurrent');
  const plan = result?.plan ?? null;
  const cell = node?.kind === 'recurrent' ? node.cell : null;
  const size = node?.kind === 'recurrent' ? node.size : 0;
  const setup = useMemo(() => (cell ? gradientSetup(plan, { cell, size }, seed, remBias === undefined ? {} : { remBias }) : null), [plan, cell, size, seed, remBias]);
  const models = useMemo(() => setup?.curves.map((c) => c.model) ?? [], [setup]);
  const samples = samplesFor(size);
  const planKey = useMemo(() => JSON.stringify(chunkPlan(models, DEFAULT_KS, samples, DATA_SEED)), [models, samples]);
  const [progress, setProgress] = useState<Progress | null>(null);
  // The last finished curves, drawn faded while an edit's new ones are measured, so the chart does not blink on every edit.
  const last = useRef<{ key: string; points: GradientPoint[][] } | null>(null);
  const curvesKey = `${setup?.curves.map((c) => `${c.cell}:${c.current}`).join(',')}|${samples}`;

  useEffect(() => {
    if (models.length === 0) return;
    const known = models.map((m) => {
      const c = measured.get(m);
      return c && c.plan === planKey ? c.points : null;
    });
    const missing = models.map((_, i) => i).filter((i) => known[i] === null);
    const previous = last.current?.key === curvesKey ? last.current.points : null;
    const show = (p: GradientProgress | null): void => {
      const finished = missing.length === 0 || (p !== null && p.done === p.total);
      const stale = models.map((_, i) => known[i] === null && !finished && (previous?.[i]?.length ?? 0) > 0);
      const points = models.map((_, i) => known[i] ?? (stale[i] ? (previous?.[i] ?? []) : (p?.points[missing.indexOf(i)] ?? [])));
      if (finished) last.current = { key: curvesKey, points };
      setProgress({ points, stale, done: p?.done ?? 0, total: p?.total ?? 0, longestMs: p?.longestMs ?? 0, elapsedMs: p?.elapsedMs ?? 0, models });
    };
    show(null);
    if (missing.length === 0) return;
    let cancel = (): void => undefined;
    let shown = 0;
    const timer = window.setTimeout(() => {
      cancel = measureCurves(
        missing.map((i) => models[i]),
        (p) => {
          // A chart redraw costs more than a chunk: show progress a few times a second, and the end.
          const now = performance.now();
          if (p.done === p.total || now - shown > PROGRESS_MS) {
            shown = now;
            show(p);
          }
          if (p.done === p.total) missing.forEach((i, j) => measured.set(models[i], { plan: planKey, points: p.points[j] }));
        },
        { ks: DEFAULT_KS, samples, seed: DATA_SEED, chunkModels: models },
      );
    }, SETTLE_MS);
    return () => {
      window.clearTimeout(timer);
      cancel();
    };
  }, [models, planKey, samples, curvesKey]);

  const rows = useMemo((): Row[] => {
    // Until an edit's curves are set up (the effect after this render), the last ones stay on screen.
    const pts = progress && progress.models.length === models.length ? progress.points : [];
    return DEFAULT_KS.map((k) => {
      const row: Row = { k };
      pts.forEach((curve, i) => {
        const point = curve.find((x) => x.k === k);
        row[`c${i}`] = point ? point.meanLog / Math.LN10 : null;
      });
      return row;
    });
  }, [progress, models]);

  if (!setup || !node) {
    return <p className="nl-view-empty">This view compares how far a gradient reaches back in an LSTM and in a plain recurrent layer. Add an LSTM from the palette.</p>;
  }
  const values = rows.flatMap((r) => setup.curves.map((_, i) => r[`c${i}`])).filter((v): v is number => v !== null && Number.isFinite(v));
  const ticks = values.length > 0 ? decadeTicks(Math.min(...values), Math.max(...values)) : [-3, -2, -1, 0];
  const legend = setup.curves.map((c) => ({ name: c.label, color: COLOUR[c.cell], dashed: !c.current }));
  const busy = progress !== null && progress.total > 0 && progress.done < progress.total;
  const finished = progress !== null && progress.total > 0 && progress.done === progress.total;
  const csv = (): string => {
    const lines = ['k', ...setup.curves.map((c) => `"${c.label} mean ||dC/dx_1||"`), ...setup.curves.map((c) => `"${c.label} geometric mean"`)].join(',');
    const pts = progress?.points ?? [];
    const body = DEFAULT_KS.map((k) => [k, ...pts.map((c) => c.find((x) => x.k === k)?.norm ?? ''), ...pts.map((c) => { const x = c.find((y) => y.k === k); return x ? Math.exp(x.meanLog) : ''; })].join(','));
    return `${[lines, ...body].join('\n')}\n`;
  };
  return (
    <ChartFrame title="How far back the gradient reaches" csv={csv} testId="gradient-k-view">
      <div className="nl-view-bar">
        <span className="nl-legend" data-testid="gradient-k-legend">
          {legend.map((l) => (
            <span key={l.name} className="nl-legend-item">
              <svg width="26" height="8" aria-hidden="true">
                <line x1="1" x2="25" y1="4" y2="4" stroke={l.color} strokeWidth="3" strokeDasharray={l.dashed ? '6 4' : undefined} />
              </svg>
              {l.name}
            </span>
          ))}
        </span>
        <span className="nl-stat" data-testid="gradient-k-status" data-state={busy ? 'measuring' : finished || !progress?.total ? 'done' : 'waiting'}>
          {busy
            ? `measuring… ${progress.done}/${progress.total}`
            : finished
              ? `${samples} sequences per k, measured in ${Math.round(progress.elapsedMs)} ms (longest step ${fmt(progress.longestMs, 2)} ms)`
              : `${samples} sequences per k`}
        </span>
      </div>
      <p className="nl-hint nl-gradient-note">
        Delayed recall of length k + 1: the one target, at the last step, is the first symbol, so the gradient that teaches the network to keep it must go back k steps.
        {setup.note ? ` ${setup.note}` : ''}
      </p>
      <LineChart responsive style={{ width: '100%', height: Math.max(160, height - 150) }} data={rows} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="k" type="number" domain={[0, DEFAULT_KS[DEFAULT_KS.length - 1]]} ticks={[...DEFAULT_KS]} label={{ value: 'delay k (steps back)', position: 'insideBottom', offset: -14 }} />
        <YAxis
          type="number"
          width={76}
          domain={[ticks[0], ticks[ticks.length - 1]]}
          ticks={ticks}
          tickFormatter={decade}
          allowDataOverflow
          label={{ value: '‖dC/dx₁‖ (log scale)', angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }}
        />
        <Tooltip
          formatter={(v) => (typeof v === 'number' ? fmt(10 ** v, 3) : String(v))}
          labelFormatter={(k) => `k = ${String(k)}`}
          isAnimationActive={false}
          contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border-strong)', borderRadius: 6, color: 'var(--text)' }}
        />
        {setup.curves.map((c, i) => (
          <Line
            key={`c${i}`}
            dataKey={`c${i}`}
            name={c.label}
            stroke={COLOUR[c.cell]}
            strokeWidth={2.5}
            strokeDasharray={c.current ? undefined : '7 4'}
            strokeOpacity={progress?.stale[i] ? 0.35 : 1}
            dot={{ r: 3 }}
            isAnimationActive={false}
            connectNulls
            type="linear"
          />
        ))}
      </LineChart>
      <table className="sr-only" data-testid="gradient-k-table">
        <caption>Geometric mean of ‖dC/dx₁‖ over {samples} sequences, for each delay k</caption>
        <thead>
          <tr>
            <th scope="col">k</th>
            {setup.curves.map((c) => (
              <th key={c.label} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.k}>
              <th scope="row">{r.k}</th>
              {setup.curves.map((c, i) => (
                <td key={c.label}>{r[`c${i}`] === null ? '' : fmt(10 ** (r[`c${i}`] as number), 4)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ChartFrame>
  );
});
