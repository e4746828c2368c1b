/**
 * Sampling a network for the function and surface views: the output (and,
 * for the function view, each hidden unit's weighted contribution to the
 * output neuron) over a grid of inputs, with one reused workspace.
 */
import type { Plan } from '../../engine/compile';
import { forward, forwardBlock } from '../../engine/forward';
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

/** Above this many stored activations (samples x units) a sampler keeps none and recomputes everything. */
export const MAX_STORED_ACTIVATIONS = 2_000_000;

/** True when two plans have the same blocks, wiring and parameter layout: only parameter values may differ. */
export function sameLayout(a: Plan, b: Plan): boolean {
  if (a === b) return true;
  if (a.blocks.length !== b.blocks.length || a.totalUnits !== b.totalUnits || a.inputSize !== b.inputSize || a.params.length !== b.params.length) return false;
  for (let i = 0; i < a.blocks.length; i++) {
    const x = a.blocks[i];
    const y = b.blocks[i];
    if (x.nodeId !== y.nodeId || x.kind !== y.kind || x.size !== y.size || x.unitOffset !== y.unitOffset || x.biasOffset !== y.biasOffset) return false;
    if (x.inputOffset !== y.inputOffset || x.activation !== y.activation || x.inputs.length !== y.inputs.length) return false;
    for (let k = 0; k < x.inputs.length; k++) if (x.inputs[k].source !== y.inputs[k].source || x.inputs[k].weightOffset !== y.inputs[k].weightOffset) return false;
  }
  const ao = a.output?.blocks ?? null;
  const bo = b.output?.blocks ?? null;
  if (ao === null || bo === null) return ao === bo;
  return ao.length === bo.length && ao.every((v, i) => v === bo[i]);
}

function rangeDiffers(a: ArrayLike<number>, b: ArrayLike<number>, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (a[i] !== b[i]) return true;
  return false;
}

/**
 * Per block, whether its activations can differ from the old plan's: its
 * own bias or incoming weights changed, or a block it reads from did.
 * Blocks are in topological order, so one pass settles it.
 */
export function changedBlocks(old: Plan, plan: Plan): Uint8Array {
  const dirty = new Uint8Array(plan.blocks.length);
  plan.blocks.forEach((b, i) => {
    if (b.kind === 'input') return;
    let d = rangeDiffers(old.params, plan.params, b.biasOffset, b.biasOffset + b.size);
    for (const input of b.inputs) {
      if (d) break;
      d = dirty[input.source] === 1 || rangeDiffers(old.params, plan.params, input.weightOffset, input.weightOffset + b.size * plan.blocks[input.source].size);
    }
    dirty[i] = d ? 1 : 0;
  });
  return dirty;
}

interface Term {
  offset: number;
  unit: number;
  block: number;
  label: string;
}

interface Sampled {
  plan: Plan;
  /** range, count, inputIndex and the base input: the x grid the activations belong to. */
  grid: string;
  /** Every unit's activation at every sample, sample-major: acts[i * totalUnits + unit]. */
  acts: Float64Array;
  /**
   * acts cut into one view per sample, made once with acts: a slider drag
   * recomputes every sample on every frame, and new views each time fed the
   * garbage collector pauses that cost frames.
   */
  samples: Float64Array[];
  xs: Float64Array;
  outputs: Float64Array[];
  terms: Float64Array[];
}

/**
 * Samples the curve of a 1-input network again and again as it is edited,
 * recomputing only what an edit changed: when a slider moves one output
 * weight, the hidden units' activations at every x are kept and only the
 * output neuron is evaluated again (its whole sum, in forward()'s order, so
 * the values are exactly those of a full forward pass).
 */
export class CurveSampler {
  private last: Sampled | null = null;

