/**
 * One sequence through the model: the recurrent layer over all its steps,
 * then the dense output layer y_t = f(W_y h_t + b_y) at each step that has a
 * target, the cost there, and (when asked) backpropagation through time.
 * The cost of a sequence is the sum of the costs at its targets; callers
 * average over targets.
 */
import { activations, softmaxBackward, softmaxForward, type Activation } from '../activations';
import { costs, type Cost } from '../costs';
import { checkSequenceDataset, type SequenceDataset } from '../datasets/sequences';
import { InputError } from '../errors';
import { atLeast, type RecurrentCell } from './cell';
import { cellParameterCount } from './layout';
import { LstmCell } from './lstm';
import type { SequenceModel } from './model';
import { RnnCell } from './rnn';

export interface SequenceOutcome {
  /** Sum of the costs at the sequence's targets. */
  cost: number;
  targets: number;
  /** Targets whose largest output is the target's class (classification). */
  correct: number;
  /** Sum over targets and output units of |a - y|. */
  absDeviation: number;
}

export function createCell(model: SequenceModel): RecurrentCell {
  const { cell, inputSize, hiddenSize } = model.spec;
  return cell === 'lstm' ? new LstmCell(inputSize, hiddenSize) : new RnnCell(inputSize, hiddenSize);
}

export class SequenceRunner {
  readonly cell: RecurrentCell;
  private readonly activation: Activation;
  private readonly costFn: Cost;
  private readonly outAt: number;
  private readonly z: Float64Array;
  private readonly a: Float64Array;
  private readonly g: Float64Array;
  private readonly delta: Float64Array;
  private dh = new Float64Array(0);
  private sink: Float64Array | null = null;

  constructor(readonly model: SequenceModel) {
    const { spec } = model;
    this.cell = createCell(model);
    this.activation = activations[spec.outputActivation];
    this.costFn = costs[spec.cost];
    this.outAt = cellParameterCount(spec.cell, spec.inputSize, spec.hiddenSize);
    const o = spec.outputSize;
    this.z = new Float64Array(o);
    this.a = new Float64Array(o);
    this.g = new Float64Array(o);
    this.delta = new Float64Array(o);
  }

  /**
   * Sequence i of the data at the model's current parameters. With nabla,
   * adds the gradient of the sequence's summed cost; with dx (at least T rows
   * of p) also writes dC/dx_t, the gradient that reached each input.
   */
  run(data: SequenceDataset, i: number, nabla: Float64Array | null = null, dx: Float64Array | null = null): SequenceOutcome {
    const { params } = this.model;
    const { inputSize: p, hiddenSize: d, outputSize: o } = this.model.spec;
    const start = data.offsets[i];
    const T = data.offsets[i + 1] - start;
    const hidden = this.cell.forward(params, data.x, start * p, T);
    const backward = nabla !== null || dx !== null;
    if (backward) {
      this.dh = atLeast(this.dh, T * d);
      this.dh.fill(0, 0, T * d);
    }
    const outcome: SequenceOutcome = { cost: 0, targets: 0, correct: 0, absDeviation: 0 };
    const classify = data.task === 'classification';
    const visit = (t: number, yRow: number): void => {
      const yo = yRow * o;
      this.output(hidden, t * d);
      const a = this.a;
      outcome.cost += this.costFn.value(a, data.y, o, yo);
      outcome.targets++;
      for (let j = 0; j < o; j++) outcome.absDeviation += Math.abs(a[j] - data.y[yo + j]);
      if (classify && predicted(a, o) === predicted(data.y, o, yo)) outcome.correct++;
      if (backward) this.backOutput(hidden, t * d, data.y, yo, nabla);
    };
    if (data.targets === 'last') visit(T - 1, i);
    else for (let t = 0; t < T; t++) if (!data.mask || data.mask[start + t] === 1) visit(t, start + t);
    if (backward) {
      // Without nabla the parameter gradient still has to go somewhere.
      const sink = nabla ?? (this.sink ??= new Float64Array(this.model.params.length));
      if (!nabla) sink.fill(0);
      this.cell.backward(params, data.x, start * p, T, this.dh, sink, dx);
    }
    return outcome;
  }

  /** The output y_t = f(W_y h + b_y) for the hidden row at h[at]; the array is overwritten by the next call. */
  output(h: Float64Array, at: number): Float64Array {
    const { params } = this.model;
    const { hiddenSize: d, outputSize: o } = this.model.spec;
    const W = this.outAt;
    const b = W + o * d;
    for (let j = 0; j < o; j++) {
      let s = params[b + j];
      for (let k = 0; k < d; k++) s += params[W + j * d + k] * h[at + k];
      this.z[j] = s;
    }
    if (this.activation.blockwise) softmaxForward(this.z, this.a, 0, o);
    else for (let j = 0; j < o; j++) this.a[j] = this.activation.f(this.z[j]);
    return this.a;
  }

  private backOutput(h: Float64Array, at: number, y: ArrayLike<number>, yo: number, nabla: Float64Array | null): void {
    const { params } = this.model;
    const { hiddenSize: d, outputSize: o } = this.model.spec;
    const { a, g, delta, z } = this;
    this.costFn.gradient(a, y, g, o, yo);
    if (this.activation.blockwise) softmaxBackward(a, g, delta, 0, o);
    else for (let j = 0; j < o; j++) delta[j] = g[j] * this.activation.df(z[j], a[j]);
    const W = this.outAt;
    const b = W + o * d;
    for (let j = 0; j < o; j++) {
      const dj = delta[j];
      if (nabla) {
        nabla[b + j] += dj;
        for (let k = 0; k < d; k++) nabla[W + j * d + k] += dj * h[at + k];
      }
      for (let k = 0; k < d; k++) this.dh[at + k] += params[W + j * d + k] * dj;
    }
  }
}

/** The class a row of outputs or a one-hot target names: its largest entry, or a > 0.5 for a single unit. */
export function predicted(v: ArrayLike<number>, n: number, offset = 0): number {
  if (n === 1) return v[offset] > 0.5 ? 1 : 0;
  let best = 0;
  for (let j = 1; j < n; j++) if (v[offset + j] > v[offset + best]) best = j;
  return best;
}

/** Throws an InputError naming both sizes when a dataset does not fit a model. */
export function checkFits(model: SequenceModel, data: SequenceDataset): void {
  checkSequenceDataset(data);
  const { spec } = model;
  if (data.inputSize !== spec.inputSize) {
    throw new InputError(`sequence dataset "${data.name}" has ${data.inputSize} features per step, but the ${spec.cell} layer takes ${spec.inputSize}`);
  }
  if (data.outputSize !== spec.outputSize) {
    throw new InputError(`sequence dataset "${data.name}" has targets of ${data.outputSize} values, but the model has ${spec.outputSize} outputs`);
  }
}

export interface SequenceEvaluation {
  /** Sum over targets of the cost. */
  costSum: number;
  correct: number;
  absDeviationSum: number;
  /** Targets seen. */
  count: number;
}

/** Cost, accuracy and deviation of the model's current parameters over sequences [0, limit). */
export function evaluateSequences(model: SequenceModel, data: SequenceDataset, limit = data.count, runner = new SequenceRunner(model)): SequenceEvaluation {
  const e: SequenceEvaluation = { costSum: 0, correct: 0, absDeviationSum: 0, count: 0 };
  const n = Math.min(limit, data.count);
  for (let i = 0; i < n; i++) {
    const r = runner.run(data, i);
    e.costSum += r.cost;
    e.correct += r.correct;
    e.absDeviationSum += r.absDeviation;
    e.count += r.targets;
  }
  return e;
}
