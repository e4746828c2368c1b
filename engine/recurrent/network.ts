/**
 * A recurrent network on the canvas: Input -> recurrent node -> Layer (the
 * readout, y_t = f(W_y h_t + b_y)) -> Output. compileSequence turns such a
 * document into a SequenceModel (engine/recurrent/model.ts) and
 * writeBackSequence puts trained parameters back, so the canvas, the trainer
 * host and the CLI share one mapping.
 *
 * Where each of the seed's parameters lives in the document:
 *   W_g  the edge Input -> recurrent node, gate blocks stacked by row (r, s, f, l)
 *   U_g  the recurrent node's recurrentWeights, stacked the same way
 *   b_g  the recurrent node's biases, stacked the same way
 *   W_y  the edge recurrent node -> readout Layer
 *   b_y  the readout Layer's biases
 */
import type { ActivationName } from '../activations';
import type { CostName } from '../costs';
import {
  DocumentError,
  NETWORK_FORMAT,
  NETWORK_VERSION,
  validateNetwork,
  type InputNode,
  type LayerNode,
  type NetworkDocument,
  type NetworkEdge,
  type OutputNode,
  type RecurrentNode,
} from '../document';
import { Rng } from '../rng';
import { gateCount, type CellKind, type OutputActivation, type SequenceModelSpec } from './layout';
import { createSequenceModel, initialiseSequenceModel, type SequenceInitOptions, type SequenceModel } from './model';

export function isRecurrentNetwork(doc: Pick<NetworkDocument, 'nodes'>): boolean {
  return doc.nodes.some((n) => n.kind === 'recurrent');
}

export interface SequencePlan {
  model: SequenceModel;
  /** The recurrent node's setting: where the dataset must have targets. */
  outputs: 'last' | 'every';
  ids: { input: string; recurrent: string; readout: string; output: string; inEdge: string; readoutEdge: string };
  /** The document the plan came from (for writing parameters back). */
  source: NetworkDocument;
}

const SHAPE = 'a recurrent network is Input -> LSTM (or recurrent) node -> Layer (the readout) -> Output';

/** Throws a DocumentError naming what to change when the document is not a trainable sequence network. */
export function compileSequence(raw: NetworkDocument): SequencePlan {
  const doc = validateNetwork(raw);
  const recurrentNodes = doc.nodes.filter((n): n is RecurrentNode => n.kind === 'recurrent');
  if (recurrentNodes.length !== 1) {
    throw new DocumentError(
      recurrentNodes.length === 0 ? `Cannot train on sequences: the network has no LSTM or recurrent node (${SHAPE})` : `Cannot train: a network has one recurrent node for now, this one has ${recurrentNodes.length}`,
      recurrentNodes[1] ? { node: recurrentNodes[1].id } : undefined,
    );
  }
  const cell = recurrentNodes[0];
  const fail = (why: string, where: { node?: string; edge?: string } = { node: cell.id }): never => {
    throw new DocumentError(`Cannot train: ${why} (${SHAPE})`, where);
  };
  const inEdges = doc.edges.filter((e) => e.target === cell.id);
  if (inEdges.length !== 1) fail(`connect an Input to "${cell.id}"`);
  const inEdge = inEdges[0];
  const input = doc.nodes.find((n) => n.id === inEdge.source) as InputNode;
  const outEdges = doc.edges.filter((e) => e.source === cell.id);
  if (outEdges.length !== 1) fail(outEdges.length === 0 ? `connect "${cell.id}" to a Layer, its readout` : `"${cell.id}" feeds ${outEdges.length} layers; it feeds one readout Layer`);
  const readoutEdge = outEdges[0];
  const readout = doc.nodes.find((n) => n.id === readoutEdge.target) as LayerNode;
  const toOutput = doc.edges.filter((e) => e.source === readout.id);
  const output = doc.nodes.find((n): n is OutputNode => n.kind === 'output');
  if (!output || toOutput.length !== 1 || toOutput[0].target !== output.id) fail(`connect the readout "${readout.id}" to an Output, and to nothing else`, { node: readout.id });
  const intoReadout = doc.edges.filter((e) => e.target === readout.id);
  if (intoReadout.length !== 1) fail(`the readout "${readout.id}" reads only "${cell.id}"`, { node: readout.id });
  const used = new Set([input.id, cell.id, readout.id, (output as OutputNode).id]);
  const stray = doc.nodes.find((n) => !used.has(n.id));
  if (stray) fail(`"${stray.id}" is not part of the chain; remove it or build it as a separate network`, { node: stray.id });
  if (readout.activation === 'perceptron') fail(`the readout "${readout.id}" is a perceptron, whose step has no slope; use sigmoid, softmax or linear`, { node: readout.id });

  const spec: SequenceModelSpec = {
    cell: cell.cell,
    inputSize: input.size,
    hiddenSize: cell.size,
    outputSize: readout.size,
    outputActivation: readout.activation as OutputActivation,
    cost: (output as OutputNode).cost,
  };
  let model: SequenceModel;
  try {
    model = createSequenceModel(spec);
  } catch (e) {
    throw new DocumentError(`Cannot train: ${(e as Error).message.replace(/^recurrent model: /, '')}`, { node: readout.id });
  }
  const d = cell.size;
  const p = input.size;
  const W = inEdge.weights as number[][];
  const Wy = readoutEdge.weights as number[][];
  const { params, frozen } = model;
  const put = (name: string, rows: number, cols: number, value: (i: number, j: number) => number, isFrozen: boolean | undefined): void => {
    const b = model.blocks.find((x) => x.name === name) as (typeof model.blocks)[number];
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) params[b.offset + i * cols + j] = value(i, j);
    if (isFrozen) frozen.fill(1, b.offset, b.offset + rows * cols);
  };
  gateNames(cell.cell).forEach((g, k) => {
    put(`W${g}`, d, p, (i, j) => W[k * d + i][j], inEdge.frozen);
    put(`U${g}`, d, d, (i, j) => cell.recurrentWeights[k * d + i][j], cell.frozen);
    put(`b${g}`, d, 1, (i) => cell.biases[k * d + i], cell.frozen);
  });
  put('W_y', readout.size, d, (i, j) => Wy[i][j], readoutEdge.frozen);
  put('b_y', readout.size, 1, (i) => readout.biases[i], readout.frozen);
  return {
    model,
    outputs: cell.outputs,
    ids: { input: input.id, recurrent: cell.id, readout: readout.id, output: (output as OutputNode).id, inEdge: inEdge.id, readoutEdge: readoutEdge.id },
    source: doc,
  };
}

