/**
 * What React Flow draws, derived from the document. Per-kind node data is a
 * discriminated union keyed by the node type; each carries the document node
 * itself, so a component never looks anything up and memo can compare by
 * reference.
 */
import type { Edge, Node } from '@xyflow/react';
import type { InputNode, LayerNode, NetworkEdge, NeuronNode, OutputNode, RecurrentNode } from '../../engine/document';

export type InputFlowNode = Node<{ node: InputNode }, 'inputNode'>;
export type NeuronFlowNode = Node<{ node: NeuronNode }, 'neuronNode'>;
export type LayerFlowNode = Node<{ node: LayerNode }, 'layerNode'>;
export type OutputFlowNode = Node<{ node: OutputNode }, 'outputNode'>;
export type RecurrentFlowNode = Node<{ node: RecurrentNode }, 'recurrentNode'>;
export type FlowNode = InputFlowNode | NeuronFlowNode | LayerFlowNode | RecurrentFlowNode | OutputFlowNode;
export type FlowNodeType = FlowNode['type'] & string;

/** A single weight: drawn with width by |w| (relative to the largest into the same node) and colour by sign. */
export type ScalarEdgeData = { edge: NetworkEdge; weight: number; relative: number };
/** A weight matrix: one edge with its shape and mean |w|; into a recurrent node, `gates` blocks of rows / gates stacked (W_r; W_s; W_f; W_l). */
export type MatrixEdgeData = { edge: NetworkEdge; rows: number; cols: number; meanAbs: number; gates?: number };
/** An edge into the Output: no weights, it says which units the network predicts. */
export type BindingEdgeData = { edge: NetworkEdge };

export type ScalarFlowEdge = Edge<ScalarEdgeData, 'scalarEdge'>;
export type MatrixFlowEdge = Edge<MatrixEdgeData, 'matrixEdge'>;
export type BindingFlowEdge = Edge<BindingEdgeData, 'bindingEdge'>;
export type FlowEdge = ScalarFlowEdge | MatrixFlowEdge | BindingFlowEdge;
export type FlowEdgeType = 'scalarEdge' | 'matrixEdge' | 'bindingEdge';

export interface Size {
  width: number;
  height: number;
}
