/**
 * A small builder for lesson documents: nodes placed on a grid of columns
 * (left to right, input to output) and rows centred on y = 0, so a canvas
 * zoomed to fit shows every lesson the same way round.
 */
import type { ActivationName } from '../activations';
import type { CostName } from '../costs';
import {
  NETWORK_FORMAT,
  NETWORK_VERSION,
  validateNetwork,
  type NetworkDocument,
  type NetworkEdge,
  type NetworkNode,
  type Position,
} from '../document';

export const COLUMN_WIDTH = 240;
export const ROW_HEIGHT = 90;

/** Position of row `row` of `rows` in column `column`, the column centred on y = 0. */
export function gridPosition(column: number, row = 0, rows = 1, rowHeight = ROW_HEIGHT): Position {
  return { x: column * COLUMN_WIDTH, y: Math.round((row - (rows - 1) / 2) * rowHeight) };
}

/** -0 (from -s w with s = 0) would come back from a saved file as 0: store 0 from the start. */
function plain(v: number): number {
  return v === 0 ? 0 : v;
}

export class NetworkBuilder {
  private readonly nodes: NetworkNode[] = [];
  private readonly edges: NetworkEdge[] = [];

  input(id: string, label: string, position: Position, size = 1, image?: { width: number; height: number }): this {
    this.nodes.push({ id, kind: 'input', label, position, size, ...(image ? { image } : {}) });
    return this;
  }

  neuron(id: string, label: string, position: Position, activation: ActivationName, bias: number, frozen = false): this {
    this.nodes.push({ id, kind: 'neuron', label, position, activation, bias: plain(bias), ...(frozen ? { frozen } : {}) });
    return this;
  }

  layer(id: string, label: string, position: Position, activation: ActivationName, biases: number[], frozen = false): this {
    this.nodes.push({ id, kind: 'layer', label, position, size: biases.length, activation, biases: biases.map(plain), ...(frozen ? { frozen } : {}) });
    return this;
  }

  output(id: string, label: string, position: Position, cost: CostName): this {
    this.nodes.push({ id, kind: 'output', label, position, cost });
    return this;
  }

  /** An edge with its weight matrix (rows = target units); none for an edge into the Output. */
  connect(source: string, target: string, weights?: number[][], frozen = false): this {
    const w = weights?.map((row) => row.map(plain));
    this.edges.push({ id: `${source}->${target}`, source, target, ...(w ? { weights: w } : {}), ...(frozen ? { frozen } : {}) });
    return this;
  }

  /** The finished document, validated so a lesson can never hand the canvas a broken network. */
  build(): NetworkDocument {
    return validateNetwork({ format: NETWORK_FORMAT, version: NETWORK_VERSION, nodes: this.nodes, edges: this.edges });
  }
}

/** Multiplies every weight and bias of a document by c (the seed's exercises 1.1 and 1.2). */
export function scaleParameters(doc: NetworkDocument, c: number): NetworkDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      if (n.kind === 'neuron') return { ...n, bias: c * n.bias };
      if (n.kind === 'layer') return { ...n, biases: n.biases.map((b) => c * b) };
      return n;
    }),
    edges: doc.edges.map((e) => (e.weights ? { ...e, weights: e.weights.map((row) => row.map((w) => c * w)) } : e)),
  };
}

/** A number for a node label: at most four significant digits, no float noise (0.30000000000000004 -> 0.3). */
export function formatNumber(v: number): string {
  return String(Number(v.toPrecision(4)));
}
