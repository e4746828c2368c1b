/**
 * Lesson 12 (section 4.3): a function of two variables approximated by a
 * k x k grid of towers on [0, 1]^2, each weighted by the function's mean on
 * its cell and summed by a linear output.
 */
import type { NetworkDocument } from '../document';
import { defineLesson } from './define';
import { gridPosition, NetworkBuilder } from './graph';
import { f2d, meanOver, TOWER_TARGET } from './targets';

export interface TowerGridOptions {
  /** Cells per axis. */
  k: number;
  w: number;
  h: number;
  f?: (x: number, y: number) => number;
}

/**
 * Steps are shared: k + 1 steps on x at 0, 1/k, ..., 1 and k + 1 on y. The
 * tower of cell (i, j) takes +h from x-step i, -h from x-step i + 1, +h from
 * y-step j, -h from y-step j + 1, with bias -3h/2; the linear output weighs
 * it by f's mean on the cell.
 */
export function towerGrid({ k, w, h, f = f2d }: TowerGridOptions): NetworkDocument {
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`a grid of towers needs a whole number of cells per axis, got ${k}`);
  const points = Array.from({ length: k + 1 }, (_, i) => i / k);
  const steps = (): number[][] => points.map(() => [w]);
  const xWeights: number[][] = [];
  const yWeights: number[][] = [];
  const means: number[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const xRow = new Array<number>(k + 1).fill(0);
      const yRow = new Array<number>(k + 1).fill(0);
      xRow[i] = h;
      xRow[i + 1] = -h;
      yRow[j] = h;
      yRow[j + 1] = -h;
      xWeights.push(xRow);
      yWeights.push(yRow);
      means.push(meanOver((x) => meanOver((y) => f(x, y), j / k, (j + 1) / k, 16), i / k, (i + 1) / k, 16));
    }
  }
  return new NetworkBuilder()
    .input('x', 'x', gridPosition(0, 0, 2, 200))
    .input('y', 'y', gridPosition(0, 1, 2, 200))
    .layer('xsteps', `${k + 1} steps on x`, gridPosition(1, 0, 2, 200), 'sigmoid', points.map((s) => -s * w))
    .layer('ysteps', `${k + 1} steps on y`, gridPosition(1, 1, 2, 200), 'sigmoid', points.map((s) => -s * w))
    .layer('towers', `${k * k} towers`, gridPosition(2), 'sigmoid', means.map(() => -1.5 * h))
    .neuron('sum', 'Σ f̄ · tower (linear)', gridPosition(3), 'linear', 0)
    .output('output', 'Output', gridPosition(4), 'quadratic')
    .connect('x', 'xsteps', steps())
    .connect('y', 'ysteps', steps())
    .connect('xsteps', 'towers', xWeights)
    .connect('ysteps', 'towers', yWeights)
    .connect('towers', 'sum', [means])
    .connect('sum', 'output')
    .build();
}

export const manyTowers = defineLesson({
  id: 'many-towers',
  title: 'Approximating a surface with towers',
  chapter: 4,
  summary: 'A grid of towers, each as high as the function’s average on its cell, approximates a function of two variables.',
  explanation: [
    'One tower picks out one rectangle. Cut the square [0, 1] × [0, 1] into a grid of k × k cells, give every cell its tower, and let a linear output neuron weigh each tower by the target function’s average on its cell. Inside a cell only its own tower is on, so the output there is that average: a city of flat-topped blocks that follows the surface.',
    'The steps are shared: k + 1 steps along x and k + 1 along y mark the grid lines, and each tower reads the two steps on either side of its cell along each axis. The surface view shows the network next to the target and the average deviation between them.',
    'Refine the grid and the blocks shrink and the deviation falls, as in one dimension: with enough towers the network gets as close to the surface as you like. Lower h and the towers blur into each other; lower w and their walls lean.',
  ],
  view: 'surface',
  parameters: [
    { kind: 'integer', name: 'k', label: 'Cells per axis k', description: 'The grid has k × k towers.', default: 6, min: 1, max: 24, step: 1 },
    { kind: 'number', name: 'w', label: 'Steepness w', description: 'The input weight of every step neuron.', default: 1000, min: 1, max: 100_000, step: 1, scale: 'log' },
    { kind: 'number', name: 'h', label: 'Weight h', description: 'Each tower takes ±h from its steps and has bias −3h/2.', default: 1000, min: 0.01, max: 100_000, step: 0.01, scale: 'log' },
  ],
  build: ({ k, w, h }) => ({ network: towerGrid({ k, w, h }), dataset: TOWER_TARGET, view: { xRange: [0, 1], yRange: [0, 1], target: TOWER_TARGET } }),
});
