/**
 * Training and test cost, and test accuracy (classification) or mean
 * deviation (regression), per epoch, for the current run and every run kept
 * for comparison, on the same axes.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useTraining } from '../context';
import { formatMetric, formatPercent } from '../format';
import { decimateRows, epochRows, metricsCsv, presentMetrics, runSeries, type MetricKey, type Row, type Series } from '../transforms';
import type { Run } from '../store';
import { ChartFrame } from './ChartFrame';

/** More points than this a chart cannot show apart anyway. */
const MAX_ROWS = 600;

export interface TrainingChartProps {
  /** Height of each chart in CSS pixels. */
  height?: number;
}

function MetricChart({ rows, series, label, percent, height }: { rows: Row[]; series: Series[]; label: string; percent: boolean; height: number }) {
  const tick = percent ? (v: number) => formatPercent(v) : (v: number) => formatMetric(v);
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
        <YAxis width="auto" tickFormatter={tick} domain={percent ? [(min: number) => Math.max(0, Math.floor(min * 10) / 10), 1] : ['auto', 'auto']} label={{ value: label, angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }} />
        <Tooltip
          formatter={(v) => (typeof v === 'number' ? tick(v) : String(v))}
          labelFormatter={(l) => `epoch ${String(l)}`}
        />
        <Legend verticalAlign="top" itemSorter={null} />
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
}

export const TrainingChart = memo(function TrainingChart({ height = 300 }: TrainingChartProps) {
  const runs: Run[] = useTraining((s) => s.runs);
  const shown = useMemo(() => runs.filter((r) => r.epochs.length > 0), [runs]);
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

  return (
    <ChartFrame title="Training" legend={legend} csv={() => metricsCsv(runs)} testId="training-chart">
      {shown.length === 0 ? (
        <p className="nl-tr-empty">The cost and accuracy of each epoch appear here once training has run an epoch.</p>
      ) : (
        <div className="nl-tr-chart-row">
          <MetricChart rows={cost.rows} series={cost.series} label="cost" percent={false} height={height} />
          {quality.map((q) => (
            <MetricChart
              key={q.metric}
              rows={q.rows}
              series={q.series}
              label={q.metric === 'testAccuracy' ? 'test accuracy' : 'mean |a − y|'}
              percent={q.metric === 'testAccuracy'}
              height={height}
            />
          ))}
        </div>
      )}
    </ChartFrame>
  );
});
