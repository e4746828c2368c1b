/**
 * A small Layer opened up into its neurons, and neurons gathered back into a
 * Layer. Both keep the network's function exactly: row j of every incoming
 * matrix becomes neuron j's incoming weights, column j of every outgoing
 * matrix its outgoing weights, and the Output reads the units in the same order.
 */
import type { ActivationName } from '../../engine/activations';
import { unitCount, type LayerNode, type NetworkDocument, type NetworkEdge, type NetworkNode, type NeuronNode } from '../../engine/document';
import { EditError } from './edit';
import { edgeId, takenIds, uniqueId } from './ids';

export const MAX_EXPAND = 16;
const ROW = 64;

export function canExpand(node: NetworkNode): string | null {
  if (node.kind !== 'layer') return 'Only a Layer can be expanded into neurons.';
  if (node.activation === 'softmax') return 'A softmax layer couples its units, so it cannot be split into separate neurons.';
  if (node.size > MAX_EXPAND) return `“${node.label}” has ${node.size} units; only layers of up to ${MAX_EXPAND} units can be expanded.`;
  return null;
}

export function expandLayer(doc: NetworkDocument, layerId: string): { doc: NetworkDocument; neuronIds: string[] } {
  const layer = doc.nodes.find((n) => n.id === layerId);
  if (!layer) throw new EditError(`There is no layer “${layerId}”.`);
  const why = canExpand(layer);
  if (why) throw new EditError(why);
  const l = layer as LayerNode;
  const cell = doc.edges.map((e) => (e.target === l.id ? doc.nodes.find((n) => n.id === e.source) : undefined)).find((n) => n?.kind === 'recurrent');
  if (cell) throw new EditError(`“${l.label}” is the readout of “${cell.label}”: a recurrent layer feeds one Layer, so the readout stays a layer.`);
  const taken = takenIds(doc);
  const neuronIds: string[] = [];
  const neurons: NeuronNode[] = l.biases.map((bias, j) => {
    const base = `${l.id}.u${j + 1}`;
    const id = taken.has(base) ? uniqueId(taken, base) : base;
    taken.add(id);
    neuronIds.push(id);
    return {
      id,
      kind: 'neuron',
      label: `${l.label} [${j + 1}]`,
      position: { x: l.position.x, y: Math.round(l.position.y + (j - (l.size - 1) / 2) * ROW) },
      activation: l.activation,
      bias,
      ...(l.frozen ? { frozen: true } : {}),
    };
  });
  const edges: NetworkEdge[] = [];
  for (const e of doc.edges) {
    if (e.target === l.id) {
      for (let j = 0; j < l.size; j++) {
        const id = edgeId(taken, e.source, neuronIds[j]);
        taken.add(id);
        edges.push({ id, source: e.source, target: neuronIds[j], weights: [(e.weights as number[][])[j].slice()], ...(e.frozen ? { frozen: true } : {}) });
      }
    } else if (e.source === l.id) {
      for (let j = 0; j < l.size; j++) {
        const id = edgeId(taken, neuronIds[j], e.target);
        taken.add(id);
        const w = e.weights?.map((row) => [row[j]]);
        edges.push({ id, source: neuronIds[j], target: e.target, ...(w ? { weights: w } : {}), ...(e.frozen ? { frozen: true } : {}) });
      }
    } else {
      edges.push(e);
    }
  }
  const nodes = doc.nodes.flatMap((n): NetworkNode[] => (n.id === l.id ? neurons : [n]));
  return { doc: { ...doc, nodes, edges }, neuronIds };
}

/**
 * Gathers neurons (in the given order) into one Layer with the given id.
 * A connection some of the neurons lack becomes a weight of 0, which computes
 * the same thing. The Output must read all of them or none, in this order.
 */
