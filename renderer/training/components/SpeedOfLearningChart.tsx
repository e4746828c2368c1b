/**
 * Nielsen's chapter 5: the speed at which each layer learns, as the mean of
 * |dC/db| over its units and the epoch's mini-batches, on a log scale. In a
 * deep sigmoid network the early layers learn orders of magnitude slower.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useTrainingStore } from '../context';
import { useThrottledTraining } from '../hooks';
import { formatLogTick, formatMetric } from '../format';
import { csvTable, decadeTicks, decimateRows, runColor, speedRows } from '../transforms';
import { ChartFrame } from './ChartFrame';
import { ChartLegend } from './ChartLegend';
import { CHART_INTERVAL_MS, chartLine, TOOLTIP_STYLE, WARM_UP_KEY, Y_AXIS_WIDTH } from './TrainingChart';

const EMPTY_TICKS = [1e-3, 1e-2, 1e-1, 1];
/** The empty chart's invisible line (see TrainingChart's warm-up), inside the log axis. */
const WARM_UP_ROWS = [
  { epoch: 1, [WARM_UP_KEY]: 1e-3 },
  { epoch: 2, [WARM_UP_KEY]: 1 },
];

export interface SpeedOfLearningChartProps {
  height?: number;
  /** How many lines the empty chart holds ready: the network's layers with biases (see TrainingChart's warm-up). */
  slots?: number;
}

export const SpeedOfLearningChart = memo(function SpeedOfLearningChart({ height = 300, slots = 2 }: SpeedOfLearningChartProps) {
  const run = useThrottledTraining((s) => s.runs.find((r) => r.id === s.currentRunId) ?? null, CHART_INTERVAL_MS);
  const data = useMemo(() => {
    if (!run) return null;
    const { rows, layers } = speedRows(run);
    const names = layers.map((id) => {
      const node = run.network.nodes.find((n) => n.id === id);
      return node?.label || id;
    });
    const values = rows.flatMap((r) => layers.map((id) => r[id]));
    return { rows: decimateRows(rows, layers, 600), layers, names, ticks: decadeTicks(values) };
  }, [run]);
  const legend = useMemo(() => (data ? data.layers.map((_, i) => ({ name: data.names[i], color: runColor(i) })) : []), [data]);
  const store = useTrainingStore();
  const csv = (): string => {
    // The numbers of now, not of the last redraw.
    const now = store.getState();
    const latest = now.runs.find((r) => r.id === now.currentRunId) ?? run;
    if (!latest || !data) return '';
    const { rows } = speedRows(latest);
    return csvTable([['epoch', ...data.names], ...rows.map((r) => [r.epoch, ...data.layers.map((id) => r[id] ?? null)])]);
  };
  const empty = !data || data.rows.length === 0 || data.ticks.length === 0;
  // An empty chart until the first epoch: drawn when the view opens, not in the middle of a run.
  const rows = empty ? WARM_UP_ROWS : data.rows;
  const ticks = empty ? EMPTY_TICKS : data.ticks;
  return (
    <ChartFrame title="Speed of learning" csv={csv} testId="speed-chart">
      {empty && <p className="nl-tr-caption">How fast each layer learns (mean |∂C/∂b| per epoch) appears here once training has run an epoch.</p>}
      <div className="nl-tr-chart">
        <ChartLegend items={legend} testId="legend-speed" />
        <LineChart responsive style={{ width: '100%', height }} data={rows} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="epoch" type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} label={{ value: 'epoch', position: 'insideBottom', offset: -14 }} />
          <YAxis
            width={Y_AXIS_WIDTH}
            scale="log"
            domain={[ticks[0], ticks[ticks.length - 1]]}
            ticks={ticks}
            tickFormatter={formatLogTick}
            allowDataOverflow
            label={{ value: 'mean |∂C/∂b|', angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }}
          />
          <Tooltip formatter={(v) => (typeof v === 'number' ? formatMetric(v) : String(v))} labelFormatter={(l) => `epoch ${String(l)}`} contentStyle={TOOLTIP_STYLE} isAnimationActive={false} />
          {empty
            ? Array.from({ length: Math.max(1, slots) }, (_, i) => chartLine(i, null, false))
            : data.layers.map((id, i) => chartLine(i, { key: id, name: data.names[i], color: runColor(i) }, data.rows.length <= 30))}
        </LineChart>
      </div>
    </ChartFrame>
  );
});
