/**
 * compile(document) -> Plan: the document's nodes as dense blocks in
 * topological order, every parameter in one flat buffer. A Neuron is a block
 * of size 1, a Layer a block of size N, an edge a dense matrix (rows = target
 * units, columns = source units), so a hand-wired graph and a 784-30-10
 * network run through the same forward and backward code.
 */
import { activations, type Activation } from './activations';
import { costs, type Cost } from './costs';
import {
  DocumentError,
  topologicalOrder,
  unitCount,
  type NetworkDocument,
  type NetworkNode,
  validateNetwork,
} from './document';

export type Precision = 'float64' | 'float32';
export type Vec = Float64Array | Float32Array;

export interface BlockInput {
  /** Index of the source block in plan.blocks. */
  source: number;
  edgeId: string;
  /** Offset of the rows x cols matrix (row-major) in plan.params. */
  weightOffset: number;
}

export interface Block {
  nodeId: string;
  kind: 'input' | 'neuron' | 'layer';
  size: number;
  /** Offset of this block's units in the per-example unit vectors (z, a, delta). */
  unitOffset: number;
  activation: Activation;
  /** Offset of this block's biases in plan.params; -1 for inputs. */
  biasOffset: number;
  /** For input blocks: where its features start in an example's x. */
  inputOffset: number;
  inputs: BlockInput[];
  /** Indices of blocks this one feeds (not counting the Output binding). */
  consumers: number[];
}

export interface OutputBinding {
  nodeId: string;
  cost: Cost;
  /** The output vector is these blocks' units, concatenated in edge order. */
  blocks: number[];
  size: number;
  /**
   * Per block: 1 where the seed's closed form delta^L = a^L - y applies
   * (cross-entropy on sigmoid units, log-likelihood on softmax, sections 3.1
   * and 3.2). It avoids 0/0 where a sigmoid saturates.
   */
  closedForm: Uint8Array;
}

export interface Plan {
  precision: Precision;
  blocks: Block[];
  totalUnits: number;
  inputSize: number;
  params: Vec;
  /** 1 where training must leave the parameter alone. */
  frozen: Uint8Array;
  /** 1 for weights (L2 applies), 0 for biases. */
  isWeight: Uint8Array;
  output: OutputBinding | null;
  /** Why this plan cannot be trained, or null. */
  untrainableReason: string | null;
  /** The document the plan came from (for writing weights back). */
  source: NetworkDocument;
}

export function makeVec(precision: Precision, n: number): Vec {
  return precision === 'float32' ? new Float32Array(n) : new Float64Array(n);
}

export function compile(raw: NetworkDocument, precision: Precision = 'float64'): Plan {
  const doc = validateNetwork(raw);
  const recurrent = doc.nodes.find((n) => n.kind === 'recurrent');
  if (recurrent) {
    throw new DocumentError(
      `"${recurrent.id}" is a recurrent layer: this network reads sequences, one step at a time, and trains on a sequence dataset`,
      { node: recurrent.id },
    );
  }
  const byId = new Map<string, NetworkNode>(doc.nodes.map((n) => [n.id, n]));
  const order = topologicalOrder(doc).map((id) => byId.get(id) as NetworkNode);
  const blockIndex = new Map<string, number>();
  const blocks: Block[] = [];
  let unitOffset = 0;
  let inputOffset = 0;
  let paramCount = 0;
  // Inputs take their slice of x in document order, which the user controls.
  const inputStarts = new Map<string, number>();
  for (const node of doc.nodes) {
    if (node.kind === 'input') {
      inputStarts.set(node.id, inputOffset);
      inputOffset += node.size;
    }
  }
  for (const node of order) {
    if (node.kind === 'output') continue;
    if (node.kind === 'recurrent') continue; // refused above
    const size = unitCount(node);
    const block: Block = {
      nodeId: node.id,
      kind: node.kind,
      size,
      unitOffset,
      activation: node.kind === 'input' ? activations.linear : activations[node.activation],
      biasOffset: -1,
      inputOffset: node.kind === 'input' ? (inputStarts.get(node.id) ?? 0) : -1,
      inputs: [],
      consumers: [],
    };
    unitOffset += size;
    if (node.kind !== 'input') {
      block.biasOffset = paramCount;
      paramCount += size;
      for (const edge of doc.edges) {
        if (edge.target !== node.id) continue;
        const source = blockIndex.get(edge.source) as number;
        block.inputs.push({ source, edgeId: edge.id, weightOffset: paramCount });
        blocks[source].consumers.push(blocks.length);
        paramCount += size * blocks[source].size;
      }
    }
    blockIndex.set(node.id, blocks.length);
    blocks.push(block);
  }

  const params = makeVec(precision, paramCount);
  const frozen = new Uint8Array(paramCount);
  const isWeight = new Uint8Array(paramCount);
  const edgesById = new Map(doc.edges.map((e) => [e.id, e]));
  for (const block of blocks) {
    if (block.kind === 'input') continue;
    const node = byId.get(block.nodeId) as Exclude<NetworkNode, { kind: 'input' | 'output' | 'recurrent' }>;
    const biases = node.kind === 'neuron' ? [node.bias] : node.biases;
    for (let j = 0; j < block.size; j++) params[block.biasOffset + j] = biases[j];
    if (node.frozen) frozen.fill(1, block.biasOffset, block.biasOffset + block.size);
    for (const input of block.inputs) {
      const edge = edgesById.get(input.edgeId);
      const rows = edge?.weights ?? [];
      const cols = blocks[input.source].size;
      for (let j = 0; j < block.size; j++) {
        const row = rows[j];
        for (let k = 0; k < cols; k++) params[input.weightOffset + j * cols + k] = row[k];
      }
      isWeight.fill(1, input.weightOffset, input.weightOffset + block.size * cols);
      if (edge?.frozen) frozen.fill(1, input.weightOffset, input.weightOffset + block.size * cols);
    }
  }

  let output: OutputBinding | null = null;
  const outNode = doc.nodes.find((n) => n.kind === 'output');
  if (outNode && outNode.kind === 'output') {
    const outBlocks = doc.edges.filter((e) => e.target === outNode.id).map((e) => blockIndex.get(e.source) as number);
    const cost = costs[outNode.cost];
    const closedForm = new Uint8Array(blocks.length);
    for (const b of outBlocks) {
      const act = blocks[b].activation.name;
      if ((cost.name === 'crossEntropy' && act === 'sigmoid') || (cost.name === 'logLikelihood' && act === 'softmax')) closedForm[b] = 1;
    }
    output = {
      nodeId: outNode.id,
      cost,
      blocks: outBlocks,
      size: outBlocks.reduce((s, b) => s + blocks[b].size, 0),
      closedForm,
    };
  }

  return {
    precision,
    blocks,
    totalUnits: unitOffset,
    inputSize: inputOffset,
    params,
    frozen,
    isWeight,
    output,
    untrainableReason: untrainableReason(blocks, output),
    source: doc,
  };
}

