/**
 * Training and test cost, and test accuracy (classification) or mean
 * deviation (regression), per epoch, for the current run and every run kept
 * for comparison, on the same axes.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useTraining, useTrainingStore } from '../context';
import { knownShape } from '../data/renderer-datasets';
import { useStaggered, useThrottledTraining } from '../hooks';
import { formatMetric, formatPercent } from '../format';
import { decimateRows, epochRows, metricsCsv, presentMetrics, runSeries, type MetricKey, type Row, type Series } from '../transforms';
import type { Run } from '../store';
import { ChartFrame } from './ChartFrame';
import { ChartLegend } from './ChartLegend';

const NO_RUNS: Run[] = [];

/** More points than this a chart cannot show apart anyway. */
const MAX_ROWS = 600;
/**
 * A chart is drawn at most this often: a fast run ends an epoch every few
 * tens of milliseconds, and a Recharts redraw costs about that much.
 */
export const CHART_INTERVAL_MS = 150;
/** How much later than the cost chart the accuracy chart redraws (more than a frame). */
const STAGGER_MS = 60;
/** Room for tick labels such as "97.5%" or "1e-3" and the axis title (a measured width would cost a layout per redraw). */
export const Y_AXIS_WIDTH = 76;

export interface TrainingChartProps {
  /** Height of each chart in CSS pixels. */
  height?: number;
}

/**
 * What an empty chart draws: invisible lines over two epochs, as many as
 * the run will bring. The first line a page draws runs a lot of Recharts
 * code for the first time (about 100 ms); this way that happens when the
 * view opens, not when the first epoch of a run comes in while the student
 * watches. The lines are keyed by their place, so the first epoch only
 * changes their data and colours: no line mounts in the middle of a run.
 */
export const WARM_UP_KEY = '__warm-up';
const WARM_UP_ROWS: Row[] = [
  { epoch: 1, [WARM_UP_KEY]: 0 },
  { epoch: 2, [WARM_UP_KEY]: 1 },
];
const WARM_UP_DOT = { r: 3, stroke: 'transparent', fill: 'transparent' };
/** Hollow dots on the panel's colour (Recharts fills them white, a glare in the dark theme). */
const LINE_DOT = { r: 3, fill: 'var(--tr-bg)' };

/** A line of a chart, keyed by its place (see the warm-up above). */
export function chartLine(i: number, line: { key: string; name: string; color: string; dashed?: boolean } | null, dots: boolean) {
  return (
    <Line
      key={`line-${i}`}
      dataKey={line?.key ?? WARM_UP_KEY}
      name={line?.name ?? ''}
      stroke={line?.color ?? 'transparent'}
      strokeWidth={2.5}
      strokeDasharray={line?.dashed ? '7 4' : undefined}
      dot={line ? (dots ? LINE_DOT : false) : WARM_UP_DOT}
      tooltipType={line ? undefined : 'none'}
      isAnimationActive={false}
      type="linear"
    />
  );
}

/** The tooltip's box in the theme's colours (Recharts paints it white, inline). */
export const TOOLTIP_STYLE = { background: 'var(--tr-bg)', border: '1px solid var(--tr-border)', borderRadius: 6, color: 'var(--tr-fg)' } as const;

