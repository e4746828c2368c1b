/**
 * The network document: plain, versioned JSON that the canvas edits and
 * `compile` turns into an executable plan. Nothing else owns network state.
 *
 * Weight matrices are stored as rows = target units, columns = source units,
 * exactly the seed's w^l_{jk} (j in the later layer, k in the earlier one).
 */
import { z } from 'zod';
import { finiteNumber as finite } from './schema';
import { ACTIVATION_NAMES, type ActivationName } from './activations';
import { COST_NAMES, type CostName } from './costs';
import { InputError } from './errors';
import { CELL_KINDS, gateCount, type CellKind } from './recurrent/layout';

export const NETWORK_FORMAT = 'neuroloom-network';
export const NETWORK_VERSION = 3;

/** Limits that keep a hostile file from asking for absurd allocations. */
export const MAX_UNITS = 1 << 20;
export const MAX_NODES = 100_000;

export interface Position {
  x: number;
  y: number;
}

interface NodeBase {
  id: string;
  label: string;
  position: Position;
}

export interface InputNode extends NodeBase {
  kind: 'input';
  /** Number of scalar features this node feeds (1 for a named scalar, 784 for a digit). */
  size: number;
  /** Shown as an image when set; width * height must equal size. */
  image?: { width: number; height: number };
}

export interface NeuronNode extends NodeBase {
  kind: 'neuron';
  activation: ActivationName;
  bias: number;
  /** Training leaves the bias alone. */
  frozen?: boolean;
}

export interface LayerNode extends NodeBase {
  kind: 'layer';
  size: number;
  activation: ActivationName;
  biases: number[];
  frozen?: boolean;
}

export interface OutputNode extends NodeBase {
  kind: 'output';
  cost: CostName;
}

/**
 * A recurrent layer (the seed's chapter 5) that reads its Input as a sequence,
 * one row of features per step: the seed's LSTM cell or a plain tanh layer.
 * Its gates are stacked in the seed's order (rem r, save s, focus f and the
 * candidate l for the LSTM; one block for the plain layer), so with G gates
 * the edge from the Input carries W = [W_r; W_s; W_f; W_l] (G*size rows) and
 * the node carries U = [U_r; ...] (G*size x size) and b = [b_r; ...]. What it
 * passes on is wm_t (or h_t): `size` units, read by one Layer, the readout.
 */
export interface RecurrentNode extends NodeBase {
  kind: 'recurrent';
  cell: CellKind;
  size: number;
  /** Sequence-to-one (the readout sees only the last step) or sequence-to-sequence (every step). */
  outputs: 'last' | 'every';
  /** G*size rows of size: the recurrent weights U_g stacked by gate. */
  recurrentWeights: number[][];
  /** G*size: b_g stacked by gate. */
  biases: number[];
  frozen?: boolean;
}

export type NetworkNode = InputNode | NeuronNode | LayerNode | RecurrentNode | OutputNode;
export type NodeKind = NetworkNode['kind'];

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  /** rows = target units, columns = source units; absent on edges into an Output. */
  weights?: number[][];
  frozen?: boolean;
}

