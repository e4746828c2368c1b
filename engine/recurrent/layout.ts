/**
 * A sequence model: one recurrent layer (the seed's LSTM cell, or a plain
 * recurrent layer to compare it with) under a dense output layer, with all
 * parameters in one flat Float64Array so engine/optimizers.ts can update it.
 *
 * Layout, in the seed's names (figure 5.2), gate by gate:
 *   LSTM: W_r U_r b_r | W_s U_s b_s | W_f U_f b_f | W_l U_l b_l | W_y b_y
 *   RNN:  W U b | W_y b_y
 * Matrices are row-major with rows = the units they feed, as in the network
 * document: W_g is d x p, so (W_g x_t)_i = sum_j W_g[i][j] x_t[j]. (The seed
 * writes W_r in R^{p x d} but multiplies W_r . x_t with x_t in R^p, which
 * only fits the d x p shape; we take the product as written.)
 */
import { ACTIVATION_NAMES, type ActivationName } from '../activations';
import { COST_NAMES, type CostName } from '../costs';
import { InputError } from '../errors';

export const CELL_KINDS = ['lstm', 'rnn'] as const;
export type CellKind = (typeof CELL_KINDS)[number];

/**
 * The seed's gates in layout order: rem_t (what to keep of ltm_{t-1}), save_t
 * (how much of the candidate to add), focus_t (what of the memory to show),
 * and the candidate ltm'_t, whose parameters the seed names W_l, U_l, b_l.
 */
export const LSTM_GATES = ['r', 's', 'f', 'l'] as const;
export type LstmGate = (typeof LSTM_GATES)[number];

export type OutputActivation = Exclude<ActivationName, 'perceptron'>;

export interface SequenceModelSpec {
  cell: CellKind;
  /** Features per step, p. */
  inputSize: number;
  /** Units of the recurrent layer, d (the size of wm_t and ltm_t, or of h_t). */
  hiddenSize: number;
  outputSize: number;
  outputActivation: OutputActivation;
  cost: CostName;
}

export interface ParameterBlock {
  /** The seed's name: 'W_r', 'U_s', 'b_f', ..., 'W', 'U', 'b', and 'W_y', 'b_y' for the output layer. */
  name: string;
  offset: number;
  rows: number;
  /** 1 for a bias vector. */
  cols: number;
  isWeight: boolean;
}

/** Keeps a hostile spec from asking for absurd allocations. */
export const MAX_SEQUENCE_UNITS = 4096;

export function checkSpec(spec: SequenceModelSpec): void {
  const fail = (why: string): never => {
    throw new InputError(`recurrent model: ${why}`);
  };
  if (!(CELL_KINDS as readonly string[]).includes(spec.cell)) fail(`cell must be one of ${CELL_KINDS.join(', ')}, got "${String(spec.cell)}"`);
  for (const [what, v] of [
    ['inputSize', spec.inputSize],
    ['hiddenSize', spec.hiddenSize],
    ['outputSize', spec.outputSize],
  ] as const) {
    if (!(Number.isInteger(v) && v >= 1 && v <= MAX_SEQUENCE_UNITS)) fail(`${what} must be a whole number from 1 to ${MAX_SEQUENCE_UNITS}, got ${v}`);
  }
  if (!(ACTIVATION_NAMES as readonly string[]).includes(spec.outputActivation) || spec.outputActivation === ('perceptron' as string)) {
    fail(`the output activation must be a differentiable one, got "${String(spec.outputActivation)}"`);
  }
  if (!(COST_NAMES as readonly string[]).includes(spec.cost)) fail(`cost must be one of ${COST_NAMES.join(', ')}, got "${String(spec.cost)}"`);
  // -ln a and ln(1 - a) need outputs in (0, 1).
  if (spec.cost === 'logLikelihood' && spec.outputActivation !== 'softmax') fail('the log-likelihood cost needs softmax outputs');
  if (spec.cost === 'crossEntropy' && spec.outputActivation !== 'sigmoid' && spec.outputActivation !== 'softmax') {
    fail('the cross-entropy cost needs sigmoid or softmax outputs');
  }
  if (spec.outputActivation === 'softmax' && spec.outputSize < 2) fail('softmax needs at least 2 outputs');
}

/** Gates of a cell, each with its own W, U and b: 4 for the LSTM (r, s, f, l), 1 for the plain layer. */
export function gateCount(cell: CellKind): number {
  return cell === 'lstm' ? LSTM_GATES.length : 1;
}

/** Parameters of the recurrent layer alone: 4 (d p + d d + d) for the LSTM, d p + d d + d for the plain layer. */
export function cellParameterCount(cell: CellKind, p: number, d: number): number {
  const gate = d * p + d * d + d;
  return cell === 'lstm' ? 4 * gate : gate;
}

export function parameterCount(spec: SequenceModelSpec): number {
  return cellParameterCount(spec.cell, spec.inputSize, spec.hiddenSize) + spec.outputSize * spec.hiddenSize + spec.outputSize;
}

export function parameterBlocks(spec: SequenceModelSpec): ParameterBlock[] {
  const { inputSize: p, hiddenSize: d, outputSize: o } = spec;
  const blocks: ParameterBlock[] = [];
  let offset = 0;
  const add = (name: string, rows: number, cols: number, isWeight: boolean): void => {
    blocks.push({ name, offset, rows, cols, isWeight });
    offset += rows * cols;
  };
  const suffixes = spec.cell === 'lstm' ? LSTM_GATES.map((g) => `_${g}`) : [''];
  for (const g of suffixes) {
    add(`W${g}`, d, p, true);
    add(`U${g}`, d, d, true);
    add(`b${g}`, d, 1, false);
  }
  add('W_y', o, d, true);
  add('b_y', o, 1, false);
  return blocks;
}
