/**
 * Pure edits of the network document. Each takes a document and returns a
 * new one (untouched parts shared), or throws an EditError whose message a
 * user can act on. The document store wraps them with undo history; tests
 * call them directly.
 */
import type { ActivationName } from '../../engine/activations';
import type { CostName } from '../../engine/costs';
import { incomingRows, unitCount, type NetworkDocument, type NetworkEdge, type NetworkNode, type NodeKind, type Position } from '../../engine/document';
import { Rng } from '../../engine/rng';
import { canConnect, type ConnectOptions } from './connect-rules';
import { edgeId, nextLabel, takenIds, uniqueId } from './ids';
import { NODE_KINDS } from './node-kinds';

export class EditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditError';
  }
}

type NodeOf<K extends NodeKind> = Extract<NetworkNode, { kind: K }>;

function nodeById(doc: NetworkDocument, id: string): NetworkNode {
  const node = doc.nodes.find((n) => n.id === id);
  if (!node) throw new EditError(`There is no node “${id}” on the canvas.`);
  return node;
}

function edgeById(doc: NetworkDocument, id: string): NetworkEdge {
  const edge = doc.edges.find((e) => e.id === id);
  if (!edge) throw new EditError(`There is no connection “${id}” on the canvas.`);
  return edge;
}

function mapNode(doc: NetworkDocument, id: string, fn: (n: NetworkNode) => NetworkNode): NetworkDocument {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    if (n.id !== id) return n;
    const next = fn(n);
    if (next !== n) changed = true;
    return next;
  });
  return changed ? { ...doc, nodes } : doc;
}

function mapEdge(doc: NetworkDocument, id: string, fn: (e: NetworkEdge) => NetworkEdge): NetworkDocument {
  let changed = false;
  const edges = doc.edges.map((e) => {
    if (e.id !== id) return e;
    const next = fn(e);
    if (next !== e) changed = true;
    return next;
  });
  return changed ? { ...doc, edges } : doc;
}

function finite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new EditError(`${what} must be a finite number.`);
  // -0 would be saved as 0; keep one zero.
  return value === 0 ? 0 : value;
}

export function addNode(doc: NetworkDocument, kind: NodeKind, position: Position): { doc: NetworkDocument; id: string } {
  if (kind === 'output' && doc.nodes.some((n) => n.kind === 'output')) {
    throw new EditError('The network already has an Output. A network has one Output: connect every unit you want to predict to it.');
  }
  const id = uniqueId(takenIds(doc), kind);
  const node = NODE_KINDS[kind].create(id, nextLabel(doc, kind), position);
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}

/**
 * Starting weights of a new edge. A single weight starts at 1, the value a
 * person building by hand expects; a matrix gets seeded N(0, 1/n_in) values
 * (seeded by the edge id, so the same edit gives the same weights) because
 * equal weights would make every unit of a layer the same.
 */
export function initialWeights(id: string, rows: number, cols: number): number[][] {
  if (rows === 1 && cols === 1) return [[1]];
  let seed = 2166136261;
  for (let i = 0; i < id.length; i++) seed = Math.imul(seed ^ id.charCodeAt(i), 16777619) >>> 0;
  const rng = new Rng(seed);
  const std = 1 / Math.sqrt(cols);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => round(std * rng.normal())));
}

/** Four significant digits: readable in the inspector, exact once saved. */
function round(v: number): number {
  const r = Number(v.toPrecision(4));
  return r === 0 ? 0 : r;
}

export function connect(
  doc: NetworkDocument,
  source: string,
  target: string,
  options: ConnectOptions = {},
): { doc: NetworkDocument; id: string } {
  const verdict = canConnect(doc, source, target, options);
  if (!verdict.ok) throw new EditError(verdict.reason);
  const s = nodeById(doc, source);
  const t = nodeById(doc, target);
  const id = edgeId(takenIds(doc), source, target);
  const edge: NetworkEdge = t.kind === 'output' ? { id, source, target } : { id, source, target, weights: initialWeights(id, incomingRows(t), unitCount(s)) };
  return { doc: { ...doc, edges: [...doc.edges, edge] }, id };
}

