/**
 * Lesson 16 (section 5.2): the seed's LSTM cell on delayed recall, beside a
 * plain recurrent layer of the same size. The network is Input -> cell ->
 * readout -> Output, trained on sequences of k + 1 random symbols whose answer
 * is the first one, with RECURRENT_HYPERPARAMETERS (bench/recurrent.ts's recipe).
 */
import type { NetworkDocument } from '../document';
import type { SequenceSettings } from '../project';
import { RECURRENT_HYPERPARAMETERS } from '../recipes';
import type { CellKind } from '../recurrent/layout';
import { initialiseSequenceDocument, sequenceNetwork } from '../recurrent/network';
import { defineLesson } from './define';

export const LSTM_SEED = 1;
/** Symbols of the delayed-recall set: chance is 1/8. */
export const LSTM_SYMBOLS = 8;


export interface LstmLessonNetworkOptions {
  cell: CellKind;
  hiddenSize: number;
  /** The LSTM's initial b_r (ignored by the plain layer). */
  remBias: number;
  seed?: number;
}

/** Input (8 one-hot symbols) -> cell -> softmax readout of 8 -> log-likelihood, initialised as the trainer initialises it for the seed. */
export function lstmLessonNetwork({ cell, hiddenSize, remBias, seed = LSTM_SEED }: LstmLessonNetworkOptions): NetworkDocument {
  const doc = sequenceNetwork({ cell, inputSize: LSTM_SYMBOLS, hiddenSize, outputSize: LSTM_SYMBOLS });
  const named: NetworkDocument = {
    ...doc,
    nodes: doc.nodes.map((n) => {
      if (n.kind === 'input') return { ...n, label: 'Symbol at step t (one-hot, 8)' };
      if (n.kind === 'layer') return { ...n, label: 'Readout: which symbol?' };
      if (n.kind === 'recurrent') return { ...n, label: cell === 'lstm' ? `LSTM cell (${hiddenSize})` : `Plain tanh layer (${hiddenSize})` };
      return n;
    }),
  };
  return initialiseSequenceDocument(named, seed, { remBias });
}

/** The dataset choice's settings for delay k. */
export function lstmLessonData(delay: number): SequenceSettings {
  return { delay, symbols: LSTM_SYMBOLS, count: 2000, targets: 'last' };
}

export const lstmCell = defineLesson({
  id: 'lstm-cell',
  title: 'The LSTM cell: why LSTMs remember',
  chapter: 5,
  summary: 'The seed’s LSTM cell keeps a symbol for k steps where a plain recurrent layer of the same size forgets it.',
  explanation: [
    'A recurrent network reads a sequence one step at a time. The LSTM cell carries two memories of d numbers from step to step: a long-term memory ltm and a working memory wm. At each step it looks at the input xₜ and at wmₜ₋₁ through three gates, sigmoid layers whose values lie between 0 and 1. rem decides, number by number, how much of the old long-term memory to keep; save decides how much of a candidate ltm′ (a tanh layer of the same inputs) to write in; focus decides how much of the memory to show. So ltmₜ = remₜ ⊙ ltmₜ₋₁ + saveₜ ⊙ ltm′ₜ and wmₜ = focusₜ ⊙ tanh(ltmₜ); the readout turns wm into the answer.',
    'The task here is delayed recall: a sequence of k + 1 random symbols out of 8, and at the last step the network must name the first one. Everything in between is distraction. To succeed the cell has to write the first symbol into its long-term memory and carry it across k steps. The gate view plays one sequence through the cell and shows every gate at every step: after training, rem stays close to 1 all along, so ltm passes from step to step almost unchanged apart from what save adds.',
    'Why the LSTM can learn this: to learn to keep the first symbol, the error at the last step must reach the first. In a plain layer hₜ = tanh(W xₜ + U hₜ₋₁ + b) it is multiplied at every step by Uᵀ and by tanh′, the product of weights and slopes that made the deep chain’s gradient vanish, and it shrinks geometrically in k. Through the long-term memory, ∂ltmₜ/∂ltmₜ₋₁ is just remₜ: no weight matrix and no squashing slope, so with rem near 1 the gradient crosses many steps nearly intact. The gradient view plots ‖∂C/∂x₁‖ against k for both cells.',
    'Try it: train the LSTM, then raise the delay to 40 and switch to the plain layer. With the same size, data and training budget the plain layer stays near chance (1/8) while the LSTM still learns. The rem bias sets where rem starts: 3 gives σ(3) ≈ 0.95, so memory is kept from the first step. At 0, rem starts at one half and the gradient through ltm is halved at every step (0.5²⁰ is about one millionth): already at k = 20 the LSTM then stays near chance for 30 epochs.',
  ],
  view: 'training',
  views: ['training', 'gates', 'gradientVsK'],
  parameters: [
    {
      kind: 'choice',
      name: 'cell',
      label: 'Cell',
      description: 'The seed’s LSTM cell, or a plain tanh recurrent layer of the same size to compare with.',
      default: 'lstm',
      options: [
        { value: 'lstm', label: 'LSTM cell' },
        { value: 'rnn', label: 'Plain tanh layer' },
      ],
    },
    { kind: 'integer', name: 'hidden', label: 'Units d', description: 'Size of the memories ltm and wm (of h for the plain layer).', default: 16, min: 4, max: 64, step: 4 },
    { kind: 'integer', name: 'delay', label: 'Delay k', description: 'Steps between the symbol to remember and the question: sequences are k + 1 long.', default: 10, min: 1, max: 100, step: 1 },
    { kind: 'number', name: 'remBias', label: 'rem bias', description: 'The rem gate’s bias b_r at the start: 3 keeps about 95% of the memory from step to step.', default: 3, min: 0, max: 5, step: 0.5 },
  ],
  build: ({ cell, hidden, delay, remBias }) => ({
    network: lstmLessonNetwork({ cell, hiddenSize: hidden, remBias }),
    dataset: 'delayed-recall',
    sequence: lstmLessonData(delay),
    hyperparameters: { ...RECURRENT_HYPERPARAMETERS, remBias },
    seed: LSTM_SEED,
  }),
});
