/** Small documents for the renderer's unit tests. */
import { NETWORK_FORMAT, NETWORK_VERSION, validateNetwork, type NetworkDocument, type NetworkEdge, type NetworkNode } from '../../engine/document';
import { compile } from '../../engine/compile';
import { forward } from '../../engine/forward';
import { createWorkspace } from '../../engine/workspace';

export function doc(nodes: NetworkNode[], edges: NetworkEdge[] = []): NetworkDocument {
  return { format: NETWORK_FORMAT, version: NETWORK_VERSION, nodes, edges };
}

const at = { x: 0, y: 0 };

export const input = (id: string, size = 1): NetworkNode => ({ id, kind: 'input', label: id, position: at, size });
export const neuron = (id: string, bias = 0, activation: 'sigmoid' | 'linear' | 'tanh' | 'relu' = 'sigmoid'): NetworkNode => ({
  id,
  kind: 'neuron',
  label: id,
  position: at,
  activation,
  bias,
});
export const layer = (id: string, biases: number[], activation: 'sigmoid' | 'linear' | 'softmax' | 'tanh' = 'sigmoid'): NetworkNode => ({
  id,
  kind: 'layer',
  label: id,
  position: at,
  size: biases.length,
  activation,
  biases,
});
export const output = (id = 'out'): NetworkNode => ({ id, kind: 'output', label: id, position: at, cost: 'quadratic' });
export const edge = (source: string, target: string, weights?: number[][]): NetworkEdge => ({ id: `${source}->${target}`, source, target, ...(weights ? { weights } : {}) });

/** The network's output for each input row (validated first, so a broken document fails loudly). */
export function outputs(d: NetworkDocument, rows: number[][]): number[][] {
  const plan = compile(validateNetwork(d));
  const ws = createWorkspace(plan);
  return rows.map((x) => Array.from(forward(plan, ws, x)));
}

/** Equal up to float rounding: splitting a matrix into edges changes the order of the sums. */
export function expectSameOutputs(a: number[][], b: number[][], tolerance = 1e-12): void {
  if (a.length !== b.length) throw new Error(`${a.length} rows against ${b.length}`);
  a.forEach((row, i) => {
    if (row.length !== b[i].length) throw new Error(`row ${i}: ${row.length} values against ${b[i].length}`);
    row.forEach((v, j) => {
      if (!(Math.abs(v - b[i][j]) <= tolerance)) throw new Error(`row ${i}, unit ${j}: ${v} against ${b[i][j]}`);
    });
  });
}
