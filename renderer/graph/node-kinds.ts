/**
 * The four kinds of node a user can place, with what the palette says about
 * them and the document node a fresh one starts as.
 */
import type { NetworkNode, NodeKind, Position } from '../../engine/document';
import { initialRecurrentParameters } from './recurrent-init';

export interface NodeKindInfo {
  kind: NodeKind;
  title: string;
  /** One line for the palette and for screen readers. */
  description: string;
  create(id: string, label: string, position: Position): NetworkNode;
}

export const DEFAULT_LAYER_SIZE = 3;
export const DEFAULT_RECURRENT_SIZE = 4;

export const NODE_KINDS: Readonly<Record<NodeKind, NodeKindInfo>> = {
  input: {
    kind: 'input',
    title: 'Input',
    description: 'A number fed to the network (or a whole image)',
    create: (id, label, position) => ({ id, kind: 'input', label, position, size: 1 }),
  },
  neuron: {
    kind: 'neuron',
    title: 'Neuron',
    description: 'One unit: weighted sum of its inputs plus a bias, through an activation',
    create: (id, label, position) => ({ id, kind: 'neuron', label, position, activation: 'sigmoid', bias: 0 }),
  },
  layer: {
    kind: 'layer',
    title: 'Layer',
    description: 'A dense block of units sharing an activation',
    create: (id, label, position) => ({
      id,
      kind: 'layer',
      label,
      position,
      size: DEFAULT_LAYER_SIZE,
      activation: 'sigmoid',
      biases: new Array<number>(DEFAULT_LAYER_SIZE).fill(0),
    }),
  },
  recurrent: {
    kind: 'recurrent',
    title: 'LSTM',
    description: 'A recurrent layer that reads its Input as a sequence: the LSTM cell, or a plain tanh layer',
    create: (id, label, position) => ({
      id,
      kind: 'recurrent',
      label,
      position,
      cell: 'lstm',
      size: DEFAULT_RECURRENT_SIZE,
      outputs: 'last',
      // Seeded by the id, drawn as a trainer initialises the cell: all zeros would give it no recurrence at all.
      ...initialRecurrentParameters(id, 'lstm', DEFAULT_RECURRENT_SIZE),
    }),
  },
  output: {
    kind: 'output',
    title: 'Output',
    description: 'Collects the units the network predicts and binds the cost',
    create: (id, label, position) => ({ id, kind: 'output', label, position, cost: 'quadratic' }),
  },
};

export const PALETTE_ORDER: readonly NodeKind[] = ['input', 'neuron', 'layer', 'output', 'recurrent'];

export function isNodeKind(value: string): value is NodeKind {
  return Object.hasOwn(NODE_KINDS, value);
}
