/**
 * A small seeded classification set for oracle comparisons: inputs drawn from
 * N(0, 1), the class is the argmax of a random linear map, targets one-hot.
 * It is learnable, so a few epochs move the weights well away from the start.
 */
import type { Dataset } from '../../engine/datasets/dataset';
import { Rng } from '../../engine/rng';
import type { OracleData } from './nielsen';

export function randomClassification(seed: number, count: number, inputs: number, classes: number): OracleData {
  const rng = new Rng(seed);
  const map = Array.from({ length: classes }, () => Array.from({ length: inputs }, () => rng.normal()));
  const x: number[][] = [];
  const y: number[][] = [];
  for (let i = 0; i < count; i++) {
    const xi = Array.from({ length: inputs }, () => rng.normal());
    const scores = map.map((row) => row.reduce((s, w, k) => s + w * xi[k], 0));
    const label = scores.indexOf(Math.max(...scores));
    x.push(xi);
    y.push(Array.from({ length: classes }, (_, j) => (j === label ? 1 : 0)));
  }
  return { x, y };
}

/** The same examples as an engine Dataset in float64. */
export function toDataset(data: OracleData, name = 'oracle-random'): Dataset {
  const count = data.x.length;
  const inputSize = data.x[0].length;
  const outputSize = data.y[0].length;
  return {
    name,
    task: 'classification',
    inputSize,
    outputSize,
    count,
    x: Float64Array.from(data.x.flat()),
    y: Float64Array.from(data.y.flat()),
    labels: Uint8Array.from(data.y.map((row) => row.indexOf(1))),
  };
}