export interface NetworkDocument {
  format: typeof NETWORK_FORMAT;
  version: typeof NETWORK_VERSION;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/** Units a node contributes to the computation (an Output node has none of its own). */
export function unitCount(node: NetworkNode): number {
  switch (node.kind) {
    case 'input':
      return node.size;
    case 'neuron':
      return 1;
    case 'layer':
    case 'recurrent':
      return node.size;
    case 'output':
      return 0;
  }
}

/** Rows of the weight matrix on an edge into the node: one per unit, and one per unit and gate for a recurrent node. */
export function incomingRows(node: NetworkNode): number {
  return node.kind === 'recurrent' ? gateCount(node.cell) * node.size : unitCount(node);
}

const id = z.string().min(1).max(200);
const position = z.object({ x: finite, y: finite });
const base = { id, label: z.string().max(500), position };
const size = z.number().int().min(1).max(MAX_UNITS);

const inputSchema = z.object({
  ...base,
  kind: z.literal('input'),
  size,
  image: z.object({ width: size, height: size }).optional(),
});
const neuronSchema = z.object({
  ...base,
  kind: z.literal('neuron'),
  activation: z.enum(ACTIVATION_NAMES),
  bias: finite,
  frozen: z.boolean().optional(),
});
const layerSchema = z.object({
  ...base,
  kind: z.literal('layer'),
  size,
  activation: z.enum(ACTIVATION_NAMES),
  biases: z.array(finite).max(MAX_UNITS),
  frozen: z.boolean().optional(),
});
const outputSchema = z.object({ ...base, kind: z.literal('output'), cost: z.enum(COST_NAMES) });
const recurrentSchema = z.object({
  ...base,
  kind: z.literal('recurrent'),
  cell: z.enum(CELL_KINDS),
  size,
  outputs: z.enum(['last', 'every']),
  recurrentWeights: z.array(z.array(finite).max(MAX_UNITS)).max(MAX_UNITS),
  biases: z.array(finite).max(MAX_UNITS),
  frozen: z.boolean().optional(),
});

const nodeSchema = z.discriminatedUnion('kind', [inputSchema, neuronSchema, layerSchema, recurrentSchema, outputSchema]);
const edgeSchema = z.object({
  id,
  source: id,
  target: id,
  weights: z.array(z.array(finite)).optional(),
  frozen: z.boolean().optional(),
});

export const networkSchema = z.object({
  format: z.literal(NETWORK_FORMAT),
  version: z.literal(NETWORK_VERSION),
  nodes: z.array(nodeSchema).max(MAX_NODES),
  edges: z.array(edgeSchema).max(MAX_NODES * 10),
});

/** An error that names the node or edge at fault. */
export class DocumentError extends InputError {
  constructor(
    message: string,
    readonly where?: { node?: string; edge?: string },
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** Turns a zod issue path like ["nodes", 3, "bias"] into "node "h1" (nodes[3]).bias". */
function describePath(path: readonly PropertyKey[], raw: unknown): { text: string; where?: { node?: string; edge?: string } } {
  const [head, index, ...rest] = path;
  if ((head === 'nodes' || head === 'edges') && typeof index === 'number') {
    const list = (raw as Record<string, unknown>)[head];
    const item = Array.isArray(list) ? (list[index] as Record<string, unknown> | undefined) : undefined;
    const itemId = item && typeof item.id === 'string' ? item.id : undefined;
    const what = head === 'nodes' ? 'node' : 'edge';
    const name = itemId !== undefined ? `${what} "${itemId}"` : `${what} #${index}`;
    const suffix = rest.length > 0 ? ` field ${rest.map(String).join('.')}` : '';
    return { text: `${name}${suffix}`, where: itemId !== undefined ? { [what]: itemId } : undefined };
  }
  return { text: path.length > 0 ? path.map(String).join('.') : 'document' };
}

/**
 * Checks a value that claims to be a current-version network document:
 * its shape (zod), then the graph rules zod cannot express. Throws a
 * DocumentError naming the node or edge at fault.
 */
export function validateNetwork(raw: unknown): NetworkDocument {
  const parsed = networkSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const { text, where } = describePath(issue.path, raw);
    throw new DocumentError(`${text}: ${issue.message}`, where);
  }
  const doc = parsed.data as NetworkDocument;
  checkGraph(doc);
  return doc;
}

function checkGraph(doc: NetworkDocument): void {
  const byId = new Map<string, NetworkNode>();
  for (const node of doc.nodes) {
    if (byId.has(node.id)) throw new DocumentError(`node "${node.id}": the id is used twice`, { node: node.id });
    byId.set(node.id, node);
    if (node.kind === 'layer' && node.biases.length !== node.size) {
      throw new DocumentError(
        `node "${node.id}": layer of ${node.size} units has ${node.biases.length} biases`,
        { node: node.id },
      );
    }
    if (node.kind === 'input' && node.image && node.image.width * node.image.height !== node.size) {
      throw new DocumentError(
        `node "${node.id}": image ${node.image.width}x${node.image.height} does not hold ${node.size} values`,
        { node: node.id },
      );
    }
    if (node.kind === 'layer' && node.activation === 'softmax' && node.size < 2) {
      throw new DocumentError(`node "${node.id}": softmax needs at least 2 units`, { node: node.id });
    }
    if (node.kind === 'neuron' && node.activation === 'softmax') {
      throw new DocumentError(`node "${node.id}": softmax applies to a layer, not to one neuron`, { node: node.id });
    }
    if (node.kind === 'recurrent') checkRecurrentNode(node);
  }
  const edgeIds = new Set<string>();
  const pairs = new Set<string>();
  for (const edge of doc.edges) {
    const at = { edge: edge.id };
    if (edgeIds.has(edge.id)) throw new DocumentError(`edge "${edge.id}": the id is used twice`, at);
    edgeIds.add(edge.id);
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source) throw new DocumentError(`edge "${edge.id}": source node "${edge.source}" does not exist`, at);
    if (!target) throw new DocumentError(`edge "${edge.id}": target node "${edge.target}" does not exist`, at);
    if (edge.source === edge.target) throw new DocumentError(`edge "${edge.id}": connects "${edge.source}" to itself (a cycle)`, at);
    const pair = `${edge.source}\u0000${edge.target}`;
    if (pairs.has(pair)) throw new DocumentError(`edge "${edge.id}": "${edge.source}" is already connected to "${edge.target}"`, at);
    pairs.add(pair);
    if (source.kind === 'output') throw new DocumentError(`edge "${edge.id}": an Output node cannot feed another node`, at);
    if (target.kind === 'input') throw new DocumentError(`edge "${edge.id}": an Input node cannot receive an edge`, at);
    if (target.kind === 'recurrent' && source.kind !== 'input') {
      throw new DocumentError(`edge "${edge.id}": a ${cellTitle(target)} node reads a sequence from an Input node, not from "${edge.source}"`, at);
    }
    if (source.kind === 'recurrent' && target.kind !== 'layer') {
      throw new DocumentError(`edge "${edge.id}": a ${cellTitle(source)} node feeds a Layer (its readout), not ${target.kind === 'output' ? 'an Output directly' : `a ${target.kind}`}`, at);
    }
    if (target.kind === 'output') {
      if (source.kind === 'input') throw new DocumentError(`edge "${edge.id}": an Output must be fed by neurons or layers, not by an Input`, at);
      if (edge.weights !== undefined) throw new DocumentError(`edge "${edge.id}": an edge into an Output carries no weights`, at);
      continue;
    }
    const rows = incomingRows(target);
    const cols = unitCount(source);
    const w = edge.weights;
    if (!w) throw new DocumentError(`edge "${edge.id}": missing weights (${rows}x${cols})`, at);
    if (w.length !== rows || w.some((row) => row.length !== cols)) {
      const got = w.length === 0 ? '0 rows' : `${w.length}x${w.map((r) => r.length).find((l) => l !== cols) ?? cols}`;
      const shape = target.kind === 'recurrent' ? `gates x units (${gateCount(target.cell)} x ${target.size}) by input features` : 'target units x source units';
      throw new DocumentError(`edge "${edge.id}": weights must be ${rows}x${cols} (${shape}), got ${got}`, at);
    }
  }
  for (const node of doc.nodes) {
    if (node.kind !== 'recurrent') continue;
    const inputs = doc.edges.filter((e) => e.target === node.id);
    if (inputs.length > 1) throw new DocumentError(`node "${node.id}": a ${cellTitle(node)} node reads one Input, but ${inputs.length} edges lead into it`, { node: node.id });
  }
  const outputs = doc.nodes.filter((n): n is OutputNode => n.kind === 'output');
  if (outputs.length > 1) throw new DocumentError(`node "${outputs[1].id}": a network has at most one Output node`, { node: outputs[1].id });
  const cycleAt = findCycle(doc);
  if (cycleAt) throw new DocumentError(`node "${cycleAt}": lies on a cycle; a network must be acyclic`, { node: cycleAt });
}

function cellTitle(node: RecurrentNode): string {
  return node.cell === 'lstm' ? 'LSTM' : 'recurrent';
}

function checkRecurrentNode(node: RecurrentNode): void {
  const at = { node: node.id };
  const rows = gateCount(node.cell) * node.size;
  const u = node.recurrentWeights;
  if (u.length !== rows || u.some((row) => row.length !== node.size)) {
    throw new DocumentError(`node "${node.id}": recurrent weights U must be ${rows}x${node.size} (${gateCount(node.cell)} gates x ${node.size} units, by ${node.size} units)`, at);
  }
  if (node.biases.length !== rows) throw new DocumentError(`node "${node.id}": ${cellTitle(node)} of ${node.size} units needs ${rows} biases (${gateCount(node.cell)} per unit), has ${node.biases.length}`, at);
}

/** Kahn's algorithm; returns the id of a node on a cycle, or null. */
function findCycle(doc: NetworkDocument): string | null {
  const order = topologicalOrder(doc);
  if (order.length === doc.nodes.length) return null;
  const placed = new Set(order);
  return doc.nodes.find((n) => !placed.has(n.id))?.id ?? null;
}

/**
 * Node ids in a topological order, ties broken by document order so the
 * order (and so every computed number) is stable. Nodes on cycles are left out.
 */
export function topologicalOrder(doc: Pick<NetworkDocument, 'nodes' | 'edges'>): string[] {
  const indegree = new Map<string, number>();
  const outgoing = new Map<string, string[]>();
  const rank = new Map<string, number>();
  doc.nodes.forEach((n, i) => {
    indegree.set(n.id, 0);
    outgoing.set(n.id, []);
    rank.set(n.id, i);
  });
  for (const e of doc.edges) {
    if (!indegree.has(e.source) || !indegree.has(e.target)) continue;
    indegree.set(e.target, (indegree.get(e.target) ?? 0) + 1);
    outgoing.get(e.source)?.push(e.target);
  }
  // A small binary heap keyed by document rank keeps this O(E log V).
  const heap: string[] = [];
  const less = (a: string, b: string): boolean => (rank.get(a) ?? 0) < (rank.get(b) ?? 0);
  const push = (id: string): void => {
    heap.push(id);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i], heap[p])) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  const pop = (): string => {
    const top = heap[0];
    const last = heap.pop() as string;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l], heap[m])) m = l;
        if (r < heap.length && less(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  };
  for (const n of doc.nodes) if (indegree.get(n.id) === 0) push(n.id);
  const order: string[] = [];
  while (heap.length > 0) {
    const id = pop();
    order.push(id);
    for (const t of outgoing.get(id) ?? []) {
      const d = (indegree.get(t) ?? 0) - 1;
      indegree.set(t, d);
      if (d === 0) push(t);
    }
  }
  return order;
}