export function collapseNeurons(
  doc: NetworkDocument,
  neuronIds: readonly string[],
  layer: { id?: string; label?: string } = {},
): { doc: NetworkDocument; layerId: string } {
  if (neuronIds.length < 2) throw new EditError('Select at least two neurons to gather into a layer.');
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const neurons = neuronIds.map((id) => {
    const n = byId.get(id);
    if (!n || n.kind !== 'neuron') throw new EditError(`“${n?.label ?? id}” is not a neuron.`);
    return n;
  });
  const activation: ActivationName = neurons[0].activation;
  if (neurons.some((n) => n.activation !== activation)) throw new EditError('These neurons have different activations; a layer has one activation for all its units.');
  const members = new Set(neuronIds);
  if (doc.edges.some((e) => members.has(e.source) && members.has(e.target))) {
    throw new EditError('Some of these neurons feed each other; the units of a layer work side by side.');
  }
  const size = neurons.length;
  const incoming = new Map<string, number[][]>();
  const outgoing = new Map<string, number[][] | null>();
  const frozenEdges = new Set<string>();
  for (const e of doc.edges) {
    const j = neuronIds.indexOf(e.target);
    if (j >= 0) {
      const cols = unitCount(byId.get(e.source) as NetworkNode);
      let m = incoming.get(e.source);
      if (!m) incoming.set(e.source, (m = Array.from({ length: size }, () => new Array<number>(cols).fill(0))));
      m[j] = (e.weights as number[][])[0].slice();
      if (e.frozen) frozenEdges.add(e.source);
    }
    const k = neuronIds.indexOf(e.source);
    if (k >= 0) {
      const target = byId.get(e.target) as NetworkNode;
      if (target.kind === 'output') {
        outgoing.set(e.target, null);
        continue;
      }
      const rows = unitCount(target);
      let m = outgoing.get(e.target);
      if (!m) outgoing.set(e.target, (m = Array.from({ length: rows }, () => new Array<number>(size).fill(0))));
      for (let r = 0; r < rows; r++) m[r][k] = (e.weights as number[][])[r][0];
      if (e.frozen) frozenEdges.add(e.target);
    }
  }
  const binding = doc.edges.map((e, i) => ({ e, i })).filter(({ e }) => members.has(e.source) && byId.get(e.target)?.kind === 'output');
  if (binding.length > 0) {
    if (binding.length !== size) throw new EditError('The Output reads only some of these neurons; it must read all of them or none.');
    const contiguous = binding.every(({ e, i }, k) => e.source === neuronIds[k] && (k === 0 || i === binding[k - 1].i + 1));
    if (!contiguous) throw new EditError('The Output reads these neurons in another order, or with other units in between; gathering them would change its output.');
  }
  const taken = takenIds(doc);
  for (const id of neuronIds) taken.delete(id);
  const layerId = layer.id && !taken.has(layer.id) ? layer.id : uniqueId(taken, 'layer');
  taken.add(layerId);
  const first = neurons[0];
  const ys = neurons.map((n) => n.position.y);
  const layerNode: LayerNode = {
    id: layerId,
    kind: 'layer',
    label: layer.label ?? `Layer of ${size}`,
    position: { x: first.position.x, y: Math.round((Math.min(...ys) + Math.max(...ys)) / 2) },
    size,
    activation,
    biases: neurons.map((n) => n.bias),
    ...(neurons.every((n) => n.frozen) ? { frozen: true } : {}),
  };
  const edges: NetworkEdge[] = [];
  const placed = new Set<string>();
  for (const e of doc.edges) {
    const fromMember = members.has(e.source);
    const toMember = members.has(e.target);
    if (!fromMember && !toMember) {
      edges.push(e);
      continue;
    }
    const key = toMember ? `in:${e.source}` : `out:${e.target}`;
    if (placed.has(key)) continue;
    placed.add(key);
    if (toMember) {
      const id = edgeId(taken, e.source, layerId);
      taken.add(id);
      edges.push({ id, source: e.source, target: layerId, weights: incoming.get(e.source) as number[][], ...(frozenEdges.has(e.source) ? { frozen: true } : {}) });
    } else {
      const id = edgeId(taken, layerId, e.target);
      taken.add(id);
      const w = outgoing.get(e.target);
      edges.push({ id, source: layerId, target: e.target, ...(w ? { weights: w } : {}), ...(frozenEdges.has(e.target) ? { frozen: true } : {}) });
    }
  }
  const at = doc.nodes.findIndex((n) => members.has(n.id));
  const nodes = doc.nodes.filter((n) => !members.has(n.id));
  nodes.splice(Math.min(at, nodes.length), 0, layerNode);
  return { doc: { ...doc, nodes, edges }, layerId };
}
