/** --data and --test: built-in names or files, loaded through the Node host. */
import type { Dataset } from '../engine/datasets/dataset';
import { loadDataFile, resolveDataset } from '../node/data';

export function loadData(nameOrPath: string, testPath: string | undefined, seed: number): { train: Dataset; test: Dataset | null } {
  const { train, test } = resolveDataset(nameOrPath, { seed });
  return { train, test: testPath ? loadDataFile(testPath) : test };
}
