/** Seeded random DAGs of neurons and layers, with skip connections, for property tests. */
import type { ActivationName } from '../../engine/activations';
import type { CostName } from '../../engine/costs';
import { NETWORK_FORMAT, NETWORK_VERSION, type NetworkDocument, type NetworkEdge, type NetworkNode } from '../../engine/document';
import { Rng } from '../../engine/rng';

export interface RandomDagOptions {
  hiddenActivations: ActivationName[];
  outputActivation: ActivationName;
  cost: CostName;
  /** One output layer (needed by log-likelihood) instead of one or two output blocks. */
  singleOutputLayer?: boolean;
}

export function randomDag(seed: number, options: RandomDagOptions): NetworkDocument {
  const rng = new Rng(seed);
  const nodes: NetworkNode[] = [];
  const edges: NetworkEdge[] = [];
  const sizeOf = new Map<string, number>();
  const inputs = 1 + rng.int(2);
  for (let i = 0; i < inputs; i++) {
    const size = 1 + rng.int(3);
    nodes.push({ id: `in${i}`, kind: 'input', label: `x${i}`, position: { x: 0, y: i }, size });
    sizeOf.set(`in${i}`, size);
  }
  const hidden = 2 + rng.int(4);
  const connect = (source: string, target: string): void => {
    const rows = sizeOf.get(target) as number;
    const cols = sizeOf.get(source) as number;
    edges.push({
      id: `${source}->${target}`,
      source,
      target,
      weights: Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal() * 0.8)),
    });
  };
  const addUnitNode = (id: string, activation: ActivationName, layer: boolean, size: number): void => {
    if (layer) {
      nodes.push({ id, kind: 'layer', label: id, position: { x: 1, y: 0 }, size, activation, biases: Array.from({ length: size }, () => rng.normal() * 0.5) });
    } else {
      nodes.push({ id, kind: 'neuron', label: id, position: { x: 1, y: 0 }, activation, bias: rng.normal() * 0.5 });
    }
    sizeOf.set(id, size);
    const earlier = nodes.slice(0, -1).filter((n) => n.kind !== 'output').map((n) => n.id);
    // Always the previous node (a chain), plus random skip connections.
    const chosen = new Set<string>([earlier[earlier.length - 1]]);
    for (const e of earlier) if (rng.float() < 0.35) chosen.add(e);
    for (const s of chosen) connect(s, id);
  };
  for (let h = 0; h < hidden; h++) {
    const activation = options.hiddenActivations[rng.int(options.hiddenActivations.length)];
    const asLayer = activation === 'softmax' || rng.float() < 0.5;
    addUnitNode(`h${h}`, activation, asLayer, asLayer ? 2 + rng.int(3) : 1);
  }
  const outBlocks = options.singleOutputLayer || options.outputActivation === 'softmax' ? 1 : 1 + rng.int(2);
  const outIds: string[] = [];
  for (let o = 0; o < outBlocks; o++) {
    const id = `o${o}`;
    const isLayer = options.outputActivation === 'softmax' || options.singleOutputLayer || rng.float() < 0.5;
    addUnitNode(id, options.outputActivation, isLayer, isLayer ? 2 + rng.int(2) : 1);
    outIds.push(id);
  }
  nodes.push({ id: 'out', kind: 'output', label: 'Output', position: { x: 2, y: 0 }, cost: options.cost });
  for (const id of outIds) edges.push({ id: `${id}->out`, source: id, target: 'out' });
  return { format: NETWORK_FORMAT, version: NETWORK_VERSION, nodes, edges };
}

/** Random inputs and targets that suit the cost. */
export function randomExamples(seed: number, inputSize: number, outputSize: number, count: number, cost: CostName): { x: Float64Array; y: Float64Array } {
  const rng = new Rng(seed);
  const x = new Float64Array(count * inputSize);
  const y = new Float64Array(count * outputSize);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  for (let e = 0; e < count; e++) {
    if (cost === 'logLikelihood') {
      y[e * outputSize + rng.int(outputSize)] = 1;
    } else {
      for (let j = 0; j < outputSize; j++) y[e * outputSize + j] = cost === 'crossEntropy' ? rng.float() : rng.normal();
    }
  }
  return { x, y };
}