/** Moves one end of an edge, keeping its weights when their shape still fits. */
export function reconnect(doc: NetworkDocument, id: string, source: string, target: string, options: ConnectOptions = {}): NetworkDocument {
  const edge = edgeById(doc, id);
  const weights = edge.weights ? { rows: edge.weights.length, cols: edge.weights[0]?.length ?? 0 } : undefined;
  const t = nodeById(doc, target);
  const verdict = canConnect(doc, source, target, { ...options, ignoreEdge: id, ...(weights && t.kind !== 'output' ? { weights } : {}) });
  if (!verdict.ok) throw new EditError(verdict.reason);
  const s = nodeById(doc, source);
  return mapEdge(doc, id, (e) => {
    if (t.kind === 'output') return { id: e.id, source, target, ...(e.frozen ? { frozen: true } : {}) };
    return { ...e, source, target, weights: e.weights ?? initialWeights(e.id, incomingRows(t), unitCount(s)) };
  });
}

/** Removes nodes (with every edge touching them) and edges. */
export function removeElements(doc: NetworkDocument, nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): NetworkDocument {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  if (nodes.size === 0 && edges.size === 0) return doc;
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !nodes.has(n.id)),
    edges: doc.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
  };
}

export function setWeight(doc: NetworkDocument, id: string, row: number, col: number, value: number): NetworkDocument {
  const v = finite(value, 'A weight');
  return mapEdge(doc, id, (e) => {
    const w = e.weights;
    if (!w || !w[row] || col < 0 || col >= w[row].length) throw new EditError(`The connection “${id}” has no weight at row ${row + 1}, column ${col + 1}.`);
    if (w[row][col] === v) return e;
    const weights = w.slice();
    weights[row] = w[row].slice();
    weights[row][col] = v;
    return { ...e, weights };
  });
}

export function setWeights(doc: NetworkDocument, id: string, weights: number[][]): NetworkDocument {
  return mapEdge(doc, id, (e) => {
    const w = e.weights;
    if (!w) throw new EditError('A connection into the Output carries no weights.');
    if (weights.length !== w.length || weights.some((row, j) => row.length !== w[j].length)) {
      throw new EditError(`The connection “${id}” needs ${w.length}×${w[0]?.length ?? 0} weights.`);
    }
    return { ...e, weights: weights.map((row) => row.map((v) => finite(v, 'A weight'))) };
  });
}

export function setBias(doc: NetworkDocument, id: string, unit: number, value: number): NetworkDocument {
  const v = finite(value, 'A bias');
  return mapNode(doc, id, (n) => {
    if (n.kind === 'neuron') return n.bias === v ? n : { ...n, bias: v };
    if (n.kind === 'layer') {
      if (unit < 0 || unit >= n.size) throw new EditError(`“${n.label}” has no unit ${unit + 1}.`);
      if (n.biases[unit] === v) return n;
      const biases = n.biases.slice();
      biases[unit] = v;
      return { ...n, biases };
    }
    if (n.kind === 'recurrent') {
      // `unit` indexes the biases stacked by gate (b_r, b_s, b_f, b_l).
      if (unit < 0 || unit >= n.biases.length) throw new EditError(`“${n.label}” has no bias ${unit + 1}.`);
      if (n.biases[unit] === v) return n;
      const biases = n.biases.slice();
      biases[unit] = v;
      return { ...n, biases };
    }
    throw new EditError(`${n.kind === 'input' ? 'An Input' : 'The Output'} has no bias.`);
  });
}

export function setActivation(doc: NetworkDocument, ids: Iterable<string>, activation: ActivationName): NetworkDocument {
  let out = doc;
  for (const id of ids) {
    out = mapNode(out, id, (n) => {
      if (n.kind !== 'neuron' && n.kind !== 'layer') return n;
      if (activation === 'softmax' && n.kind === 'neuron') throw new EditError(`Softmax shares one output over several units: use it on a layer, not on the single neuron “${n.label}”.`);
      if (activation === 'softmax' && n.kind === 'layer' && n.size < 2) throw new EditError(`Softmax needs at least 2 units; “${n.label}” has 1.`);
      return n.activation === activation ? n : { ...n, activation };
    });
  }
  return out;
}

export function setCost(doc: NetworkDocument, id: string, cost: CostName): NetworkDocument {
  return mapNode(doc, id, (n) => (n.kind === 'output' && n.cost !== cost ? { ...n, cost } : n));
}

export function setLabel(doc: NetworkDocument, id: string, label: string): NetworkDocument {
  const text = label.slice(0, 500);
  return mapNode(doc, id, (n) => (n.label === text ? n : { ...n, label: text }));
}

