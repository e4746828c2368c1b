/**
 * Document -> React Flow nodes and edges. The mapper remembers what it made
 * last time and hands back the very same object for anything whose inputs
 * did not change, so dragging one slider re-renders one edge, not the graph.
 */
import type { NetworkDocument, NetworkEdge, NetworkNode } from '../../engine/document';
import { gateCount } from '../../engine/recurrent/layout';
import type { FlowEdge, FlowEdgeType, FlowNode, FlowNodeType, Size } from './flow-types';

interface NodeEntry {
  node: NetworkNode;
  selected: boolean;
  size: Size | undefined;
  flow: FlowNode;
}

interface EdgeEntry {
  edge: NetworkEdge;
  selected: boolean;
  scale: number;
  gates: number;
  kind: FlowEdgeType;
  flow: FlowEdge;
}

export function flowNodeType(node: NetworkNode): FlowNodeType {
  return `${node.kind}Node`;
}

const KIND_TITLE: Readonly<Record<NetworkNode['kind'], string>> = { input: 'Input', neuron: 'Neuron', layer: 'Layer', recurrent: 'Recurrent layer', output: 'Output' };

function toFlowNode(node: NetworkNode, selected: boolean, size: Size | undefined): FlowNode {
  const base = {
    id: node.id,
    position: node.position,
    selected,
    ariaLabel: `${node.kind === 'recurrent' ? (node.cell === 'lstm' ? 'LSTM layer' : 'Plain recurrent layer') : KIND_TITLE[node.kind]} ${node.label}`,
    ...(size ? { measured: size } : {}),
  };
  switch (node.kind) {
    case 'input':
      return { ...base, type: 'inputNode', data: { node } };
    case 'neuron':
      return { ...base, type: 'neuronNode', data: { node } };
    case 'layer':
      return { ...base, type: 'layerNode', data: { node } };
    case 'recurrent':
      return { ...base, type: 'recurrentNode', data: { node } };
    case 'output':
      return { ...base, type: 'outputNode', data: { node } };
  }
}

/**
 * Largest |w| over the single-weight edges into each node. A single weight
 * is drawn relative to the others into the same node: how much each input
 * matters to that neuron, whatever the scale of weights elsewhere (steps of
 * steepness 10,000 beside output weights of 0.3).
 */
export function scalarWeightScales(doc: NetworkDocument): Map<string, number> {
  const max = new Map<string, number>();
  for (const e of doc.edges) {
    const w = e.weights;
    if (w && w.length === 1 && w[0].length === 1) max.set(e.target, Math.max(max.get(e.target) ?? 0, Math.abs(w[0][0])));
  }
  return max;
}

/** Gates stacked in the weights into each recurrent node (4 for an LSTM): its incoming W is that many blocks. */
function gateCounts(doc: NetworkDocument): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of doc.nodes) if (n.kind === 'recurrent') out.set(n.id, gateCount(n.cell));
  return out;
}

export function meanAbs(weights: readonly (readonly number[])[]): number {
  let s = 0;
  let n = 0;
  for (const row of weights) {
    for (const v of row) s += Math.abs(v);
    n += row.length;
  }
  return n === 0 ? 0 : s / n;
}

function edgeKind(edge: NetworkEdge): FlowEdgeType {
  if (!edge.weights) return 'bindingEdge';
  return edge.weights.length === 1 && edge.weights[0].length === 1 ? 'scalarEdge' : 'matrixEdge';
}

function toFlowEdge(edge: NetworkEdge, kind: FlowEdgeType, selected: boolean, scale: number, gates: number): FlowEdge {
  const base = { id: edge.id, source: edge.source, target: edge.target, selected };
  switch (kind) {
    case 'scalarEdge': {
      const weight = (edge.weights as number[][])[0][0];
      return { ...base, type: 'scalarEdge', data: { edge, weight, relative: scale > 0 ? Math.abs(weight) / scale : 0 } };
    }
    case 'matrixEdge': {
      const w = edge.weights as number[][];
      return { ...base, type: 'matrixEdge', data: { edge, rows: w.length, cols: w[0]?.length ?? 0, meanAbs: meanAbs(w), ...(gates > 1 ? { gates } : {}) } };
    }
    case 'bindingEdge':
      return { ...base, type: 'bindingEdge', data: { edge } };
  }
}

export class FlowMapper {
  private nodeCache = new Map<string, NodeEntry>();
  private edgeCache = new Map<string, EdgeEntry>();
  private lastNodes: FlowNode[] = [];
  private lastEdges: FlowEdge[] = [];

  nodes(doc: NetworkDocument, selected: ReadonlySet<string>, sizes: ReadonlyMap<string, Size>): FlowNode[] {
    const next = new Map<string, NodeEntry>();
    let same = doc.nodes.length === this.lastNodes.length;
    const out = doc.nodes.map((node, i) => {
      const isSelected = selected.has(node.id);
      const size = sizes.get(node.id);
      const old = this.nodeCache.get(node.id);
      const entry =
        old && old.node === node && old.selected === isSelected && old.size === size
          ? old
          : { node, selected: isSelected, size, flow: toFlowNode(node, isSelected, size) };
      next.set(node.id, entry);
      if (same && this.lastNodes[i] !== entry.flow) same = false;
      return entry.flow;
    });
    this.nodeCache = next;
    if (same) return this.lastNodes;
    this.lastNodes = out;
    return out;
  }

  edges(doc: NetworkDocument, selected: ReadonlySet<string>): FlowEdge[] {
    const scales = scalarWeightScales(doc);
    const gates = gateCounts(doc);
    const next = new Map<string, EdgeEntry>();
    let same = doc.edges.length === this.lastEdges.length;
    const out = doc.edges.map((edge, i) => {
      const isSelected = selected.has(edge.id);
      const kind = edgeKind(edge);
      const scale = scales.get(edge.target) ?? 0;
      const old = this.edgeCache.get(edge.id);
      const g = gates.get(edge.target) ?? 1;
      const reuse = old && old.edge === edge && old.selected === isSelected && old.kind === kind && old.gates === g && (kind !== 'scalarEdge' || old.scale === scale);
      const entry = reuse ? old : { edge, selected: isSelected, scale, kind, gates: g, flow: toFlowEdge(edge, kind, isSelected, scale, g) };
      next.set(edge.id, entry);
      if (same && this.lastEdges[i] !== entry.flow) same = false;
      return entry.flow;
    });
    this.edgeCache = next;
    if (same) return this.lastEdges;
    this.lastEdges = out;
    return out;
  }
}
