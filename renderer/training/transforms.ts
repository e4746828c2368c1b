/**
 * Chart data from runs: rows per epoch for Recharts (several runs on the
 * same axes), min/max decimation for long histories, speed-of-learning rows
 * for a log axis, and the metrics as CSV. Pure functions, no DOM.
 */
import type { EpochMetrics } from '../../engine/train';

/** What the transforms need of a run (the store's Run has more). */
export interface RunMetrics {
  id: number;
  label: string;
  datasetLabel: string;
  seed: number;
  hyperparameters: { eta: number; lambda: number; batchSize: number; optimizer: string };
  epochs: readonly EpochMetrics[];
}

export type MetricKey = 'trainingCost' | 'testCost' | 'testAccuracy' | 'testDeviation';

export const METRIC_LABELS: Record<MetricKey, string> = {
  trainingCost: 'training cost',
  testCost: 'test cost',
  testAccuracy: 'test accuracy',
  testDeviation: 'test mean |a − y|',
};

/** A row: the epoch, then one value (or null: nothing to draw) per series key. */
export type Row = { epoch: number } & Record<string, number | null>;

export interface Series {
  /** The row key: `r<run id>.<metric>`. */
  key: string;
  runId: number;
  metric: MetricKey | string;
  name: string;
  color: string;
  dashed: boolean;
}

/** Okabe and Ito's colour-blind-safe palette (yellow left out: too faint on white). */
export const RUN_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

/**
 * The palette as the theme's CSS variables (--nl-tr-run-1 to -7), each
 * falling back to the light colour: the dark theme sets lighter ones (black
 * on a dark panel is no line at all). SVG and CSS take them as they are; a
 * canvas must resolve them first.
 */
export const RUN_COLOR_VARS = RUN_COLORS.map((c, i) => `var(--nl-tr-run-${i + 1}, ${c})`);

export function runColor(index: number): string {
  return RUN_COLOR_VARS[index % RUN_COLOR_VARS.length];
}

export const seriesKey = (runId: number, metric: string): string => `r${runId}.${metric}`;

const finiteOrNull = (v: number | null | undefined): number | null => (v !== null && v !== undefined && Number.isFinite(v) ? v : null);

/**
 * One row per epoch that any run reached, each run's metrics side by side, so
 * Recharts draws every run on one x axis and one tooltip lists them all.
 */
export function epochRows(runs: readonly RunMetrics[], metrics: readonly MetricKey[]): Row[] {
  const byEpoch = new Map<number, Row>();
  for (const run of runs) {
    for (const m of run.epochs) {
      let row = byEpoch.get(m.epoch);
      if (!row) {
        row = { epoch: m.epoch } as Row;
        byEpoch.set(m.epoch, row);
      }
      for (const metric of metrics) row[seriesKey(run.id, metric)] = finiteOrNull(m[metric]);
    }
  }
  return [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
}

/** Which metrics a set of runs has values for (accuracy for classifiers, deviation for regression). */
export function presentMetrics(runs: readonly RunMetrics[], candidates: readonly MetricKey[]): MetricKey[] {
  return candidates.filter((k) => runs.some((r) => r.epochs.some((m) => finiteOrNull(m[k]) !== null)));
}

/** The series for the given metrics, one colour per run; test metrics dashed. */
export function runSeries(runs: readonly RunMetrics[], metrics: readonly MetricKey[]): Series[] {
  const several = runs.length > 1;
  return runs.flatMap((run, i) =>
    metrics.map((metric) => ({
      key: seriesKey(run.id, metric),
      runId: run.id,
      metric,
      name: several ? `${run.label}: ${METRIC_LABELS[metric]}` : METRIC_LABELS[metric],
      color: runColor(i),
      dashed: metric === 'testCost',
    })),
  );
}

/**
 * At most about `maxRows` rows, keeping spikes: the rows are cut into
 * buckets along x, and each bucket keeps the rows where any series has its
 * minimum or its maximum, plus the first and last row. A diverging cost
 * stays visible however long the history.
 */
export function decimateRows(rows: readonly Row[], keys: readonly string[], maxRows: number): Row[] {
  if (rows.length <= maxRows) return [...rows];
  // Each bucket may keep up to two rows per series; size the buckets for that.
  const perBucket = Math.max(2, 2 * keys.length);
  const buckets = Math.max(1, Math.floor((maxRows - 2) / perBucket));
  const keep = new Set<number>([0, rows.length - 1]);
  const inner = rows.length - 2;
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    if (start >= end) continue;
    for (const key of keys) {
      let lo = -1;
      let hi = -1;
      for (let i = start; i < end; i++) {
        const v = rows[i][key];
        if (v === null || v === undefined) continue;
        if (lo < 0 || v < (rows[lo][key] as number)) lo = i;
        if (hi < 0 || v > (rows[hi][key] as number)) hi = i;
      }
      if (lo >= 0) keep.add(lo);
      if (hi >= 0) keep.add(hi);
    }
    if (keys.length === 0) keep.add(start);
  }
  return [...keep].sort((a, b) => a - b).map((i) => rows[i]);
}

/** Speed of learning rows: one key per layer (node id); values <= 0 are null, a log axis cannot show them. */
export function speedRows(run: RunMetrics): { rows: Row[]; layers: string[] } {
  const layers: string[] = [];
  for (const m of run.epochs) for (const s of m.speedOfLearning) if (!layers.includes(s.nodeId)) layers.push(s.nodeId);
  const rows = run.epochs.map((m) => {
    const row = { epoch: m.epoch } as Row;
    for (const id of layers) {
      const s = m.speedOfLearning.find((x) => x.nodeId === id)?.speed;
      row[id] = s !== undefined && Number.isFinite(s) && s > 0 ? s : null;
    }
    return row;
  });
  return { rows, layers };
}

/** Powers of ten that cover [lo, hi] (ticks for a log axis). */
export function decadeTicks(values: readonly (number | null)[]): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || !(v > 0) || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo === Infinity) return [];
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) ticks.push(Number(`1e${e}`));
  return ticks;
}

/**
 * A CSV cell: quoted when it holds a separator, quote or line break (RFC
 * 4180); text that a spreadsheet would run as a formula gets a leading quote.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV text (CRLF line ends, as RFC 4180 has them). */
export function csvTable(rows: readonly (readonly (string | number | null)[])[]): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Every epoch of every run, one row each, with the run's settings and per-layer speed of learning. */
export function metricsCsv(runs: readonly RunMetrics[]): string {
  const layers: string[] = [];
  for (const run of runs) for (const m of run.epochs) for (const s of m.speedOfLearning) if (!layers.includes(s.nodeId)) layers.push(s.nodeId);
  const header = [
    'run', 'dataset', 'eta', 'lambda', 'batch_size', 'optimizer', 'seed', 'epoch',
    'training_cost', 'test_cost', 'test_accuracy', 'test_deviation', 'epoch_ms',
    ...layers.map((id) => `speed_${id}`),
  ];
  const rows: (string | number | null)[][] = [header];
  for (const run of runs) {
    const hp = run.hyperparameters;
    for (const m of run.epochs) {
      const speed = layers.map((id) => m.speedOfLearning.find((s) => s.nodeId === id)?.speed ?? null);
      rows.push([
        run.label, run.datasetLabel, hp.eta, hp.lambda, hp.batchSize, hp.optimizer, run.seed, m.epoch,
        m.trainingCost, m.testCost, m.testAccuracy, m.testDeviation, Math.round(m.elapsedMs), ...speed,
      ]);
    }
  }
  return csvTable(rows);
}