/** Freezes (or thaws) the biases of nodes (and a recurrent node's U) and the weights of edges. */
export function setFrozen(doc: NetworkDocument, nodeIds: Iterable<string>, edgeIds: Iterable<string>, frozen: boolean): NetworkDocument {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  const flag = <T extends { frozen?: boolean }>(x: T): T => {
    if ((x.frozen ?? false) === frozen) return x;
    const { frozen: _drop, ...rest } = x;
    void _drop;
    return (frozen ? { ...rest, frozen: true } : rest) as T;
  };
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (nodes.has(n.id) && (n.kind === 'neuron' || n.kind === 'layer' || n.kind === 'recurrent') ? flag(n) : n)),
    edges: doc.edges.map((e) => (edges.has(e.id) && e.weights ? flag(e) : e)),
  };
}

export function moveNodes(doc: NetworkDocument, positions: ReadonlyMap<string, Position>): NetworkDocument {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const p = positions.get(n.id);
    if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
    changed = true;
    return { ...n, position: { x: p.x, y: p.y } };
  });
  return changed ? { ...doc, nodes } : doc;
}

/**
 * Changes the number of units of an Input or a Layer. Existing weights and
 * biases stay where they are; new ones start at 0 so the old units compute
 * exactly what they did.
 */
export function resizeNode(doc: NetworkDocument, id: string, size: number, image?: { width: number; height: number }): NetworkDocument {
  if (!Number.isInteger(size) || size < 1 || size > 1 << 20) throw new EditError('A size must be a whole number from 1 to 1,048,576.');
  if (image && image.width * image.height !== size) throw new EditError(`An image of ${image.width}×${image.height} holds ${image.width * image.height} values, not ${size}.`);
  const node = nodeById(doc, id);
  if (node.kind !== 'input' && node.kind !== 'layer') throw new EditError('Only Inputs and Layers have a size.');
  if (node.kind === 'layer' && node.activation === 'softmax' && size < 2) throw new EditError('A softmax layer needs at least 2 units.');
  const fit = (row: number[], n: number): number[] => (row.length >= n ? row.slice(0, n) : [...row, ...new Array<number>(n - row.length).fill(0)]);
  const nodes = doc.nodes.map((n): NetworkNode => {
    if (n.id !== id) return n;
    if (n.kind === 'input') {
      const { image: _old, ...rest } = n;
      void _old;
      return { ...rest, size, ...(image ? { image } : {}) };
    }
    if (n.kind === 'layer') return { ...n, size, biases: fit(n.biases, size) };
    return n;
  });
  const edges = doc.edges.map((e) => {
    if (!e.weights) return e;
    if (e.target === id) {
      const cols = e.weights[0]?.length ?? 0;
      return { ...e, weights: Array.from({ length: size }, (_, j) => e.weights?.[j]?.slice() ?? new Array<number>(cols).fill(0)) };
    }
    if (e.source === id) return { ...e, weights: e.weights.map((row) => fit(row, size)) };
    return e;
  });
  return { ...doc, nodes, edges };
}

/** Multiplies weights and biases by c: all of them, or those of the given nodes and edges. */
export function scaleParameters(doc: NetworkDocument, c: number, scope?: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> }): NetworkDocument {
  finite(c, 'The factor c');
  const inNodes = (id: string): boolean => !scope || scope.nodes.has(id);
  const inEdges = (e: NetworkEdge): boolean => !scope || scope.edges.has(e.id) || scope.nodes.has(e.target);
  const mul = (v: number): number => finite(c * v, 'A scaled parameter');
  return {
    ...doc,
    nodes: doc.nodes.map((n): NetworkNode => {
      if (!inNodes(n.id)) return n;
      if (n.kind === 'neuron') return { ...n, bias: mul(n.bias) };
      if (n.kind === 'layer') return { ...n, biases: n.biases.map(mul) };
      if (n.kind === 'recurrent') return { ...n, recurrentWeights: n.recurrentWeights.map((row) => row.map(mul)), biases: n.biases.map(mul) };
      return n;
    }),
    edges: doc.edges.map((e) => (e.weights && inEdges(e) ? { ...e, weights: e.weights.map((row) => row.map(mul)) } : e)),
  };
}

export function nodeOfKind<K extends NodeKind>(doc: NetworkDocument, id: string, kind: K): NodeOf<K> | null {
  const n = doc.nodes.find((x) => x.id === id);
  return n && n.kind === kind ? (n as NodeOf<K>) : null;
}
