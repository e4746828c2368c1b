/**
 * Pure edits of a recurrent node (engine/document.ts: W stacked by gate on the
 * edge from its Input, U and b stacked on the node, W_y on the edge to its
 * readout Layer). Each returns a new document or throws an EditError; the
 * inspector applies them through the document store, so they undo.
 * Fresh parameters are drawn by recurrent-init.ts.
 */
import type { NetworkDocument, NetworkEdge, NetworkNode, RecurrentNode } from '../../engine/document';
import { gateCount, type CellKind } from '../../engine/recurrent/layout';
import type { SequenceInitOptions } from '../../engine/recurrent/model';
import { EditError } from './edit';
import { drawCellParameters } from './recurrent-init';

/**
 * The largest recurrent node the canvas builds: U alone holds 4 d^2 numbers,
 * edited as nested arrays, and the gate view plots every unit.
 */
export const MAX_RECURRENT_SIZE = 256;

export function recurrentNode(doc: NetworkDocument, id: string): RecurrentNode {
  const node = doc.nodes.find((n) => n.id === id);
  if (!node) throw new EditError(`There is no node “${id}” on the canvas.`);
  if (node.kind !== 'recurrent') throw new EditError(`“${node.label}” is not an LSTM or recurrent node.`);
  return node;
}

/** The edge from the node's Input (carrying W), if it is connected. */
export function inputEdgeOf(doc: NetworkDocument, id: string): NetworkEdge | undefined {
  return doc.edges.find((e) => e.target === id && e.weights);
}

/** Features per step: the size of the Input feeding the node, or null when none does. */
export function inputSizeOf(doc: NetworkDocument, id: string): number | null {
  const edge = inputEdgeOf(doc, id);
  const source = edge && doc.nodes.find((n) => n.id === edge.source);
  return source && source.kind === 'input' ? source.size : null;
}

function replaceNode(doc: NetworkDocument, node: NetworkNode): NetworkDocument {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === node.id ? node : n)) };
}

function checkSize(size: number): void {
  if (!Number.isInteger(size) || size < 1 || size > MAX_RECURRENT_SIZE) {
    throw new EditError(`The size of a recurrent layer must be a whole number from 1 to ${MAX_RECURRENT_SIZE}.`);
  }
}

/** The default label of the other cell, when the node still has its default label ("LSTM 2" <-> "Recurrent 2"). */
function relabel(label: string, cell: CellKind): string {
  const m = /^(LSTM|Recurrent)( \d+)?$/.exec(label);
  if (!m) return label;
  return `${cell === 'lstm' ? 'LSTM' : 'Recurrent'}${m[2] ?? ''}`;
}

/**
 * LSTM <-> plain layer. What is kept: the plain layer's one block and the
 * LSTM's candidate ltm'_t are the same computation (tanh of W x_t + U h_{t-1}
 * + b), so that block carries over both ways. Going to the LSTM, the gates
 * rem, save and focus are drawn fresh (seeded, initialiseSequenceModel's
 * scheme, b_r = remBias); going to the plain layer, they are dropped.
 */
export function setCell(doc: NetworkDocument, id: string, cell: CellKind, seed: number, options: SequenceInitOptions = {}): NetworkDocument {
  const node = recurrentNode(doc, id);
  if (node.cell === cell) return doc;
  const d = node.size;
  const edge = inputEdgeOf(doc, id);
  const p = inputSizeOf(doc, id) ?? 1;
  const candidate = (rows: number[][] | number[], from: CellKind): (number[] | number)[] => {
    const at = from === 'lstm' ? 3 * d : 0;
    return rows.slice(at, at + d);
  };
  let U: number[][];
  let b: number[];
  let W: number[][] | undefined;
  if (cell === 'rnn') {
    U = candidate(node.recurrentWeights, 'lstm') as number[][];
    b = candidate(node.biases, 'lstm') as number[];
    W = edge?.weights ? (candidate(edge.weights, 'lstm') as number[][]) : undefined;
  } else {
    const fresh = drawCellParameters('lstm', p, d, seed, options);
    U = [...fresh.U.slice(0, 3 * d), ...node.recurrentWeights];
    b = [...fresh.b.slice(0, 3 * d), ...node.biases];
    W = edge?.weights ? [...fresh.W.slice(0, 3 * d), ...edge.weights] : undefined;
  }
  const next: RecurrentNode = { ...node, cell, label: relabel(node.label, cell), recurrentWeights: U.map((r) => r.slice()), biases: b.slice() };
  const out = replaceNode(doc, next);
  if (!edge || !W) return out;
  const weights = W.map((r) => r.slice());
  return { ...out, edges: out.edges.map((e) => (e.id === edge.id ? { ...e, weights } : e)) };
}

/**
 * Changes d. Shrinking drops the last units (their rows and columns).
 * Growing keeps every parameter there was; each new unit gets freshly drawn
 * incoming parameters (its rows of W_g, U_g and b_g, seeded) and 0 wherever
 * it would feed an old unit or the readout (its columns of U_g and W_y). The
 * network then computes exactly what it did, and the new units are alive:
 * with all-zero parameters an LSTM unit's memory would stay 0 for ever, and
 * no gradient would ever reach it.
 */