/** Block name suffixes in the seed's order: '_r', '_s', '_f', '_l' for the LSTM, '' for the plain layer. */
export function gateNames(cell: CellKind): string[] {
  return cell === 'lstm' ? ['_r', '_s', '_f', '_l'] : [''];
}

/** The plan's source document with parameters (by default the model's own) written back into it. */
export function writeBackSequence(plan: SequencePlan, params: Float64Array = plan.model.params): NetworkDocument {
  const { model, ids } = plan;
  if (params.length !== model.params.length) {
    throw new DocumentError(`the parameters do not fit this network: ${params.length} numbers for ${model.params.length} parameters`);
  }
  const block = (name: string): number[][] => {
    const b = model.blocks.find((x) => x.name === name) as (typeof model.blocks)[number];
    return Array.from({ length: b.rows }, (_, i) => Array.from(params.subarray(b.offset + i * b.cols, b.offset + (i + 1) * b.cols)));
  };
  const gates = gateNames(model.spec.cell);
  const W = gates.flatMap((g) => block(`W${g}`));
  const U = gates.flatMap((g) => block(`U${g}`));
  const b = gates.flatMap((g) => block(`b${g}`).map((row) => row[0]));
  const Wy = block('W_y');
  const by = block('b_y').map((row) => row[0]);
  const doc = plan.source;
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      if (n.id === ids.recurrent && n.kind === 'recurrent') return { ...n, recurrentWeights: U, biases: b };
      if (n.id === ids.readout && n.kind === 'layer') return { ...n, biases: by };
      return n;
    }),
    edges: doc.edges.map((e) => (e.id === ids.inEdge ? { ...e, weights: W } : e.id === ids.readoutEdge ? { ...e, weights: Wy } : e)),
  };
}

export interface SequenceNetworkOptions {
  cell: CellKind;
  inputSize: number;
  hiddenSize: number;
  outputSize: number;
  outputActivation?: Exclude<ActivationName, 'perceptron'>;
  cost?: CostName;
  outputs?: 'last' | 'every';
}

// Wider than a dense network's columns: the Input's label names a step, and the cell is drawn.
const COLUMN = 320;

/** Input -> cell -> readout Layer -> Output, every parameter 0 (see initialiseSequenceDocument). */
export function sequenceNetwork(o: SequenceNetworkOptions): NetworkDocument {
  const G = gateCount(o.cell);
  const d = o.hiddenSize;
  const zeros = (rows: number, cols: number): number[][] => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  const recurrent: RecurrentNode = {
    id: o.cell,
    kind: 'recurrent',
    label: o.cell === 'lstm' ? 'LSTM' : 'Recurrent',
    position: { x: COLUMN, y: 0 },
    cell: o.cell,
    size: d,
    outputs: o.outputs ?? 'last',
    recurrentWeights: zeros(G * d, d),
    biases: new Array<number>(G * d).fill(0),
  };
  const edges: NetworkEdge[] = [
    { id: `input->${o.cell}`, source: 'input', target: o.cell, weights: zeros(G * d, o.inputSize) },
    { id: `${o.cell}->readout`, source: o.cell, target: 'readout', weights: zeros(o.outputSize, d) },
    { id: 'readout->output', source: 'readout', target: 'output' },
  ];
  return validateNetwork({
    format: NETWORK_FORMAT,
    version: NETWORK_VERSION,
    nodes: [
      { id: 'input', kind: 'input', label: 'Input (one step)', position: { x: 0, y: 0 }, size: o.inputSize },
      recurrent,
      { id: 'readout', kind: 'layer', label: 'Readout', position: { x: 2 * COLUMN, y: 0 }, size: o.outputSize, activation: o.outputActivation ?? 'softmax', biases: new Array<number>(o.outputSize).fill(0) },
      { id: 'output', kind: 'output', label: 'Output', position: { x: 3 * COLUMN, y: 0 }, cost: o.cost ?? 'logLikelihood' },
    ],
    edges,
  });
}

/** A copy with fresh parameters drawn as initialiseSequenceModel draws them: the same seed gives the same parameters. */
export function initialiseSequenceDocument(doc: NetworkDocument, seed: number, options: SequenceInitOptions = {}): NetworkDocument {
  const plan = compileSequence(doc);
  initialiseSequenceModel(plan.model, new Rng(seed), options);
  return writeBackSequence(plan);
}
