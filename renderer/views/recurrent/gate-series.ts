/**
 * A trace of one sequence (engine/recurrent/trace.ts) turned into what the
 * gate view draws: per quantity of the seed's equations, a units x steps
 * matrix (a heatmap), and per unit, one line per quantity over the steps.
 */
import type { SequenceTrace } from '../../../engine/recurrent/trace';

export type QuantityKey = 'rem' | 'save' | 'focus' | 'candidate' | 'ltm' | 'wm' | 'h';

export interface Quantity {
  key: QuantityKey;
  /** The seed's symbol. */
  symbol: string;
  /** What it is, in a few words. */
  meaning: string;
  /** A fixed range (the gates live in [0, 1], tanh in [-1, 1]); null: the data's own. */
  range: readonly [number, number] | null;
  /** 'sequential' for the gates (0 closed, 1 open), 'signed' for values around 0. */
  scale: 'sequential' | 'signed';
}

export const LSTM_QUANTITIES: readonly Quantity[] = [
  { key: 'rem', symbol: 'rem_t', meaning: 'keep the memory', range: [0, 1], scale: 'sequential' },
  { key: 'save', symbol: 'save_t', meaning: 'write the candidate', range: [0, 1], scale: 'sequential' },
  { key: 'focus', symbol: 'focus_t', meaning: 'show the memory', range: [0, 1], scale: 'sequential' },
  { key: 'candidate', symbol: "ltm'_t", meaning: 'the candidate', range: [-1, 1], scale: 'signed' },
  { key: 'ltm', symbol: 'ltm_t', meaning: 'long-term memory', range: null, scale: 'signed' },
  { key: 'wm', symbol: 'wm_t', meaning: 'working memory (the output)', range: [-1, 1], scale: 'signed' },
];

export const RNN_QUANTITIES: readonly Quantity[] = [{ key: 'h', symbol: 'h_t', meaning: 'the state (the output)', range: [-1, 1], scale: 'signed' }];

export function quantitiesOf(trace: SequenceTrace): readonly Quantity[] {
  return trace.cell === 'lstm' ? LSTM_QUANTITIES : RNN_QUANTITIES;
}

/** rows x cols numbers, row-major: values[row * cols + col]. NaN marks a cell with no value. */
export interface Matrix {
  rows: number;
  cols: number;
  values: Float64Array;
  /** Smallest and largest finite value (0 and 0 when there is none). */
  min: number;
  max: number;
}

function finiteRange(values: Float64Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return Number.isFinite(min) ? { min, max } : { min: 0, max: 0 };
}

/** Steps as columns: entry (i, t) is row t's i-th number, NaN for a missing row. */
export function stepsMatrix(steps: readonly (readonly number[] | null)[], width: number): Matrix {
  const cols = steps.length;
  const values = new Float64Array(width * cols).fill(Number.NaN);
  steps.forEach((row, t) => {
    if (!row) return;
    for (let i = 0; i < width; i++) values[i * cols + t] = row[i] ?? Number.NaN;
  });
  return { rows: width, cols, values, ...finiteRange(values) };
}

function rowsOf(trace: SequenceTrace, key: QuantityKey): number[][] {
  if (trace.cell === 'lstm') {
    if (key === 'h') throw new Error('an LSTM trace has wm_t, not h_t');
    return trace.steps.map((s) => s[key]);
  }
  if (key !== 'h') throw new Error(`a plain recurrent trace has h_t, not ${key}`);
  return trace.steps.map((s) => s.h);
}

/** Units x steps of one quantity. */
export function quantityMatrix(trace: SequenceTrace, key: QuantityKey): Matrix {
  const rows = rowsOf(trace, key);
  return stepsMatrix(rows, rows[0]?.length ?? 0);
}

/** Outputs x steps: what the readout says at every step. */
export function outputMatrix(trace: SequenceTrace): Matrix {
  const rows = trace.steps.map((s) => s.output);
  return stepsMatrix(rows, rows[0]?.length ?? 0);
}

export interface UnitLine {
  key: QuantityKey;
  label: string;
  /** One value per step. */
  ys: Float64Array;
}

/** One line per quantity for unit `unit`: rem, save, focus, ltm', ltm and wm (or h). */
export function unitLines(trace: SequenceTrace, unit: number): UnitLine[] {
  return quantitiesOf(trace).map((q) => ({ key: q.key, label: q.symbol, ys: Float64Array.from(rowsOf(trace, q.key), (row) => row[unit]) }));
}

/** Every unit's h_t (or wm_t) as a line each. */
export function stateLines(trace: SequenceTrace): Float64Array[] {
  const rows = rowsOf(trace, trace.cell === 'lstm' ? 'wm' : 'h');
  const d = rows[0]?.length ?? 0;
  return Array.from({ length: d }, (_, i) => Float64Array.from(rows, (row) => row[i]));
}

/** Steps 1 .. T as x values. */
export function stepAxis(T: number): Float64Array {
  return Float64Array.from({ length: T }, (_, t) => t + 1);
}

/** The colour scale of a heatmap: fixed for the gates and tanh values, symmetric around 0 for ltm. */
export function scaleFor(q: Pick<Quantity, 'range' | 'scale'>, m: Pick<Matrix, 'min' | 'max'>): { lo: number; hi: number } {
  if (q.range) return { lo: q.range[0], hi: q.range[1] };
  const r = Math.max(1e-9, Math.abs(m.min), Math.abs(m.max));
  return { lo: -r, hi: r };
}

/** The trace as CSV: one row per step and unit, one column per quantity (what the gate view draws). */
export function traceCsv(trace: SequenceTrace): string {
  const qs = quantitiesOf(trace);
  const lines = [['step', 'unit', ...qs.map((q) => q.symbol)].join(',')];
  const columns = qs.map((q) => rowsOf(trace, q.key));
  const d = columns[0]?.[0]?.length ?? 0;
  trace.steps.forEach((_, t) => {
    for (let i = 0; i < d; i++) lines.push([t + 1, i + 1, ...columns.map((c) => c[t][i])].join(','));
  });
  return `${lines.join('\n')}\n`;
}

/** Mean over units and steps of each gate: how open rem, save and focus are on this sequence. */
export function meanGates(trace: SequenceTrace): Partial<Record<QuantityKey, number>> {
  if (trace.cell !== 'lstm') return {};
  const out: Partial<Record<QuantityKey, number>> = {};
  for (const key of ['rem', 'save', 'focus'] as const) {
    let s = 0;
    let n = 0;
    for (const step of trace.steps) {
      for (const v of step[key]) s += v;
      n += step[key].length;
    }
    out[key] = n > 0 ? s / n : Number.NaN;
  }
  return out;
}
