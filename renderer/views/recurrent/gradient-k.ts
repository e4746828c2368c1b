/**
 * The seed's vanishing gradient made visible (section 5.1 against 5.2):
 * ||dC/dx_1|| on delayed-recall sequences against the delay k, for the
 * network on the canvas and for the other cell of the same size, initialised
 * the same way, measured with engine/recurrent/vanishing.ts.
 *
 * The work is cut into chunks of a bounded number of multiply-adds, each one
 * gradientAtFirstStep call on a few sequences with its own seed, so the view
 * can yield to the browser between chunks and never holds the main thread
 * for long. Both curves use the same chunks, so they see the same sequences.
 */
import type { CellKind } from '../../../engine/recurrent/layout';
import { gateCount } from '../../../engine/recurrent/layout';
import { createSequenceModel, initialiseSequenceModel, type SequenceInitOptions, type SequenceModel } from '../../../engine/recurrent/model';
import type { SequencePlan } from '../../../engine/recurrent/network';
import { gradientAtFirstStep } from '../../../engine/recurrent/vanishing';
import { Rng } from '../../../engine/rng';

/** Delays k: dense where the plain layer's curve falls, up to where the LSTM's still holds. */
export const DEFAULT_KS: readonly number[] = [1, 2, 4, 8, 12, 16, 24, 32, 48, 64];
/** Sequences per k. */
export const DEFAULT_SAMPLES = 32;

/**
 * Sequences per k for a layer of d units: fewer for the big layers, whose
 * cost grows as d^2, so the view stays within a few seconds up to d = 256.
 */
export function samplesFor(d: number): number {
  return d <= 32 ? DEFAULT_SAMPLES : d <= 64 ? 16 : 8;
}
/** Symbols of the delayed-recall task when the network on the canvas does not read symbols. */
export const FALLBACK_SYMBOLS = 8;
/**
 * Multiply-adds (counted as steps x gates x d x (p + d)) per chunk. About 1.5 M
 * took 5 to 8 ms here (a loaded 2-core machine): well inside a frame.
 */
export const CHUNK_WORK = 1_500_000;

export interface CurveSpec {
  /** Which cell, and whether it is the network on the canvas (with its weights now) or a fresh one. */
  cell: CellKind;
  current: boolean;
  label: string;
  model: SequenceModel;
}

export interface GradientSetup {
  curves: CurveSpec[];
  /** Said under the chart when the curves are not what one would assume. */
  note: string | null;
}

export function otherCell(cell: CellKind): CellKind {
  return cell === 'lstm' ? 'rnn' : 'lstm';
}

const NAME: Readonly<Record<CellKind, string>> = { lstm: 'LSTM', rnn: 'plain recurrent' };

const fresh = new Map<string, SequenceModel>();

/** A freshly initialised model, the same object for the same recipe (so its measured curve is cached with it). */
export function freshModel(cell: CellKind, symbols: number, d: number, seed: number, options: SequenceInitOptions): SequenceModel {
  // b_r belongs to the LSTM: the plain layer's draw does not depend on it.
  const key = JSON.stringify([cell, symbols, d, seed, cell === 'lstm' ? (options.remBias ?? null) : null, options.scheme ?? null]);
  let m = fresh.get(key);
  if (!m) {
    m = createSequenceModel({ cell, inputSize: symbols, hiddenSize: d, outputSize: symbols, outputActivation: 'softmax', cost: 'logLikelihood' });
    initialiseSequenceModel(m, new Rng(seed), options);
    if (fresh.size > 16) fresh.delete(fresh.keys().next().value as string);
    fresh.set(key, m);
  }
  return m;
}

/** Whether a model reads and names one-hot symbols, which the measure needs. */
export function readsSymbols(model: SequenceModel): boolean {
  const { inputSize: p, outputSize: o, outputActivation } = model.spec;
  return p === o && p >= 2 && outputActivation === 'softmax';
}

