/** The node and edge components, defined once at module level so React Flow never remounts them. */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { BindingEdge } from './edges/BindingEdge';
import { MatrixEdge } from './edges/MatrixEdge';
import { ScalarEdge } from './edges/ScalarEdge';
import { InputNodeView } from './nodes/InputNodeView';
import { LayerNodeView } from './nodes/LayerNodeView';
import { NeuronNodeView } from './nodes/NeuronNodeView';
import { OutputNodeView } from './nodes/OutputNodeView';
import { RecurrentNodeView } from './nodes/RecurrentNodeView';

export const nodeTypes = {
  inputNode: InputNodeView,
  neuronNode: NeuronNodeView,
  layerNode: LayerNodeView,
  outputNode: OutputNodeView,
  recurrentNode: RecurrentNodeView,
} satisfies NodeTypes;

export const edgeTypes = {
  scalarEdge: ScalarEdge,
  matrixEdge: MatrixEdge,
  bindingEdge: BindingEdge,
} satisfies EdgeTypes;
