/**
 * What a host hands the trainer: examples for a feed-forward network, or
 * sequences for a network with an LSTM or recurrent node. The union is tagged
 * by `kind`; a split without one is examples, so a loader written before
 * sequences existed still fits.
 */
import type { Dataset } from './dataset';
import type { SequenceDataset } from './sequences';

export interface ExampleSplit {
  kind?: 'examples';
  train: Dataset;
  test: Dataset | null;
}

export interface SequenceSplit {
  kind: 'sequences';
  train: SequenceDataset;
  test: SequenceDataset | null;
}

export type LoadedDataset = ExampleSplit | SequenceSplit;

export function isSequenceSplit(data: LoadedDataset): data is SequenceSplit {
  return data.kind === 'sequences';
}
