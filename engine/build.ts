/** Builders for common documents: a plain layered network, and (re)initialised copies. */
import type { ActivationName } from './activations';
import { compile, writeBack } from './compile';
import type { CostName } from './costs';
import { NETWORK_FORMAT, NETWORK_VERSION, type NetworkDocument, type NetworkEdge, type NetworkNode } from './document';
import { initialise, type InitName } from './init';
import { Rng } from './rng';

export interface LayeredOptions {
  activation?: ActivationName;
  /** Activation of the last layer (defaults to `activation`). */
  outputActivation?: ActivationName;
  cost?: CostName;
  /** Draw the input as an image (e.g. 28x28). */
  image?: { width: number; height: number };
  /** Filled by `initialiseDocument`; zeros here. */
  weights?: number[][][];
  biases?: number[][];
}

const COLUMN = 260;

/**
 * sizes[0] inputs, then one Layer per further size, the last bound to an
 * Output: the shape of the book's Network(sizes).
 */
export function layeredNetwork(sizes: number[], options: LayeredOptions = {}): NetworkDocument {
  if (sizes.length < 2) throw new Error('a layered network needs at least an input size and an output size');
  const activation = options.activation ?? 'sigmoid';
  const nodes: NetworkNode[] = [
    { id: 'input', kind: 'input', label: 'Input', position: { x: 0, y: 0 }, size: sizes[0], ...(options.image ? { image: options.image } : {}) },
  ];
  const edges: NetworkEdge[] = [];
  for (let l = 1; l < sizes.length; l++) {
    const last = l === sizes.length - 1;
    const id = last ? 'output-layer' : `hidden-${l}`;
    const prev = l === 1 ? 'input' : nodes[nodes.length - 1].id;
    nodes.push({
      id,
      kind: 'layer',
      label: last ? 'Output layer' : `Hidden ${l}`,
      position: { x: l * COLUMN, y: 0 },
      size: sizes[l],
      activation: last ? (options.outputActivation ?? activation) : activation,
      biases: options.biases?.[l - 1] ?? new Array<number>(sizes[l]).fill(0),
    });
    edges.push({
      id: `${prev}->${id}`,
      source: prev,
      target: id,
      weights: options.weights?.[l - 1] ?? Array.from({ length: sizes[l] }, () => new Array<number>(sizes[l - 1]).fill(0)),
    });
  }
  nodes.push({ id: 'output', kind: 'output', label: 'Output', position: { x: sizes.length * COLUMN, y: 0 }, cost: options.cost ?? 'crossEntropy' });
  edges.push({ id: 'output-layer->output', source: 'output-layer', target: 'output' });
  return { format: NETWORK_FORMAT, version: NETWORK_VERSION, nodes, edges };
}

/** A copy of the document with fresh weights: the same seed gives the same weights. */
export function initialiseDocument(doc: NetworkDocument, scheme: InitName, seed: number): NetworkDocument {
  const plan = compile(doc, 'float64');
  initialise(plan, scheme, new Rng(seed));
  return writeBack(plan);
}
