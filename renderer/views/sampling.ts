/**
 * Sampling a network for the function and surface views: the output (and,
 * for the function view, each hidden unit's weighted contribution to the
 * output neuron) over a grid of inputs, with one reused workspace.
 */
import type { Plan } from '../../engine/compile';
import { forward } from '../../engine/forward';
import { workspaceFor } from '../graph/probe';

export interface Series {
  label: string;
  values: Float64Array;
}

export interface Curve {
  xs: Float64Array;
  /** One series per output unit. */
  outputs: Series[];
  /** w_k a_k(x) for every unit k feeding the output neuron (1-unit outputs only). */
  contributions: Series[];
}

/** The blocks whose units the views plot: the Output's, or else the units that feed nothing. */
export function resultBlocks(plan: Plan): number[] {
  if (plan.output && plan.output.blocks.length > 0) return plan.output.blocks;
  return plan.blocks.map((b, i) => (b.kind !== 'input' && b.consumers.length === 0 ? i : -1)).filter((i) => i >= 0);
}

export function resultSize(plan: Plan): number {
  return resultBlocks(plan).reduce((s, b) => s + plan.blocks[b].size, 0);
}

export const MAX_CONTRIBUTIONS = 200;

export function sampleCurve(
  plan: Plan,
  labels: ReadonlyMap<string, string>,
  range: readonly [number, number],
  count: number,
  base: Float64Array,
  inputIndex = 0,
): Curve {
  const ws = workspaceFor(plan);
  const blocks = resultBlocks(plan);
  const xs = new Float64Array(count);
  const outputs: Series[] = [];
  for (const bi of blocks) {
    const b = plan.blocks[bi];
    for (let j = 0; j < b.size; j++) {
      const name = labels.get(b.nodeId) ?? b.nodeId;
      outputs.push({ label: b.size === 1 ? name : `${name} [${j + 1}]`, values: new Float64Array(count) });
    }
  }
  // Contributions are drawn for one output neuron fed by hidden units.
  const single = blocks.length === 1 && plan.blocks[blocks[0]].size === 1 ? plan.blocks[blocks[0]] : null;
  const terms: { offset: number; unit: number; series: Series }[] = [];
  if (single) {
    for (const input of single.inputs) {
      const src = plan.blocks[input.source];
      if (src.kind === 'input') continue;
      const name = labels.get(src.nodeId) ?? src.nodeId;
      for (let k = 0; k < src.size && terms.length < MAX_CONTRIBUTIONS; k++) {
        terms.push({ offset: input.weightOffset + k, unit: src.unitOffset + k, series: { label: src.size === 1 ? name : `${name} [${k + 1}]`, values: new Float64Array(count) } });
      }
    }
  }
  const x = Float64Array.from(base);
  const [lo, hi] = range;
  for (let i = 0; i < count; i++) {
    const v = count === 1 ? lo : lo + ((hi - lo) * i) / (count - 1);
    xs[i] = v;
    x[inputIndex] = v;
    forward(plan, ws, x);
    let o = 0;
    for (const bi of blocks) {
      const b = plan.blocks[bi];
      for (let j = 0; j < b.size; j++) outputs[o++].values[i] = ws.a[b.unitOffset + j];
    }
    for (const t of terms) t.series.values[i] = plan.params[t.offset] * ws.a[t.unit];
  }
  return { xs, outputs, contributions: terms.map((t) => t.series) };
}

export interface Surface {
  nx: number;
  ny: number;
  /** Row-major, row 0 at the top (largest y). */
  values: Float64Array;
  min: number;
  max: number;
}

export function sampleSurface(
  plan: Plan,
  xRange: readonly [number, number],
  yRange: readonly [number, number],
  nx: number,
  ny: number,
  base: Float64Array,
  unit = 0,
): Surface {
  const ws = workspaceFor(plan);
  const blocks = resultBlocks(plan);
  let offset = -1;
  let seen = 0;
  for (const bi of blocks) {
    const b = plan.blocks[bi];
    if (unit < seen + b.size) {
      offset = b.unitOffset + unit - seen;
      break;
    }
    seen += b.size;
  }
  const values = new Float64Array(nx * ny);
  let min = Infinity;
  let max = -Infinity;
  const x = Float64Array.from(base);
  for (let r = 0; r < ny; r++) {
    x[1] = yRange[1] - ((yRange[1] - yRange[0]) * (r + 0.5)) / ny;
    for (let c = 0; c < nx; c++) {
      x[0] = xRange[0] + ((xRange[1] - xRange[0]) * (c + 0.5)) / nx;
      forward(plan, ws, x);
      const v = offset >= 0 ? ws.a[offset] : NaN;
      values[r * nx + c] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { nx, ny, values, min, max };
}

/** Samples a target f(x, y) on the same grid as sampleSurface. */
export function sampleTargetSurface(f: (x: number, y: number) => number, xRange: readonly [number, number], yRange: readonly [number, number], nx: number, ny: number): Surface {
  const values = new Float64Array(nx * ny);
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < ny; r++) {
    const y = yRange[1] - ((yRange[1] - yRange[0]) * (r + 0.5)) / ny;
    for (let c = 0; c < nx; c++) {
      const v = f(xRange[0] + ((xRange[1] - xRange[0]) * (c + 0.5)) / nx, y);
      values[r * nx + c] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { nx, ny, values, min, max };
}

/** Mean |a - b| over two equally long series. */
export function meanDeviation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return a.length === 0 ? 0 : s / a.length;
}