export function resizeRecurrent(doc: NetworkDocument, id: string, size: number, seed: number, options: SequenceInitOptions = {}): NetworkDocument {
  checkSize(size);
  const node = recurrentNode(doc, id);
  const d = node.size;
  if (size === d) return doc;
  const G = gateCount(node.cell);
  const p = inputSizeOf(doc, id) ?? 1;
  const fresh = size > d ? drawCellParameters(node.cell, p, size, seed, options) : null;
  // Row i of gate g in the new stack: the old row when unit i existed, else the fresh one.
  const restack = <T>(old: readonly T[], drawn: readonly T[] | null, fit: (row: T) => T): T[] =>
    Array.from({ length: G * size }, (_, r) => {
      const g = Math.floor(r / size);
      const i = r % size;
      return i < d ? fit(old[g * d + i]) : (drawn as readonly T[])[r];
    });
  const columns = (row: number[]): number[] => (row.length >= size ? row.slice(0, size) : [...row, ...new Array<number>(size - row.length).fill(0)]);
  const recurrentWeights = restack(node.recurrentWeights, fresh?.U ?? null, columns);
  const biases = restack(node.biases, fresh?.b ?? null, (v) => v);
  const next: RecurrentNode = { ...node, size, recurrentWeights, biases };
  const inEdge = inputEdgeOf(doc, id);
  return {
    ...replaceNode(doc, next),
    edges: doc.edges.map((e) => {
      if (!e.weights) return e;
      if (e === inEdge) return { ...e, weights: restack(e.weights, fresh?.W ?? null, (row) => row.slice()) };
      if (e.source === id) return { ...e, weights: e.weights.map(columns) };
      return e;
    }),
  };
}

export function setOutputs(doc: NetworkDocument, id: string, outputs: 'last' | 'every'): NetworkDocument {
  const node = recurrentNode(doc, id);
  return node.outputs === outputs ? doc : replaceNode(doc, { ...node, outputs });
}

/** Freezes (or thaws) the whole layer: U and b on the node, W on the edge from its Input. */
export function setRecurrentFrozen(doc: NetworkDocument, id: string, frozen: boolean): NetworkDocument {
  const node = recurrentNode(doc, id);
  const inEdge = inputEdgeOf(doc, id);
  const flag = <T extends { frozen?: boolean }>(x: T): T => {
    if ((x.frozen ?? false) === frozen) return x;
    const { frozen: _drop, ...rest } = x;
    void _drop;
    return (frozen ? { ...rest, frozen: true } : rest) as T;
  };
  const nextNode = flag(node);
  const nextEdge = inEdge ? flag(inEdge) : undefined;
  if (nextNode === node && nextEdge === inEdge) return doc;
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (n === node ? nextNode : n)),
    edges: doc.edges.map((e) => (e === inEdge && nextEdge ? nextEdge : e)),
  };
}

/**
 * Fresh W, U and b for this layer alone (the readout keeps its weights),
 * drawn as initialiseSequenceModel draws them with this seed.
 */
export function reRandomiseRecurrent(doc: NetworkDocument, id: string, seed: number, options: SequenceInitOptions = {}): NetworkDocument {
  const node = recurrentNode(doc, id);
  const p = inputSizeOf(doc, id) ?? 1;
  const fresh = drawCellParameters(node.cell, p, node.size, seed, options);
  const inEdge = inputEdgeOf(doc, id);
  return {
    ...replaceNode(doc, { ...node, recurrentWeights: fresh.U, biases: fresh.b }),
    edges: doc.edges.map((e) => (e === inEdge ? { ...e, weights: fresh.W } : e)),
  };
}

export type GateMatrix = 'W' | 'U' | 'b';

/**
 * Sets one parameter by the seed's name: entry (unit, column) of W_g or U_g,
 * or entry unit of b_g, for the gate at `gate` in the stack.
 */
export function setGateParameter(doc: NetworkDocument, id: string, matrix: GateMatrix, gate: number, unit: number, column: number, value: number): NetworkDocument {
  if (!Number.isFinite(value)) throw new EditError('A parameter must be a finite number.');
  const v = value === 0 ? 0 : value;
  const node = recurrentNode(doc, id);
  const G = gateCount(node.cell);
  if (!Number.isInteger(gate) || gate < 0 || gate >= G || !Number.isInteger(unit) || unit < 0 || unit >= node.size) {
    throw new EditError(`“${node.label}” has no gate ${gate + 1}, unit ${unit + 1}.`);
  }
  const row = gate * node.size + unit;
  if (matrix === 'b') {
    if (node.biases[row] === v) return doc;
    const biases = node.biases.slice();
    biases[row] = v;
    return replaceNode(doc, { ...node, biases });
  }
  if (matrix === 'U') {
    if (!(column >= 0 && column < node.size)) throw new EditError(`U has ${node.size} columns, not ${column + 1}.`);
    if (node.recurrentWeights[row][column] === v) return doc;
    const recurrentWeights = node.recurrentWeights.slice();
    recurrentWeights[row] = recurrentWeights[row].slice();
    recurrentWeights[row][column] = v;
    return replaceNode(doc, { ...node, recurrentWeights });
  }
  const edge = inputEdgeOf(doc, id);
  if (!edge?.weights) throw new EditError(`Connect an Input to “${node.label}” first: W lives on that connection.`);
  if (!(column >= 0 && column < (edge.weights[row]?.length ?? 0))) throw new EditError(`W has ${edge.weights[row]?.length ?? 0} columns, not ${column + 1}.`);
  if (edge.weights[row][column] === v) return doc;
  const weights = edge.weights.slice();
  weights[row] = weights[row].slice();
  weights[row][column] = v;
  return { ...doc, edges: doc.edges.map((e) => (e === edge ? { ...e, weights } : e)) };
}

/** Rows unit..unit of gate g of a stacked matrix: W_g (or U_g) as d rows. */
export function gateBlock<T>(stacked: readonly T[], gate: number, d: number): T[] {
  return stacked.slice(gate * d, (gate + 1) * d);
}