/**
 * The two curves: the network on the canvas when it reads symbols, beside the
 * other cell of its size initialised with the project's seed; otherwise both
 * cells fresh, of the node's size, on 8-symbol delayed recall.
 */
export function gradientSetup(plan: SequencePlan | null, node: { cell: CellKind; size: number }, seed: number, options: SequenceInitOptions = {}): GradientSetup {
  const d = node.size;
  const init = `initialised with seed ${seed}`;
  if (plan && readsSymbols(plan.model)) {
    const cell = plan.model.spec.cell;
    const p = plan.model.spec.inputSize;
    const other = otherCell(cell);
    const curves: CurveSpec[] = [
      { cell, current: true, label: `this ${NAME[cell]} layer (its weights now)`, model: plan.model },
      { cell: other, current: false, label: `${NAME[other]}, ${d} units, ${init}`, model: freshModel(other, p, d, seed, options) },
    ];
    return { curves: sortCurves(curves), note: null };
  }
  const why = plan
    ? `This network reads ${plan.model.spec.inputSize} input${plan.model.spec.inputSize === 1 ? '' : 's'} and gives ${plan.model.spec.outputSize} ${plan.model.spec.outputActivation} output${plan.model.spec.outputSize === 1 ? '' : 's'}, not one-hot symbols`
    : 'The network is not wired as Input → recurrent node → Layer → Output yet';
  const curves: CurveSpec[] = (['lstm', 'rnn'] as const).map((cell) => ({
    cell,
    current: false,
    label: `${NAME[cell]}, ${d} units, ${init}`,
    model: freshModel(cell, FALLBACK_SYMBOLS, d, seed, options),
  }));
  return { curves, note: `${why}: both curves are fresh cells of its size d = ${d} on ${FALLBACK_SYMBOLS}-symbol delayed recall.` };
}

/** LSTM first, so each cell keeps its colour whichever is on the canvas. */
function sortCurves(curves: CurveSpec[]): CurveSpec[] {
  return [...curves].sort((a, b) => (a.cell === b.cell ? 0 : a.cell === 'lstm' ? -1 : 1));
}

export interface Chunk {
  k: number;
  /** Sequences in this chunk, and the seed they are drawn with. */
  samples: number;
  seed: number;
}

/** Work of one sequence of delay k through a model: steps x gates x d x (p + d). */
export function sequenceWork(model: SequenceModel, k: number): number {
  const { cell, inputSize: p, hiddenSize: d } = model.spec;
  return (k + 1) * gateCount(cell) * d * (p + d);
}

/**
 * Chunks for every k: as many sequences per chunk as the costliest model can
 * run within `budget`, each chunk with its own seed (seed, seed + 1, ...).
 */
export function chunkPlan(models: readonly SequenceModel[], ks: readonly number[], samples: number, seed: number, budget = CHUNK_WORK): Chunk[] {
  const chunks: Chunk[] = [];
  for (const k of ks) {
    const work = Math.max(1, ...models.map((m) => sequenceWork(m, k)));
    const per = Math.max(1, Math.min(samples, Math.floor(budget / work)));
    for (let done = 0, c = 0; done < samples; done += per, c++) chunks.push({ k, samples: Math.min(per, samples - done), seed: seed + c });
  }
  return chunks;
}

export interface GradientPoint {
  k: number;
  /** Mean of ||dC/dx_1|| over the sequences. */
  norm: number;
  /** Mean of ln ||dC/dx_1||: its exp, the geometric mean, is what the chart draws. */
  meanLog: number;
  samples: number;
}

/** Sums per k, filled chunk by chunk. */
export class GradientAccumulator {
  private sums = new Map<number, { norm: number; log: number; n: number }>();

  add(k: number, samples: number, result: { norm: number; meanLog: number }): void {
    const s = this.sums.get(k) ?? { norm: 0, log: 0, n: 0 };
    s.norm += result.norm * samples;
    s.log += result.meanLog * samples;
    s.n += samples;
    this.sums.set(k, s);
  }

