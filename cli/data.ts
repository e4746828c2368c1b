/** --data and --test: built-in names or files, examples or sequences, loaded through the Node host. */
import type { Precision } from '../engine/compile';
import type { LoadedDataset } from '../engine/datasets/loaded';
import type { SequenceSettings } from '../engine/project';
import { resolveData } from '../node/data';

/** Examples or sequences; the generated sequence sets take `sequence` settings. */
export function loadData(nameOrPath: string, testPath: string | undefined, seed: number, precision: Precision = 'float32', sequence?: SequenceSettings): LoadedDataset {
  return resolveData(nameOrPath, { seed, precision, testPath, sequence });
}
