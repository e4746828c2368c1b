/**
 * The four kinds of node a user can place, with what the palette says about
 * them and the document node a fresh one starts as.
 */
import type { NetworkNode, NodeKind, Position } from '../../engine/document';

export interface NodeKindInfo {
  kind: NodeKind;
  title: string;
  /** One line for the palette and for screen readers. */
  description: string;
  create(id: string, label: string, position: Position): NetworkNode;
}

export const DEFAULT_LAYER_SIZE = 3;

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
  output: {
    kind: 'output',
    title: 'Output',
    description: 'Collects the units the network predicts and binds the cost',
    create: (id, label, position) => ({ id, kind: 'output', label, position, cost: 'quadratic' }),
  },
};

export const PALETTE_ORDER: readonly NodeKind[] = ['input', 'neuron', 'layer', 'output'];

export function isNodeKind(value: string): value is NodeKind {
  return value === 'input' || value === 'neuron' || value === 'layer' || value === 'output';
}