function untrainableReason(blocks: Block[], output: OutputBinding | null): string | null {
  if (!output) return 'the network has no Output node: connect the units to predict to an Output';
  if (output.size === 0) return `Output "${output.nodeId}" is not connected to any neuron or layer`;
  const step = blocks.find((b) => !b.activation.differentiable);
  if (step) {
    return `"${step.nodeId}" is a perceptron: its step has no slope, so gradient descent cannot train it. Switch it to sigmoid to train`;
  }
  const outActs = output.blocks.map((b) => blocks[b].activation.name);
  if (output.cost.name === 'logLikelihood' && (output.blocks.length !== 1 || outActs[0] !== 'softmax')) {
    return 'the log-likelihood cost needs the Output fed by exactly one softmax layer';
  }
  if (output.cost.name === 'crossEntropy' && outActs.some((a) => a !== 'sigmoid' && a !== 'softmax')) {
    return 'the cross-entropy cost needs outputs between 0 and 1: use sigmoid (or softmax) output units';
  }
  return null;
}

/** Throws when the plan cannot be trained, with the reason a user can act on. */
export function assertTrainable(plan: Plan): asserts plan is Plan & { output: OutputBinding } {
  if (plan.untrainableReason) throw new DocumentError(`Cannot train: ${plan.untrainableReason}.`);
}

/** The document with the plan's current weights and biases written back into it. */
export function writeBack(plan: Plan): NetworkDocument {
  const doc = plan.source;
  const params = plan.params;
  const byNode = new Map(plan.blocks.map((b) => [b.nodeId, b]));
  const weightsByEdge = new Map<string, number[][]>();
  for (const block of plan.blocks) {
    for (const input of block.inputs) {
      const cols = plan.blocks[input.source].size;
      const rows: number[][] = [];
      for (let j = 0; j < block.size; j++) {
        rows.push(Array.from(params.subarray(input.weightOffset + j * cols, input.weightOffset + (j + 1) * cols)));
      }
      weightsByEdge.set(input.edgeId, rows);
    }
  }
  return {
    ...doc,
    nodes: doc.nodes.map((node) => {
      const block = byNode.get(node.id);
      if (!block || block.biasOffset < 0) return node;
      if (node.kind === 'neuron') return { ...node, bias: params[block.biasOffset] };
      if (node.kind === 'layer') {
        return { ...node, biases: Array.from(params.subarray(block.biasOffset, block.biasOffset + block.size)) };
      }
      return node;
    }),
    edges: doc.edges.map((edge) => {
      const w = weightsByEdge.get(edge.id);
      return w ? { ...edge, weights: w } : edge;
    }),
  };
}
