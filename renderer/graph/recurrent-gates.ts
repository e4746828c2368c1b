/**
 * The gates of a recurrent node by the seed's names (chapter 5, figure 5.2),
 * in the order the document stacks them: rem r, save s, focus f and the
 * candidate ltm' (whose parameters the seed calls W_l, U_l, b_l) for the
 * LSTM; one block for the plain layer. Row `gate * d + unit` of the stacked
 * W, U and b belongs to that gate and unit.
 */
import type { CellKind } from '../../engine/recurrent/layout';

export interface GateInfo {
  /** Position in the stack. */
  index: number;
  /** 'r', 's', 'f', 'l' for the LSTM, '' for the plain layer: the suffix of W_g, U_g, b_g. */
  suffix: string;
  /** The quantity the gate computes: rem_t, save_t, focus_t, ltm'_t, or h_t. */
  quantity: string;
  /** Short name for buttons and legends. */
  name: string;
  activation: 'sigmoid' | 'tanh';
  /** The seed's equation for it, in plain text. */
  equation: string;
  /** What it does, in our own words. */
  explanation: string;
}

export const LSTM_GATE_INFO: readonly GateInfo[] = [
  {
    index: 0,
    suffix: 'r',
    quantity: 'rem_t',
    name: 'rem',
    activation: 'sigmoid',
    equation: 'rem_t = σ(W_r x_t + U_r wm_{t−1} + b_r)',
    explanation:
      'How much of yesterday’s long-term memory to keep. Near 1 the memory carries over untouched (and so does its gradient); near 0 it is wiped. A positive b_r makes the cell keep by default.',
  },
  {
    index: 1,
    suffix: 's',
    quantity: 'save_t',
    name: 'save',
    activation: 'sigmoid',
    equation: 'save_t = σ(W_s x_t + U_s wm_{t−1} + b_s)',
    explanation: 'How much of the new candidate to write into the long-term memory this step. Near 0 the step is ignored; near 1 the candidate is added in full.',
  },
  {
    index: 2,
    suffix: 'f',
    quantity: 'focus_t',
    name: 'focus',
    activation: 'sigmoid',
    equation: 'focus_t = σ(W_f x_t + U_f wm_{t−1} + b_f)',
    explanation: 'Which parts of the long-term memory to show as working memory wm_t, the output the readout and the next step see. The memory itself is not changed by it.',
  },
  {
    index: 3,
    suffix: 'l',
    quantity: "ltm'_t",
    name: 'candidate',
    activation: 'tanh',
    equation: "ltm'_t = tanh(W_l x_t + U_l wm_{t−1} + b_l)",
    explanation: 'What could be written: a proposal between −1 and 1 made from the input and the last working memory. save_t decides how much of it is kept.',
  },
];

export const RNN_GATE_INFO: readonly GateInfo[] = [
  {
    index: 0,
    suffix: '',
    quantity: 'h_t',
    name: 'h',
    activation: 'tanh',
    equation: 'h_t = tanh(W x_t + U h_{t−1} + b)',
    explanation:
      'The plain recurrent layer has no gates: every step squashes the input and the last state through tanh. A gradient going back k steps is multiplied by k such slopes and by U each time, which is why it fades (section 5.1).',
  },
];

export function gatesOf(cell: CellKind): readonly GateInfo[] {
  return cell === 'lstm' ? LSTM_GATE_INFO : RNN_GATE_INFO;
}

/** The parameter names of a gate: W_r, U_r, b_r (or W, U, b for the plain layer). */
export function gateParamNames(gate: GateInfo): { W: string; U: string; b: string } {
  const s = gate.suffix ? `_${gate.suffix}` : '';
  return { W: `W${s}`, U: `U${s}`, b: `b${s}` };
}

export function cellTitle(cell: CellKind): string {
  return cell === 'lstm' ? 'LSTM' : 'Plain recurrent (tanh)';
}
