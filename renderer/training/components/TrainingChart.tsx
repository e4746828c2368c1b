/**
 * Training and test cost, and test accuracy (classification) or mean
 * deviation (regression), per epoch, for the current run and every run kept
 * for comparison, on the same axes.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useTraining, useTrainingStore } from '../context';
import { knownShape } from '../data/renderer-datasets';
import { useThrottledTraining } from '../hooks';
import { formatMetric, formatPercent } from '../format';
import { decimateRows, epochRows, metricsCsv, presentMetrics, runSeries, type MetricKey, type Row, type Series } from '../transforms';
import type { Run } from '../store';
import { ChartFrame } from './ChartFrame';

const NO_RUNS: Run[] = [];

/** More points than this a chart cannot show apart anyway. */
const MAX_ROWS = 600;
/**
 * A chart is drawn at most this often: a fast run ends an epoch every few
 * tens of milliseconds, and a Recharts redraw costs about that much.
 */
export const CHART_INTERVAL_MS = 150;
/** Room for tick labels such as "97.5%" or "1e-3" and the axis title (a measured width would cost a layout per redraw). */
export const Y_AXIS_WIDTH = 76;

export interface TrainingChartProps {
  /** Height of each chart in CSS pixels. */
  height?: number;
}

/**
 * What an empty chart draws: one invisible line over two epochs. The first
 * line a page draws runs a lot of Recharts code for the first time (about
 * 100 ms); this way that happens when the view opens, not when the first
 * epoch of a run comes in while the student watches.
 */
export const WARM_UP_KEY = '__warm-up';
const WARM_UP_ROWS: Row[] = [
  { epoch: 1, [WARM_UP_KEY]: 0 },
  { epoch: 2, [WARM_UP_KEY]: 1 },
];

export const warmUpLine = (
  <Line key={WARM_UP_KEY} dataKey={WARM_UP_KEY} stroke="transparent" legendType="none" tooltipType="none" dot={{ r: 3, stroke: 'transparent', fill: 'transparent' }} isAnimationActive={false} type="linear" />
);

const MetricChart = memo(function MetricChart({ rows: given, series, label, percent, height }: { rows: Row[]; series: Series[]; label: string; percent: boolean; height: number }) {
  const tick = percent ? (v: number) => formatPercent(v) : (v: number) => formatMetric(v);
  const rows = series.length === 0 ? WARM_UP_ROWS : given;
  return (
    <div className="nl-tr-chart" data-testid={`chart-${label}`}>
      <LineChart responsive style={{ width: '100%', height }} data={rows} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d0d4da" />
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
        />
        <Legend verticalAlign="top" itemSorter={null} />
        {series.length === 0 && warmUpLine}
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            strokeWidth={2.5}
            strokeDasharray={s.dashed ? '7 4' : undefined}
            dot={rows.length <= 30 ? { r: 3 } : false}
            isAnimationActive={false}
            type="linear"
          />
        ))}
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
  const qualityMetrics: MetricKey[] = useMemo(() => presentMetrics(shown, ['testAccuracy', 'testDeviation']), [shown]);
  const cost = useMemo(() => {
    const series = runSeries(shown, costMetrics);
    return { series, rows: decimateRows(epochRows(shown, costMetrics), series.map((s) => s.key), MAX_ROWS) };
  }, [shown, costMetrics]);
  const quality = useMemo(() => {
    return qualityMetrics.map((metric) => {
      const series = runSeries(shown, [metric]);
      return { metric, series, rows: decimateRows(epochRows(shown, [metric]), series.map((s) => s.key), MAX_ROWS) };
    });
  }, [shown, qualityMetrics]);
  const legend = [...cost.series, ...quality.flatMap((q) => q.series)].map((s) => ({ name: s.name, color: s.color, dashed: s.dashed }));
  // Before the first epoch the charts are there, empty, with the metric the data will have: drawing
  // a chart for the first time costs far more than redrawing it, and that should not happen mid-run.
  const task = useTraining((s) => knownShape(s.settings.dataset)?.task ?? 'classification');
  const qualityShown = useMemo(
    (): { metric: MetricKey; series: Series[]; rows: Row[] }[] => (quality.length > 0 ? quality : [{ metric: task === 'regression' ? 'testDeviation' : 'testAccuracy', series: [], rows: [] }]),
    [quality, task],
  );

  return (
    <ChartFrame title="Training" legend={legend} csv={() => metricsCsv(store.getState().runs)} testId="training-chart">
      {shown.length === 0 && <p className="nl-tr-caption">The cost and {task === 'regression' ? 'mean deviation' : 'accuracy'} of each epoch appear here once training has run an epoch.</p>}
      <div className="nl-tr-chart-row">
        <MetricChart rows={cost.rows} series={cost.series} label="cost" percent={false} height={height} />
        {qualityShown.map((q, i) => (
          <MetricChart
            key={i}
            rows={q.rows}
            series={q.series}
            label={q.metric === 'testAccuracy' ? 'test accuracy' : 'mean |a − y|'}
            percent={q.metric === 'testAccuracy'}
            height={height}
          />
        ))}
      </div>
    </ChartFrame>
  );
});
