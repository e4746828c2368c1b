/** --data and --test: built-in names or files, loaded through the Node host. */
import type { Precision } from '../engine/compile';
import type { Dataset } from '../engine/datasets/dataset';
import { loadDataFile, resolveDataset } from '../node/data';

export function loadData(nameOrPath: string, testPath: string | undefined, seed: number, precision: Precision = 'float32'): { train: Dataset; test: Dataset | null } {
  const { train, test } = resolveDataset(nameOrPath, { seed, precision });
  return { train, test: testPath ? loadDataFile(testPath, { precision }) : test };
}
