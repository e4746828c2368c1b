/**
 * What the future gate view shows: every value of the seed's equations at
 * every step of one sequence (rem, save, focus, ltm', ltm, wm for the LSTM;
 * h for the plain layer) and the model's output there.
 */
import { InputError } from '../errors';
import { LstmCell } from './lstm';
import type { SequenceModel } from './model';
import { SequenceRunner } from './runner';

export interface LstmStep {
  rem: number[];
  save: number[];
  focus: number[];
  /** ltm'_t */
  candidate: number[];
  ltm: number[];
  wm: number[];
  output: number[];
}

export interface RnnStep {
  h: number[];
  output: number[];
}

export type SequenceTrace = { cell: 'lstm'; steps: LstmStep[] } | { cell: 'rnn'; steps: RnnStep[] };

/** Runs the model on one sequence, given as rows of inputSize numbers; the model is not changed. */
export function traceSequence(model: SequenceModel, inputs: readonly (readonly number[])[]): SequenceTrace {
  const { inputSize: p, hiddenSize: d } = model.spec;
  const T = inputs.length;
  if (T < 1) throw new InputError('a sequence to trace needs at least one step');
  const x = new Float64Array(T * p);
  inputs.forEach((row, t) => {
    if (row.length !== p) throw new InputError(`step ${t + 1} of the sequence has ${row.length} numbers, but the model takes ${p} per step`);
    for (let j = 0; j < p; j++) {
      if (!Number.isFinite(row[j])) throw new InputError(`step ${t + 1} of the sequence: input ${j + 1} is not a finite number`);
      x[t * p + j] = row[j];
    }
  });
  const runner = new SequenceRunner(model);
  const hidden = runner.cell.forward(model.params, x, 0, T);
  const rowOf = (a: Float64Array, t: number): number[] => Array.from(a.subarray(t * d, (t + 1) * d));
  const outputs = Array.from({ length: T }, (_, t) => Array.from(runner.output(hidden, t * d)));
  if (runner.cell instanceof LstmCell) {
    const s = runner.cell.lastStates;
    return {
      cell: 'lstm',
      steps: outputs.map((output, t) => ({
        rem: rowOf(s.rem, t),
        save: rowOf(s.save, t),
        focus: rowOf(s.focus, t),
        candidate: rowOf(s.candidate, t),
        ltm: rowOf(s.ltm, t),
        wm: rowOf(s.wm, t),
        output,
      })),
    };
  }
  return { cell: 'rnn', steps: outputs.map((output, t) => ({ h: rowOf(hidden, t), output })) };
}