const MetricChart = memo(function MetricChart({
  rows: given,
  series,
  slots,
  label,
  percent,
  height,
}: {
  rows: Row[];
  series: Series[];
  /** How many lines the empty chart holds ready. */
  slots: number;
  label: string;
  percent: boolean;
  height: number;
}) {
  const tick = percent ? (v: number) => formatPercent(v) : (v: number) => formatMetric(v);
  const empty = series.length === 0;
  const rows = empty ? WARM_UP_ROWS : given;
  const legend = useMemo(() => series.map((s) => ({ name: s.name, color: s.color, dashed: s.dashed })), [series]);
  return (
    <div className="nl-tr-chart" data-testid={`chart-${label}`}>
      <ChartLegend items={legend} testId={`legend-${label}`} />
      <LineChart responsive style={{ width: '100%', height }} data={rows} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="epoch"
          type="number"
          domain={[rows.length > 0 ? rows[0].epoch : 0, 'dataMax']}
          allowDecimals={false}
          label={{ value: 'epoch', position: 'insideBottom', offset: -14 }}
        />
        <YAxis width={Y_AXIS_WIDTH} tickFormatter={tick} domain={percent ? [(min: number) => Math.max(0, Math.floor(min * 10) / 10), 1] : ['auto', 'auto']} label={{ value: label, angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }} />
        <Tooltip
          formatter={(v) => (typeof v === 'number' ? tick(v) : String(v))}
          labelFormatter={(l) => `epoch ${String(l)}`}
          contentStyle={TOOLTIP_STYLE}
          isAnimationActive={false}
        />
        {empty ? Array.from({ length: slots }, (_, i) => chartLine(i, null, false)) : series.map((s, i) => chartLine(i, s, rows.length <= 30))}
      </LineChart>
    </div>
  );
});

export const TrainingChart = memo(function TrainingChart({ height = 300 }: TrainingChartProps) {
  const store = useTrainingStore();
  const runs: Run[] = useThrottledTraining((s) => s.runs, CHART_INTERVAL_MS);
  // Runs that have no epoch yet change nothing on the charts: the same empty list keeps them from redrawing.
  const shown = useMemo(() => {
    const withEpochs = runs.filter((r) => r.epochs.length > 0);
    return withEpochs.length === 0 ? NO_RUNS : withEpochs;
  }, [runs]);
  const costMetrics: MetricKey[] = useMemo(() => presentMetrics(shown, ['trainingCost', 'testCost']), [shown]);
  const cost = useMemo(() => {
    const series = runSeries(shown, costMetrics);
    return { series, rows: decimateRows(epochRows(shown, costMetrics), series.map((s) => s.key), MAX_ROWS) };
  }, [shown, costMetrics]);
  // The second chart redraws a little after the first, in a task and a frame of its own.
  const later = useStaggered(shown, STAGGER_MS);
  const qualityMetrics: MetricKey[] = useMemo(() => presentMetrics(later, ['testAccuracy', 'testDeviation']), [later]);
  const quality = useMemo(() => {
    return qualityMetrics.map((metric) => {
      const series = runSeries(later, [metric]);
      return { metric, series, rows: decimateRows(epochRows(later, [metric]), series.map((s) => s.key), MAX_ROWS) };
    });
  }, [later, qualityMetrics]);
  // Before the first epoch the charts are there, empty, with the metric the data will have: drawing
  // a chart for the first time costs far more than redrawing it, and that should not happen mid-run.
  const task = useTraining((s) => knownShape(s.settings.dataset)?.task ?? 'classification');
  const qualityShown = useMemo(
    (): { metric: MetricKey; series: Series[]; rows: Row[] }[] => (quality.length > 0 ? quality : [{ metric: task === 'regression' ? 'testDeviation' : 'testAccuracy', series: [], rows: [] }]),
    [quality, task],
  );

  return (
    <ChartFrame title="Training" csv={() => metricsCsv(store.getState().runs)} testId="training-chart">
      {shown.length === 0 && <p className="nl-tr-caption">The cost and {task === 'regression' ? 'mean deviation' : 'accuracy'} of each epoch appear here once training has run an epoch.</p>}
      <div className="nl-tr-chart-row">
        <MetricChart rows={cost.rows} series={cost.series} slots={2} label="cost" percent={false} height={height} />
        {qualityShown.map((q, i) => (
          <MetricChart
            key={i}
            rows={q.rows}
            series={q.series}
            slots={1}
            label={q.metric === 'testAccuracy' ? 'test accuracy' : 'mean |a − y|'}
            percent={q.metric === 'testAccuracy'}
            height={height}
          />
        ))}
      </div>
    </ChartFrame>
  );
});