  /** Points for the ks that have all their sequences, in k order. */
  points(ks: readonly number[], samples: number): GradientPoint[] {
    return ks.flatMap((k) => {
      const s = this.sums.get(k);
      return s && s.n >= samples ? [{ k, norm: s.norm / s.n, meanLog: s.log / s.n, samples: s.n }] : [];
    });
  }
}

/** One chunk through one model. */
export function runChunk(model: SequenceModel, chunk: Chunk): { norm: number; meanLog: number } {
  return gradientAtFirstStep(model, [chunk.k], { samples: chunk.samples, seed: chunk.seed })[0];
}

export interface GradientProgress {
  /** Points per curve so far. */
  points: GradientPoint[][];
  done: number;
  total: number;
  /** Longest single chunk, in ms (the longest the main thread was held). */
  longestMs: number;
  elapsedMs: number;
}

export interface JobOptions {
  ks?: readonly number[];
  samples?: number;
  seed?: number;
  budget?: number;
  /**
   * The models that set the chunk size (default: the measured ones). Measuring
   * one curve again alone, pass both, so it sees the sequences the other saw.
   */
  chunkModels?: readonly SequenceModel[];
  /** Runs fn later (the browser yields in between); tests pass a synchronous one. */
  schedule?: (fn: () => void) => void;
  now?: () => number;
}

/**
 * Measures every curve, a chunk at a time, reporting progress after each
 * chunk; returns a function that cancels it.
 */
export function measureCurves(models: readonly SequenceModel[], onProgress: (p: GradientProgress) => void, options: JobOptions = {}): () => void {
  const ks = options.ks ?? DEFAULT_KS;
  const samples = options.samples ?? DEFAULT_SAMPLES;
  const schedule = options.schedule ?? yieldToBrowser;
  const now = options.now ?? (() => performance.now());
  const chunks = chunkPlan(options.chunkModels ?? models, ks, samples, options.seed ?? 1, options.budget);
  const tasks = chunks.flatMap((chunk) => models.map((_, m) => ({ chunk, m })));
  const sums = models.map(() => new GradientAccumulator());
  let next = 0;
  let cancelled = false;
  let longestMs = 0;
  const started = now();
  const step = (): void => {
    if (cancelled) return;
    const { chunk, m } = tasks[next];
    const t0 = now();
    sums[m].add(chunk.k, chunk.samples, runChunk(models[m], chunk));
    longestMs = Math.max(longestMs, now() - t0);
    next++;
    onProgress({ points: sums.map((s) => s.points(ks, samples)), done: next, total: tasks.length, longestMs, elapsedMs: now() - started });
    if (next < tasks.length) schedule(step);
  };
  if (tasks.length > 0) schedule(step);
  return () => {
    cancelled = true;
  };
}

/** A macrotask without setTimeout's 4 ms clamp: the browser may paint and handle input in between. */
function yieldToBrowser(fn: () => void): void {
  const channel = new MessageChannel();
  // The DOM's MessagePort (this runs in the browser); Node's typings, which the tests compile with, name the handler differently.
  const port = channel.port1 as unknown as { onmessage: (() => void) | null; close(): void };
  port.onmessage = () => {
    port.close();
    fn();
  };
  channel.port2.postMessage(null);
}

/**
 * Whole decades (log10 values) covering [lo, hi], at most about 8 of them:
 * every n-th decade, on multiples of n, so 10^0 is one when it is in range.
 */
export function decadeTicks(lo: number, hi: number): number[] {
  const step = Math.max(1, Math.ceil((Math.ceil(hi) - Math.floor(lo)) / 8));
  const out: number[] = [];
  for (let v = Math.floor(lo / step) * step; v < hi + step; v += step) out.push(v === 0 ? 0 : v);
  return out;
}
