/** A new recurrent network from flags: --cell lstm|rnn --hidden D, its Input and readout sized for the data. */
import type { Task } from '../engine/datasets/dataset';
import type { NetworkDocument } from '../engine/document';
import { MAX_SEQUENCE_UNITS } from '../engine/recurrent/layout';
import { sequenceNetwork } from '../engine/recurrent/network';
import { readoutFor } from '../engine/recurrent/readout';
import { CliError, USAGE_EXIT } from './errors';
import { cellFlag, costFlag, num, type FlagValues } from './options';

export const DEFAULT_HIDDEN = 16;

export interface SequenceShapeFlags {
  inputSize: number;
  outputSize: number;
  task?: Task;
  targets: 'last' | 'every';
}

/** Every parameter 0: the trainer (or initialiseSequenceDocument) draws them. */
export function newRecurrentNetwork(values: FlagValues, shape: SequenceShapeFlags): NetworkDocument {
  const cell = cellFlag(values);
  if (!cell) throw new CliError('a recurrent network needs --cell lstm|rnn', USAGE_EXIT);
  const hiddenSize = num(values, 'hidden', { integer: true, min: 1, max: MAX_SEQUENCE_UNITS }) ?? DEFAULT_HIDDEN;
  const readout = readoutFor(shape, costFlag(values));
  return sequenceNetwork({ cell, inputSize: shape.inputSize, hiddenSize, outputSize: shape.outputSize, outputs: shape.targets, ...readout });
}