  sample(plan: Plan, labels: ReadonlyMap<string, string>, range: readonly [number, number], count: number, base: Float64Array, inputIndex = 0): Curve {
    const blocks = resultBlocks(plan);
    const units: { label: string; unit: number; block: number }[] = [];
    for (const bi of blocks) {
      const b = plan.blocks[bi];
      const name = labels.get(b.nodeId) ?? b.nodeId;
      for (let j = 0; j < b.size; j++) units.push({ label: b.size === 1 ? name : `${name} [${j + 1}]`, unit: b.unitOffset + j, block: bi });
    }
    const terms = contributionTerms(plan, blocks, labels);
    const grid = `${range[0]}|${range[1]}|${count}|${inputIndex}|${Array.from(base).join(',')}`;
    const U = plan.totalUnits;
    const prev = this.last && this.last.grid === grid && sameLayout(this.last.plan, plan) ? this.last : null;
    const dirty = prev ? changedBlocks(prev.plan, plan) : null;
    const keep = count * U <= MAX_STORED_ACTIVATIONS;
    const acts = prev ? prev.acts : keep ? new Float64Array(count * U) : null;
    const xs = prev ? prev.xs : gridXs(range, count);

    if (prev && dirty) {
      if (dirty.includes(1)) recomputeBlocks(plan, dirty, prev.samples);
    } else {
      const ws = workspaceFor(plan);
      const x = Float64Array.from(base);
      const out = acts ?? new Float64Array(0);
      // Without storage the values are read straight from the workspace, one sample at a time.
      const direct = acts === null ? { outputs: units.map(() => new Float64Array(count)), terms: terms.map(() => new Float64Array(count)) } : null;
      for (let i = 0; i < count; i++) {
        x[inputIndex] = xs[i];
        forward(plan, ws, x);
        if (direct) {
          units.forEach((u, k) => (direct.outputs[k][i] = ws.a[u.unit]));
          terms.forEach((t, k) => (direct.terms[k][i] = plan.params[t.offset] * ws.a[t.unit]));
        } else out.set(ws.a.subarray(0, U), i * U);
      }
      if (direct) {
        this.last = null;
        return curveOf(xs, units, direct.outputs, terms, direct.terms);
      }
    }
    const stored = acts as Float64Array;
    const outputs = units.map((u, k) => {
      if (prev && dirty && dirty[u.block] === 0 && prev.outputs[k]) return prev.outputs[k];
      const v = new Float64Array(count);
      for (let i = 0; i < count; i++) v[i] = stored[i * U + u.unit];
      return v;
    });
    const termValues = terms.map((t, k) => {
      if (prev && dirty && dirty[t.block] === 0 && prev.plan.params[t.offset] === plan.params[t.offset] && prev.terms[k]) return prev.terms[k];
      const v = new Float64Array(count);
      const w = plan.params[t.offset];
      for (let i = 0; i < count; i++) v[i] = w * stored[i * U + t.unit];
      return v;
    });
    const samples = prev ? prev.samples : Array.from({ length: count }, (_, i) => stored.subarray(i * U, (i + 1) * U));
    this.last = { plan, grid, acts: stored, samples, xs, outputs, terms: termValues };
    return curveOf(xs, units, outputs, terms, termValues);
  }
}

function gridXs(range: readonly [number, number], count: number): Float64Array {
  const xs = new Float64Array(count);
  const [lo, hi] = range;
  for (let i = 0; i < count; i++) xs[i] = count === 1 ? lo : lo + ((hi - lo) * i) / (count - 1);
  return xs;
}

/** The terms w_k a_k(x) drawn for one output neuron fed by hidden units. */
function contributionTerms(plan: Plan, blocks: number[], labels: ReadonlyMap<string, string>): Term[] {
  const single = blocks.length === 1 && plan.blocks[blocks[0]].size === 1 ? plan.blocks[blocks[0]] : null;
  const terms: Term[] = [];
  if (!single) return terms;
  for (const input of single.inputs) {
    const src = plan.blocks[input.source];
    if (src.kind === 'input') continue;
    const name = labels.get(src.nodeId) ?? src.nodeId;
    for (let k = 0; k < src.size && terms.length < MAX_CONTRIBUTIONS; k++) {
      terms.push({ offset: input.weightOffset + k, unit: src.unitOffset + k, block: input.source, label: src.size === 1 ? name : `${name} [${k + 1}]` });
    }
  }
  return terms;
}

function curveOf(xs: Float64Array, units: { label: string }[], outputs: Float64Array[], terms: Term[], termValues: Float64Array[]): Curve {
  return {
    xs,
    outputs: units.map((u, k) => ({ label: u.label, values: outputs[k] })),
    contributions: terms.map((t, k) => ({ label: t.label, values: termValues[k] })),
  };
}

/** Evaluates the changed blocks at every sample, reading the unchanged ones from the samples' activations; the same arithmetic as forward(). */
function recomputeBlocks(plan: Plan, dirty: Uint8Array, samples: readonly Float64Array[]): void {
  const { blocks } = plan;
  const z = new Float64Array(plan.totalUnits);
  for (const a of samples) {
    for (let bi = 0; bi < blocks.length; bi++) {
      if (dirty[bi] === 0) continue;
      forwardBlock(plan, bi, z, a);
    }
  }
}

export function sampleCurve(
  plan: Plan,
  labels: ReadonlyMap<string, string>,
  range: readonly [number, number],
  count: number,
  base: Float64Array,
  inputIndex = 0,
): Curve {
  return new CurveSampler().sample(plan, labels, range, count, base, inputIndex);
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
